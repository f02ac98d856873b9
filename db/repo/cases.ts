// The officers' side of reports: inbox and ledger queries (always scoped to a jurisdiction or the whole
// city), case actions as batch statements, Annex 4, warning decisions and the Annex 4 deadline rows.
// A change and its audit event go in one batch; where a change may be refused by its guard (someone else
// claimed first, the outbox row already exists), the event is inserted only if the change took effect.
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type BatchItem, type Db, rawStatement } from '../client';

export { rowsChanged } from '../client';

import {
  accountabilityEntries,
  annex4,
  employers,
  jurisdictions,
  officers,
  outbox,
  reportEvents,
  reportItems,
  reports,
  warningDecisions,
} from '../schema';
import { accountabilityStatement, type NewAccountabilityEntry } from './accountability';
import {
  type NewEmployer,
  type NewReport,
  type ReportRow,
  reportRecordStatements,
  reportSubmittedRow,
} from './reports';
import { openCountsByArea, todoTotals } from './stats';

export type CaseStatus = ReportRow['status'];
export const CASE_STATUSES = ['new', 'claimed', 'annex4_submitted', 'closed'] as const satisfies readonly CaseStatus[];
const OPEN: CaseStatus[] = ['new', 'claimed'];

/** null = the whole city. */
export interface Scope {
  jurisdictionId: string | null;
}

const inScope = (scope: Scope) =>
  scope.jurisdictionId === null ? undefined : eq(reports.jurisdictionId, scope.jurisdictionId);

export interface CaseFilters {
  jurisdictionId?: string;
  item?: string;
  status?: CaseStatus;
  /** submitted_at in [from, to) */
  from?: Date;
  to?: Date;
  /** Unit name (part), USCC or receipt. */
  q?: string;
  /** Canonical receipt when `q` reads as one. */
  receipt?: string;
  /** Leave closed (销号) cases out — the inbox's default. */
  open?: boolean;
  /** The inbox's to-do counts as filters: unclaimed, due within DUE_SOON_MS, or overdue (open cases). */
  attention?: Attention;
}

export const ATTENTION = ['unclaimed', 'soon', 'overdue'] as const;
export type Attention = (typeof ATTENTION)[number];
/** "即将逾期": Annex 4 due within two hours (as the inbox orders them). */
export const DUE_SOON_MS = 2 * 3_600_000;

export interface CaseListItem {
  id: string;
  receipt: string;
  unitName: string;
  uscc: string | null;
  jurisdictionId: string;
  jurisdictionName: string | null;
  items: string[];
  severity: ReportRow['severity'];
  urgency: ReportRow['urgency'];
  late: boolean;
  unreported: boolean;
  status: CaseStatus;
  channel: ReportRow['channel'];
  claimedBy: string | null;
  claimantName: string | null;
  submittedAt: Date;
  annex4DueAt: Date;
  closedAt: Date | null;
  /** The case's reports: itself and its follow-ups (续报). */
  reportCount: number;
}

const listColumns = {
  id: reports.id,
  receipt: reports.receipt,
  unitName: reports.unitName,
  uscc: reports.uscc,
  jurisdictionId: reports.jurisdictionId,
  jurisdictionName: jurisdictions.nameZh,
  items: reports.items,
  severity: reports.severity,
  urgency: reports.urgency,
  late: reports.late,
  unreported: reports.unreported,
  status: reports.status,
  channel: reports.channel,
  claimedBy: reports.claimedBy,
  claimantName: officers.displayName,
  submittedAt: reports.submittedAt,
  annex4DueAt: reports.annex4DueAt,
  closedAt: reports.closedAt,
  // Served by reports_case_idx.
  reportCount:
    sql<number>`(SELECT count(*) FROM "reports" AS "follow_ups" WHERE "follow_ups"."case_id" = ${reports.id}) + 1`.mapWith(
      Number,
    ),
};

