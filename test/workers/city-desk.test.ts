// The city desk on the Workers host (workerd + D1): the overview and statistics read the counts the triggers
// on reports keep (db/migrations/0018_case_counts_triggers.sql, with 0022's, 0026's and 0027's scopes) — equal
// to the figures counted from the cases after a join, a split, a merge, a close and a move between districts, as
// are the warning level's ranks in the city and in a district (0021_level_employer_triggers.sql,
// 0024_level_area_triggers.sql) — and the Excel workbook is built by the lazily imported write-excel-file inside
// the bundle.
import { env, SELF } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BatchItem, Db } from '../../db/client';
import { insertAccount } from '../../db/repo/accounts';
import { mergeStatements, splitStatements } from '../../db/repo/case-links';
import { notableCases } from '../../db/repo/period-reports';
import { regionalMetrics, regionalMetricsFromCases } from '../../db/repo/regional';
import { employerKey, findReport, submissionStatements } from '../../db/repo/reports';
import {
  beijingDay,
  breakdownFromCases,
  caseBreakdown,
  dayStart,
  openCountsByArea,
  trendFromCases,
  weeklyTrend,
} from '../../db/repo/stats';
import * as schema from '../../db/schema';
import { hashPassword } from '../../src/auth/password';
import { cryptoRandom } from '../../src/deps';
import { storeCases } from '../node/city-cases';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

