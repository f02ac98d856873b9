// The SQL behind the regional warning level (the city's and one district's kept ranks) must count exactly what
// the rules' own suggestLevel counts over the same cases loaded into memory.
import { join } from 'node:path';
import { and, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate';
import type { Db } from '../../db/client';
import { openLibsql } from '../../db/libsql';
import { regionalMetrics } from '../../db/repo/regional';
import { reports } from '../../db/schema';
import { type CaseSummary, isItemCode, levelFromMetrics, suggestLevel } from '../../src/rules/index';
import { tempDir } from './helpers';

const tmp = tempDir();
let db: Db;
let close: () => void;
const now = new Date('2026-11-25T02:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  const opened = await openLibsql(`file:${join(tmp.dir, 'regional.db')}`);
  db = opened.db;
  close = opened.close;
  // 3,000 reports over 90 days: enough for every district, industry and item, with repeat employers.
  await generateReports(db, 3000, { now, days: 90, seed: 7 });
});
afterAll(() => {
  close();
  tmp.cleanup();
});

async function inMemory(from: Date, to: Date, before: Date, jurisdictionId?: string) {
  const rows = await db
    .select()
    .from(reports)
    .where(and(gte(reports.submittedAt, before), lt(reports.submittedAt, to)));
  const summary = (r: (typeof rows)[number]): CaseSummary => ({
    employerId: r.employerId,
    industry: r.industry,
    district: r.jurisdictionId,
    peopleInvolved: r.peopleInvolved,
    groupIncident: r.groupIncident,
    openedAt: r.submittedAt.toISOString(),
    items: r.items.filter(isItemCode),
  });
  const scoped = rows.filter((r) => !jurisdictionId || r.jurisdictionId === jurisdictionId);
  const current = scoped.filter((r) => r.submittedAt >= from && r.status !== 'closed').map(summary);
  const previous = scoped.filter((r) => r.submittedAt < from).map(summary);
  return suggestLevel(current, { from: from.toISOString(), to: to.toISOString() }, undefined, previous);
}

describe('regionalMetrics (SQL aggregate)', () => {
  it.each([
    ['the whole city, 30 days', 30, undefined],
    ['one district, 30 days', 30, '220102'],
    ['another district, 30 days', 30, '220184'],
    ['one district, 7 days', 7, '220104'],
    ['the whole city, 7 days', 7, undefined],
  ])('matches suggestLevel over the same cases: %s', async (_name, days, jurisdictionId) => {
    const from = new Date(now.getTime() - days * DAY);
    const before = new Date(from.getTime() - days * DAY);
    const sqlMetrics = await regionalMetrics(db, {
      from,
      to: now,
      before,
      ...(jurisdictionId ? { jurisdictionId } : {}),
    });
    const expected = await inMemory(from, now, before, jurisdictionId);
    expect(sqlMetrics.employers).toBeGreaterThan(0);
    expect(sqlMetrics).toEqual(expected.metrics);
    const suggestion = levelFromMetrics(sqlMetrics);
    expect(suggestion.level).toBe(expected.level);
    expect(suggestion.reasons).toEqual(expected.reasons);
  });

  it('reads the window through the open cases’ partial covering index, without a table scan', async () => {
    const plan = await db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT count(*), sum(group_incident), sum(level_employer), sum(level_people)
       FROM reports INDEXED BY reports_open_window_idx
       WHERE submitted_at >= 0 AND submitted_at < 1 AND case_id IS NULL AND status != 'closed'` as never,
    );
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX reports_open_window_idx/);
  });
});