/** Open cases needing action of one kind (the inbox's counts and their filters). */
function attentionCondition(a: Attention, now: Date): SQL | undefined {
  const open = inArray(reports.status, OPEN);
  if (a === 'unclaimed') return eq(reports.status, 'new');
  if (a === 'overdue') return and(open, lt(reports.annex4DueAt, now));
  return and(open, gte(reports.annex4DueAt, now), lt(reports.annex4DueAt, new Date(now.getTime() + DUE_SOON_MS)));
}

/** LIKE with the user's % and _ taken literally. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filterConditions(scope: Scope, f: CaseFilters, now?: Date): (SQL | undefined)[] {
  const q = f.q?.trim();
  const item = f.item;
  return [
    inScope(scope),
    f.open ? ne(reports.status, 'closed') : undefined,
    // Cases only: a follow-up (续报) is listed on its case's page, not as a case of its own.
    isNull(reports.caseId),
    f.attention && now ? attentionCondition(f.attention, now) : undefined,
    f.jurisdictionId ? eq(reports.jurisdictionId, f.jurisdictionId) : undefined,
    f.status ? eq(reports.status, f.status) : undefined,
    f.from ? gte(reports.submittedAt, f.from) : undefined,
    f.to ? lt(reports.submittedAt, f.to) : undefined,
    // Served by report_items_item_idx (item, submitted_at).
    item
      ? inArray(
          reports.id,
          sql`(SELECT ${reportItems.reportId} FROM ${reportItems} WHERE ${reportItems.item} = ${item})`,
        )
      : undefined,
    q
      ? sql`(${reports.receipt} = ${f.receipt ?? ''} OR ${reports.uscc} = ${q.toUpperCase()} OR ${reports.unitName} LIKE ${likeEscaped(q)} ESCAPE '\\')`
      : undefined,
  ];
}

/**
 * What needs action comes first: open cases that are urgent or whose Annex 4 is due within two hours
 * (or overdue), then unclaimed ones, then the other open ones — each group by due time — then the rest.
 */
function actionOrder(now: Date): SQL {
  const soon = now.getTime() + DUE_SOON_MS;
  return sql`CASE
    WHEN ${reports.status} IN ('new', 'claimed') AND (${reports.urgency} = 'immediate' OR ${reports.annex4DueAt} <= ${soon}) THEN 0
    WHEN ${reports.status} = 'new' THEN 1
    WHEN ${reports.status} = 'claimed' THEN 2
    ELSE 3 END`;
}

export function listCases(
  db: Db,
  scope: Scope,
  filters: CaseFilters,
  now: Date,
  page: { limit: number; offset: number },
): Promise<CaseListItem[]> {
  return db
    .select(listColumns)
    .from(reports)
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .leftJoin(officers, eq(officers.id, reports.claimedBy))
    .where(and(...filterConditions(scope, filters, now)))
    .orderBy(actionOrder(now), asc(reports.annex4DueAt), desc(reports.submittedAt))
    .limit(page.limit)
    .offset(page.offset);
}

export interface InboxCounts {
  unclaimed: number;
  soon: number;
  overdue: number;
}

/**
 * The to-do counts at the top of the inbox and the overview: cases only, in scope — the per-area open counts
 * added up (the boundaries are attentionCondition's), so no count walks the overdue cases.
 */
export async function inboxCounts(db: Db, scope: Scope, now: Date): Promise<InboxCounts> {
  return todoTotals(await openCountsByArea(db, now, DUE_SOON_MS, scope.jurisdictionId ?? undefined));
}

export interface CaseDetail {
  report: ReportRow;
  jurisdiction: typeof jurisdictions.$inferSelect | null;
  claimantName: string | null;
}

/** A case, or undefined when it does not exist OR lies outside the scope (callers answer 404 for both). */
export async function findCase(db: Db, id: string, scope: Scope): Promise<CaseDetail | undefined> {
  const [row] = await db
    .select({ report: reports, jurisdiction: jurisdictions, claimantName: officers.displayName })
    .from(reports)
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .leftJoin(officers, eq(officers.id, reports.claimedBy))
    .where(and(eq(reports.id, id), inScope(scope)));
  return row;
}

