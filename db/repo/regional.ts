// The regional warning level's inputs as one SQL aggregate over stored reports (seed §3): distinct employers,
// industries, districts, people and group incidents of the open cases in a window, and the number of cases in
// the window before it for the trend. It reads through a covering index (reports_window_idx), so the cost grows
// with the cases in the window, never with the whole table, and no case is loaded into memory.
import { sql } from 'drizzle-orm';
import type { LevelMetrics } from '../../src/rules/index';
import type { Db } from '../client';
import { reports } from '../schema';

export interface RegionWindow {
  from: Date;
  to: Date;
  /** Start of the comparison window [before, from): all cases reported then, closed or not. */
  before: Date;
  /** One jurisdiction, or the whole city. */
  jurisdictionId?: string;
}

const r = reports;

export async function regionalMetrics(db: Db, w: RegionWindow): Promise<LevelMetrics> {
  const scope = w.jurisdictionId ? sql`AND ${r.jurisdictionId} = ${w.jurisdictionId}` : sql``;
  // Cases (incidents), not reports: a follow-up (续报) that joined a case is counted with its case.
  const open = sql`${r.submittedAt} >= ${w.from.getTime()} AND ${r.submittedAt} < ${w.to.getTime()}
    AND ${r.caseId} IS NULL AND ${r.status} != 'closed' ${scope}`;
  const [counts, employers, previous] = await Promise.all([
    db.get<{ cases: number; industries: number; districts: number; incidents: number | null }>(sql`
      SELECT count(*) AS cases,
             -- GB/T 4754-2017 sections A–T only; anything else is not an industry
             count(DISTINCT CASE WHEN length(${r.industry}) = 1 AND ${r.industry} BETWEEN 'A' AND 'T'
                                 THEN ${r.industry} END) AS industries,
             count(DISTINCT nullif(${r.jurisdictionId}, '')) AS districts,
             -- the case's flag: set at submission, raised by a follow-up (2026.2: ≥ 10 taking part)
             sum(${r.groupIncident}) AS incidents
      FROM ${r} WHERE ${open}`),
    // Employers and people in one grouping: each employer counted once, with its largest figure, so repeat
    // reports are not added up (a separate count(DISTINCT employer_id) sorted the same cases a second time).
    db.get<{ employers: number; people: number | null }>(sql`
      SELECT count(*) AS employers, sum(largest) AS people FROM (
        SELECT max(max(coalesce(${r.peopleInvolved}, 0), 0)) AS largest FROM ${r} WHERE ${open} GROUP BY ${r.employerId}
      )`),
    db.get<{ cases: number }>(sql`
      SELECT count(*) AS cases FROM ${r}
      WHERE ${r.submittedAt} >= ${w.before.getTime()} AND ${r.submittedAt} < ${w.from.getTime()}
        AND ${r.caseId} IS NULL ${scope}`),
  ]);
  const current = counts?.cases ?? 0;
  const before = previous?.cases ?? 0;
  return {
    employers: employers?.employers ?? 0,
    industries: counts?.industries ?? 0,
    districts: counts?.districts ?? 0,
    people: employers?.people ?? 0,
    groupIncidents: counts?.incidents ?? 0,
    trend: { current, previous: before, ratio: before === 0 ? null : Math.round((current / before) * 100) / 100 },
  };
}
