// The city desk's figures (issue 16): case counts by area, monitoring item, industry section and source for a
// period, the weekly trend by item, and the overview's per-area counts of cases not yet closed.
// Period counts read case_counts: one row per filter scope and Beijing day, kept by triggers on reports in the
// statement that stores, joins, splits or merges a case (db/schema.ts), so a month is 30 rows of one scope
// whatever the number of cases. Item with source and industry with source have scopes too ('i:…|c:…', 'n:…|c:…',
// and the same within one area); an industry section with an item has none: it is one aggregate over the section's
// cases of the period, through reports_industry_window_idx (reports_area_industry_window_idx within one area), the
// item checked on the index entry. Open-case counts read open_case_counts (kept the same way) and, for what depends
// on "now" (due soon, overdue), one index range per area over the cases still to be claimed or worked.
import { type SQL, sql } from 'drizzle-orm';
import { BEIJING_OFFSET_MS } from '../../src/time';
import type { Db } from '../client';
import { caseCounts, openCaseCounts, reportItems, reports } from '../schema';

const DAY_MS = 86_400_000;
const BEIJING_MS = BEIJING_OFFSET_MS;

/** Days since the epoch in Beijing time: case_counts' day. */
export const beijingDay = (d: Date): number => Math.floor((d.getTime() + BEIJING_MS) / DAY_MS);
/** Midnight Beijing time of a day. */
export const dayStart = (day: number): Date => new Date(day * DAY_MS - BEIJING_MS);

/** A period of whole Beijing days [fromDay, toDay) and optional filters. */
export interface StatsFilter {
  fromDay: number;
  toDay: number;
  jurisdictionId?: string | undefined;
  item?: string | undefined;
  industry?: string | undefined;
  channel?: string | undefined;
}

