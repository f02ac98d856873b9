// `npm run bench`: every hot path measured next to the floor it cannot beat, in the same run on the same
// machine, so the ratios mean something on a noisy machine. Writes bench/results.json. Never part of npm test.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { and, count, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { Hono } from 'hono';
import type { Db } from '../db/client';
import { openLibsql } from '../db/libsql';
import { DUE_SOON_MS } from '../db/repo/cases';
import { guardedDraftUpdate } from '../db/repo/drafts';
import { listJurisdictions } from '../db/repo/jurisdictions';
import { regionalMetrics } from '../db/repo/regional';
import { employerKey, submissionStatements } from '../db/repo/reports';
import {
  beijingDay,
  breakdownWithTrend,
  caseBreakdown,
  dayStart,
  openCountsByArea,
  todoTotals,
  weeklyTrend,
} from '../db/repo/stats';
import * as schema from '../db/schema';
import { createApp } from '../src/app';
import { periodFigures } from '../src/city/period-report';
import { loadConfig } from '../src/config';
import { type AppDeps, cryptoRandom, systemClock } from '../src/deps';
import { newId } from '../src/ids';
import { assess, levelFromMetrics } from '../src/rules/index';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../test/support/conversation';
import { countingClient } from '../test/support/counting-client';
import { startFakeBotApi } from '../test/support/fake-bot-api';
import { tgUpdate } from '../test/support/telegram';
import { generateReports } from './generate';
import { cpuPerOp, fmt, printTable, type Row, type Timing, time } from './measure';
import { notifyBench } from './notify';
import {
  eagerCodeSize,
  evaluatedOnly,
  parsedOnly,
  publicPathOnly,
  singleModule,
  splitModules,
  startUpVersusHelloWorld,
  unimportedModules,
} from './startup';

const rows: Row[] = [];
const add = (r: Row) => {
  rows.push(r);
  const base = r.baseline ? `  (baseline ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit})` : '';
  console.log(
    `  ${r.section} ${r.figure}: ${fmt(r.value)} ${r.unit}${base}${r.ratio === undefined ? '' : `  ×${r.ratio.toFixed(2)}`}`,
  );
};

const work = mkdtempSync(join(tmpdir(), 'labor-risk-bench-'));
// BENCH_REPORTS_CACHE=<file>: §6 and §9 start from the 1,000,000-report database kept there (and the clock it was
// generated at) instead of generating it again (about 20 minutes through the triggers); the first full run writes
// it. Migrations newer than the copy apply when it opens, so it stays usable while the schema moves.
const reportsCache = process.env.BENCH_REPORTS_CACHE;
const cachedNow =
  reportsCache && existsSync(reportsCache) && existsSync(`${reportsCache}.json`)
    ? new Date((JSON.parse(readFileSync(`${reportsCache}.json`, 'utf8')) as { now: string }).now)
    : undefined;
if (reportsCache && cachedNow) copyFileSync(reportsCache, join(work, 'bench.db'));
// The bench is one address starting thousands of drafts: the per-address limit is lifted for it.
const config = loadConfig({
  APP_ENV: 'test',
  PORT: '0',
  LIBSQL_URL: `file:${join(work, 'bench.db')}`,
  DRAFTS_PER_MINUTE: '1000000000',
});
const opened = await openLibsql(config.LIBSQL_URL);
const counter = countingClient(opened.client);
const db = drizzle(counter.proxy, { schema }) as Db;
const deps: AppDeps = { db, config, clock: systemClock, random: cryptoRandom, defer: () => {} };
const app = createApp(deps);

/** Two rows: throughput and p99 of `measured` next to the same figures of its baseline. */
function addVersus(section: string, what: string, unit: string, measured: Timing, baseName: string, base: Timing) {
  add({
    section,
    figure: `${what} throughput`,
    value: measured.perSec,
    unit,
    baseline: { name: baseName, value: base.perSec },
    ratio: base.perSec / measured.perSec,
  });
  add({
    section,
    figure: `${what} p99`,
    value: measured.p99Ms,
    unit: 'ms',
    baseline: { name: `${baseName} p99`, value: base.p99Ms },
    ratio: measured.p99Ms / base.p99Ms,
  });
}

// Content-Length as every real HTTP client sends it (Hono's body limit takes its fast path on it).
const json = (body: unknown, token?: string): RequestInit => {
  const text = JSON.stringify(body);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...(token ? { 'x-resume-token': token } : {}),
    },
    body: text,
  };
};
type Started = { draftId: string; token: string; reply: ReplyLike };
const startDraft = async () => (await (await app.request('/api/drafts', json({}))).json()) as Started;

