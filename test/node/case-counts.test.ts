// The statistics' counts kept by triggers on reports (case_counts, open_case_counts; db/schema.ts) must equal
// the same figures counted from the cases themselves, after a mixed sequence of everything that changes them:
// cases stored across areas, items, industries, sources and days, API submits that open a case and one that
// joins it (续报, no new case), a split, a merge, a claim, an urgency mark, a close and a returned Annex 4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/libsql';
import { type Attention, inboxCounts, listCases } from '../../db/repo/cases';
import {
  beijingDay,
  breakdownFromCases,
  breakdownWithTrend,
  caseBreakdown,
  countsScope,
  dayStart,
  type OpenCounts,
  openCountsByArea,
  type StatsFilter,
  trendFromCases,
  weeklyTrend,
} from '../../db/repo/stats';
import { annex4 } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { storeCases } from './city-cases';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'counts kept by the database';
const H = 3_600_000;
const ago = (hours: number) => new Date(clock.now().getTime() - hours * H);
let host: NodeHost;
let city: SignedIn;
let nanguan: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  const db = host.deps.db;
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  await storeCases(db, [
    { id: 'K1', area: '220102', items: ['M05'], at: ago(1) },
    { id: 'K2', area: '220102', items: ['M05', 'M09'], at: ago(23), urgent: true, dueHours: 1 },
    { id: 'K3', area: '220102', items: ['M01'], at: ago(30), status: 'claimed', industry: 'F' },
    {
      id: 'K4',
      area: '220104',
      items: ['M07'],
      at: ago(24 * 10),
      industry: 'F',
      channel: 'telegram',
      status: 'closed',
    },
    { id: 'K5', area: '220104', items: ['M05'], at: ago(24 * 40), industry: null },
    {
      id: 'K6',
      area: '220184',
      items: ['M06', 'M05'],
      at: ago(24 * 3),
      channel: 'officer',
      status: 'annex4_submitted',
    },
    { id: 'K7', area: '220102', items: ['M02'], at: ago(24 * 5), channel: 'widget', dueHours: 200 },
    // Annex 4 due exactly now (due soon, not yet overdue) and exactly two hours on (not yet due soon).
    { id: 'K8', area: '220103', items: ['M03'], at: ago(2), dueHours: 2 },
    { id: 'K9', area: '220103', items: ['M03'], at: ago(1), dueHours: 3, status: 'claimed' },
  ]);
  await db
    .insert(annex4)
    .values({ reportId: 'K6', data: {}, status: 'submitted', updatedAt: ago(24), submittedAt: ago(24) });
  const f = fetcherFor(host.url);
  city = await signIn(f, 'city', PASSWORD);
  nanguan = await signIn(f, 'ng', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const FILTERS: Omit<StatsFilter, 'fromDay' | 'toDay'>[] = [
  {},
  { jurisdictionId: '220102' },
  { jurisdictionId: '220104' },
  { item: 'M05' },
  { item: 'M09' },
  { industry: 'C' },
  { industry: 'F' },
  { channel: 'web' },
  { channel: 'telegram' },
  { jurisdictionId: '220102', item: 'M05' },
  { jurisdictionId: '220102', industry: 'F' },
  { jurisdictionId: '220184', channel: 'officer' },
  // Item and source with no area: a scope of its own (migration 0022), read like the others.
  { item: 'M05', channel: 'web' },
  { item: 'M07', channel: 'telegram' },
  // Item and source within one area: a scope of its own too (migration 0026).
  { jurisdictionId: '220102', item: 'M05', channel: 'web' },
  { jurisdictionId: '220104', item: 'M07', channel: 'telegram' },
  // Industry and source, in the city and in one area (migration 0027).
  { industry: 'F', channel: 'telegram' },
  { industry: 'C', channel: 'web' },
  { jurisdictionId: '220104', industry: 'F', channel: 'telegram' },
];

/** The open-case counts as one aggregate over the cases (what open_case_counts replaced). */
async function openCountsFromCases(now: Date, soonMs: number): Promise<Map<string, OpenCounts>> {
  const t = now.getTime();
  const rows = await host.deps.db.all<OpenCounts & { area: string }>(sql`
    SELECT jurisdiction_id AS area,
           sum(status = 'new') AS unclaimed,
           sum(status IN ('new', 'claimed') AND annex4_due_at >= ${t} AND annex4_due_at < ${t + soonMs}) AS dueSoon,
           sum(status IN ('new', 'claimed') AND annex4_due_at < ${t}) AS overdue,
           sum(urgency = 'immediate') AS urgent,
           count(*) AS open
    FROM reports WHERE status != 'closed' AND case_id IS NULL GROUP BY 1`);
  return new Map(rows.map(({ area, ...counts }) => [area, counts]));
}

/**
 * Combined filters, against a count made here row by row: those no case_counts scope answers (an industry section
 * with an item, counted from the cases through the section indexes) and those with two filters' scopes (item or
 * industry with source).
 */
const COMBINED: Omit<StatsFilter, 'fromDay' | 'toDay'>[] = [
  { item: 'M05', industry: 'C' },
  { item: 'M05', industry: 'F' },
  { item: 'M09', industry: 'C', jurisdictionId: '220102' },
  { industry: 'C', channel: 'web' },
  { item: 'M05', channel: 'web' },
  { item: 'M05', channel: 'web', jurisdictionId: '220102' },
  { industry: 'F', channel: 'telegram', jurisdictionId: '220104' },
  // Within one area, through reports_area_industry_window_idx.
  { item: 'M01', industry: 'F', jurisdictionId: '220102' },
  { item: 'M01', industry: 'F', channel: 'web', jurisdictionId: '220102' },
];

/** A breakdown counted here, row by row, from every case of the period (the reference for COMBINED). */
async function breakdownByHand(f: StatsFilter) {
  const rows = await host.deps.db.all<{ area: string; industry: string | null; channel: string; items: string }>(sql`
    SELECT jurisdiction_id AS area, industry, channel, items FROM reports
    WHERE case_id IS NULL AND submitted_at >= ${dayStart(f.fromDay).getTime()} AND submitted_at < ${dayStart(f.toDay).getTime()}`);
  const b = { total: 0, byArea: new Map(), byItem: new Map(), byIndustry: new Map(), byChannel: new Map() };
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    const items = JSON.parse(r.items) as string[];
    if (f.jurisdictionId && r.area !== f.jurisdictionId) continue;
    if (f.industry && r.industry !== f.industry) continue;
    if (f.channel && r.channel !== f.channel) continue;
    if (f.item && !items.includes(f.item)) continue;
    b.total++;
    add(b.byArea, r.area);
    add(b.byIndustry, r.industry ?? '');
    add(b.byChannel, r.channel);
    for (const item of new Set(items)) add(b.byItem, item);
  }
  return b;
}