export interface Breakdown {
  total: number;
  byArea: Map<string, number>;
  byItem: Map<string, number>;
  byIndustry: Map<string, number>;
  byChannel: Map<string, number>;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const emptyBreakdown = (): Breakdown => ({
  total: 0,
  byArea: new Map(),
  byItem: new Map(),
  byIndustry: new Map(),
  byChannel: new Map(),
});

/**
 * The case_counts scope that answers a filter (the names the triggers write), or undefined when the filter has an
 * industry section with an item.
 */
export function countsScope(f: Omit<StatsFilter, 'fromDay' | 'toDay'>): string | undefined {
  const others = [
    f.item ? `i:${f.item}` : '',
    f.industry !== undefined && f.industry !== '' ? `n:${f.industry}` : '',
    f.channel ? `c:${f.channel}` : '',
  ].filter(Boolean);
  // Of the pairs, item with source and industry with source have scopes, the city's and one area's (migrations
  // 0022, 0026, 0027); item with industry, and all three, have none.
  if (others.length > 2 || (others.length === 2 && !f.channel)) return undefined;
  return [f.jurisdictionId ? `a:${f.jurisdictionId}` : '', ...others].filter(Boolean).join('|');
}

/** One scope's counts of one Beijing day (case_counts' row, its JSON parsed). */
type DayRow = { day: number; counts: Record<string, number> };

/**
 * The day rows of one scope in [fromDay, toDay): a primary-key range. Read as plain rows and parsed here: the ORM's
 * per-row mapping cost twice the query on 84 rows (bench §9, the overview of one district).
 */
async function countRows(db: Db, scope: string, fromDay: number, toDay: number): Promise<DayRow[]> {
  const c = caseCounts;
  const rows = await db.all<{ day: number; counts: string }>(
    sql`SELECT ${c.day} AS day, ${c.counts} AS counts FROM ${c}
        WHERE ${c.scope} = ${scope} AND ${c.day} >= ${fromDay} AND ${c.day} < ${toDay}`,
  );
  return rows.map((r) => ({ day: r.day, counts: JSON.parse(r.counts) as Record<string, number> }));
}

/** Adds one day's counts ('a:220102' → 3, 'i:M05' → 2 …) to a breakdown. */
function addCounts(b: Breakdown, counts: Record<string, number>) {
  for (const [key, n] of Object.entries(counts)) {
    if (!n) continue;
    const value = key.slice(2);
    switch (key[0]) {
      case 'a':
        b.total += n;
        add(b.byArea, value, n);
        break;
      case 'i':
        add(b.byItem, value, n);
        break;
      case 'n':
        add(b.byIndustry, value, n);
        break;
      case 'c':
        add(b.byChannel, value, n);
        break;
    }
  }
}

/** The day rows added up key by key into a breakdown (plain-object sums first: a few dozen keys, many rows). */
function breakdownOf(rows: DayRow[]): Breakdown {
  const totals: Record<string, number> = {};
  for (const { counts } of rows) for (const key in counts) totals[key] = (totals[key] ?? 0) + (counts[key] ?? 0);
  const b = emptyBreakdown();
  addCounts(b, totals);
  return b;
}

/** The day rows' item counts ('i:…') per week of the `weeks` weeks ending with the day before `toDay`. */
function trendOf(rows: DayRow[], toDay: number, weeks: number): WeeklyTrend {
  const t = emptyTrend(toDay, weeks);
  const perWeek = Array.from({ length: weeks }, (): Record<string, number> => ({}));
  for (const { day, counts } of rows) {
    const sums = perWeek[Math.floor((day - t.start) / 7)];
    if (!sums) continue;
    for (const key in counts)
      if (key.charCodeAt(0) === 105 /* 'i' */) sums[key] = (sums[key] ?? 0) + (counts[key] ?? 0);
  }
  perWeek.forEach((sums, w) => {
    for (const key in sums) t.add(t.start + w * 7, key.slice(2), sums[key] ?? 0);
  });
  return t.trend;
}

/**
 * The cases of whole Beijing days [fromDay, toDay), the whole city or one area, as a scalar SQL expression: the
 * day rows' area counts ('a:…') added up by the database — the area's own key of its scope, or every area's key of
 * the city's — so no row is parsed here (the level's previous window, db/repo/regional.ts).
 */
export function casesOnDays(fromDay: number, toDay: number, jurisdictionId?: string): SQL {
  const c = caseCounts;
  const days = sql`${c.day} >= ${fromDay} AND ${c.day} < ${toDay}`;
  if (jurisdictionId) {
    return sql`coalesce((SELECT sum(json_extract(${c.counts}, ${`$."a:${jurisdictionId}"`})) FROM ${c}
      WHERE ${c.scope} = ${`a:${jurisdictionId}`} AND ${days}), 0)`;
  }
  return sql`coalesce((SELECT sum(k.value) FROM ${c}, json_each(${c.counts}) AS k
    WHERE ${c.scope} = '' AND ${days} AND k.key >= 'a:' AND k.key < 'a;'), 0)`;
}

/** Cases of the period by area, item, industry and source (a case with two items counts under each). */
export async function caseBreakdown(db: Db, f: StatsFilter): Promise<Breakdown> {
  const scope = countsScope(f);
  if (scope === undefined) return breakdownFromCases(db, f);
  return breakdownOf(await countRows(db, scope, f.fromDay, f.toDay));
}

/**
 * The cases of a filter with no scope. With an industry section they are read through reports_industry_window_idx
 * (section, period, and the columns grouped on: a twentieth of the period), within one area through
 * reports_area_industry_window_idx (the area's section's cases of the period), the item checked on the case's own
 * list; otherwise through the submitted_at indexes, the item through report_items.
 */
function casesOf(f: StatsFilter): SQL {
  if (f.industry && f.jurisdictionId) return sql`${reports} INDEXED BY reports_area_industry_window_idx`;
  return f.industry ? sql`${reports} INDEXED BY reports_industry_window_idx` : sql`${reports}`;
}

/**
 * The cases of a filter with no scope, one row per item of each: with an industry section the items are read from
 * the case's own list in the index entry (json_each, each item once per case like the triggers count it),
 * otherwise from report_items.
 */
function itemsOfCases(f: StatsFilter): { from: SQL; item: SQL; cases: SQL } {
  if (f.industry) {
    return {
      from: sql`${casesOf(f)}, json_each(${reports.items}) AS case_item`,
      item: sql`case_item.value`,
      cases: sql`count(DISTINCT ${reports}.rowid)`,
    };
  }
  return {
    from: sql`${reports} JOIN ${reportItems} ON ${reportItems.reportId} = ${reports.id}`,
    item: sql`${reportItems.item}`,
    cases: sql`count(*)`,
  };
}

/** The conditions on reports for a filter (period by submission time). */
function caseConditions(f: StatsFilter): SQL {
  const from = dayStart(f.fromDay).getTime();
  const to = dayStart(f.toDay).getTime();
  const parts: SQL[] = [
    sql`${reports.submittedAt} >= ${from} AND ${reports.submittedAt} < ${to}`,
    // One incident, one case: follow-up reports (续报) that joined a case are not counted again.
    sql`${reports.caseId} IS NULL`,
  ];
  if (f.jurisdictionId) parts.push(sql`${reports.jurisdictionId} = ${f.jurisdictionId}`);
  if (f.industry) parts.push(sql`${reports.industry} = ${f.industry}`);
  if (f.channel) parts.push(sql`${reports.channel} = ${f.channel}`);
  if (f.item && f.industry) {
    // The case's items as stored (a JSON array of codes): instr() finds the quoted code cheaply in the index entry,
    // json_each() confirms it is one of them.
    parts.push(sql`instr(${reports.items}, json_quote(${f.item})) > 0
      AND EXISTS (SELECT 1 FROM json_each(${reports.items}) WHERE value = ${f.item})`);
  } else if (f.item) {
    parts.push(sql`${reports.id} IN (SELECT ${reportItems.reportId} FROM ${reportItems}
      WHERE ${reportItems.item} = ${f.item} AND ${reportItems.submittedAt} >= ${from} AND ${reportItems.submittedAt} < ${to})`);
  }
  return sql.join(parts, sql` AND `);
}

/** The same breakdown counted from the cases themselves: the filters with no scope, and the tests' reference. */
export async function breakdownFromCases(db: Db, f: StatsFilter): Promise<Breakdown> {
  const where = caseConditions(f);
  const perItem = itemsOfCases(f);
  const [groups, items] = await Promise.all([
    db.all<{ area: string; industry: string; channel: string; n: number }>(sql`
      SELECT ${reports.jurisdictionId} AS area, coalesce(${reports.industry}, '') AS industry,
             ${reports.channel} AS channel, count(*) AS n
      FROM ${casesOf(f)} WHERE ${where} GROUP BY 1, 2, 3`),
    db.all<{ item: string; n: number }>(sql`
      SELECT ${perItem.item} AS item, ${perItem.cases} AS n FROM ${perItem.from} WHERE ${where} GROUP BY 1`),
  ]);
  const b = emptyBreakdown();
  for (const g of groups) {
    b.total += g.n;
    add(b.byArea, g.area, g.n);
    add(b.byIndustry, g.industry, g.n);
    add(b.byChannel, g.channel, g.n);
  }
  for (const i of items) add(b.byItem, i.item, i.n);
  return b;
}

export interface WeeklyTrend {
  /** First day of each week, oldest first. */
  weeks: number[];
  /** item → cases per week (same order as `weeks`). */
  byItem: Map<string, number[]>;
}

/** Cases per monitoring item for each of `weeks` weeks ending with the day before `f.toDay` (f.fromDay unused). */
export async function weeklyTrend(db: Db, f: StatsFilter, weeks = 12): Promise<WeeklyTrend> {
  const scope = countsScope(f);
  if (scope === undefined) return trendFromCases(db, f, weeks);
  return trendOf(await countRows(db, scope, f.toDay - weeks * 7, f.toDay), f.toDay, weeks);
}

/** The same trend counted from the cases: the filters with no scope, and the tests' reference. */
export async function trendFromCases(db: Db, f: StatsFilter, weeks = 12): Promise<WeeklyTrend> {
  const t = emptyTrend(f.toDay, weeks);
  // Numbers bind as REAL in libSQL, hence the CAST: a day must be a whole number.
  const items = itemsOfCases(f);
  const rows = await db.all<{ day: number; key: string; n: number }>(sql`
    SELECT CAST((${reports.submittedAt} + ${BEIJING_MS}) / ${DAY_MS} AS INTEGER) AS day,
           ${items.item} AS key, ${items.cases} AS n
    FROM ${items.from} WHERE ${caseConditions({ ...f, fromDay: t.start })} GROUP BY 1, 2`);
  for (const r of rows) t.add(r.day, r.key, r.n);
  return t.trend;
}

/**
 * The breakdown of the period and the weekly trend ending with it, from one read of the scope's day rows when the
 * period covers the trend's weeks (the overview asks for both over the same 12 weeks).
 */
export async function breakdownWithTrend(
  db: Db,
  f: StatsFilter,
  weeks = 12,
): Promise<{ breakdown: Breakdown; trend: WeeklyTrend }> {
  const scope = countsScope(f);
  if (scope === undefined || f.fromDay > f.toDay - weeks * 7) {
    const [breakdown, trend] = await Promise.all([caseBreakdown(db, f), weeklyTrend(db, f, weeks)]);
    return { breakdown, trend };
  }
  const rows = await countRows(db, scope, f.fromDay, f.toDay);
  return { breakdown: breakdownOf(rows), trend: trendOf(rows, f.toDay, weeks) };
}

function emptyTrend(toDay: number, weeks: number) {
  const start = toDay - weeks * 7;
  const byItem = new Map<string, number[]>();
  const add = (day: number, item: string, n: number) => {
    const w = Math.floor((day - start) / 7);
    if (!n || w < 0 || w >= weeks) return;
    const series = byItem.get(item) ?? new Array<number>(weeks).fill(0);
    series[w] = (series[w] ?? 0) + n;
    byItem.set(item, series);
  };
  return { start, add, trend: { weeks: Array.from({ length: weeks }, (_, i) => start + i * 7), byItem } };
}

export interface OpenCounts {
  unclaimed: number;
  dueSoon: number;
  overdue: number;
  urgent: number;
  open: number;
}

/**
 * Cases not yet closed, per area: unclaimed, Annex 4 due in [now, now + soonMs), overdue (due before now), urgent,
 * all open. The same boundaries as the inbox's filters (db/repo/cases.ts), so the columns add up to its counts.
 */
export async function openCountsByArea(
  db: Db,
  now: Date,
  soonMs: number,
  jurisdictionId?: string,
): Promise<Map<string, OpenCounts>> {
  const t = now.getTime();
  const o = openCaseCounts;
  // Due soon and overdue depend on "now". Both are read from the cases to be claimed or worked whose Annex 4 is
  // not yet due — a day's cases or so, one index range per area (reports_area_due_idx) — and overdue is the rest
  // of them (open_case_counts): the overdue cases, which pile up, are never walked.
  const notYetDue = (before?: number) => sql`(SELECT count(*) FROM ${reports} INDEXED BY reports_area_due_idx
    WHERE ${reports.jurisdictionId} = per_area.area AND ${reports.status} IN ('new', 'claimed')
      AND ${reports.caseId} IS NULL AND ${reports.annex4DueAt} >= ${t}
      ${before === undefined ? sql`` : sql`AND ${reports.annex4DueAt} < ${before}`})`;
  const rows = await db.all<OpenCounts & { area: string }>(sql`
    SELECT area, unclaimed, urgent, open, ${notYetDue(t + soonMs)} AS dueSoon, todo - ${notYetDue()} AS overdue
    FROM (
      SELECT ${o.jurisdictionId} AS area,
             sum(CASE WHEN ${o.status} = 'new' THEN ${o.cases} ELSE 0 END) AS unclaimed,
             sum(CASE WHEN ${o.status} IN ('new', 'claimed') THEN ${o.cases} ELSE 0 END) AS todo,
             sum(CASE WHEN ${o.urgency} = 'immediate' THEN ${o.cases} ELSE 0 END) AS urgent,
             sum(${o.cases}) AS open
      FROM ${o} ${jurisdictionId ? sql`WHERE ${o.jurisdictionId} = ${jurisdictionId}` : sql``}
      GROUP BY 1 HAVING open > 0
    ) AS per_area`);
  return new Map(rows.map(({ area, ...counts }) => [area, counts]));
}

/** The to-do counts of one area or the whole city: the per-area counts added up. */
export function todoTotals(perArea: Map<string, OpenCounts>): { unclaimed: number; soon: number; overdue: number } {
  const total = { unclaimed: 0, soon: 0, overdue: 0 };
  for (const c of perArea.values()) {
    total.unclaimed += c.unclaimed;
    total.soon += c.dueSoon;
    total.overdue += c.overdue;
  }
  return total;
}
