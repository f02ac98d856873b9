// The cases behind the regional warning-level suggestion: every open report in a window, read through the
// submitted_at index (one range scan), shaped as the rules' CaseSummary.
import { and, gte, lt, ne } from 'drizzle-orm';
import type { CaseSummary, ItemCode } from '../../src/rules/index';
import type { Db } from '../client';
import { reports } from '../schema';

export async function caseSummaries(db: Db, from: Date, to: Date): Promise<CaseSummary[]> {
  const rows = await db
    .select({
      employerId: reports.employerId,
      industry: reports.industry,
      district: reports.jurisdictionId,
      peopleInvolved: reports.peopleInvolved,
      groupIncident: reports.groupIncident,
      submittedAt: reports.submittedAt,
      items: reports.items,
    })
    .from(reports)
    .where(and(gte(reports.submittedAt, from), lt(reports.submittedAt, to), ne(reports.status, 'closed')));
  return rows.map((r) => ({
    employerId: r.employerId,
    industry: r.industry,
    district: r.district,
    peopleInvolved: r.peopleInvolved,
    groupIncident: r.groupIncident,
    openedAt: r.submittedAt.toISOString(),
    items: r.items as ItemCode[],
  }));
}