/** Every figure the counts answer, next to the same figure counted from the cases. */
async function expectCountsMatchCases(): Promise<number> {
  const db = host.deps.db;
  const today = beijingDay(clock.now());
  const periods = [
    { fromDay: today - 60, toDay: today + 1 },
    // Day by day: each case counted on its own Beijing day.
    ...Array.from({ length: 45 }, (_, i) => ({ fromDay: today - i, toDay: today - i + 1 })),
  ];
  for (const period of periods) {
    for (const f of FILTERS) {
      const filter = { ...period, ...f };
      expect(await caseBreakdown(db, filter), JSON.stringify(filter)).toEqual(await breakdownFromCases(db, filter));
    }
  }
  for (const f of COMBINED) {
    const filter = { ...periods[0], ...f } as StatsFilter;
    expect(await caseBreakdown(db, filter), JSON.stringify(f)).toEqual(await breakdownByHand(filter));
  }
  expect((await caseBreakdown(db, { ...periods[0], item: 'M05', industry: 'C' } as StatsFilter)).total).toBeGreaterThan(
    0,
  );
  // Item and source read their kept day rows: the scope's rows add up to the same cases as the count by hand.
  expect(countsScope({ item: 'M05', channel: 'web' })).toBe('i:M05|c:web');
  expect(countsScope({ item: 'M05', channel: 'web', jurisdictionId: '220102' })).toBe('a:220102|i:M05|c:web');
  expect(countsScope({ item: 'M05', industry: 'C', jurisdictionId: '220102' })).toBeUndefined();
  expect(countsScope({ item: 'M05', industry: 'C', channel: 'web' })).toBeUndefined();
  expect(countsScope({ industry: 'C', channel: 'web', jurisdictionId: '220102' })).toBe('a:220102|n:C|c:web');
  const kept = await db.get<{ n: number | null }>(sql`SELECT sum(json_extract(counts, '$."c:web"')) AS n
    FROM case_counts WHERE scope = 'i:M05|c:web' AND day >= ${periods[0]?.fromDay} AND day < ${periods[0]?.toDay}`);
  const byHand = await breakdownByHand({ ...periods[0], item: 'M05', channel: 'web' } as StatsFilter);
  expect(byHand.total).toBeGreaterThan(0);
  expect(kept?.n).toBe(byHand.total);
  for (const f of FILTERS) {
    const filter = { fromDay: 0, toDay: today + 1, ...f };
    expect(await weeklyTrend(db, filter, 12), JSON.stringify(f)).toEqual(await trendFromCases(db, filter, 12));
    // The overview's 12 weeks: breakdown and trend from one read of the day rows.
    const weeks = { fromDay: today + 1 - 84, toDay: today + 1, ...f };
    expect(await breakdownWithTrend(db, weeks, 12), JSON.stringify(f)).toEqual({
      breakdown: await breakdownFromCases(db, weeks),
      trend: await trendFromCases(db, weeks, 12),
    });
  }
  for (const soon of [2 * H, 48 * H]) {
    expect(await openCountsByArea(db, clock.now(), soon)).toEqual(await openCountsFromCases(clock.now(), soon));
    const one = await openCountsByArea(db, clock.now(), soon, '220102');
    expect(one).toEqual(new Map([...(await openCountsFromCases(clock.now(), soon))].filter(([k]) => k === '220102')));
  }
  // The to-do counts (overview, inbox) are the per-area counts added up: each equals the inbox's list under that filter.
  for (const jurisdictionId of [null, '220102', '220103']) {
    const todo = await inboxCounts(db, { jurisdictionId }, clock.now());
    const listed = async (attention: Attention) =>
      (await listCases(db, { jurisdictionId }, { attention }, clock.now(), { limit: 1000, offset: 0 })).length;
    expect(todo, String(jurisdictionId)).toEqual({
      unclaimed: await listed('unclaimed'),
      soon: await listed('soon'),
      overdue: await listed('overdue'),
    });
  }
  return (await caseBreakdown(db, periods[0] as StatsFilter)).total;
}

