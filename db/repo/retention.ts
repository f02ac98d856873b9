// The retention policy's reads and writes (src/cases/retention.ts decides what and when): closed cases past the
// period, and one batch per case that removes the reporter's personal data from the case, its follow-ups
// (续报), their timeline and their sent notifications, compacts the officers' view events into one line,
// and records what was done.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rawStatement } from '../client';
import { intakeDrafts, outbox, reportEvents, reports } from '../schema';

/** Written where the reporter's name was (the column cannot be empty for the forms that read it). */
export const REMOVED_NAME = '（已按保存期限删除）';

export interface ExpiredCase {
  id: string;
  closedAt: Date;
}

/** Cases (not follow-ups) closed before `cutoff` whose personal data is still there, oldest first. */
export function casesPastRetention(db: Db, cutoff: Date, limit: number): Promise<ExpiredCase[]> {
  return db
    .select({ id: reports.id, closedAt: sql<Date>`${reports.closedAt}`.mapWith(reports.closedAt) })
    .from(reports)
    .where(
      and(
        eq(reports.status, 'closed'),
        lt(reports.closedAt, cutoff),
        isNull(reports.anonymisedAt),
        isNull(reports.caseId),
      ),
    )
    .orderBy(reports.closedAt)
    .limit(limit);
}

/** The case and the follow-ups joined to it. */
export async function reportsOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(sql`${reports.id} = ${caseId} OR ${reports.caseId} = ${caseId}`);
  return rows.map((r) => r.id);
}

export interface Anonymise {
  caseId: string;
  reportIds: string[];
  /** Answer keys holding the reporter's own details (the intake's 'reporter' section). */
  answerKeys: readonly string[];
  now: Date;
  /** Recorded on the case's 'retention_applied' event. */
  record: Record<string, unknown>;
}

/** One atomic batch: every statement of the removal of one case's personal data. */
export function anonymiseStatements(db: Db, a: Anonymise): BatchItem[] {
  const ids = a.reportIds;
  const paths = a.answerKeys.map((k) => sql`${`$.${k}`}`);
  return [
    db
      .update(reports)
      .set({
        reporterName: REMOVED_NAME,
        reporterPhone: '',
        reporterChat: null,
        callerPhone: null,
        answers: sql`json_remove(${reports.answers}, ${sql.join(paths, sql`, `)})`,
        anonymisedAt: a.now,
      })
      .where(and(inArray(reports.id, ids), isNull(reports.anonymisedAt))),
    // What the reporter wrote and what officers wrote to them: the words go, the fact of the message stays.
    db
      .update(reportEvents)
      .set({ data: sql`json_remove(${reportEvents.data}, '$.text', '$.chatId')` })
      .where(and(inArray(reportEvents.reportId, ids), inArray(reportEvents.type, ['message_in', 'message_out']))),
    // Who looked at the personal data, when: one line with the count and the span instead of one per view.
    rawStatement(
      db,
      sql`INSERT INTO report_events (report_id, at, actor_type, actor_id, type, data)
      SELECT report_id, ${a.now.getTime()}, 'system', NULL, 'views_compacted',
        json_object('views', count(*), 'officers', count(DISTINCT actor_id), 'first', min(at), 'last', max(at))
      FROM report_events WHERE report_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) AND type = 'viewed' GROUP BY report_id`,
    ),
    db.delete(reportEvents).where(and(inArray(reportEvents.reportId, ids), eq(reportEvents.type, 'viewed'))),
    // Sent or dead notifications carry chat ids and message texts; nothing is pending on a case closed years ago.
    db.delete(outbox).where(and(inArray(outbox.reportId, ids), sql`${outbox.state} <> 'pending'`)),
    // A submitted draft still holding the conversation (normally gone after DRAFT_TTL_DAYS).
    db.delete(intakeDrafts).where(inArray(intakeDrafts.reportId, ids)),
    db.insert(reportEvents).values({
      reportId: a.caseId,
      at: a.now,
      actorType: 'system',
      actorId: null,
      type: 'retention_applied',
      data: a.record,
    }),
  ];
}
