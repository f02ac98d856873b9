// 重大风险 special ledger (seed §4(2)): cases marked as major risks with a named tracking person, and the
// follow-up reminder every N days until the case is closed. Each reminder is an outbox row whose dedupe key
// carries the reminder's number, written with the guarded advance of the schedule in one batch.
import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { jurisdictions, majorRisks, outbox, reports } from '../schema';
import { eventStatement, type Scope } from './cases';

const DAY_MS = 86_400_000;

export function markMajorStatements(
  db: Db,
  m: {
    reportId: string;
    trackerName: string;
    trackerPhone: string | null;
    note: string | null;
    officerId: string;
    intervalDays: number;
    now: Date;
  },
): BatchItem[] {
  return [
    db
      .insert(majorRisks)
      .values({
        reportId: m.reportId,
        trackerName: m.trackerName,
        trackerPhone: m.trackerPhone,
        note: m.note,
        markedBy: m.officerId,
        markedAt: m.now,
        intervalDays: m.intervalDays,
        nextFollowUpAt: new Date(m.now.getTime() + m.intervalDays * DAY_MS),
      })
      .onConflictDoUpdate({
        target: majorRisks.reportId,
        set: { trackerName: m.trackerName, trackerPhone: m.trackerPhone, note: m.note, intervalDays: m.intervalDays },
      }),
    eventStatement(db, {
      reportId: m.reportId,
      at: m.now,
      actorType: 'officer',
      actorId: m.officerId,
      type: 'major_marked',
      data: { tracker: m.trackerName, intervalDays: m.intervalDays, ...(m.note ? { note: m.note } : {}) },
    }),
  ];
}

export async function findMajorRisk(db: Db, reportId: string) {
  const [row] = await db.select().from(majorRisks).where(eq(majorRisks.reportId, reportId));
  return row;
}

/** The special ledger: every marked case of the scope, open ones first. */
export function listMajorRisks(db: Db, scope: Scope) {
  return db
    .select({
      reportId: majorRisks.reportId,
      receipt: reports.receipt,
      unitName: reports.unitName,
      jurisdictionName: jurisdictions.nameZh,
      status: reports.status,
      trackerName: majorRisks.trackerName,
      trackerPhone: majorRisks.trackerPhone,
      note: majorRisks.note,
      markedAt: majorRisks.markedAt,
      intervalDays: majorRisks.intervalDays,
      nextFollowUpAt: majorRisks.nextFollowUpAt,
      reminders: majorRisks.reminders,
    })
    .from(majorRisks)
    .innerJoin(reports, eq(reports.id, majorRisks.reportId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .where(scope.jurisdictionId ? eq(reports.jurisdictionId, scope.jurisdictionId) : undefined)
    .orderBy(sql`CASE WHEN ${reports.status} = 'closed' THEN 1 ELSE 0 END`, asc(majorRisks.nextFollowUpAt));
}

/** Follow-ups due now for cases not closed. */
export function dueFollowUps(db: Db, now: Date, limit: number) {
  return db
    .select({
      reportId: majorRisks.reportId,
      reminders: majorRisks.reminders,
      next: majorRisks.nextFollowUpAt,
      intervalDays: majorRisks.intervalDays,
    })
    .from(majorRisks)
    .innerJoin(reports, eq(reports.id, majorRisks.reportId))
    .where(and(lte(majorRisks.nextFollowUpAt, now), ne(reports.status, 'closed')))
    .limit(limit);
}

/**
 * One reminder: the fan-out source row (kind 'major_risk_followup', key numbered) and the schedule moved on by
 * one interval from the due time — guarded by the reminder count, so two ticks write one reminder.
 */
export function followUpStatements(
  db: Db,
  f: { reportId: string; reminders: number; next: Date; intervalDays: number; outboxId: string; now: Date },
): BatchItem[] {
  let next = f.next.getTime() + f.intervalDays * DAY_MS;
  // A host that was down for weeks sends one reminder, then keeps the rhythm from now.
  while (next <= f.now.getTime()) next += f.intervalDays * DAY_MS;
  return [
    db
      .insert(outbox)
      .values({
        id: f.outboxId,
        kind: 'major_risk_followup',
        reportId: f.reportId,
        payload: { reportId: f.reportId },
        dedupeKey: `major_risk_followup:${f.reportId}:${f.reminders + 1}`,
        nextAttemptAt: f.now,
        createdAt: f.now,
      })
      .onConflictDoNothing(),
    db
      .update(majorRisks)
      .set({ reminders: f.reminders + 1, nextFollowUpAt: new Date(next) })
      .where(and(eq(majorRisks.reportId, f.reportId), eq(majorRisks.reminders, f.reminders))),
  ];
}