describe('counts kept by triggers', () => {
  it('equal the figures counted from the cases after stores, joins, splits, merges, claims, marks, closes and returns', async () => {
    expect(await expectCountsMatchCases()).toBe(9);
    const edges = await openCountsByArea(host.deps.db, clock.now(), 2 * H, '220103');
    expect(edges.get('220103')).toEqual({ unclaimed: 1, dueSoon: 1, overdue: 0, urgent: 0, open: 2 });

    // Two API submits on one employer: the first opens a case, the second joins it (续报) and adds none.
    const first = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS, { sameEmployer: true });
    const followUp = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS, { sameEmployer: true });
    expect(followUp.joinedCase?.receipt).toBe(first.receipt);
    expect(await expectCountsMatchCases()).toBe(10);

    // The follow-up split off into a case of its own, then merged back.
    expect((await nanguan.post(`/console/cases/${followUp.reportId}/split`, { reason: '另一起事件' })).status).toBe(
      303,
    );
    expect(await expectCountsMatchCases()).toBe(11);
    const merged = await nanguan.post(`/console/cases/${followUp.reportId}/merge`, {
      into: first.receipt,
      reason: '核实为同一起事件',
    });
    expect(merged.status).toBe(303);
    expect(await expectCountsMatchCases()).toBe(10);
    // A stored case merged into another of the same area.
    expect((await nanguan.post('/console/cases/K7/merge', { into: 'CC-T-K1', reason: '同一起事件' })).status).toBe(303);
    expect(await expectCountsMatchCases()).toBe(9);

    // Claimed, marked urgent, closed, its Annex 4 returned: the open counts follow every status.
    expect((await nanguan.post('/console/cases/K1/claim', {})).status).toBe(303);
    const mark = await nanguan.post('/console/cases/K1/urgency', { urgent: 'yes', reason: '职工聚集' });
    expect(mark.status).toBe(303);
    expect((await city.post('/console/cases/K2/close', { reason: '已解决', confirm: 'yes' })).status).toBe(303);
    const returned = await city.post('/console/cases/K6/annex4/review', { decision: 'returned', note: '请补充' });
    expect(returned.status).toBe(303);
    clock.advance(20 * H); // due times pass: overdue and due soon move with "now"
    expect(await expectCountsMatchCases()).toBe(9);
    const open = await openCountsByArea(host.deps.db, clock.now(), 2 * H);
    // K2 (urgent) is closed, K1 marked urgent: one urgent case in 南关区; K6 back with the district, claimed.
    expect(open.get('220102')).toMatchObject({ urgent: 1 });
    expect(open.get('220184')).toMatchObject({ open: 1, unclaimed: 0 });
  });

  it('the migration’s backfill counts the stored cases exactly as the triggers did', async () => {
    const db = host.deps.db;
    const snapshot = async () => ({
      days: (
        await db.all<{ scope: string; day: number; counts: string }>(
          sql`SELECT scope, day, counts FROM case_counts ORDER BY scope, day`,
        )
      )
        .map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, number> }))
        // A day whose cases all left it (merged, split off elsewhere) keeps an empty row; the backfill has none.
        .filter((r) => Object.keys(r.counts).length > 0),
      open: await db.all(sql`SELECT * FROM open_case_counts WHERE cases != 0 ORDER BY 1, 2, 3`),
    });
    const kept = await snapshot();
    expect(kept.days.length).toBeGreaterThan(20);
    const backfillOf = (file: string) =>
      readFileSync(join(MIGRATIONS_DIR, file), 'utf8')
        .split('--> statement-breakpoint')
        .filter((statement) => !/(CREATE|DROP) TRIGGER/.test(statement));
    // 0018's backfill, then 0022's, 0026's and 0027's of the scopes they added.
    const backfill = [
      ...backfillOf('0018_case_counts_triggers.sql'),
      ...backfillOf('0022_case_counts_item_source.sql'),
      ...backfillOf('0026_case_counts_area_item_source.sql'),
      ...backfillOf('0027_case_counts_industry_source.sql'),
    ];
    expect(backfill).toHaveLength(5);
    await db.run(sql`DELETE FROM case_counts`);
    await db.run(sql`DELETE FROM open_case_counts`);
    for (const statement of backfill) await db.run(sql.raw(statement));
    expect(await snapshot()).toEqual(kept);
  });
});
