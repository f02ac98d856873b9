// The query plans of everything the overview, statistics and warning level read, taken from the real queries
// (captured at the driver) on a migrated database: each is a range or equality search through an index —
// no full scan of reports or case_counts, and never the follow-up index for `case_id IS NULL` (nearly every
// row is a case, so that reads the whole table). open_case_counts (one row per area, status and urgency) is
// read whole on purpose. The timings at 1,000,000 reports are in `npm run bench` (§9).
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { type OpenedDb, openLibsql } from '../../db/libsql';
import { inboxCounts } from '../../db/repo/cases';
import { notableCases } from '../../db/repo/period-reports';
import { regionalMetrics } from '../../db/repo/regional';
import { beijingDay, caseBreakdown, openCountsByArea, weeklyTrend } from '../../db/repo/stats';
import { currentWarning } from '../../db/repo/warnings';
import * as schema from '../../db/schema';
import { tempDir } from './helpers';

const tmp = tempDir();
let opened: OpenedDb;
let db: Db;
const captured: { sql: string; args: unknown[] }[] = [];

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'plans.db')}`);
  const client = opened.client;
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'execute') {
        return (stmt: InStatement) => {
          if (typeof stmt === 'object') captured.push({ sql: stmt.sql, args: [...((stmt.args as unknown[]) ?? [])] });
          return client.execute(stmt);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  db = drizzle(proxy, { schema }) as Db;
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

const now = new Date('2026-11-25T02:00:00.000Z');
const today = beijingDay(now);
const month = { fromDay: today - 29, toDay: today + 1 };

async function plansOf(read: () => Promise<unknown>): Promise<string[]> {
  captured.length = 0;
  await read();
  const plans: string[] = [];
  for (const q of [...captured]) {
    const rows = await opened.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.args as never });
    plans.push(rows.rows.map((r) => String(r.detail)).join(' | '));
  }
  return plans;
}

const READS: [string, () => Promise<unknown>][] = [
  ['open counts per area (overview)', () => openCountsByArea(db, now, 7_200_000)],
  ['open counts of one area', () => openCountsByArea(db, now, 7_200_000, '220102')],
  ['to-do counts (overview, inbox)', () => inboxCounts(db, { jurisdictionId: null }, now)],
  ['statistics from case_counts', () => caseBreakdown(db, month)],
  ['statistics for one item', () => caseBreakdown(db, { ...month, item: 'M05' })],
  ['statistics for one industry', () => caseBreakdown(db, { ...month, industry: 'C' })],
  ['statistics for one source', () => caseBreakdown(db, { ...month, channel: 'web' })],
  [
    'statistics for one area and one item',
    () => caseBreakdown(db, { ...month, jurisdictionId: '220102', item: 'M05' }),
  ],
  ['statistics for item and industry (no scope)', () => caseBreakdown(db, { ...month, item: 'M05', industry: 'C' })],
  ['12-week trend', () => weeklyTrend(db, month, 12)],
  [
    'warning level inputs',
    () =>
      regionalMetrics(db, {
        from: new Date(now.getTime() - 30 * 86_400_000),
        to: now,
        before: new Date(now.getTime() - 60 * 86_400_000),
      }),
  ],
  ['warning in force (banner)', () => currentWarning(db)],
  [
    'notable cases of a period (period report)',
    () => notableCases(db, new Date(now.getTime() - 30 * 86_400_000), now, 15),
  ],
];

describe('city desk query plans', () => {
  for (const [name, read] of READS) {
    it(`${name}: searched through an index, no full scan`, async () => {
      const plans = await plansOf(read);
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan).not.toMatch(/SCAN (reports|case_counts|report_items|warning_decisions)(?! USING)/);
        expect(plan).not.toContain('reports_case_idx');
        // open_case_counts has at most one row per area, status and urgency: reading all of it is the point.
        const rest = plan.replace(/(CO-ROUTINE \w+ \| )?SCAN open_case_counts( \| )?/, '');
        if (rest) expect(rest).toMatch(/USING (COVERING )?INDEX/);
      }
    });
  }

  it('an industry section with an item (no scope) reads only that section’s index entries', async () => {
    for (const f of [
      { item: 'M05', industry: 'C' },
      { item: 'M05', industry: 'C', channel: 'web' },
    ]) {
      for (const read of [() => caseBreakdown(db, { ...month, ...f }), () => weeklyTrend(db, { ...month, ...f }, 12)]) {
        for (const plan of await plansOf(read)) {
          expect(plan).toMatch(
            /SEARCH reports USING COVERING INDEX reports_industry_window_idx \(industry=\? AND submitted_at>\? AND submitted_at<\?\)/,
          );
          expect(plan).not.toContain('report_items');
        }
      }
    }
  });

  it('within one area, a section with an item reads only that area’s section’s entries', async () => {
    for (const f of [
      { item: 'M05', industry: 'C' },
      { item: 'M05', industry: 'C', channel: 'web' },
    ]) {
      const filter = { ...month, jurisdictionId: '220102', ...f };
      for (const read of [() => caseBreakdown(db, filter), () => weeklyTrend(db, filter, 12)]) {
        for (const plan of await plansOf(read)) {
          expect(plan).toMatch(
            /SEARCH reports USING COVERING INDEX reports_area_industry_window_idx \(industry=\? AND jurisdiction_id=\? AND submitted_at>\? AND submitted_at<\?\)/,
          );
          expect(plan).not.toContain('report_items');
        }
      }
    }
  });

  it('item or industry with source read their kept day rows, in the city and in one area', async () => {
    for (const f of [{}, { jurisdictionId: '220102' }]) {
      for (const pair of [
        { item: 'M05', channel: 'web' },
        { industry: 'C', channel: 'web' },
      ])
        for (const plan of await plansOf(() => caseBreakdown(db, { ...month, ...f, ...pair })))
          expect(plan).toMatch(
            /SEARCH case_counts USING INDEX sqlite_autoindex_case_counts_1 \(scope=\? AND day>\? AND day<\?\)/,
          );
    }
  });

  it('the overview’s counts read the kept counts and only covering indexes of reports', async () => {
    for (const read of [
      () => openCountsByArea(db, now, 7_200_000),
      () => openCountsByArea(db, now, 7_200_000, '220102'),
      () => inboxCounts(db, { jurisdictionId: null }, now),
      () => inboxCounts(db, { jurisdictionId: '220102' }, now),
    ]) {
      const plans = (await plansOf(read)).join(' | ');
      expect(plans).toMatch(/open_case_counts/);
      for (const access of plans.match(/(SEARCH|SCAN) reports[^|]*/g) ?? [])
        expect(access).toMatch(/USING COVERING INDEX reports_(area_due|status_due)_idx/);
    }
    for (const plan of await plansOf(() => caseBreakdown(db, { ...month, jurisdictionId: '220102' })))
      expect(plan).toMatch(
        /SEARCH case_counts USING INDEX sqlite_autoindex_case_counts_1 \(scope=\? AND day>\? AND day<\?\)/,
      );
    // The notable cases: a walk down the ranking's own index (no sort of it); a period the walk does not reach, the
    // period's range of the notable cases.
    const [walk] = await plansOf(() => notableCases(db, new Date(0), now, 15));
    expect(walk).toMatch(
      /SCAN reports USING COVERING INDEX reports_notable_rank_idx(?! \| USE TEMP B-TREE FOR RIGHT PART)/,
    );
    const range = await db.all<{
      detail: string;
    }>(sql`EXPLAIN QUERY PLAN SELECT rowid FROM reports INDEXED BY reports_notable_idx
      WHERE submitted_at >= 0 AND submitted_at < 1 AND case_id IS NULL
        AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high')
      ORDER BY group_incident DESC, coalesce(people_involved, 0) DESC, submitted_at, urgency, severity, people_involved, id`);
    expect(range.map((p) => p.detail).join(' | ')).toMatch(/SEARCH reports USING COVERING INDEX reports_notable_idx/);
    // The level: the city's window through the open cases' partial covering indexes, one district through its own.
    const [level] = await plansOf(() => regionalMetrics(db, { from: new Date(0), to: now, before: new Date(0) }));
    for (const index of ['reports_open_window_idx', 'reports_open_area_idx', 'reports_open_industry_idx'])
      expect(level).toContain(`USING COVERING INDEX ${index}`);
    const district = await plansOf(() =>
      regionalMetrics(db, { from: new Date(0), to: now, before: new Date(0), jurisdictionId: '220102' }),
    );
    expect(district.join(' | ')).toMatch(
      /SEARCH reports USING COVERING INDEX reports_open_area_idx \(jurisdiction_id=\? AND submitted_at>\? AND submitted_at<\?\)/,
    );
    // Its kept ranks are summed (no grouping by employer), its sections probed one by one.
    expect(district.join(' | ')).toContain(
      'SEARCH reports USING COVERING INDEX reports_open_area_industry_idx (jurisdiction_id=? AND industry=? AND submitted_at>? AND submitted_at<?)',
    );
    expect(district.join(' | ')).not.toMatch(/TEMP B-TREE/);
    // Over a month and the month before: every read of reports (window, later cases, sections, the previous
    // window's part days) is a range of submission times, never all of the district's cases.
    const month30 = await plansOf(() =>
      regionalMetrics(db, {
        from: new Date(now.getTime() - 30 * 86_400_000),
        to: now,
        before: new Date(now.getTime() - 60 * 86_400_000),
        jurisdictionId: '220102',
      }),
    );
    const accesses = month30.join(' | ').match(/(SEARCH|SCAN) reports[^|]*/g) ?? [];
    expect(accesses.length).toBeGreaterThan(3);
    for (const access of accesses) expect(access).toMatch(/submitted_at>\?/);
  });
});
