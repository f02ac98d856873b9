// Reports: the submit batch (report, its items, the employer upsert, the audit event, the outbox row)
// and the reporter's status lookup.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type BatchItem, type Db, rawStatement } from '../client';
import { employers, outbox, reportEvents, reportItems, reports } from '../schema';
import { priorityOfUrgency } from './outbox';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type NewEmployer = Omit<typeof employers.$inferInsert, 'createdAt'>;

export interface Submission {
  report: NewReport & { id: string; submittedAt: Date };
  employer: NewEmployer & { id: string };
  /** The first outbox row: the dispatcher fans it out to every channel of the jurisdiction. */
  outboxId: string;
}

/** Unit names compared as the employer key does: no whitespace, half-width brackets, lower case. */
export function normaliseUnitName(name: string): string {
  return name.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase();
}

/** District + normalised name: how a report without a matching USCC finds its employer's open case. */
export function nameKeyOf(jurisdictionId: string, name: string): string {
  return `${jurisdictionId}:${normaliseUnitName(name)}`;
}

/**
 * One incident, one case (SPEC "Triage"): the open case (not closed, itself a case) of the same employer —
 * same USCC, else same normalised name in the same district — or NULL. Evaluated inside the submit batch,
 * so joining adds no round trip.
 *
 * Each way of matching is its own index lookup (`INDEXED BY`), joined with UNION ALL: written as one
 * `uscc = ? OR (uscc IS NULL AND name_key = ?)` with `ORDER BY submitted_at LIMIT 1`, the planner walked
 * every report in submission order through reports_window_idx (~365 ms per submit at 1M reports, bench §10),
 * and with ANALYZE statistics it does the same for the name alone when most rows have no name key.
 */
export function openCaseOf(report: { id: string; uscc?: string | null; nameKey?: string | null }): SQL {
  const open = sql`oc.case_id IS NULL AND oc.status != 'closed' AND oc.id != ${report.id}`;
  const byName = sql`SELECT oc.id, oc.submitted_at FROM ${reports} AS oc INDEXED BY reports_name_key_idx
    WHERE oc.name_key = ${report.nameKey ?? ''} ${report.uscc ? sql`AND oc.uscc IS NULL` : sql``} AND ${open}`;
  const candidates = report.uscc
    ? sql`SELECT oc.id, oc.submitted_at FROM ${reports} AS oc INDEXED BY reports_uscc_idx
        WHERE oc.uscc = ${report.uscc} AND ${open}
      UNION ALL ${byName}`
    : byName;
  return sql`(SELECT id FROM (${candidates}) ORDER BY submitted_at ASC LIMIT 1)`;
}

/**
 * When the new report joined a case: the case takes the follow-up's urgency (an urgent 续报 makes the case
 * urgent, its Annex 4 due no later than the follow-up's), its largest taking-part count and group incident.
 */
function caseUpdateStatement(db: Db, report: Submission['report']): BatchItem {
  const caseOfNew = sql`(SELECT ${reports.caseId} FROM ${reports} WHERE ${reports.id} = ${report.id})`;
  const urgent = report.urgency === 'immediate';
  const people = report.peopleInvolved ?? null;
  return rawStatement(
    db,
    sql`UPDATE ${reports} SET
      urgency = CASE WHEN ${urgent ? 1 : 0} = 1 THEN 'immediate' ELSE urgency END,
      annex4_due_at = CASE WHEN ${urgent ? 1 : 0} = 1 AND status IN ('new', 'claimed')
        THEN min(annex4_due_at, ${report.annex4DueAt instanceof Date ? report.annex4DueAt.getTime() : 0})
        ELSE annex4_due_at END,
      people_involved = CASE WHEN ${people} IS NULL THEN people_involved
        ELSE max(coalesce(people_involved, 0), ${people ?? 0}) END,
      group_incident = max(group_incident, ${report.groupIncident ? 1 : 0})
    WHERE id = ${caseOfNew}`,
  );
}

/** The case the new report joined (id, receipt), read back by the last statement of the submit batch. */
export function joinedCaseStatement(db: Db, reportId: string) {
  const c = alias(reports, 'joined_case');
  return db
    .select({ id: c.id, receipt: c.receipt })
    .from(reports)
    .innerJoin(c, eq(c.id, reports.caseId))
    .where(eq(reports.id, reportId));
}

export type JoinedCase = { id: string; receipt: string };

