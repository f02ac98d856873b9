// The period report (情况报告, seed §4(1)): each version the city office downloads is kept with its text and
// the figures as drawn, so a version can be downloaded again exactly as it was sent; and the notable cases
// of a period the report lists.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { jurisdictions, majorRisks, officers, periodReports, reports } from '../schema';
import { eventStatement } from './cases';

export type PeriodReportRow = typeof periodReports.$inferSelect;

/** The version and its audit event, in one batch. */
export function periodReportStatements(db: Db, row: PeriodReportRow): BatchItem[] {
  return [
    db.insert(periodReports).values(row),
    eventStatement(db, {
      reportId: null,
      at: row.createdAt,
      actorType: 'officer',
      actorId: row.createdBy,
      type: 'period_report_sent',
      data: { periodReportId: row.id, from: row.fromDay, to: row.toDay, docNumber: row.docNumber },
    }),
  ];
}

export interface PeriodReportListItem {
  id: string;
  fromDay: string;
  toDay: string;
  docNumber: string;
  createdAt: Date;
  creatorName: string | null;
}

/** The kept versions, newest first. */
export function listPeriodReports(db: Db, limit: number): Promise<PeriodReportListItem[]> {
  return db
    .select({
      id: periodReports.id,
      fromDay: periodReports.fromDay,
      toDay: periodReports.toDay,
      docNumber: periodReports.docNumber,
      createdAt: periodReports.createdAt,
      creatorName: officers.displayName,
    })
    .from(periodReports)
    .leftJoin(officers, eq(officers.id, periodReports.createdBy))
    .orderBy(desc(periodReports.createdAt), desc(sql`${periodReports}.rowid`))
    .limit(limit);
}

export async function findPeriodReport(db: Db, id: string): Promise<PeriodReportRow | undefined> {
  const [row] = await db.select().from(periodReports).where(eq(periodReports.id, id));
  return row;
}

/** The latest version for exactly this period. */
export async function latestPeriodReport(db: Db, fromDay: string, toDay: string) {
  const [row] = await db
    .select()
    .from(periodReports)
    .where(and(eq(periodReports.fromDay, fromDay), eq(periodReports.toDay, toDay)))
    .orderBy(desc(periodReports.createdAt), desc(sql`${periodReports}.rowid`))
    .limit(1);
  return row;
}

export interface NotableCase {
  id: string;
  receipt: string;
  unitName: string;
  areaName: string | null;
  items: string[];
  people: number | null;
  groupIncident: boolean;
  urgent: boolean;
  severity: 'low' | 'medium' | 'high';
  major: boolean;
  status: 'new' | 'claimed' | 'annex4_submitted' | 'closed';
  submittedAt: Date;
}

/** Notable by the case's own flags: the notable indexes' WHERE, word for word, so the planner can use them. */
const NOTABLE_FLAGS = sql`(group_incident = 1 OR urgency = 'immediate' OR severity = 'high')`;
/** How far down the ranking the walk looks before it counts the period's own notable cases instead. */
const RANK_WALK = 2000;
/** Group incidents first, then by people involved, then the earlier first; then reports_notable_rank_idx's own
 * order, so every tie is broken the same way by the walk, the range and the final read. */
const RANKING = sql`group_incident DESC, coalesce(people_involved, 0) DESC, submitted_at, urgency, severity,
  people_involved, id`;

/**
 * The flagged cases of [from, to) first in the ranking (rowids, best first). The walk down reports_notable_rank_idx
 * finds them among the first RANK_WALK notable cases of all time — a recent period's are there; if it finds fewer
 * than `limit` and there are more notable cases than it looked at, the period is small next to the whole, and its
 * own notable cases are ranked from reports_notable_idx (a range of that period only).
 */
async function flaggedTop(db: Db, from: number, to: number, limit: number): Promise<number[]> {
  const flagged = sql`case_id IS NULL AND ${NOTABLE_FLAGS}`;
  const walked = await db.all<{ rid: number }>(sql`
    SELECT rid FROM (
      SELECT rowid AS rid, id, group_incident, people_involved, submitted_at, urgency, severity
      FROM reports INDEXED BY reports_notable_rank_idx WHERE ${flagged} ORDER BY ${RANKING} LIMIT ${RANK_WALK}
    ) AS walk WHERE submitted_at >= ${from} AND submitted_at < ${to} ORDER BY ${RANKING} LIMIT ${limit}`);
  if (walked.length === limit) return walked.map((r) => r.rid);
  const seen = await db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM reports INDEXED BY reports_notable_rank_idx WHERE ${flagged} LIMIT ${RANK_WALK})`);
  if ((seen?.n ?? 0) < RANK_WALK) return walked.map((r) => r.rid); // the walk saw every notable case
  const ranged = await db.all<{ rid: number }>(sql`
    SELECT rowid AS rid FROM reports INDEXED BY reports_notable_idx
    WHERE submitted_at >= ${from} AND submitted_at < ${to} AND ${flagged} ORDER BY ${RANKING} LIMIT ${limit}`);
  return ranged.map((r) => r.rid);
}

/**
 * The cases of [from, to) the report names: group incidents, urgent or high-severity cases and 重大风险
 * cases — group incidents first, then by people involved, then the earlier first. Follow-ups (续报) are not
 * cases of their own. The flagged ones come from the notable indexes (flaggedTop), the 重大风险 cases flagged no
 * other way from major_risks (a few rows); only the rows named are read whole.
 */
export async function notableCases(db: Db, from: Date, to: Date, limit: number): Promise<NotableCase[]> {
  const top = await flaggedTop(db, from.getTime(), to.getTime(), limit);
  const major = sql<number>`EXISTS (SELECT 1 FROM ${majorRisks} WHERE ${majorRisks.reportId} = ${reports.id})`;
  const majorOnly = sql`SELECT reports.rowid FROM ${majorRisks} CROSS JOIN reports ON reports.id = ${majorRisks.reportId}
    WHERE submitted_at >= ${from.getTime()} AND submitted_at < ${to.getTime()} AND case_id IS NULL AND NOT ${NOTABLE_FLAGS}`;
  // CROSS JOIN keeps major_risks the outer loop: never the period's cases probing it one by one.
  return db
    .select({
      id: reports.id,
      receipt: reports.receipt,
      unitName: reports.unitName,
      areaName: jurisdictions.nameZh,
      items: reports.items,
      people: reports.peopleInvolved,
      groupIncident: reports.groupIncident,
      urgent: sql<boolean>`${reports.urgency} = 'immediate'`.mapWith(Boolean),
      severity: reports.severity,
      major: major.mapWith(Boolean),
      status: reports.status,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .leftJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
    .where(
      sql`${reports}.rowid IN (SELECT value FROM json_each(${JSON.stringify(top)})) OR ${reports}.rowid IN (${majorOnly})`,
    )
    .orderBy(
      desc(reports.groupIncident),
      sql`coalesce(${reports.peopleInvolved}, 0) DESC`,
      reports.submittedAt,
      reports.urgency,
      reports.severity,
      reports.peopleInvolved,
      reports.id,
    )
    .limit(limit);
}
