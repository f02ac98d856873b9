// The regional warning level's inputs (seed §3): distinct employers, industries, districts, people and group
// incidents of the open cases in a window, and the number of cases in the window before it for the trend.
// Over a window that ends after every open case of its scope (the window ending now) they are sums over one range
// of a partial covering index — the triggers keep on each open case whether it is its employer's latest, and its
// share of the employer's largest figure, in the city (level_employer / level_people, reports_open_window_idx) and
// in its district (level_area_employer / level_area_people, reports_open_area_idx; db/schema.ts) — and one index
// probe per district (the city's) and per industry section; the previous window's count reads case_counts' whole
// days and counts only the two part days at its ends, all in one statement. A window with open cases after its end is
// one aggregate over the open cases of the window (reports_open_area_idx / reports_window_idx). No case is loaded
// into memory.
import { type SQL, sql } from 'drizzle-orm';
import type { LevelMetrics } from '../../src/rules/index';
import type { Db } from '../client';
import { reports } from '../schema';
import { beijingDay, casesOnDays, dayStart } from './stats';

export interface RegionWindow {
  from: Date;
  to: Date;
  /** Start of the comparison window [before, from): all cases reported then, closed or not. */
  before: Date;
  /** One jurisdiction, or the whole city. */
  jurisdictionId?: string;
}

const r = reports;
/** A case not closed: the WHERE of the reports_open_* partial indexes, word for word (SQLite needs it so). */
const OPEN = sql`case_id IS NULL AND status != 'closed'`;
/** GB/T 4754-2017 sections A–T only; anything else is not an industry. */
const SECTIONS = [...'ABCDEFGHIJKLMNOPQRST'];

type Current = Omit<LevelMetrics, 'trend'> & { cases: number };

export async function regionalMetrics(db: Db, w: RegionWindow): Promise<LevelMetrics> {
  const area = w.jurisdictionId || undefined;
  const kept = await openCasesKept(db, w, area);
  if (kept) {
    const { previous, ...current } = kept;
    return withTrend(current, previous);
  }
  const [current, previous] = await Promise.all([
    openCasesAggregate(db, w, area),
    casesCounted(db, casesBetween(w.before, w.from, area)),
  ]);
  return withTrend(current, previous);
}

/** The same metrics counted from the window's cases alone: the tests' reference for the kept ranks. */
export async function regionalMetricsFromCases(db: Db, w: RegionWindow): Promise<LevelMetrics> {
  const [current, previous] = await Promise.all([
    openCasesAggregate(db, w, w.jurisdictionId),
    casesCounted(db, casesIn(w.before.getTime(), w.from.getTime(), w.jurisdictionId)),
  ]);
  return withTrend(current, previous);
}

function withTrend({ cases, ...metrics }: Current, previous: number): LevelMetrics {
  return {
    ...metrics,
    trend: { current: cases, previous, ratio: previous === 0 ? null : Math.round((cases / previous) * 100) / 100 },
  };
}

/**
 * The whole city or one district, in one statement: sums of the kept ranks over the window's open cases, one index
 * probe per district (the city's) and per industry section, and the previous window's cases. Undefined when an open
 * case of the scope was reported at or after the window's end (never for "now"): the kept ranks are then not the
 * window's own, and the window is counted from its cases.
 */
async function openCasesKept(
  db: Db,
  w: RegionWindow,
  area?: string,
): Promise<(Current & { previous: number }) | undefined> {
  const from = w.from.getTime();
  const to = w.to.getTime();
  const inWindow = sql`submitted_at >= ${from} AND submitted_at < ${to}`;
  const inArea = area === undefined ? sql`` : sql`jurisdiction_id = ${area} AND`;
  const window = area === undefined ? sql`reports_open_window_idx` : sql`reports_open_area_idx`;
  const ranks =
    area === undefined
      ? sql`sum(level_employer) AS employers, sum(level_people) AS people`
      : sql`sum(level_area_employer) AS employers, sum(level_area_people) AS people`;
  const districts =
    area === undefined
      ? sql`(SELECT count(*) FROM (SELECT DISTINCT jurisdiction_id AS area FROM open_case_counts
           WHERE cases > 0 AND jurisdiction_id != '') AS a
         WHERE EXISTS (SELECT 1 FROM reports INDEXED BY reports_open_area_idx
           WHERE jurisdiction_id = a.area AND ${inWindow} AND ${OPEN}))`
      : sql`(count(*) > 0 AND ${area} != '')`;
  const sections = area === undefined ? sql`reports_open_industry_idx` : sql`reports_open_area_industry_idx`;
  const row = await db.get<{
    later: number;
    cases: number;
    incidents: number | null;
    employers: number | null;
    people: number | null;
    districts: number;
    industries: number;
    previous: number;
  }>(sql`SELECT
      EXISTS (SELECT 1 FROM reports INDEXED BY ${window} WHERE ${inArea} submitted_at >= ${to} AND ${OPEN}) AS later,
      count(*) AS cases, sum(group_incident) AS incidents, ${ranks}, ${districts} AS districts,
      (SELECT count(*) FROM json_each(${JSON.stringify(SECTIONS)}) AS s
       WHERE EXISTS (SELECT 1 FROM reports INDEXED BY ${sections}
         WHERE ${inArea} industry = s.value AND ${inWindow} AND ${OPEN})) AS industries,
      ${casesBetween(w.before, w.from, area)} AS previous
    FROM reports INDEXED BY ${window} WHERE ${inArea} ${inWindow} AND ${OPEN}`);
  if (!row || row.later) return undefined;
  return {
    cases: row.cases,
    employers: row.employers ?? 0,
    people: row.people ?? 0,
    groupIncidents: row.incidents ?? 0,
    districts: row.districts,
    industries: row.industries,
    previous: row.previous,
  };
}