/**
 * An intake turn over 64 drafts, each alternating "answer the unit name" and "back": both change the state,
 * so every turn writes.
 */
async function alternatingTurns() {
  const drafts = await Promise.all(Array.from({ length: 64 }, startDraft));
  const flip = new Array<boolean>(drafts.length).fill(false);
  const turn = async (i: number) => {
    const k = i % drafts.length;
    const d = drafts[k]!;
    const input = flip[k] ? { type: 'back' } : { type: 'answer', value: '长春市示例机械制造有限公司' };
    flip[k] = !flip[k];
    const res = await app.request(`/api/drafts/${d.draftId}/turns`, json({ input }, d.token));
    if (res.status !== 200) throw new Error(`turn failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  return { drafts, turn };
}

// ── 1 and 5: one intake turn vs the floor (a bare route doing the same read + guarded batch) ──────────
async function turnVsFloor() {
  console.log('1. intake turn vs floor (app.request, embedded libSQL file)');
  const { drafts, turn } = await alternatingTurns();

  const floor = new Hono();
  // The physical floor: the same read and the same guarded write batch as raw driver calls, no ORM, no
  // validation, no engine, no middleware.
  const client = opened.client;
  floor.post('/floor/:id', async (c) => {
    await c.req.json();
    const id = c.req.param('id');
    const read = await client.execute({ sql: 'SELECT * FROM intake_drafts WHERE id = ?', args: [id] });
    const row = read.rows[0];
    if (!row) return c.json({ error: 'gone' }, 404);
    const version = Number(row.version);
    await client.batch(
      [
        {
          sql: 'UPDATE intake_drafts SET state = ?, updated_at = ?, version = CASE WHEN version = ? THEN ? ELSE NULL END WHERE id = ?',
          args: [row.state as string, Date.now(), version, version + 1, id],
        },
      ],
      'write',
    );
    return c.json({ version: version + 1, state: JSON.parse(row.state as string) });
  });
  const floorOp = async (i: number) => {
    const d = drafts[i % drafts.length]!;
    const res = await floor.request(`/floor/${d.draftId}`, json({ input: { type: 'back' } }, d.token));
    await res.arrayBuffer();
  };

  const n = 3000;
  const f = await time(floorOp, { n });
  const t = await time(turn, { n });
  add({
    section: '1',
    figure: 'intake turn throughput',
    value: t.perSec,
    unit: 'turns/s',
    baseline: { name: 'bare read+batch route', value: f.perSec },
    ratio: f.perSec / t.perSec,
    target: 'ratio ≤ 1.3 (vs raw driver floor)',
    met: f.perSec / t.perSec <= 1.3,
  });
  add({
    section: '1',
    figure: 'intake turn p50',
    value: t.p50Ms,
    unit: 'ms',
    baseline: { name: 'floor p50', value: f.p50Ms },
    ratio: t.p50Ms / f.p50Ms,
  });
  add({
    section: '1',
    figure: 'intake turn p99',
    value: t.p99Ms,
    unit: 'ms',
    baseline: { name: 'floor p99', value: f.p99Ms },
    ratio: t.p99Ms / f.p99Ms,
  });

  console.log('5. CPU time per turn (process.cpuUsage)');
  const cpuTurn = await cpuPerOp(turn, 2000);
  const cpuFloor = await cpuPerOp(floorOp, 2000);
  add({
    section: '5',
    figure: 'CPU per turn',
    value: cpuTurn,
    unit: 'ms',
    baseline: { name: 'floor route', value: cpuFloor },
    ratio: cpuTurn / cpuFloor,
    target: '< 1 ms',
    met: cpuTurn < 1,
  });
}

// ── 3: submit (report + assessment + employer + event + outbox in one batch) vs the bare batch ────────
async function submitVsBatch() {
  console.log('3. submit vs the bare batch');
  // One real conversation to the review screen, then its state cloned into many drafts.
  const d = await startDraft();
  let reply = d.reply;
  while (reply.kind !== 'review') {
    const res = await app.request(
      `/api/drafts/${d.draftId}/turns`,
      json({ input: inputFor(reply, M05_ANSWERS) }, d.token),
    );
    reply = ((await res.json()) as { reply: ReplyLike }).reply;
  }
  const [template] = await db.select().from(schema.intakeDrafts).where(eq(schema.intakeDrafts.id, d.draftId));
  if (!template) throw new Error('draft vanished');
  const n = 1500;
  const ids = Array.from({ length: 2 * n }, (_, i) => `d_bench_submit_${i}`);
  for (let i = 0; i < ids.length; i += 200) {
    await db
      .insert(schema.intakeDrafts)
      .values(ids.slice(i, i + 200).map((id) => ({ ...template, id, chatKey: null })));
  }
  const submit = async (i: number) => {
    const res = await app.request(`/api/drafts/${ids[i]}/submit`, json({}, d.token));
    if (res.status !== 200) throw new Error(`submit failed: ${res.status}`);
    await res.arrayBuffer();
  };
  const bare = async (i: number) => {
    const now = new Date();
    const reportId = newId('r', now, cryptoRandom);
    const key = employerKey(null, '220102', `bare-${i}`);
    await db.batch([
      guardedDraftUpdate(db, ids[n + i]!, template.version, {
        state: template.state,
        status: 'submitted',
        updatedAt: now,
        expiresAt: now,
      }),
      ...submissionStatements(db, {
        employer: { id: `e_bare_${i}`, key, name: 'x', jurisdictionId: '220102', updatedAt: now },
        report: {
          id: reportId,
          receipt: `BARE-${i}`,
          employerId: `e_bare_${i}`,
          jurisdictionId: '220102',
          channel: 'web',
          unitName: 'x',
          reporterName: 'x',
          reporterPhone: '13800138000',
          answers: {},
          items: ['M05'],
          assessment: {},
          rulesetVersion: 'bare',
          severity: 'low',
          urgency: 'within_24h',
          submittedAt: now,
          annex4DueAt: now,
        },
        outboxId: newId('o', now, cryptoRandom),
      }),
    ] as unknown as Parameters<Db['batch']>[0]);
  };
  const s = await time(submit, { n, warmup: 0 });
  const b = await time(bare, { n, warmup: 0 });
  addVersus('3', 'submit', 'submits/s', s, 'bare batch', b);
}

// ── 8: database round trips, counted ──────────────────────────────────────────────────────────────
async function roundTrips() {
  console.log('8. database round trips');
  const d = await startDraft();
  let reply = d.reply;
  let maxPerTurn = 0;
  while (reply.kind !== 'review') {
    counter.calls.length = 0;
    const res = await app.request(
      `/api/drafts/${d.draftId}/turns`,
      json({ input: inputFor(reply, M05_ANSWERS) }, d.token),
    );
    reply = ((await res.json()) as { reply: ReplyLike }).reply;
    maxPerTurn = Math.max(maxPerTurn, counter.calls.length);
  }
  counter.calls.length = 0;
  await app.request(`/api/drafts/${d.draftId}/submit`, json({}, d.token));
  const submitCalls = [...counter.calls];
  add({
    section: '8',
    figure: 'round trips per turn (max)',
    value: maxPerTurn,
    unit: 'calls',
    target: '≤ 2',
    met: maxPerTurn <= 2,
  });
  add({
    section: '8',
    figure: 'round trips per submit',
    value: submitCalls.length,
    unit: 'calls',
    target: '≤ 2, 1 batch',
    met: submitCalls.length <= 2 && submitCalls.filter((c) => c === 'batch').length === 1,
  });
}

// ── 6: assess per report, suggestLevel over 10k / 100k / 1M stored reports vs a raw count(*) ──────────
async function rulesAndLevels() {
  console.log('6. assess and suggestLevel');
  const report = {
    employer: { name: '示例', headcount: 400, industry: 'C', district: '220102' },
    items: ['M05', 'M07', 'M09'] as const,
    facts: {
      m05_employees_owed: 25,
      m05_amount_owed: 420000,
      m05_months_in_arrears: 2,
      m07_departures_this_month: 40,
      m09_people_involved: 45,
      m09_place: '正门',
      m09_started_at: '2026-11-25T08:30:00+08:00',
      m09_still_going: true,
      m09_blocking_roads: true,
    },
    eventAt: '2026-11-24',
    reportedAt: '2026-11-25T02:00:00.000Z',
  };
  const input = { ...report, items: [...report.items] };
  if (want('6')) {
    const a = await time(async () => assess(input), { n: 20_000 });
    const b = await time(async () => JSON.parse(JSON.stringify(input)), { n: 20_000 });
    add({
      section: '6',
      figure: 'assess per report (3 items)',
      value: a.meanMs * 1000,
      unit: 'µs',
      baseline: { name: 'JSON round trip of the report', value: b.meanMs * 1000 },
      ratio: a.meanMs / b.meanMs,
    });
  }

  const big = drizzle(opened.client, { schema }) as Db; // uncounted: generation is not a measured path
  const now = cachedNow ?? new Date();
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const prevFrom = new Date(from.getTime() - 30 * 86_400_000);
  let stored = 0;
  for (const size of [10_000, 100_000, 1_000_000]) {
    if (cachedNow) {
      // The cache holds the full database only: the smaller sizes are not measured from it.
      if (size < 1_000_000) continue;
      console.log(`   ${fmt(size)} reports from ${reportsCache} (generated at ${now.toISOString()})`);
    } else {
      const t0 = performance.now();
      await generateReports(big, size - stored, { now, seed: size, offset: stored });
      stored = size;
      console.log(`   generated ${fmt(size)} reports in ${fmt((performance.now() - t0) / 1000)} s`);
      if (reportsCache && size === 1_000_000) {
        await big.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
        copyFileSync(join(work, 'bench.db'), reportsCache);
        writeFileSync(`${reportsCache}.json`, JSON.stringify({ now: now.toISOString() }));
      }
    }
    if (!want('6')) continue;
    // The suggested level (the city's, or one district's for the Annex 4 prefill) against a plain count(*) of the
    // same 60 days' rows, in the same scope.
    const levelVersusCount = async (figure: string, area?: string) => {
      const level = await time(
        async () =>
          levelFromMetrics(
            await regionalMetrics(big, { from, to: now, before: prevFrom, ...(area ? { jurisdictionId: area } : {}) }),
          ),
        { n: 20, warmup: 3 },
      );
      const raw = await time(
        () =>
          big
            .select({ n: count() })
            .from(schema.reports)
            .where(
              and(
                area ? eq(schema.reports.jurisdictionId, area) : undefined,
                gte(schema.reports.submittedAt, prevFrom),
                lt(schema.reports.submittedAt, now),
              ),
            ),
        { n: 20, warmup: 2 },
      );
      add({
        section: '6',
        figure,
        value: level.p50Ms,
        unit: 'ms',
        baseline: { name: area ? 'count(*) same rows, that area' : 'count(*) same rows', value: raw.p50Ms },
        ratio: level.p50Ms / raw.p50Ms,
        target: '≤ 3×',
        met: level.p50Ms <= 3 * raw.p50Ms,
      });
    };
    // One district's level (the Annex 4 prefill's suggestion): sums of the district's kept ranks.
    await levelVersusCount(
      `suggested level of one district over ${fmt(size)} reports (30-day window + 30 before)`,
      '220102',
    );
    await levelVersusCount(`suggested level over ${fmt(size)} reports (30-day window + 30 before; kept ranks)`);
  }
  const plan = await big.all<{ detail: string }>(
    sql`EXPLAIN QUERY PLAN SELECT count(*), sum(group_incident), sum(level_employer), sum(level_people)
      FROM reports INDEXED BY reports_open_window_idx
      WHERE submitted_at >= 0 AND submitted_at < 1 AND case_id IS NULL AND status != 'closed'`,
  );
  console.log(`   query plan of the window's sums: ${plan.map((p) => p.detail).join(' | ')}`);
  if (want('9')) await cityDesk(big, now);
}

// ── 9: the city desk over the same 1M reports: statistics, overview, exports' queries vs count(*) ──────
async function cityDesk(big: Db, now: Date) {
  console.log('9. city desk: statistics and overview over 1M reports, vs a plain indexed count(*) of the period');
  const today = beijingDay(now);
  const r = schema.reports;
  const countSince = (days: number, area?: string) =>
    time(
      () =>
        big
          .select({ n: count() })
          .from(r)
          .where(
            and(
              gte(r.submittedAt, dayStart(today + 1 - days)),
              lt(r.submittedAt, dayStart(today + 1)),
              area ? eq(r.jurisdictionId, area) : undefined,
            ),
          ),
      { n: 20, warmup: 2 },
    );
  const versus = async (figure: string, op: () => Promise<unknown>, base: Timing, baseName: string) => {
    const t = await time(op, { n: 20, warmup: 2 });
    add({
      section: '9',
      figure,
      value: t.p50Ms,
      unit: 'ms',
      baseline: { name: baseName, value: base.p50Ms },
      ratio: t.p50Ms / base.p50Ms,
      target: '≤ 3×',
      met: t.p50Ms <= 3 * base.p50Ms,
    });
  };
  const month = { fromDay: today + 1 - 30, toDay: today + 1 };
  const quarter = { fromDay: today + 1 - 84, toDay: today + 1 };
  const count30 = await countSince(30);
  const count84 = await countSince(84);
  const count30area = await countSince(30, '220102');
  const count84area = await countSince(84, '220102');
  await versus('stats, 30 days, all areas (case_counts)', () => caseBreakdown(big, month), count30, 'count(*) 30 days');
  await versus(
    'stats, 30 days, one area (case_counts)',
    () => caseBreakdown(big, { ...month, jurisdictionId: '220102' }),
    count30area,
    'count(*) 30 days, that area',
  );
  await versus(
    'stats, 30 days, one item (case_counts)',
    () => caseBreakdown(big, { ...month, item: 'M05' }),
    count30,
    'count(*) 30 days',
  );
  await versus(
    'stats, 30 days, one industry (case_counts)',
    () => caseBreakdown(big, { ...month, industry: 'C' }),
    count30,
    'count(*) 30 days',
  );
  await versus(
    'stats, 30 days, one area and one item (case_counts)',
    () => caseBreakdown(big, { ...month, jurisdictionId: '220102', item: 'M05' }),
    count30area,
    'count(*) 30 days, that area',
  );
  await versus(
    'stats, 30 days, item and industry (reports_industry_window_idx)',
    () => caseBreakdown(big, { ...month, item: 'M05', industry: 'C' }),
    count30,
    'count(*) 30 days',
  );
  await versus(
    'stats, 30 days, item and source (case_counts)',
    () => caseBreakdown(big, { ...month, item: 'M05', channel: 'web' }),
    count30,
    'count(*) 30 days',
  );
  await versus(
    'stats, 30 days, industry and source (case_counts)',
    () => caseBreakdown(big, { ...month, industry: 'C', channel: 'web' }),
    count30,
    'count(*) 30 days',
  );
  // A district officer's statistics always carry the area: two more filters within it.
  const inArea = { ...month, jurisdictionId: '220102' };
  await versus(
    'stats, 30 days, one area, item and source (case_counts)',
    () => caseBreakdown(big, { ...inArea, item: 'M05', channel: 'web' }),
    count30area,
    'count(*) 30 days, that area',
  );
  await versus(
    'stats, 30 days, one area, item and industry (reports_area_industry_window_idx)',
    () => caseBreakdown(big, { ...inArea, item: 'M05', industry: 'C' }),
    count30area,
    'count(*) 30 days, that area',
  );
  await versus(
    'stats, 30 days, one area, industry and source (case_counts)',
    () => caseBreakdown(big, { ...inArea, industry: 'C', channel: 'web' }),
    count30area,
    'count(*) 30 days, that area',
  );
  await versus(
    'stats, 30 days, one area, item, industry and source (reports_area_industry_window_idx)',
    () => caseBreakdown(big, { ...inArea, item: 'M05', industry: 'C', channel: 'web' }),
    count30area,
    'count(*) 30 days, that area',
  );
  // What the overview page reads (src/web/console/overview.tsx): the to-do counts are the per-area counts added up.
  const overview = async (area?: string) => {
    const [perArea] = await Promise.all([
      openCountsByArea(big, now, DUE_SOON_MS, area),
      breakdownWithTrend(big, { ...quarter, jurisdictionId: area }, 12),
    ]);
    return todoTotals(perArea);
  };
  await versus('12-week trend by item (case_counts)', () => weeklyTrend(big, quarter, 12), count84, 'count(*) 84 days');
  // The statistics page draws the selection's 12-week trend beside its table: with no scope, from the cases.
  await versus(
    '12-week trend, item and industry (reports_industry_window_idx)',
    () => weeklyTrend(big, { ...quarter, item: 'M05', industry: 'C' }, 12),
    count84,
    'count(*) 84 days',
  );
  await versus(
    '12-week trend, one area, item and industry (reports_area_industry_window_idx)',
    () => weeklyTrend(big, { ...quarter, jurisdictionId: '220102', item: 'M05', industry: 'C' }, 12),
    count84area,
    'count(*) 84 days, that area',
  );
  await versus(
    'overview: open and to-do counts + 12-week trend + industries',
    () => overview(),
    count84,
    'count(*) 84 days',
  );
  await versus(
    'overview of one district (open and to-do counts, trend, industries)',
    () => overview('220102'),
    count84area,
    'count(*) 84 days, that area',
  );
  const countOpen = await time(
    () =>
      big
        .select({ n: count() })
        .from(r)
        .where(inArray(r.status, ['new', 'claimed', 'annex4_submitted'])),
    { n: 20, warmup: 2 },
  );
  await versus(
    'open counts per area alone',
    () => openCountsByArea(big, now, 2 * 3_600_000),
    countOpen,
    'count(*) of cases not closed',
  );
  const areas = await listJurisdictions(big);
  await versus(
    'period report figures (30 days and the 30 before, notable cases)',
    () => periodFigures(big, month, areas),
    count30,
    'count(*) 30 days',
  );
  // The plans behind the figures: each a search through an index, never a scan of reports.
  const planOf = async (name: string, query: SQL) => {
    const rows = await big.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
    console.log(`   plan, ${name}: ${rows.map((p) => p.detail).join(' | ')}`);
  };
  await planOf(
    'not-yet-due count of one area (overdue is the rest)',
    sql`SELECT count(*) FROM reports INDEXED BY reports_area_due_idx WHERE jurisdiction_id = '220102' AND status IN ('new', 'claimed') AND case_id IS NULL AND annex4_due_at >= ${now.getTime()}`,
  );
  await planOf(
    'cases of a period, one industry section and one item',
    sql`SELECT jurisdiction_id, channel, count(*) FROM reports INDEXED BY reports_industry_window_idx
      WHERE industry = 'C' AND submitted_at >= 0 AND submitted_at < 1 AND case_id IS NULL
        AND instr(items, '"M05"') > 0 GROUP BY 1, 2`,
  );
  await planOf(
    'notable cases, the walk down their ranking',
    sql`SELECT rowid FROM reports INDEXED BY reports_notable_rank_idx
      WHERE case_id IS NULL AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high')
      ORDER BY group_incident DESC, coalesce(people_involved, 0) DESC, submitted_at, urgency, severity, people_involved, id
      LIMIT 2000`,
  );
  const [countRows] = await big.all<{ n: number; scopes: number }>(
    sql`SELECT count(*) AS n, count(DISTINCT scope) AS scopes FROM case_counts`,
  );
  const [openRows] = await big.all<{ n: number }>(sql`SELECT count(*) AS n FROM reports WHERE status != 'closed'`);
  console.log(
    `   case_counts rows: ${fmt(countRows?.n ?? 0)} (${fmt(countRows?.scopes ?? 0)} scopes); cases not closed: ${fmt(openRows?.n ?? 0)}`,
  );
}

// ── 4: a Telegram webhook update to its reply handed to the Bot API, vs the same turn through the API ──
async function telegramWebhook() {
  console.log('4. Telegram webhook update → reply sent, vs the intake turn alone');
  // The Bot API answers every call at once: what is measured is our adapter.
  const fake = await startFakeBotApi();
  const root = fake.root;
  const botConfig = loadConfig({
    APP_ENV: 'test',
    PORT: '0',
    LIBSQL_URL: config.LIBSQL_URL,
    DRAFTS_PER_MINUTE: '1000000000',
    TELEGRAM_BOT_TOKEN: '123456:BENCH-token',
    TELEGRAM_WEBHOOK_SECRET: 'bench-secret',
    TELEGRAM_API_ROOT: root,
  });
  const botApp = createApp({ ...deps, config: botConfig });
  let updateId = 1;
  const post = async (update: unknown) => {
    const res = await botApp.request('/telegram/webhook', {
      ...json(update),
      headers: {
        ...(json(update).headers as Record<string, string>),
        'x-telegram-bot-api-secret-token': 'bench-secret',
      },
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await res.arrayBuffer();
  };
  const chats = Array.from({ length: 64 }, (_, i) => 900_000 + i);
  for (const chat of chats) await post(tgUpdate.text(updateId++, chat, '/start'));
  const flip = new Map<number, boolean>();
  const update = async (i: number) => {
    const chat = chats[i % chats.length]!;
    const f = !flip.get(chat);
    flip.set(chat, f);
    await post(tgUpdate.text(updateId++, chat, f ? '长春市示例机械制造有限公司' : '返回'));
  };
  const { turn } = await alternatingTurns();
  const n = 2000;
  const t = await time(turn, { n });
  const w = await time(update, { n });
  fake.close();
  addVersus('4', 'webhook update (reply sent)', 'updates/s', w, 'intake turn via API', t);
}

// ── 2: full HTTP over loopback with autocannon against the `npm start` server ─────────────────────────
async function loopback() {
  console.log('2. HTTP over loopback (autocannon)');
  const port = await freePort();
  const dbFile = join(work, 'http.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/node.ts'], {
    env: { ...process.env, PORT: String(port), LIBSQL_URL: `file:${dbFile}`, APP_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const base = `http://127.0.0.1:${port}`;
    const pool: Started[] = [];
    for (let i = 0; i < 60; i++) {
      pool.push((await (await fetch(`${base}/api/drafts`, json({}))).json()) as Started);
    }
    // The floor: a bare node:http server answering a body of the same size, on the same loopback.
    const sample = JSON.stringify({ version: 2, reply: { kind: 'question', text: 'x'.repeat(120) } });
    const raw = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(sample);
      });
    });
    await new Promise<void>((ok) => raw.listen(0, '127.0.0.1', ok));
    const rawPort = (raw.address() as AddressInfo).port;
    for (const connections of [1, 10, 50]) {
      let next = 0;
      const result = await autocannon({
        url: base,
        connections,
        duration: 5,
        requests: [
          {
            method: 'POST',
            // @ts-expect-error autocannon's types omit the per-connection context object it passes.
            setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
              context.draft ??= pool[next++ % pool.length];
              const d = context.draft as Started;
              context.flip = !context.flip;
              const input = context.flip ? { type: 'answer', value: '长春市示例机械制造有限公司' } : { type: 'back' };
              return {
                ...req,
                path: `/api/drafts/${d.draftId}/turns`,
                headers: { 'content-type': 'application/json', 'x-resume-token': d.token },
                body: JSON.stringify({ input }),
              };
            },
          },
        ],
      });
      const floor = await autocannon({
        url: `http://127.0.0.1:${rawPort}/`,
        connections,
        duration: 5,
        method: 'POST',
        body: '{"input":{"type":"back"}}',
      });
      const non2xx = result.non2xx;
      add({
        section: '2',
        figure: `turns/s at ${connections} connection(s)${non2xx ? ` (${non2xx} non-2xx)` : ''}`,
        value: result.requests.average,
        unit: 'req/s',
        baseline: { name: 'bare node:http', value: floor.requests.average },
        ratio: floor.requests.average / result.requests.average,
        ...(connections === 10 ? { target: '≥ 1,000/s', met: result.requests.average >= 1000 } : {}),
      });
      add({
        section: '2',
        figure: `p99 at ${connections} connection(s)`,
        value: result.latency.p99,
        unit: 'ms',
        baseline: { name: 'bare node:http', value: floor.latency.p99 },
        // autocannon reports whole milliseconds: a floor under 1 ms has no meaningful ratio.
        ...(floor.latency.p99 >= 1 ? { ratio: result.latency.p99 / floor.latency.p99 } : {}),
        ...(connections === 10 ? { target: '< 50 ms', met: result.latency.p99 < 50 } : {}),
      });
    }
    raw.close();
  } finally {
    await stop(child);
  }
}

