// One incident, one case — the officers' corrections: split a follow-up (续报) off into a case of its own,
// or merge one case into another. Each is one batch with its audit events (the reason on both sides).
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rawStatement } from '../client';
import { reports } from '../schema';
import { eventStatement } from './cases';
import type { ReportRow } from './reports';

/** A follow-up becomes its own case: new, unclaimed, with its own Annex 4 deadline from now. */
export function splitStatements(
  db: Db,
  s: { followUp: ReportRow; officerId: string; reason: string; dueAt: Date; now: Date },
): BatchItem[] {
  const caseId = s.followUp.caseId;
  const data = { reason: s.reason, report: s.followUp.receipt, case: caseId };
  return [
    db
      .update(reports)
      .set({ caseId: null, status: 'new', claimedBy: null, claimedAt: null, annex4DueAt: s.dueAt })
      .where(and(eq(reports.id, s.followUp.id), eq(reports.caseId, caseId ?? ''))),
    eventStatement(db, {
      reportId: s.followUp.id,
      at: s.now,
      actorType: 'officer',
      actorId: s.officerId,
      type: 'split_off',
      data,
    }),
    eventStatement(db, {
      reportId: caseId,
      at: s.now,
      actorType: 'officer',
      actorId: s.officerId,
      type: 'split_off',
      data,
    }),
  ];
}

/**
 * Case `from` (and its follow-ups) joins case `into`: `into` keeps the larger urgency, taking-part count and
 * group-incident flag, and the earlier Annex 4 deadline while it is still open.
 */
export function mergeStatements(
  db: Db,
  m: { from: ReportRow; into: ReportRow; officerId: string; reason: string; now: Date },
): BatchItem[] {
  const data = { reason: m.reason, from: m.from.receipt, into: m.into.receipt };
  const event = (reportId: string) =>
    eventStatement(db, { reportId, at: m.now, actorType: 'officer', actorId: m.officerId, type: 'merged', data });
  return [
    db
      .update(reports)
      .set({ caseId: m.into.id })
      .where(and(eq(reports.id, m.from.id), isNull(reports.caseId), ne(reports.status, 'closed'))),
    db.update(reports).set({ caseId: m.into.id }).where(eq(reports.caseId, m.from.id)),
    rawStatement(
      db,
      sql`UPDATE ${reports} SET
        urgency = CASE WHEN ${m.from.urgency} = 'immediate' THEN 'immediate' ELSE urgency END,
        annex4_due_at = CASE WHEN status IN ('new', 'claimed') THEN min(annex4_due_at, ${m.from.annex4DueAt.getTime()})
          ELSE annex4_due_at END,
        people_involved = CASE WHEN ${m.from.peopleInvolved} IS NULL THEN people_involved
          ELSE max(coalesce(people_involved, 0), ${m.from.peopleInvolved ?? 0}) END,
        group_incident = max(group_incident, ${m.from.groupIncident ? 1 : 0})
      WHERE id = ${m.into.id}`,
    ),
    event(m.from.id),
    event(m.into.id),
  ];
}

/** The follow-ups (续报) of a case, oldest first. */
export function followUpsOf(db: Db, caseId: string) {
  return db
    .select({
      id: reports.id,
      receipt: reports.receipt,
      channel: reports.channel,
      submittedAt: reports.submittedAt,
      urgency: reports.urgency,
      unitName: reports.unitName,
      items: reports.items,
    })
    .from(reports)
    .where(eq(reports.caseId, caseId))
    .orderBy(reports.submittedAt);
}
