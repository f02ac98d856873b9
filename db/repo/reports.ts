// Reports: the submit batch (report, its items, the employer upsert, the audit event, the outbox row)
// and the reporter's status lookup.
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { employers, outbox, reportEvents, reportItems, reports } from '../schema';
import { priorityOfUrgency } from './outbox';
import { rollupStatements } from './stats';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type NewEmployer = Omit<typeof employers.$inferInsert, 'createdAt'>;

export interface Submission {
  report: NewReport & { id: string; submittedAt: Date };
  employer: NewEmployer & { id: string };
  /** The first outbox row: the dispatcher fans it out to every channel of the jurisdiction. */
  outboxId: string;
}

/**
 * The statements of a submission, to be sent in ONE batch together with the guarded draft update
 * and the idempotency key, so either everything is stored or nothing is.
 */
export function submissionStatements(db: Db, s: Submission): BatchItem[] {
  const { report } = s;
  const at = report.submittedAt;
  return [
    ...reportRecordStatements(db, report, s.employer),
    db.insert(reportEvents).values({
      reportId: report.id,
      at,
      actorType: 'reporter',
      type: 'submitted',
      data: { channel: report.channel, urgency: report.urgency, severity: report.severity, late: report.late },
    }),
    db.insert(outbox).values({
      id: s.outboxId,
      kind: 'report_submitted',
      reportId: report.id,
      payload: { reportId: report.id, urgency: report.urgency },
      dedupeKey: `report_submitted:${report.id}`,
      priority: priorityOfUrgency(report.urgency),
      nextAttemptAt: at,
      createdAt: at,
    }),
  ];
}

/**
 * A new case as stored, whoever opened it: the employer upserted by its key, the report, one row per item,
 * and the statistics rollup.
 */
export function reportRecordStatements(
  db: Db,
  report: Submission['report'],
  employer: Submission['employer'],
): BatchItem[] {
  const at = report.submittedAt;
  const { id: _id, key: _key, ...employerUpdate } = employer;
  return [
    db
      .insert(employers)
      .values({ ...employer, createdAt: at })
      .onConflictDoUpdate({ target: employers.key, set: employerUpdate }),
    db.insert(reports).values(report),
    ...report.items.map((item) => db.insert(reportItems).values({ reportId: report.id, item, submittedAt: at })),
    // Statistics count cases: the daily rollup grows in the same batch (db/repo/stats.ts).
    ...rollupStatements(db, { ...report, submittedAt: at }),
  ];
}

/** A stable employer key: by USCC when given, else by district + normalised name. */
export function employerKey(uscc: string | undefined | null, jurisdictionId: string, name: string): string {
  if (uscc) return `uscc:${uscc}`;
  return `name:${jurisdictionId}:${name.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase()}`;
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