/** The same figures as one aggregate over the window's open cases (any window; the tests' reference). */
async function openCasesAggregate(db: Db, w: RegionWindow, jurisdictionId?: string): Promise<Current> {
  const open: SQL = sql`${r.submittedAt} >= ${w.from.getTime()} AND ${r.submittedAt} < ${w.to.getTime()}
    AND ${OPEN} ${jurisdictionId ? sql`AND ${r.jurisdictionId} = ${jurisdictionId}` : sql``}`;
  const from = jurisdictionId ? sql`${r} INDEXED BY reports_open_area_idx` : sql`${r}`;
  const [counts, employers] = await Promise.all([
    db.get<{ cases: number; industries: number; districts: number; incidents: number | null }>(sql`
      SELECT count(*) AS cases,
             count(DISTINCT CASE WHEN length(${r.industry}) = 1 AND ${r.industry} BETWEEN 'A' AND 'T'
                                 THEN ${r.industry} END) AS industries,
             count(DISTINCT nullif(${r.jurisdictionId}, '')) AS districts,
             -- the case's flag: set at submission, raised by a follow-up (2026.2: ≥ 10 taking part)
             sum(${r.groupIncident}) AS incidents
      FROM ${from} WHERE ${open}`),
    // Each employer counted once, with its largest figure, so repeat reports are not added up.
    db.get<{ employers: number; people: number | null }>(sql`
      SELECT count(*) AS employers, sum(largest) AS people FROM (
        SELECT max(max(coalesce(${r.peopleInvolved}, 0), 0)) AS largest FROM ${from} WHERE ${open} GROUP BY ${r.employerId}
      )`),
  ]);
  return {
    cases: counts?.cases ?? 0,
    employers: employers?.employers ?? 0,
    people: employers?.people ?? 0,
    groupIncidents: counts?.incidents ?? 0,
    districts: counts?.districts ?? 0,
    industries: counts?.industries ?? 0,
  };
}

/**
 * Cases reported in [from, to), closed or not, as a scalar SQL expression: case_counts for the whole Beijing days
 * inside, and the cases of the part days at either end counted through their indexes.
 */
function casesBetween(from: Date, to: Date, jurisdictionId?: string): SQL {
  const firstDay = beijingDay(new Date(from.getTime() - 1)) + 1; // the first day starting at or after `from`
  const lastDay = beijingDay(to); // the day `to` falls in: whole days are [firstDay, lastDay)
  if (firstDay >= lastDay) return casesIn(from.getTime(), to.getTime(), jurisdictionId);
  return sql`(${casesOnDays(firstDay, lastDay, jurisdictionId)}
    + ${casesIn(from.getTime(), dayStart(firstDay).getTime(), jurisdictionId)}
    + ${casesIn(dayStart(lastDay).getTime(), to.getTime(), jurisdictionId)})`;
}

/** A count expression read alone. */
async function casesCounted(db: Db, count: SQL): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT ${count} AS n`);
  return row?.n ?? 0;
}

/** Cases (not follow-ups) reported in [from, to) ms, closed or not, counted from the cases: a scalar expression. */
function casesIn(from: number, to: number, jurisdictionId?: string): SQL {
  if (from >= to) return sql`0`;
  return sql`(SELECT count(*) FROM ${r}
    WHERE ${r.submittedAt} >= ${from} AND ${r.submittedAt} < ${to} AND ${r.caseId} IS NULL
      ${jurisdictionId ? sql`AND ${r.jurisdictionId} = ${jurisdictionId}` : sql``})`;
}
