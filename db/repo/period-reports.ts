// The period report (情况报告, seed §4(1)): each version the city office downloads is kept with its text and
// the figures as drawn, so a version can be downloaded again exactly as it was sent; and the notable cases
// of a period the report lists.
import { and, desc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
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

/**
 * The cases of [from, to) the report names: group incidents, urgent or high-severity cases and 重大风险
 * cases — group incidents first, then by people involved. Follow-ups (续报) are not cases of their own.
 */
export function notableCases(db: Db, from: Date, to: Date, limit: number): Promise<NotableCase[]> {
  const major = sql<number>`EXISTS (SELECT 1 FROM ${majorRisks} WHERE ${majorRisks.reportId} = ${reports.id})`;
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
      and(
        gte(reports.submittedAt, from),
        lt(reports.submittedAt, to),
        isNull(reports.caseId),
        or(
          eq(reports.groupIncident, true),
          eq(reports.urgency, 'immediate'),
          eq(reports.severity, 'high'),
          sql`${major}`,
        ),
      ),
    )
    .orderBy(desc(reports.groupIncident), sql`coalesce(${reports.peopleInvolved}, 0) DESC`, reports.submittedAt)
    .limit(limit);
}