export interface CaseEvent {
  id: number;
  at: Date;
  actorType: 'reporter' | 'officer' | 'system';
  actorId: string | null;
  actorName: string | null;
  type: string;
  data: unknown;
}

export function caseEvents(db: Db, reportId: string): Promise<CaseEvent[]> {
  return db
    .select({
      id: reportEvents.id,
      at: reportEvents.at,
      actorType: reportEvents.actorType,
      actorId: reportEvents.actorId,
      actorName: officers.displayName,
      type: reportEvents.type,
      data: reportEvents.data,
    })
    .from(reportEvents)
    .leftJoin(officers, and(eq(reportEvents.actorType, 'officer'), eq(officers.id, reportEvents.actorId)))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

export interface NewEvent {
  reportId: string | null;
  at: Date;
  actorType: 'reporter' | 'officer' | 'system';
  actorId: string | null;
  type: string;
  data: unknown;
}

export function eventStatement(db: Db, e: NewEvent): BatchItem {
  return db.insert(reportEvents).values(e);
}

/** An event inserted only when `condition` holds at that point of the batch (i.e. the guarded change happened). */
export function eventIf(db: Db, e: NewEvent, condition: SQL): BatchItem {
  return rawStatement(
    db,
    sql`INSERT INTO report_events (report_id, at, actor_type, actor_id, type, data)
    SELECT ${e.reportId}, ${e.at.getTime()}, ${e.actorType}, ${e.actorId}, ${e.type}, ${JSON.stringify(e.data ?? null)}
    WHERE ${condition}`,
  );
}

/**
 * "The statement just before this one changed a row": SQLite's changes() reports the last completed INSERT,
 * UPDATE or DELETE on the connection, and a batch runs its statements in order on one connection (libSQL
 * and D1 alike). A guarded update that was refused leaves 0, so its event is not written.
 */
const previousChanged = sql`changes() > 0`;

/**
 * A fan-out source row written only `when` the condition holds (and once: ON CONFLICT on its id or dedupe
 * key does nothing). The statements after it in the batch check `writtenBy(id)` to follow only if THIS
 * attempt wrote it.
 */
function sourceRowIf(
  db: Db,
  row: { id: string; kind: string; reportId: string; dedupeKey: string; now: Date; payload?: object },
  when: SQL,
): BatchItem {
  const payload = JSON.stringify(row.payload ?? { reportId: row.reportId });
  const at = row.now.getTime();
  return rawStatement(
    db,
    sql`INSERT INTO outbox (id, kind, report_id, channel_id, payload, dedupe_key, state, attempts, next_attempt_at, created_at)
    SELECT ${row.id}, ${row.kind}, ${row.reportId}, NULL, ${payload}, ${row.dedupeKey}, 'pending', 0, ${at}, ${at}
    WHERE ${when}
    ON CONFLICT DO NOTHING`,
  );
}

/** "The source row with this id exists": this attempt wrote it (ids are drawn per attempt). */
const writtenBy = (outboxId: string) => sql`EXISTS (SELECT 1 FROM ${outbox} WHERE ${outbox.id} = ${outboxId})`;

/** Claims an unclaimed open case; the event is written only if this officer's claim won. */
export function claimStatements(db: Db, reportId: string, officerId: string, now: Date): BatchItem[] {
  return [
    db
      .update(reports)
      .set({
        claimedBy: officerId,
        claimedAt: now,
        status: sql`CASE WHEN ${reports.status} = 'new' THEN 'claimed' ELSE ${reports.status} END`,
      })
      .where(and(eq(reports.id, reportId), sql`${reports.claimedBy} IS NULL`, ne(reports.status, 'closed'))),
    eventIf(
      db,
      { reportId, at: now, actorType: 'officer', actorId: officerId, type: 'claimed', data: null },
      previousChanged,
    ),
  ];
}

/**
 * Hands a case over, guarded by the claimant the officer saw on the page (`expectedClaimant`), so two
 * officers handing over at once cannot both succeed.
 */
export function handOverStatements(
  db: Db,
  a: {
    reportId: string;
    expectedClaimant: string | null;
    to: string;
    toName: string;
    by: string;
    note: string;
    now: Date;
  },
): BatchItem[] {
  const guard =
    a.expectedClaimant === null ? sql`${reports.claimedBy} IS NULL` : eq(reports.claimedBy, a.expectedClaimant);
  return [
    db
      .update(reports)
      .set({
        claimedBy: a.to,
        claimedAt: a.now,
        status: sql`CASE WHEN ${reports.status} = 'new' THEN 'claimed' ELSE ${reports.status} END`,
      })
      .where(and(eq(reports.id, a.reportId), guard, ne(reports.status, 'closed'))),
    eventIf(
      db,
      {
        reportId: a.reportId,
        at: a.now,
        actorType: 'officer',
        actorId: a.by,
        type: 'handed_over',
        data: { from: a.expectedClaimant, to: a.to, toName: a.toName, note: a.note || null },
      },
      previousChanged,
    ),
  ];
}

export interface ReporterMessage {
  reportId: string;
  officerId: string;
  text: string;
  by: string;
  now: Date;
  /** Set for Telegram reporters: the dispatcher sends the text to this chat. */
  telegram?: { outboxId: string; chatId: string };
  /** Set for WeChat reporters: a customer-service message row (src/wechat/outbound.ts) to this openid. */
  wechat?: BatchItem;
}

/** The message is a reporter-visible 'message_out' event (status page); Telegram reporters also get it by chat. */
export function reporterMessageStatements(db: Db, m: ReporterMessage): BatchItem[] {
  const out: BatchItem[] = [
    eventStatement(db, {
      reportId: m.reportId,
      at: m.now,
      actorType: 'officer',
      actorId: m.officerId,
      type: 'message_out',
      data: { text: m.text, by: m.by },
    }),
  ];
  if (m.telegram) {
    out.push(
      db.insert(outbox).values({
        id: m.telegram.outboxId,
        kind: 'reporter_message',
        reportId: m.reportId,
        channelId: null,
        payload: { chatId: m.telegram.chatId, text: m.text },
        dedupeKey: `reporter_message:${m.telegram.outboxId}`,
        nextAttemptAt: m.now,
        createdAt: m.now,
      }),
    );
  }
  if (m.wechat) out.push(m.wechat);
  return out;
}

/** 销号: closes an open or filed case with a written reason. */
/**
 * 销号. Guarded so the case is closed only from the status the caller checked: after Annex 4 was filed, or —
 * with the city office's approval (`cityApproval`) — from any open status, so the 24-hour duty cannot end
 * silently by closing first.
 */
export function closeStatements(
  db: Db,
  reportId: string,
  officerId: string,
  reason: string,
  now: Date,
  cityApproval = false,
): BatchItem[] {
  const from = cityApproval ? ne(reports.status, 'closed') : eq(reports.status, 'annex4_submitted');
  return [
    db
      .update(reports)
      .set({ status: 'closed', closedAt: now })
      .where(and(eq(reports.id, reportId), from)),
    eventIf(
      db,
      {
        reportId,
        at: now,
        actorType: 'officer',
        actorId: officerId,
        type: 'closed',
        data: cityApproval ? { reason, cityApproval: true } : { reason },
      },
      previousChanged,
    ),
  ];
}

// Annex 4 ----------------------------------------------------------------------------------------------

export type Annex4Row = typeof annex4.$inferSelect;

export async function findAnnex4(db: Db, reportId: string): Promise<Annex4Row | undefined> {
  const [row] = await db.select().from(annex4).where(eq(annex4.reportId, reportId));
  return row;
}

/** Saves a draft; a form already submitted is never overwritten. */
export function saveAnnex4DraftStatements(
  db: Db,
  reportId: string,
  data: unknown,
  officerId: string,
  now: Date,
): BatchItem[] {
  return [
    db
      .insert(annex4)
      .values({ reportId, data, status: 'draft', updatedAt: now, updatedBy: officerId })
      .onConflictDoUpdate({
        target: annex4.reportId,
        set: { data, updatedAt: now, updatedBy: officerId },
        // A form the city office returned (退回补充) is edited again; a submitted or accepted one never.
        setWhere: inArray(annex4.status, ['draft', 'returned']),
      }),
    eventIf(
      db,
      { reportId, at: now, actorType: 'officer', actorId: officerId, type: 'annex4_saved', data: null },
      previousChanged,
    ),
  ];
}

/**
 * Submits Annex 4 to the city office, once: the outbox row for the delivery (kind 'annex4_submitted', unique
 * per report) goes first, and the form, the case status and the event follow only if THIS attempt inserted
 * it (recognised by the id generated for the attempt), so a double submit changes nothing the second time.
 */
export function submitAnnex4Statements(
  db: Db,
  a: { reportId: string; data: unknown; officerId: string; outboxId: string; now: Date },
): BatchItem[] {
  const { reportId, now } = a;
  const thisAttempt = writtenBy(a.outboxId);
  return [
    sourceRowIf(
      db,
      { id: a.outboxId, kind: 'annex4_submitted', reportId, dedupeKey: `annex4_submitted:${reportId}`, now },
      sql`NOT EXISTS (SELECT 1 FROM annex4 WHERE report_id = ${reportId} AND status IN ('submitted', 'accepted'))`,
    ),
    // A later return (退回补充) notifies the district again: the last return's keys are set aside.
    retireKeys(db, 'annex4_returned', reportId, now),
    db
      .insert(annex4)
      .values({ reportId, data: a.data, status: 'submitted', updatedAt: now, updatedBy: a.officerId, submittedAt: now })
      .onConflictDoUpdate({
        target: annex4.reportId,
        set: {
          data: a.data,
          status: 'submitted',
          updatedAt: now,
          updatedBy: a.officerId,
          submittedAt: now,
          reviewedAt: null,
          reviewedBy: null,
          reviewNote: null,
        },
        setWhere: and(inArray(annex4.status, ['draft', 'returned']), thisAttempt),
      }),
    db
      .update(reports)
      .set({ status: 'annex4_submitted' })
      .where(and(eq(reports.id, reportId), inArray(reports.status, OPEN), thisAttempt)),
    eventIf(
      db,
      { reportId, at: now, actorType: 'officer', actorId: a.officerId, type: 'annex4_submitted', data: null },
      thisAttempt,
    ),
  ];
}

/**
 * Renames the dedupe keys of a notice's earlier rows for a case ('<kind>:<report>' and its per-channel
 * '<kind>:<report>:<channel>'), so the same notice can be sent again after the case went round once more.
 */
function retireKeys(db: Db, kind: string, reportId: string, now: Date): BatchItem {
  const key = `${kind}:${reportId}`;
  return db
    .update(outbox)
    .set({ dedupeKey: sql`${outbox.dedupeKey} || ${`~${now.getTime()}`}` })
    .where(
      and(
        eq(outbox.reportId, reportId),
        sql`(${outbox.dedupeKey} = ${key} OR substr(${outbox.dedupeKey}, 1, ${key.length + 1}) = ${`${key}:`})`,
      ),
    );
}

/**
 * The city office's answer to a submitted Annex 4 (签收 or 退回补充), once: only a form still 'submitted'
 * changes. A return reopens the case for the district (status back to 'claimed'), tells the district's
 * channels through the outbox, and lets the form be submitted again.
 */
export function reviewAnnex4Statements(
  db: Db,
  a: {
    reportId: string;
    decision: 'accepted' | 'returned';
    note: string;
    officerId: string;
    outboxId: string;
    now: Date;
  },
): BatchItem[] {
  const { reportId, now } = a;
  const reviewed = sql`EXISTS (SELECT 1 FROM ${annex4} WHERE ${annex4.reportId} = ${reportId}
    AND ${annex4.status} = ${a.decision} AND ${annex4.reviewedAt} = ${now.getTime()})`;
  const statements: BatchItem[] = [
    db
      .update(annex4)
      .set({ status: a.decision, reviewedAt: now, reviewedBy: a.officerId, reviewNote: a.note || null })
      .where(and(eq(annex4.reportId, reportId), eq(annex4.status, 'submitted'))),
    eventIf(
      db,
      {
        reportId,
        at: now,
        actorType: 'officer',
        actorId: a.officerId,
        type: a.decision === 'accepted' ? 'annex4_accepted' : 'annex4_returned',
        data: a.note ? { [a.decision === 'accepted' ? 'note' : 'reason']: a.note } : null,
      },
      reviewed,
    ),
  ];
  if (a.decision === 'returned') {
    statements.push(
      db
        .update(reports)
        .set({ status: 'claimed' })
        .where(and(eq(reports.id, reportId), eq(reports.status, 'annex4_submitted'), reviewed)),
      retireKeys(db, 'annex4_submitted', reportId, now),
      sourceRowIf(
        db,
        { id: a.outboxId, kind: 'annex4_returned', reportId, dedupeKey: `annex4_returned:${reportId}`, now },
        reviewed,
      ),
    );
  }
  return statements;
}

/**
 * An officer marks a case urgent or not (with a written reason): its urgency and Annex 4 deadline change
 * only while the case is still open, not a follow-up, and as urgent as the officer saw it. The notice to the
 * district and the city office goes first and is the guard: the case and the event change only if THIS
 * attempt wrote it (recognised by its id), so the first statement's changed rows say whether it happened.
 */
export function urgencyStatements(
  db: Db,
  a: {
    reportId: string;
    from: ReportRow['urgency'];
    to: ReportRow['urgency'];
    dueAt: Date;
    officerId: string;
    reason: string;
    outboxId: string;
    now: Date;
  },
): BatchItem[] {
  const { reportId, now } = a;
  const thisAttempt = writtenBy(a.outboxId);
  return [
    sourceRowIf(
      db,
      { id: a.outboxId, kind: 'urgency_marked', reportId, dedupeKey: `urgency_marked:${reportId}:${a.outboxId}`, now },
      sql`EXISTS (SELECT 1 FROM reports WHERE id = ${reportId} AND urgency = ${a.from}
                  AND status <> 'closed' AND case_id IS NULL)`,
    ),
    db
      .update(reports)
      .set({ urgency: a.to, annex4DueAt: a.dueAt })
      .where(and(eq(reports.id, reportId), thisAttempt)),
    eventIf(
      db,
      {
        reportId,
        at: now,
        actorType: 'officer',
        actorId: a.officerId,
        type: a.to === 'immediate' ? 'marked_urgent' : 'marked_not_urgent',
        data: { reason: a.reason, dueAt: a.dueAt.toISOString() },
      },
      thisAttempt,
    ),
  ];
}

// Officer-created cases (走访摸排) --------------------------------------------------------------------

export function officerCaseStatements(
  db: Db,
  c: {
    report: NewReport & { id: string; submittedAt: Date };
    employer: NewEmployer & { id: string };
    officerId: string;
    accountability?: NewAccountabilityEntry[];
    /** Set for an urgent case: the same 'report_submitted' row as an intake report (district + city). */
    outboxId?: string;
  },
): BatchItem[] {
  const { report } = c;
  const at = report.submittedAt;
  return [
    ...reportRecordStatements(db, report, c.employer),
    ...(c.accountability ?? []).map((e) => accountabilityStatement(db, e)),
    ...(c.outboxId ? [reportSubmittedRow(db, c.outboxId, report)] : []),
    eventStatement(db, {
      reportId: report.id,
      at,
      actorType: 'officer',
      actorId: c.officerId,
      type: 'created',
      data: {
        channel: 'officer',
        source: report.source ?? null,
        unreported: report.unreported ?? false,
        urgency: report.urgency,
        severity: report.severity,
      },
    }),
  ];
}

// Ledger (台账) ----------------------------------------------------------------------------------------

export interface LedgerRow extends CaseListItem {
  closeReason: string | null;
}

export function ledger(
  db: Db,
  scope: Scope,
  filters: CaseFilters,
  page: { limit: number; offset: number },
): Promise<LedgerRow[]> {
  const closeReason = sql<string | null>`(SELECT json_extract(${reportEvents.data}, '$.reason') FROM ${reportEvents}
    WHERE ${reportEvents.reportId} = ${reports.id} AND ${reportEvents.type} = 'closed' ORDER BY ${reportEvents.id} DESC LIMIT 1)`;
  return db
    .select({ ...listColumns, closeReason })
    .from(reports)
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .leftJoin(officers, eq(officers.id, reports.claimedBy))
    .where(and(...filterConditions(scope, filters)))
    .orderBy(sql`CASE WHEN ${reports.status} = 'closed' THEN 1 ELSE 0 END`, desc(reports.submittedAt))
    .limit(page.limit)
    .offset(page.offset);
}

export interface EmployerFlags {
  employerId: string;
  name: string;
  uscc: string | null;
  jurisdictionName: string | null;
  reports: number;
  late: number;
  unreported: number;
}

/**
 * Employers with CONFIRMED late or unreported cases (seed §10: credit reminder, integrity interview). A rule's
 * suggestion (疑似迟报) counts only once an officer has confirmed it (accountability_entries).
 */
export function employerFlags(db: Db, scope: Scope): Promise<EmployerFlags[]> {
  const confirmed = (kind: 'late' | 'unreported') =>
    sql<number>`SUM(CASE WHEN EXISTS (SELECT 1 FROM ${accountabilityEntries} ae WHERE ae.case_id = ${reports.id}
      AND ae.kind = ${kind} AND ae.status = 'confirmed') THEN 1 ELSE 0 END)`.mapWith(Number);
  const late = confirmed('late');
  const unreported = confirmed('unreported');
  return db
    .select({
      employerId: employers.id,
      name: employers.name,
      uscc: employers.uscc,
      jurisdictionName: jurisdictions.nameZh,
      reports: sql<number>`COUNT(*)`.mapWith(Number),
      late,
      unreported,
    })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, employers.jurisdictionId))
    .where(and(inScope(scope), isNull(reports.caseId)))
    .groupBy(employers.id)
    .having(sql`${late} > 0 OR ${unreported} > 0`)
    .orderBy(desc(unreported), desc(late), asc(employers.name));
}

