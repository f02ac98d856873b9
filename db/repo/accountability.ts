// Accountability entries (seed §10: 迟报, 漏报, 瞒报). The rules and the officer-case form write
// 'suggested' rows; an officer confirms or dismisses each with a reason, and only confirmed rows reach the
// accountability lists the city desk works from (信用提醒, 诚信约谈 are built on top of those).
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { accountabilityEntries, employers, jurisdictions, officers, reports } from '../schema';
import { eventIf } from './cases';

export type AccountabilityKind = (typeof accountabilityEntries.$inferSelect)['kind'];
export type AccountabilityStatus = (typeof accountabilityEntries.$inferSelect)['status'];
export type AccountabilityRow = typeof accountabilityEntries.$inferSelect;
export const ACCOUNTABILITY_KINDS = [
  'late',
  'unreported',
  'concealed',
] as const satisfies readonly AccountabilityKind[];

export const KIND_ZH: Record<AccountabilityKind, string> = { late: '迟报', unreported: '漏报', concealed: '瞒报' };

export interface NewAccountabilityEntry {
  id: string;
  caseId: string;
  employerId: string;
  kind: AccountabilityKind;
  status: AccountabilityStatus;
  reason: string;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  createdAt: Date;
}

/** One entry per case and kind: a repeat suggestion changes nothing. */
export function accountabilityStatement(db: Db, e: NewAccountabilityEntry): BatchItem {
  return db.insert(accountabilityEntries).values(e).onConflictDoNothing();
}

export function entriesForCase(db: Db, caseId: string): Promise<AccountabilityRow[]> {
  return db
    .select()
    .from(accountabilityEntries)
    .where(eq(accountabilityEntries.caseId, caseId))
    .orderBy(asc(accountabilityEntries.createdAt));
}

export async function findEntry(db: Db, id: string): Promise<AccountabilityRow | undefined> {
  const [row] = await db.select().from(accountabilityEntries).where(eq(accountabilityEntries.id, id));
  return row;
}

/**
 * Confirm or dismiss a suggested entry, with its audit event in the same batch. The update is guarded on
 * the status being 'suggested', so two officers deciding at once leave exactly one decision (and one event).
 */
export function decideStatements(
  db: Db,
  d: { entry: AccountabilityRow; status: 'confirmed' | 'dismissed'; officerId: string; reason: string; at: Date },
): BatchItem[] {
  const guard = and(eq(accountabilityEntries.id, d.entry.id), eq(accountabilityEntries.status, 'suggested'));
  return [
    eventIf(
      db,
      {
        reportId: d.entry.caseId,
        at: d.at,
        actorType: 'officer',
        actorId: d.officerId,
        type: d.status === 'confirmed' ? 'accountability_confirmed' : 'accountability_dismissed',
        data: { kind: d.entry.kind, reason: d.reason, suggested: d.entry.reason },
      },
      sql`EXISTS (SELECT 1 FROM ${accountabilityEntries} WHERE ${guard})`,
    ),
    db
      .update(accountabilityEntries)
      .set({ status: d.status, reason: d.reason, decidedBy: d.officerId, decidedAt: d.at })
      .where(guard),
  ];
}

export interface ConfirmedEntry {
  id: string;
  kind: AccountabilityKind;
  reason: string;
  decidedAt: Date | null;
  deciderName: string | null;
  caseId: string;
  receipt: string;
  employerId: string;
  employerName: string;
  uscc: string | null;
  jurisdictionId: string;
  jurisdictionName: string | null;
}

/** The columns of a confirmed entry as lists show it (this list and the register, accountability-actions.ts). */
export const confirmedEntryColumns = {
  id: accountabilityEntries.id,
  kind: accountabilityEntries.kind,
  reason: accountabilityEntries.reason,
  decidedAt: accountabilityEntries.decidedAt,
  deciderName: officers.displayName,
  caseId: accountabilityEntries.caseId,
  receipt: reports.receipt,
  employerId: accountabilityEntries.employerId,
  employerName: sql<string>`COALESCE(${employers.name}, ${reports.unitName})`,
  uscc: reports.uscc,
  jurisdictionId: reports.jurisdictionId,
  jurisdictionName: jurisdictions.nameZh,
};

/** A confirmed entry's columns with who confirmed it (the register's rows, accountability-actions.ts). */
const registerColumns = { ...confirmedEntryColumns, decidedBy: accountabilityEntries.decidedBy };

/** Confirmed entries with their case, employer, area and decider joined: the one query both lists read. */
export function confirmedQuery(db: Db, where: SQL | undefined) {
  return db
    .select(registerColumns)
    .from(accountabilityEntries)
    .innerJoin(reports, eq(reports.id, accountabilityEntries.caseId))
    .leftJoin(employers, eq(employers.id, accountabilityEntries.employerId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .leftJoin(officers, eq(officers.id, accountabilityEntries.decidedBy))
    .where(and(eq(accountabilityEntries.status, 'confirmed'), where));
}

/**
 * The accountability list: confirmed entries only, newest decision first, scoped to a district (or the
 * whole city when jurisdictionId is null) and optionally to a decision period [from, to).
 */
export function confirmedEntries(
  db: Db,
  q: { jurisdictionId: string | null; kind?: AccountabilityKind; from?: Date; to?: Date; limit: number },
): Promise<ConfirmedEntry[]> {
  const conditions: (SQL | undefined)[] = [
    q.jurisdictionId === null ? undefined : eq(reports.jurisdictionId, q.jurisdictionId),
    q.kind ? eq(accountabilityEntries.kind, q.kind) : undefined,
    q.from ? gte(accountabilityEntries.decidedAt, q.from) : undefined,
    q.to ? lt(accountabilityEntries.decidedAt, q.to) : undefined,
  ];
  return confirmedQuery(db, and(...conditions))
    .orderBy(desc(accountabilityEntries.decidedAt))
    .limit(q.limit);
}
