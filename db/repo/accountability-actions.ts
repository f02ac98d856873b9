// The accountability register (seed §10): confirmed 迟报 / 漏报 / 瞒报 entries and the actions taken on each —
// 信用提醒 (credit reminder) and 诚信约谈 (integrity interview) — with the day, who took it and notes. Each action
// is recorded with its audit event on the case's timeline in one batch.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { accountabilityActions, accountabilityEntries, employers, officers, reports } from '../schema';
import { type AccountabilityKind, type ConfirmedEntry, confirmedQuery } from './accountability';
import { eventStatement } from './cases';

export type ActionKind = (typeof accountabilityActions.$inferSelect)['kind'];
export const ACTION_KINDS = ['credit_reminder', 'integrity_interview'] as const satisfies readonly ActionKind[];
export const ACTION_ZH: Record<ActionKind, string> = { credit_reminder: '信用提醒', integrity_interview: '诚信约谈' };

export interface RegisterEntry extends ConfirmedEntry {
  /** Who confirmed the entry. */
  decidedBy: string | null;
}

const inArea = (jurisdictionId: string | null) =>
  jurisdictionId === null ? undefined : eq(reports.jurisdictionId, jurisdictionId);

/** The register, per employer (by name) and newest decision first within one; confirmed entries only. */
export function registerEntries(
  db: Db,
  q: { jurisdictionId: string | null; kind?: AccountabilityKind | undefined; limit: number },
): Promise<RegisterEntry[]> {
  return confirmedQuery(db, and(inArea(q.jurisdictionId), q.kind ? eq(accountabilityEntries.kind, q.kind) : undefined))
    .orderBy(sql`COALESCE(${employers.name}, ${reports.unitName})`, desc(accountabilityEntries.decidedAt))
    .limit(q.limit);
}

/** One confirmed entry, if it is in the officer's area. */
export async function registerEntry(
  db: Db,
  id: string,
  jurisdictionId: string | null,
): Promise<RegisterEntry | undefined> {
  const [row] = await confirmedQuery(db, and(eq(accountabilityEntries.id, id), inArea(jurisdictionId))).limit(1);
  return row;
}

export interface ActionRow {
  id: string;
  entryId: string;
  kind: ActionKind;
  takenOn: string;
  takenBy: string;
  note: string;
  recordedAt: Date;
  recorderName: string | null;
}

/** The actions recorded on these entries, in the order they were taken. */
export async function actionsFor(db: Db, entryIds: string[]): Promise<ActionRow[]> {
  if (entryIds.length === 0) return [];
  const rows: ActionRow[] = [];
  // SQLite binds at most a few hundred parameters per statement on D1: read in slices.
  for (let i = 0; i < entryIds.length; i += 90) {
    rows.push(
      ...(await db
        .select({
          id: accountabilityActions.id,
          entryId: accountabilityActions.entryId,
          kind: accountabilityActions.kind,
          takenOn: accountabilityActions.takenOn,
          takenBy: accountabilityActions.takenBy,
          note: accountabilityActions.note,
          recordedAt: accountabilityActions.recordedAt,
          recorderName: officers.displayName,
        })
        .from(accountabilityActions)
        .leftJoin(officers, eq(officers.id, accountabilityActions.recordedBy))
        .where(inArray(accountabilityActions.entryId, entryIds.slice(i, i + 90)))
        .orderBy(asc(accountabilityActions.takenOn), asc(accountabilityActions.recordedAt))),
    );
  }
  return rows;
}

export interface NewAction {
  id: string;
  entry: Pick<RegisterEntry, 'id' | 'caseId' | 'kind' | 'employerName'>;
  kind: ActionKind;
  takenOn: string;
  takenBy: string;
  note: string;
  officerId: string;
  at: Date;
}

/** The action and its audit event on the case's timeline. */
export function recordActionStatements(db: Db, a: NewAction): BatchItem[] {
  return [
    db.insert(accountabilityActions).values({
      id: a.id,
      entryId: a.entry.id,
      kind: a.kind,
      takenOn: a.takenOn,
      takenBy: a.takenBy,
      note: a.note,
      recordedBy: a.officerId,
      recordedAt: a.at,
    }),
    eventStatement(db, {
      reportId: a.entry.caseId,
      at: a.at,
      actorType: 'officer',
      actorId: a.officerId,
      type: `accountability_${a.kind}`,
      data: {
        actionId: a.id,
        entryId: a.entry.id,
        entryKind: a.entry.kind,
        employer: a.entry.employerName,
        takenOn: a.takenOn,
        takenBy: a.takenBy,
        note: a.note,
      },
    }),
  ];
}

export interface EmployerSummary {
  employerId: string;
  name: string;
  uscc: string | null;
  area: string;
  counts: Record<AccountabilityKind | ActionKind, number>;
}

/** Per employer: how many entries of each kind and actions of each kind. */
export function summarise(entries: RegisterEntry[], actions: ActionRow[]): EmployerSummary[] {
  const byEntry = new Map(entries.map((e) => [e.id, e]));
  const out = new Map<string, EmployerSummary>();
  const of = (e: RegisterEntry) => {
    let s = out.get(e.employerId);
    if (!s) {
      s = {
        employerId: e.employerId,
        name: e.employerName,
        uscc: e.uscc,
        area: e.jurisdictionName ?? e.jurisdictionId,
        counts: { late: 0, unreported: 0, concealed: 0, credit_reminder: 0, integrity_interview: 0 },
      };
      out.set(e.employerId, s);
    }
    return s;
  };
  for (const e of entries) of(e).counts[e.kind] += 1;
  for (const a of actions) {
    const e = byEntry.get(a.entryId);
    if (e) of(e).counts[a.kind] += 1;
  }
  return [...out.values()];
}