// Regional warning level -------------------------------------------------------------------------------

export type WarningDecisionRow = typeof warningDecisions.$inferSelect & { deciderName: string | null };

export function insertWarningDecision(db: Db, d: typeof warningDecisions.$inferInsert) {
  return db.insert(warningDecisions).values(d);
}

export function listWarningDecisions(db: Db, limit: number): Promise<WarningDecisionRow[]> {
  const decider = alias(officers, 'decider');
  return db
    .select({
      id: warningDecisions.id,
      suggestedLevel: warningDecisions.suggestedLevel,
      decidedLevel: warningDecisions.decidedLevel,
      reasons: warningDecisions.reasons,
      note: warningDecisions.note,
      decidedBy: warningDecisions.decidedBy,
      decidedAt: warningDecisions.decidedAt,
      action: warningDecisions.action,
      recipients: warningDecisions.recipients,
      sentAt: warningDecisions.sentAt,
      sentTo: warningDecisions.sentTo,
      deciderName: decider.displayName,
    })
    .from(warningDecisions)
    .leftJoin(decider, eq(decider.id, warningDecisions.decidedBy))
    .orderBy(desc(warningDecisions.decidedAt))
    .limit(limit);
}

// Annex 4 deadlines ------------------------------------------------------------------------------------

export interface DeadlineCandidate {
  id: string;
  jurisdictionId: string;
  annex4DueAt: Date;
  submittedAt: Date;
  urgency: ReportRow['urgency'];
  /** A reminder for the current deadline was already written. */
  reminded: boolean;
}