async function post(path: string, body: unknown, token?: string) {
  const res = await SELF.fetch(`http://x${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { draftId: string; token: string; reply: ReplyLike; receipt?: string };
}

async function cityOfficerCookie(): Promise<string> {
  const password = 'city officer passphrase';
  await insertAccount(drizzle(env.DB, { schema }) as unknown as Db, {
    id: 'of_city_desk',
    username: 'citydesk',
    displayName: '市办',
    role: 'city_officer',
    jurisdictionId: null,
    phone: null,
    passwordHash: await hashPassword(password, cryptoRandom),
    mustChangePassword: false,
    createdAt: new Date(),
  });
  const res = await SELF.fetch('http://x/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://x' },
    body: new URLSearchParams({ username: 'citydesk', password }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the city desk on the Workers host', () => {
  it('counts a submitted report on the overview and exports the statistics workbook', async () => {
    const d = await post('/api/drafts', {});
    let r = d;
    while (!r.receipt)
      r = await post(`/api/drafts/${d.draftId}/turns`, { input: inputFor(r.reply, M05_ANSWERS) }, d.token);
    // Counted once, by the triggers on reports, in the submit's batch.
    const counted = await env.DB.prepare(
      `SELECT sum(json_extract(counts, '$."a:220102"')) AS n FROM case_counts WHERE scope = 'a:220102'`,
    ).first<{ n: number }>();
    expect(counted?.n).toBe(1);

    const cookie = await cityOfficerCookie();
    const overview = await SELF.fetch('http://x/console', { headers: { cookie } });
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).toMatch(/<a href="\/console\/cases\?district=220102">南关区<\/a><\/td><td>1<\/td>/);
    expect(html.match(/<figure/g)).toHaveLength(3);

    const res = await SELF.fetch('http://x/console/stats.xlsx', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="按县区"');
    const areas = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(areas).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(strings + areas).toContain('南关区');
  });

  it('keeps the counts equal to the figures counted from the cases after a join, a split, a merge, a close and a move', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db;
    const now = new Date('2026-11-25T02:00:00.000Z');
    const at = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await storeCases(db, [
      { id: 'W1', area: '220104', items: ['M05', 'M09'], at: at(5), urgent: true },
      { id: 'W2', area: '220104', items: ['M07'], at: at(30), industry: 'F', channel: 'telegram' },
      { id: 'W3', area: '220105', items: ['M05'], at: at(24 * 9), industry: null, status: 'claimed' },
    ]);
    // A follow-up (续报) on W2's employer joins W2 in the submit batch: no new case.
    const followUp = {
      id: 'W4',
      receipt: 'CC-T-W4',
      employerId: 'e_W2',
      jurisdictionId: '220104',
      channel: 'web' as const,
      unitName: '长春测试企业W2有限公司',
      nameKey: null,
      reporterName: '测试人',
      reporterPhone: '13800138000',
      answers: {},
      items: ['M05'],
      assessment: {},
      rulesetVersion: 'test',
      severity: 'medium' as const,
      urgency: 'within_24h' as const,
      submittedAt: at(2),
      annex4DueAt: at(-22),
    };
    await db.update(schema.reports).set({ nameKey: '220104:w2' }).where(eq(schema.reports.id, 'W2'));
    await db.batch(
      submissionStatements(db, {
        report: { ...followUp, nameKey: '220104:w2' },
        employer: {
          id: 'e_W2',
          key: employerKey(null, '220104', followUp.unitName),
          name: followUp.unitName,
          jurisdictionId: '220104',
          updatedAt: now,
        },
        outboxId: 'o_W4',
      }) as [BatchItem, ...BatchItem[]],
    );
    expect((await findReport(db, 'W4'))?.caseId).toBe('W2');
    const today = beijingDay(now);
    // Item or industry with source, in the city and in one area: kept scopes of their own (migrations 0022, 0026,
    // 0027), written by the triggers on D1 too.
    const pairs = [
      { item: 'M05', channel: 'web' },
      { item: 'M07', channel: 'telegram' },
      { jurisdictionId: '220104', item: 'M07', channel: 'telegram' },
      { industry: 'F', channel: 'telegram' },
      { jurisdictionId: '220104', industry: 'F', channel: 'telegram' },
    ];
    const expectCountsMatchCases = async () => {
      const filters = [{}, { jurisdictionId: '220104' }, { item: 'M05' }, { industry: 'F' }, { channel: 'web' }];
      for (const f of [...filters, ...pairs]) {
        const period = { fromDay: today - 30, toDay: today + 1, ...f };
        expect(await caseBreakdown(db, period)).toEqual(await breakdownFromCases(db, period));
        expect(await weeklyTrend(db, period)).toEqual(await trendFromCases(db, period));
      }
      // An industry section with an item (no scope): the section index's own entries on D1, against a plain count.
      for (const [item, industry] of [
        ['M05', 'C'],
        ['M07', 'F'],
      ] as const) {
        const period = { fromDay: today - 30, toDay: today + 1, item, industry };
        const plain = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM reports AS r
          WHERE case_id IS NULL AND industry = ${industry} AND submitted_at >= ${dayStart(today - 30).getTime()}
            AND submitted_at < ${dayStart(today + 1).getTime()}
            AND EXISTS (SELECT 1 FROM report_items WHERE report_id = r.id AND item = ${item})`);
        expect((await caseBreakdown(db, period)).total, `${item} ${industry}`).toBe(plain?.n);
        expect(plain?.n).toBeGreaterThan(0);
      }
      // The period report's notable cases through their partial indexes on D1: the same as one plain ranking.
      const notable = await notableCases(db, at(24 * 30), at(-1), 15);
      const ranked = await db.all<{ id: string }>(sql`SELECT id FROM reports
        WHERE case_id IS NULL AND submitted_at >= ${at(24 * 30).getTime()} AND submitted_at < ${at(-1).getTime()}
          AND (group_incident = 1 OR urgency = 'immediate' OR severity = 'high'
               OR EXISTS (SELECT 1 FROM major_risks WHERE report_id = reports.id))
        ORDER BY group_incident DESC, coalesce(people_involved, 0) DESC, submitted_at, urgency, severity,
                 people_involved, id LIMIT 15`);
      expect(notable.map((c) => c.id)).toEqual(ranked.map((r) => r.id));
      const open = await db.all<{ area: string; open: number; unclaimed: number; urgent: number }>(
        sql`SELECT jurisdiction_id AS area, count(*) AS open, sum(status = 'new') AS unclaimed,
                   sum(urgency = 'immediate') AS urgent
            FROM reports WHERE case_id IS NULL AND status != 'closed' GROUP BY 1`,
      );
      const kept = await openCountsByArea(db, now, 2 * 3_600_000);
      for (const { area, ...counts } of open) expect(kept.get(area)).toMatchObject(counts);
      expect(kept.size).toBe(open.length);
      // The warning level's employers and people from the ranks the triggers keep on open cases (migrations 0021,
      // 0024), the city's and each district's.
      const to = new Date(now.getTime() + 60_000);
      for (const jurisdictionId of [undefined, '220104', '220105']) {
        const w = { from: at(24 * 30), to, before: at(24 * 60), jurisdictionId };
        const metrics = await regionalMetrics(db, w);
        expect(metrics).toEqual(await regionalMetricsFromCases(db, w));
      }
      expect((await regionalMetrics(db, { from: at(24 * 30), to, before: at(24 * 60) })).employers).toBeGreaterThan(0);
    };
    await expectCountsMatchCases();
    for (const f of pairs)
      expect((await caseBreakdown(db, { fromDay: today - 30, toDay: today + 1, ...f })).total).toBeGreaterThan(0);
    // A section with an item within one area (reports_area_industry_window_idx on D1), against a plain count.
    const inArea = { fromDay: today - 30, toDay: today + 1, jurisdictionId: '220104', item: 'M07', industry: 'F' };
    const plainInArea = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM reports AS r
      WHERE case_id IS NULL AND industry = 'F' AND jurisdiction_id = '220104'
        AND submitted_at >= ${dayStart(today - 30).getTime()} AND submitted_at < ${dayStart(today + 1).getTime()}
        AND EXISTS (SELECT 1 FROM report_items WHERE report_id = r.id AND item = 'M07')`);
    expect(plainInArea?.n).toBeGreaterThan(0);
    expect((await caseBreakdown(db, inArea)).total).toBe(plainInArea?.n);
    const w4 = await findReport(db, 'W4');
    await db.batch(
      splitStatements(db, { followUp: w4!, officerId: 'of_city_desk', reason: '另一起', dueAt: at(-24), now }) as [
        BatchItem,
        ...BatchItem[],
      ],
    );
    await expectCountsMatchCases();
    const [w1, w3] = [await findReport(db, 'W1'), await findReport(db, 'W3')];
    await db.batch(
      mergeStatements(db, { from: w3!, into: w1!, officerId: 'of_city_desk', reason: '同一起', now }) as [
        BatchItem,
        ...BatchItem[],
      ],
    );
    await db.update(schema.reports).set({ status: 'closed', closedAt: now }).where(eq(schema.reports.id, 'W1'));
    await expectCountsMatchCases();
    // W2 handed over to another district: both districts' ranks follow.
    await db.update(schema.reports).set({ jurisdictionId: '220105' }).where(eq(schema.reports.id, 'W2'));
    expect(
      (
        await regionalMetrics(db, {
          from: at(24 * 30),
          to: new Date(now.getTime() + 60_000),
          before: at(24 * 60),
          jurisdictionId: '220105',
        })
      ).employers,
    ).toBeGreaterThan(0);
    await expectCountsMatchCases();
  });
});