// ── 7: sizes and the worker's start-up in workerd ─────────────────────────────────────────────────────
async function sizes() {
  console.log('7. sizes and workerd start-up');
  await run('node', ['scripts/build.mjs']);
  const worker = readFileSync('dist/worker.js');
  const kb = (n: number) => n / 1024;
  add({
    section: '7',
    figure: 'worker bundle raw',
    value: kb(worker.length),
    unit: 'KB',
    target: '< 300 KB',
    met: worker.length < 300 * 1024,
  });
  add({
    section: '7',
    figure: 'worker bundle gzip',
    value: kb(gzipSync(worker, { level: 9 }).length),
    unit: 'KB',
    target: '< 100 KB',
    met: gzipSync(worker, { level: 9 }).length < 100 * 1024,
  });
  // @ts-expect-error the build script is plain JavaScript without types
  const { buildWidget } = (await import('../scripts/build-widget.mjs')) as {
    buildWidget: () => Promise<{ widget: string }>;
  };
  const widget = Buffer.from((await buildWidget()).widget);
  add({ section: '7', figure: 'widget raw', value: kb(widget.length), unit: 'KB' });
  add({
    section: '7',
    figure: 'widget gzip',
    value: kb(gzipSync(widget, { level: 9 }).length),
    unit: 'KB',
    target: '≤ 20 KB',
    met: gzipSync(widget, { level: 9 }).length <= 20 * 1024,
  });

  const publicWorker = readFileSync('dist/public/public-worker.js');
  add({ section: '7', figure: 'public worker bundle raw', value: kb(publicWorker.length), unit: 'KB' });
  const code = await eagerCodeSize('functions/public-worker.ts');
  add({
    section: '7',
    figure: 'code evaluated on the public path (static imports)',
    value: kb(code.eager),
    unit: 'KB',
    baseline: { name: 'whole bundle', value: kb(code.total) },
    ratio: code.eager / code.total,
  });
  const { medians, cpu, gaps, hello, load } = await startUpVersusHelloWorld({
    public: singleModule('dist/public/public-worker.js'),
    bundle: singleModule('dist/worker.js'),
    split: await splitModules('functions/worker.ts'),
    evaluated: await evaluatedOnly('functions/worker.ts'),
    parsed: await parsedOnly('functions/worker.ts'),
    publicOnly: await publicPathOnly('functions/worker.ts'),
    unimported: await unimportedModules('functions/worker.ts', 'ESModule'),
    unimportedText: await unimportedModules('functions/worker.ts', 'Text'),
  });
  const startUpRow = (figure: string, name: string, target?: boolean) => {
    const ours = medians[name] ?? 0;
    const gap = gaps[name] ?? 0;
    add({
      section: '7',
      figure: `${figure} (median gap ${gap.toFixed(0)} ms)`,
      value: ours,
      unit: 'ms',
      baseline: { name: 'hello-world worker', value: hello },
      ratio: ours / hello,
      ...(target ? { target: '< 50 ms over the hello-world floor', met: gap < 50 } : {}),
    });
  };
  startUpRow('workerd start-up to first POST /api/drafts response, public worker', 'public', true);
  startUpRow('the same, the whole app as one worker', 'bundle');
  startUpRow('the same, code-split build (lazy groups as modules)', 'split');
  startUpRow('worker evaluated, request answered like hello-world', 'evaluated');
  startUpRow('whole bundle parsed, never evaluated, hello-world request', 'parsed');
  startUpRow('only the modules of the public path (no lazy group given to workerd)', 'publicOnly');
  startUpRow('hello-world beside the modules of the split build, never imported', 'unimported');
  startUpRow('hello-world beside the same bytes as text modules', 'unimportedText');
  // CPU time hardly moves with the load of a shared machine, so it shows what each part costs.
  for (const [name, figure] of [
    ['public', 'workerd CPU time to that response, public worker'],
    ['bundle', 'the same, the whole app as one worker'],
    ['split', 'the same, code-split build'],
    ['evaluated', 'the same, worker evaluated, hello-world request'],
    ['parsed', 'the same, whole bundle parsed, never evaluated'],
    ['publicOnly', 'the same, only the modules of the public path'],
    ['unimported', 'the same, hello-world beside modules never imported'],
    ['unimportedText', 'the same, hello-world beside those bytes as text'],
  ] as const) {
    const ms = cpu[name];
    if (ms !== undefined && cpu.hello !== undefined) {
      add({
        section: '7',
        figure,
        value: ms,
        unit: 'ms',
        baseline: { name: 'hello-world worker', value: cpu.hello },
        ratio: ms / cpu.hello,
      });
    }
  }
  add({ section: '7', figure: 'machine load (1-min average) during the start-up runs', value: load, unit: '' });
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${url} did not come up`);
}

function stop(child: ChildProcess) {
  return new Promise<void>((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGINT');
  });
}

function run(cmd: string, args: string[]) {
  return new Promise<void>((ok, fail) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

const started = performance.now();
// `npm run bench -- 7 8` runs only those sections; no arguments runs them all.
const only = process.argv.slice(2);
const want = (id: string) => !only.length || only.includes(id);
const sections: [string[], () => Promise<void>][] = [
  [['8'], roundTrips],
  [['1', '5'], turnVsFloor],
  [['4'], telegramWebhook],
  [['3'], submitVsBatch],
  [['2'], loopback],
  [['7'], sizes],
  [['6', '9'], rulesAndLevels], // §9 reads the 1M reports §6 generates
  [['10'], () => notifyBench(deps, add)],
];
try {
  for (const [ids, section] of sections) if (!only.length || ids.some((id) => only.includes(id))) await section();
} finally {
  opened.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nFinished in ${fmt((performance.now() - started) / 1000)} s on ${process.version}\n`);
printTable(rows);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);