/** Where a submit's reply names the case its report joined; the submit's batch puts the case's receipt there. */
export const JOINED_CASE_MARK = '{{joined-case-receipt}}';

/**
 * A stored reply for a submit's own batch: whether the report joins an open case is decided inside that
 * batch (one incident, one case), so the value is `joined` with the case's receipt in place of
 * JOINED_CASE_MARK when the stored report has a case, and `plain` otherwise — no extra round trip.
 * Receipts are letters, digits and '-', safe inside the JSON and the message text.
 */
export function joinedOrPlain(joined: unknown, plain: unknown, reportId: string): SQL {
  const caseReceipt = sql`(SELECT c.receipt FROM reports r JOIN reports c ON c.id = r.case_id WHERE r.id = ${reportId})`;
  return sql`coalesce(replace(${JSON.stringify(joined)}, ${JOINED_CASE_MARK}, ${caseReceipt}), ${JSON.stringify(plain)})`;
}

/**
 * The statements of a submission, to be sent in ONE batch together with the guarded draft update
 * and the idempotency key, so either everything is stored or nothing is.
 */
export function submissionStatements(db: Db, s: Submission): BatchItem[] {
  const report = { ...s.report, caseId: openCaseOf(s.report) as unknown as string };
  const at = report.submittedAt;
  return [
    ...reportRecordStatements(db, report, s.employer),
    caseUpdateStatement(db, s.report),
    db.insert(reportEvents).values({
      reportId: report.id,
      at,
      actorType: 'reporter',
      type: 'submitted',
      data: { channel: report.channel, urgency: report.urgency, severity: report.severity, late: report.late },
    }),
    reportSubmittedRow(db, s.outboxId, report),
  ];
}

/**
 * The outbox row that alerts the district (and the city, when urgent) of a new case, whoever opened it: an
 * intake report, or an urgent case an officer enters. Urgent rows are sent first (OUTBOX_PRIORITY).
 */
export function reportSubmittedRow(
  db: Db,
  outboxId: string,
  report: { id: string; urgency: NewReport['urgency']; submittedAt: Date },
): BatchItem {
  return db.insert(outbox).values({
    id: outboxId,
    kind: 'report_submitted',
    reportId: report.id,
    payload: { reportId: report.id, urgency: report.urgency },
    dedupeKey: `report_submitted:${report.id}`,
    priority: priorityOfUrgency(report.urgency),
    nextAttemptAt: report.submittedAt,
    createdAt: report.submittedAt,
  });
}

/**
 * A new case as stored, whoever opened it: the employer upserted by its key, the report and one row per item.
 * The statistics' counts follow through the triggers on reports (db/schema.ts case_counts).
 */
export function reportRecordStatements(
  db: Db,
  report: Submission['report'],
  employer: Submission['employer'],
): BatchItem[] {
  const at = report.submittedAt;
  return [
    // The employer record is created once and never renamed or moved by a later report: what each report says
    // (name, district, headcount…) is stored on that report. Officers' corrections, if any, are their own.
    db
      .insert(employers)
      .values({ ...employer, createdAt: at })
      .onConflictDoNothing({ target: employers.key }),
    db.insert(reports).values(report),
    ...report.items.map((item) => db.insert(reportItems).values({ reportId: report.id, item, submittedAt: at })),
  ];
}

/** A stable employer key: by USCC when given, else by district + normalised name. */
export function employerKey(uscc: string | undefined | null, jurisdictionId: string, name: string): string {
  if (uscc) return `uscc:${uscc}`;
  return `name:${jurisdictionId}:${name.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase()}`;
}

/** Whether a receipt number is in use: after a failed submit batch, whether the random draw collided. */
export async function receiptTaken(db: Db, receipt: string): Promise<boolean> {
  return (await db.$count(reports, eq(reports.receipt, receipt))) > 0;
}

export async function findReportByReceipt(db: Db, receipt: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.receipt, receipt));
  return row;
}

export async function findReport(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

/** Reporter-visible events of a report (status page): officers' messages to the reporter and status changes. */
export function reporterTimeline(db: Db, reportId: string) {
  return db
    .select({ at: reportEvents.at, type: reportEvents.type, data: reportEvents.data })
    .from(reportEvents)
    .where(
      and(
        eq(reportEvents.reportId, reportId),
        sql`${reportEvents.type} IN ('submitted', 'claimed', 'message_out', 'message_in', 'annex4_submitted', 'closed')`,
      ),
    )
    .orderBy(reportEvents.at, reportEvents.id);
}
