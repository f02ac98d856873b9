// Fills a database with realistic reports for the benchmarks: every district, every item, employers of
// all sizes, people counts skewed small, spread over the last `days` days. Deterministic (seeded).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { employers, reportItems, reports } from '../db/schema';
import { INDUSTRIES, ITEM_CODES } from '../src/rules/index';

const DISTRICTS = [
  '220102',
  '220103',
  '220104',
  '220105',
  '220106',
  '220112',
  '220113',
  '220122',
  '220182',
  '220183',
  '220184',
  '220171',
  '220172',
  '220173',
  '220174',
  'CC-XQ',
  'CC-LHS',
  'CC-ZH',
];

/** A small fast PRNG (mulberry32) so every run generates the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `count` reports numbered from `offset` (call again with a larger offset to grow the same database). */
export async function generateReports(
  db: Db,
  count: number,
  opts: { now: Date; days?: number; seed?: number; offset?: number },
) {
  const offset = opts.offset ?? 0;
  const rand = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const days = opts.days ?? 365;
  // A fixed pool of employers, so repeat reports from one employer exist as they do in life.
  const employerCount = 20_000;
  const now = opts.now.getTime();

  const CHUNK = 500;
  for (let start = 0; start < employerCount; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(employerCount, start + CHUNK); i++) {
      rows.push({
        id: `e_bench_${i}`,
        key: `bench:${i}`,
        name: `长春市基准测试企业${i}有限公司`,
        jurisdictionId: DISTRICTS[i % DISTRICTS.length] as string,
        industry: pick(INDUSTRIES).code,
        headcount: Math.floor(10 + rand() ** 3 * 5000),
        createdAt: new Date(now),
        updatedAt: new Date(now),
      });
    }
    await db.insert(employers).values(rows).onConflictDoNothing();
  }

  for (let start = offset; start < offset + count; start += CHUNK) {
    const rows = [];
    const items = [];
    for (let i = start; i < Math.min(offset + count, start + CHUNK); i++) {
      const e = Math.floor(rand() * employerCount);
      const at = new Date(now - Math.floor(rand() * days * 86_400_000));
      const chosen = [pick(ITEM_CODES), ...(rand() < 0.2 ? [pick(ITEM_CODES)] : [])].filter(
        (x, k, a) => a.indexOf(x) === k,
      );
      const people = Math.floor(rand() ** 4 * 300);
      const urgent = people >= 30 || chosen.includes('M09');
      const area = DISTRICTS[e % DISTRICTS.length] as string;
      const industry = pick(INDUSTRIES).code;
      const age = now - at.getTime();
      // Recent cases are often open; cases older than 60 days are almost all closed, as in life.
      const closed = rand() < (age > 60 * 86_400_000 ? 0.99 : 0.3);
      rows.push({
        id: `r_bench_${i}`,
        receipt: `CC-BENCH-${i}`,
        employerId: `e_bench_${e}`,
        jurisdictionId: area,
        channel: 'web' as const,
        unitName: `长春市基准测试企业${e}有限公司`,
        industry,
        reporterName: '测试',
        reporterPhone: '13800138000',
        answers: {},
        items: chosen,
        assessment: {},
        rulesetVersion: 'bench',
        severity: urgent ? ('high' as const) : ('medium' as const),
        urgency: urgent ? ('immediate' as const) : ('within_24h' as const),
        peopleInvolved: people,
        // As assess() sets it under ruleset 2026.1: ≥ 10 people, or any M09 stoppage.
        groupIncident: people >= 10 || chosen.includes('M09'),
        submittedAt: at,
        status: closed ? ('closed' as const) : ('new' as const),
        annex4DueAt: new Date(at.getTime() + 86_400_000),
      });
      for (const item of chosen) items.push({ reportId: `r_bench_${i}`, item, submittedAt: at });
    }
    // The statistics' counts (case_counts, open_case_counts) follow through the triggers on reports, as they do
    // for every submit.
    await db.batch([db.insert(reports).values(rows), db.insert(reportItems).values(items)]);
  }
  await db.run(sql`ANALYZE`);
}
