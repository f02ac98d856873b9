// The ranks the triggers keep on open cases for the regional warning level — in the city (level_employer,
// level_people; migration 0021) and in the case's district (level_area_employer, level_area_people; 0024) — must
// give exactly the figures counted from the window's cases, for the city and for districts, after cases are
// stored, moved between employers and between districts, closed and reopened, joined to a case and split off,
// given other people figures, moved in time (ties included) and deleted — and must equal a ranking computed here
// from the rows themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate';
import type { Db } from '../../db/client';
import { MIGRATIONS_DIR, type OpenedDb, openLibsql } from '../../db/libsql';
import { regionalMetrics, regionalMetricsFromCases } from '../../db/repo/regional';
import { tempDir } from './helpers';

const tmp = tempDir();
let opened: OpenedDb;
let db: Db;
const now = new Date('2026-11-25T02:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'ranks.db')}`);
  db = opened.db;
  await generateReports(db, 1500, { now, days: 75, seed: 5 });
  // Few employers, many cases each: an UPDATE of employer_id, which the triggers follow too.
  await db.run(sql`UPDATE reports SET employer_id = 'e_bench_' || (CAST(substr(id, 9) AS INTEGER) % 40)`);
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

type Row = {
  id: string;
  employer: string;
  area: string;
  at: number;
  people: number | null;
  open: number;
  le: number;
  lp: number;
  lae: number;
  lap: number;
};
const DISTRICTS = ['220102', '220104', '220184'];

/** The ranks as this test reads their definition, from the rows: among the employer's open cases, city-wide and
 * in the case's district. Returns the open cases checked and how many rank differently in their district. */
async function expectRanksAsDefined() {
  const rows = await db.all<Row>(sql`
    SELECT id, employer_id AS employer, jurisdiction_id AS area, submitted_at AS at, people_involved AS people,
           (case_id IS NULL AND status != 'closed') AS open, level_employer AS le, level_people AS lp,
           level_area_employer AS lae, level_area_people AS lap
    FROM reports`);
  const openByEmployer = new Map<string, Row[]>();
  for (const r of rows) if (r.open) openByEmployer.set(r.employer, [...(openByEmployer.get(r.employer) ?? []), r]);
  const fig = (r: Row) => Math.max(r.people ?? 0, 0);
  const ranks = (r: Row, among: Row[]) => {
    const later = among.filter((o) => o.at > r.at || (o.at === r.at && o.id > r.id));
    return [later.length === 0 ? 1 : 0, Math.max(0, fig(r) - Math.max(0, ...later.map(fig)))];
  };
  let checked = 0;
  let differ = 0;
  for (const r of rows) {
    if (!r.open) {
      expect([r.le, r.lp, r.lae, r.lap], r.id).toEqual([0, 0, 0, 0]);
      continue;
    }
    const employers = openByEmployer.get(r.employer) ?? [];
    expect([r.le, r.lp], r.id).toEqual(ranks(r, employers));
    expect([r.lae, r.lap], `${r.id} in its district`).toEqual(
      ranks(
        r,
        employers.filter((o) => o.area === r.area),
      ),
    );
    checked++;
    if (r.le !== r.lae || r.lp !== r.lap) differ++;
  }
  return { checked, differ };
}

/** The warning level's inputs from the kept ranks equal those counted from the cases, for several windows. */
async function expectMetricsMatchCases() {
  for (const days of [30, 7, 1]) {
    for (const jurisdictionId of [undefined, ...DISTRICTS]) {
      const from = new Date(now.getTime() - days * DAY);
      const w = { from, to: now, before: new Date(from.getTime() - days * DAY), jurisdictionId };
      const kept = await regionalMetrics(db, w);
      expect(kept, `${days} days ${jurisdictionId ?? 'city'}`).toEqual(await regionalMetricsFromCases(db, w));
    }
  }
  // A window ending before the latest open cases: the kept ranks are not its own, and it is counted directly.
  const to = new Date(now.getTime() - 10 * DAY);
  const past = { from: new Date(to.getTime() - 30 * DAY), to, before: new Date(to.getTime() - 60 * DAY) };
  for (const jurisdictionId of [undefined, '220102']) {
    const w = { ...past, jurisdictionId };
    expect(await regionalMetrics(db, w)).toEqual(await regionalMetricsFromCases(db, w));
  }
}

describe('the warning level’s ranks kept on open cases', () => {
  it('follow every change of an employer’s open cases', async () => {
    const first = await expectRanksAsDefined();
    expect(first.checked).toBeGreaterThan(200);
    // The employers' cases lie in several districts: the district ranks are not the city's.
    expect(first.differ).toBeGreaterThan(20);
    await expectMetricsMatchCases();
    const city = await regionalMetrics(db, {
      from: new Date(now.getTime() - 30 * DAY),
      to: now,
      before: new Date(now.getTime() - 60 * DAY),
    });
    // Forty employers, each with several open cases in the window: counted once each.
    expect(city.employers).toBe(40);

    const steps: [string, string][] = [
      ['close some', `UPDATE reports SET status = 'closed' WHERE CAST(substr(id, 9) AS INTEGER) % 7 = 0`],
      ['reopen some', `UPDATE reports SET status = 'claimed' WHERE CAST(substr(id, 9) AS INTEGER) % 14 = 0`],
      ['join to a case', `UPDATE reports SET case_id = 'r_bench_1' WHERE CAST(substr(id, 9) AS INTEGER) % 11 = 3`],
      ['split off again', `UPDATE reports SET case_id = NULL WHERE CAST(substr(id, 9) AS INTEGER) % 22 = 3`],
      [
        'other figures',
        `UPDATE reports SET people_involved = 500 - people_involved WHERE CAST(substr(id, 9) AS INTEGER) % 5 = 1`,
      ],
      ['figures unknown', `UPDATE reports SET people_involved = NULL WHERE CAST(substr(id, 9) AS INTEGER) % 9 = 2`],
      [
        'same time as another case of the employer',
        `UPDATE reports SET submitted_at = (SELECT max(o.submitted_at) FROM reports AS o WHERE o.employer_id = reports.employer_id)
         WHERE CAST(substr(id, 9) AS INTEGER) % 13 = 4`,
      ],
      [
        'moved to another employer',
        `UPDATE reports SET employer_id = 'e_bench_7' WHERE CAST(substr(id, 9) AS INTEGER) % 17 = 5`,
      ],
      [
        'moved to another district',
        `UPDATE reports SET jurisdiction_id = '220102' WHERE CAST(substr(id, 9) AS INTEGER) % 8 = 1`,
      ],
      [
        'moved to another district and employer at once',
        `UPDATE reports SET jurisdiction_id = '220184', employer_id = 'e_bench_3' WHERE CAST(substr(id, 9) AS INTEGER) % 23 = 7`,
      ],
      ['deleted', `DELETE FROM reports WHERE CAST(substr(id, 9) AS INTEGER) % 19 = 6`],
    ];
    for (const [name, statement] of steps) {
      await db.run(sql.raw(statement));
      expect((await expectRanksAsDefined()).checked, name).toBeGreaterThan(100);
      await expectMetricsMatchCases();
    }
  });

  it('the migrations’ backfills rank the stored cases exactly as the triggers did', async () => {
    const snapshot = () =>
      db.all(
        sql`SELECT id, level_employer, level_people, level_area_employer, level_area_people FROM reports ORDER BY id`,
      );
    const kept = await snapshot();
    const backfillOf = (file: string) =>
      readFileSync(join(MIGRATIONS_DIR, file), 'utf8')
        .split('--> statement-breakpoint')
        .filter((statement) => !/(CREATE|DROP) TRIGGER/.test(statement));
    await db.run(sql`DROP TRIGGER reports_level_update`);
    // 0021's (the city's ranks), then 0024's (all four).
    for (const file of ['0021_level_employer_triggers.sql', '0024_level_area_triggers.sql']) {
      const backfill = backfillOf(file);
      expect(backfill, file).toHaveLength(1);
      await db.run(
        sql`UPDATE reports SET level_employer = 0, level_people = 0, level_area_employer = 0, level_area_people = 0`,
      );
      for (const statement of backfill) await db.run(sql.raw(statement));
      const filled = await snapshot();
      if (file.startsWith('0021')) {
        const cityOnly = (rows: unknown[]) =>
          (rows as Record<string, unknown>[]).map((r) => [r.id, r.level_employer, r.level_people]);
        expect(cityOnly(filled)).toEqual(cityOnly(kept));
      } else expect(filled).toEqual(kept);
    }
  });

  it('reads the city’s window through the partial covering indexes', async () => {
    const captured: string[] = [];
    const w = { from: new Date(now.getTime() - 30 * DAY), to: now, before: new Date(now.getTime() - 60 * DAY) };
    for (const jurisdictionId of [undefined, '220102']) {
      const plan = await db.all<{ detail: string }>(
        sql`EXPLAIN QUERY PLAN SELECT count(*), sum(level_employer), sum(level_people) FROM reports INDEXED BY reports_open_window_idx
            WHERE submitted_at >= ${w.from.getTime()} AND submitted_at < ${now.getTime()} AND case_id IS NULL AND status != 'closed'`,
      );
      captured.push(...plan.map((p) => `${jurisdictionId}: ${p.detail}`));
    }
    expect(captured.join(' | ')).toMatch(/USING COVERING INDEX reports_open_window_idx/);
  });
});