/**
 * A deadline notice's dedupe key: one per case and deadline, so a deadline an officer moved (marking the case
 * urgent or not) gets its own reminder and escalation. Rows written before deadlines could move have the key
 * without the due time; both are recognised.
 */
export const deadlineNoticeKey = (kind: DeadlineNoticeKind, reportId: string, dueAt: Date) =>
  `${kind}:${reportId}:${dueAt.getTime()}`;

type DeadlineNoticeKind = 'annex4_reminder' | 'annex4_escalation';

// The case's columns are named with their table on purpose: in a SELECT list drizzle writes a column bare
// ("id"), which inside this subquery would be the outbox row's id.
const caseId = sql.raw('"reports"."id"');
const caseDueAt = sql.raw('"reports"."annex4_due_at"');
const noticeWritten = (kind: DeadlineNoticeKind) =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${outbox} WHERE ${outbox.kind} = ${kind} AND ${outbox.dedupeKey} IN (${kind} || ':' || ${caseId}, ${kind} || ':' || ${caseId} || ':' || ${caseDueAt}))`;

/**
 * Open cases due within `leadMs` (the longest reminder lead) whose current deadline has no escalation row
 * yet: once escalated a case drops out, so the tick does not rescan old cases every minute.
 */
export async function deadlineCandidates(
  db: Db,
  now: Date,
  leadMs: number,
  limit: number,
): Promise<DeadlineCandidate[]> {
  const rows = await db
    .select({
      id: reports.id,
      jurisdictionId: reports.jurisdictionId,
      annex4DueAt: reports.annex4DueAt,
      submittedAt: reports.submittedAt,
      urgency: reports.urgency,
      reminded: noticeWritten('annex4_reminder'),
    })
    .from(reports)
    .where(
      and(
        inArray(reports.status, OPEN),
        isNull(reports.caseId),
        lte(reports.annex4DueAt, new Date(now.getTime() + leadMs)),
        sql`NOT ${noticeWritten('annex4_escalation')}`,
      ),
    )
    .orderBy(asc(reports.annex4DueAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, reminded: Boolean(r.reminded) }));
}

/**
 * The deadline notice for one case: an outbox row unique by its dedupe key (INSERT … ON CONFLICT DO
 * NOTHING), and its timeline event only if THIS statement inserted the row — recognised by the row id
 * generated for this attempt. Two ticks racing insert one row and one event. The status guard re-checks
 * that the case is still open at write time.
 */
export function deadlineNoticeStatements(
  db: Db,
  a: { kind: DeadlineNoticeKind; reportId: string; dueAt: Date; outboxId: string; now: Date },
): BatchItem[] {
  const dedupeKey = deadlineNoticeKey(a.kind, a.reportId, a.dueAt);
  return [
    sourceRowIf(
      db,
      {
        id: a.outboxId,
        kind: a.kind,
        reportId: a.reportId,
        dedupeKey,
        now: a.now,
        payload: { reportId: a.reportId, dueAt: a.dueAt.toISOString() },
      },
      sql`EXISTS (SELECT 1 FROM reports WHERE id = ${a.reportId} AND status IN ('new', 'claimed') AND annex4_due_at = ${a.dueAt.getTime()})`,
    ),
    eventIf(
      db,
      {
        reportId: a.reportId,
        at: a.now,
        actorType: 'system',
        actorId: null,
        type: a.kind,
        data: { dueAt: a.dueAt.toISOString() },
      },
      writtenBy(a.outboxId),
    ),
  ];
}

/** Rows changed by a batch statement, from libSQL (`rowsAffected`) or D1 (`meta.changes`). */
