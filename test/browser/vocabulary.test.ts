// Issue 18 point 7 in Chromium: one vocabulary on every console page an officer opens, and in the DOCX files
// they download — 严重程度 高/中/低 said once ("高：高" never), no rule ids (M05.wage_arrears) and no criteria
// notation (≥, "3 起 ≥ 3", "一级 2/2"). Scanned as a district officer and as the city office, with a 重大
// (M09, roads blocked) and an ordinary (M05) case, a level-2 request and its 提请 DOCX.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../node/console-docx-text';
import { createOfficer, fetcherFor, submitReport } from '../node/console-fixtures';
import { M05_ANSWERS, M09_ANSWERS } from '../support/conversation';
import { atEachSize, launchBrowser, signInAs, startTestHost, type TestHost } from './browser';

const PASSWORD = 'vocabulary-check-2026';
/** What an officer should never read: a rule id, criteria notation, a level said twice. */
const SYSTEM_NOTATION = /M\d\d\.|≥|≤|高：高|中：中|低：低|。；|\d+\s*起\s*≥|[一二三]级\s*\d+\/\d+/;

let t: TestHost;
let browser: Browser;
const cases: string[] = [];

beforeAll(async () => {
  t = await startTestHost();
  const db = t.host.deps.db;
  await createOfficer(db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(db, { username: 'city', displayName: '市办王', password: PASSWORD, role: 'city_officer' });
  const f = fetcherFor(t.host.url);
  cases.push((await submitReport(f, db, M09_ANSWERS)).reportId);
  cases.push((await submitReport(f, db, { ...M05_ANSWERS, unit_name: '长春市另一家公司' })).reportId);
  cases.push((await submitReport(f, db, { ...M09_ANSWERS, district: '220104', unit_name: '朝阳区某公司' })).reportId);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The visible text of the page's main content (what the officer reads). */
async function mainText(page: Page, path: string): Promise<string> {
  const response = await page.goto(`${t.host.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

async function docx(page: Page, path: string): Promise<string> {
  const response = await page.request.get(`${t.host.url}${path}`);
  expect(response.status(), path).toBe(200);
  return docxText(new Uint8Array(await response.body()));
}

function expectPlain(where: string, text: string) {
  const hit = SYSTEM_NOTATION.exec(text);
  expect(hit ? `${where}: …${text.slice(Math.max(0, hit.index - 40), hit.index + 40)}…` : '').toBe('');
}

describe('one vocabulary on officers’ pages and in their DOCX', () => {
  it('has no rule ids, criteria notation or a level said twice, for a district officer and the city office', async () => {
    await atEachSize(
      browser,
      'vocabulary',
      async (page) => {
        // The city office requests level 2 (the form asks once), so /console/warning lists it with its DOCX.
        await signInAs(page, t.host.url, 'city', PASSWORD, '/console/warning');
        await page.locator('#decide select[name=level]').selectOption('2');
        await page.locator('#decide textarea[name=reason]').fill('两个县区群体性事件多发，涉及人数较多。');
        await page.check('#decide-confirm');
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: '确定并发布（二级、三级为提请省级）' }).click(),
        ]);
        const request = await page.getByRole('link', { name: '下载请示（DOCX）' }).first().getAttribute('href');
        expect(request).toBeTruthy();

        const pages = [
          '/console',
          '/console/cases',
          '/console/stats',
          '/console/ledger',
          '/console/ledger/major',
          '/console/accountability',
          '/console/warning',
          ...cases.flatMap((id) => [`/console/cases/${id}`, `/console/cases/${id}/annex4`]),
        ];
        const seen: string[] = [];
        for (const path of [...pages, '/console/reports/period']) {
          const text = await mainText(page, path);
          expectPlain(`city ${path}`, text);
          seen.push(text);
        }
        // The words are there, said once: 严重程度 with 高/中/低, 紧急程度, 预警级别.
        const all = seen.join('\n');
        expect(all).toContain('紧急程度 / 严重程度');
        expect(all).toMatch(/紧急程度：紧急重大/);
        expect(all).toMatch(/严重程度：?\s*高/);
        expect(all).toMatch(/严重程度：?\s*中/);
        expect(all).toContain('紧急程度');
        expect(all).toContain('预警级别');
        for (const path of [request ?? '', ...cases.map((id) => `/console/cases/${id}/annex4.docx`)]) {
          expectPlain(`DOCX ${path}`, await docx(page, path));
        }
        // The period report (情况报告) as the office writes and downloads it.
        await page.goto(`${t.host.url}/console/reports/period`);
        const write = page.locator('form', { has: page.getByRole('button', { name: '生成并下载报告（Word）' }) });
        await write.locator('[name=from]').fill('2026-11-01');
        await write.locator('[name=to]').fill('2026-11-25');
        await write.locator('[name=analysis]').fill('停工、堵门事件集中在南关区、朝阳区。');
        await write.locator('[name=nextSteps]').fill('督促两区落实专人跟踪。');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          write.getByRole('button', { name: '生成并下载报告（Word）' }).click(),
        ]);
        const period = docxText(new Uint8Array(await readFile((await download.path()) ?? '')));
        expect(period).toContain('停工、堵门事件集中在南关区、朝阳区。');
        expectPlain('DOCX 情况报告', period);

        await page.context().clearCookies();
        await signInAs(page, t.host.url, 'nanguan', PASSWORD);
        for (const path of pages.filter((p) => !p.includes(cases[2] ?? '-'))) {
          expectPlain(`district ${path}`, await mainText(page, path));
        }
      },
      {},
      // The words do not depend on the width; the phone and desk layouts are checked in console-daily.
      ['desk'],
    );
  });
});
