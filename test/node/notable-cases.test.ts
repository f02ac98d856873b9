// The period report's notable cases read the period's flagged cases through reports_notable_idx and the
// 重大风险 cases through major_risks: the result must be exactly what one plain query over every case of the
// period ranks first — with follow-ups (续报) left out, 重大风险 cases that carry no other flag, cases flagged
// and marked both, ties on people, and periods with none at all.
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate';
import type { Db } from '../../db/client';
import { type OpenedDb, openLibsql } from '../../db/libsql';
import { notableCases } from '../../db/repo/period-reports';
import { majorRisks } from '../../db/schema';
import { tempDir } from './helpers';

const tmp = tempDir();
let opened: OpenedDb;
let db: Db;
const now = new Date('2026-11-25T02:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'notable.db')}`);
  db = opened.db;
  await generateReports(db, 2000, { now, days: 90, seed: 11 });
  // Some follow-ups: they join an earlier case and are no case of their own.
  await db.run(sql`UPDATE reports SET case_id = 'r_bench_0' WHERE id IN ('r_bench_1', 'r_bench_2', 'r_bench_3')`);
  // 重大风险 on cases with no other flag, and on some flagged ones.
  const plain = await db.all<{ id: string }>(sql`
    SELECT id FROM reports WHERE group_incident = 0 AND urgency != 'immediate' AND severity != 'high' AND case_id IS NULL
    ORDER BY id LIMIT 12`);
  const flagged = await db.all<{ id: string }>(
    sql`SELECT id FROM reports WHERE group_incident = 1 ORDER BY id LIMIT 5`,
  );
  expect(plain.length).toBe(12);
  await db.insert(majorRisks).values(
    [...plain, ...flagged].map(({ id }) => ({
      reportId: id,
      trackerName: '张三',
      markedBy: 'o_test',
      markedAt: now,
      intervalDays: 7,
      nextFollowUpAt: now,
    })),
  );
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

/** The ranking as one plain query over every case of the period (what the index-backed one must equal). */
async function reference(from: Date, to: Date, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    SELECT id FROM reports
    WHERE submitted_at >= ${from.getTime()} AND submitted_at < ${to.getTime()} AND case_id IS NULL
      AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high'
           OR EXISTS (SELECT 1 FROM major_risks WHERE major_risks.report_id = reports.id))
    ORDER BY group_incident DESC, coalesce(people_involved, 0) DESC, submitted_at, urgency, severity, people_involved, id
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

describe('notable cases of a period', () => {
  it.each([
    ['30 days, top 15', 30, 0, 15],
    ['90 days, every one', 90, 0, 5000],
    ['one day, top 15', 1, 3, 15],
    ['a week a month ago, every one', 7, 30, 5000],
    ['a period before any case', 30, 200, 15],
  ])('equal a plain ranking of every case: %s', async (_name, days, endsDaysAgo, limit) => {
    const to = new Date(now.getTime() - endsDaysAgo * DAY);
    const from = new Date(to.getTime() - days * DAY);
    const got = await notableCases(db, from, to, limit);
    expect(got.map((c) => c.id)).toEqual(await reference(from, to, limit));
    if (endsDaysAgo === 200) expect(got).toEqual([]);
    else expect(got.length).toBeGreaterThan(0);
  });

  it('names the 重大风险 cases that carry no other flag, and leaves follow-ups out', async () => {
    const all = await notableCases(db, new Date(now.getTime() - 100 * DAY), now, 5000);
    const majorOnly = all.filter((c) => c.major && !c.groupIncident && !c.urgent && c.severity !== 'high');
    expect(majorOnly.length).toBe(12);
    expect(all.map((c) => c.id)).not.toContain('r_bench_1');
  });

  it('ranks from the partial covering index, never a scan of reports', async () => {
    const plan = await opened.client.execute({
      sql: `EXPLAIN QUERY PLAN SELECT rowid FROM reports INDEXED BY reports_notable_idx
            WHERE submitted_at >= 0 AND submitted_at < 1 AND case_id IS NULL
              AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high')`,
      args: [],
    });
    const detail = plan.rows.map((r) => String(r.detail)).join(' | ');
    expect(detail).toMatch(
      /SEARCH reports USING COVERING INDEX reports_notable_idx \(submitted_at>\? AND submitted_at<\?\)/,
    );
  });
});
