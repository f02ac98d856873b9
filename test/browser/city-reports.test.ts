// The city office's period report page and the accountability register in Chromium at a phone (390×844) and a laptop (1366×768): the figures
// and the form fit without horizontal scroll, no serious axe finding, no script, and writing the paragraphs
// and pressing the button downloads the Word file, which is then listed as a kept version.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountabilityStatement } from '../../db/repo/accountability';
import { storeCases } from '../node/city-cases';
import { createOfficer } from '../node/console-fixtures';
import { atEachSize, launchBrowser, seriousViolations, signInAs, startTestHost, type TestHost } from './browser';

const PASSWORD = 'correct horse battery staple';
let t: TestHost;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHost();
  browser = await launchBrowser();
  await createOfficer(t.host.deps.db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await storeCases(t.host.deps.db, [
    { id: 'r1', area: '220102', items: ['M05'], at: '2026-11-03T02:00:00Z', urgent: true, people: 30 },
    { id: 'r2', area: '220104', items: ['M07'], at: '2026-10-20T02:00:00Z', industry: 'F' },
  ]);
  const db = t.host.deps.db;
  await db.batch([
    accountabilityStatement(db, {
      id: 'ac1',
      caseId: 'r2',
      employerId: 'e_r2',
      kind: 'late',
      status: 'confirmed',
      reason: '事发一周后才报告',
      decidedAt: new Date('2026-10-21T02:00:00Z'),
      createdAt: new Date('2026-10-20T02:00:00Z'),
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const noSideScroll = () => document.documentElement.scrollWidth <= window.innerWidth + 1;

describe('period report page', () => {
  it('fits, passes axe and downloads the report at both sizes', async () => {
    await atEachSize(
      browser,
      'period-report',
      async (page, size) => {
        await signInAs(page, t.host.url, 'city', PASSWORD);
        await page.getByRole('link', { name: '情况报告' }).click();
        await page.waitForURL(/\/console\/reports\/period$/);
        await page.fill('form.filters input[name=from]', '2026-11-01');
        await page.fill('form.filters input[name=to]', '2026-11-20');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查看本期数据' }).click()]);
        expect(await page.locator('h2', { hasText: '本期数据' }).textContent()).toContain('2026-11-01 至 2026-11-20');
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.evaluate(noSideScroll), 'no horizontal page scroll').toBe(true);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByLabel('分析研判').fill(`${size}：欠薪风险集中在南关区。`);
        await page.getByLabel('下一步工作').fill('落实专人跟踪。');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '生成并下载报告（Word）' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('长春市劳动关系风险监测预警情况报告（2026-11-01至2026-11-20）.docx');
        await page.goto(`${t.host.url}/console/reports/period`);
        expect(await page.locator('section', { hasText: '已生成的报告' }).locator('tbody tr').count()).toBe(
          size === 'phone' ? 1 : 2,
        );
        expect(await page.evaluate(noSideScroll), 'no horizontal page scroll').toBe(true);
      },
      { bypassCSP: true, acceptDownloads: true },
    );
  });

  it('the accountability register fits, passes axe and records an action at both sizes', async () => {
    await atEachSize(
      browser,
      'accountability-register',
      async (page, size) => {
        await signInAs(page, t.host.url, 'city', PASSWORD);
        await page.getByRole('link', { name: '问责台账' }).click();
        await page.waitForURL(/\/console\/accountability$/);
        expect(await page.locator('h1').textContent()).toBe('漏报、迟报、瞒报问责台账');
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.evaluate(noSideScroll), 'no horizontal page scroll').toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '登记措施' }).click()]);
        await page.getByLabel('诚信约谈').check();
        await page.getByLabel('情况记录').fill(`${size}：约谈法定代表人`);
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登记' }).click()]);
        expect(await page.locator('[role=status]', { hasText: '措施已登记' }).count()).toBe(1);
        expect(await page.locator('td', { hasText: `${size}：约谈法定代表人` }).count()).toBe(1);
        expect(await page.evaluate(noSideScroll), 'no horizontal page scroll').toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
      },
      { bypassCSP: true },
    );
  });
});
