// The city desk's overview and statistics in Chromium at a laptop (1366×768) and a phone (390×844): no
// serious or critical axe-core violation, the charts drawn with their titles, no horizontal page scroll, and
// no script on the page.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCases } from '../node/city-cases';
import { createOfficer } from '../node/console-fixtures';
import { launchBrowser, startTestHost, type TestHost } from './browser';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PASSWORD = 'correct horse battery staple';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe.run(document),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

let t: TestHost;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHost();
  browser = await launchBrowser();
  await createOfficer(t.host.deps.db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  const at = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000);
  await storeCases(t.host.deps.db, [
    { id: 'b1', area: '220102', items: ['M05', 'M09'], at: at(1), urgent: true },
    { id: 'b2', area: '220104', items: ['M07'], at: at(9), industry: 'F' },
    { id: 'b3', area: '220184', items: ['M01'], at: at(30), industry: 'E', channel: 'officer' },
    { id: 'b4', area: '220102', items: ['M05'], at: at(60), status: 'closed' },
  ]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const SIZES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

describe('city desk pages', () => {
  for (const size of SIZES) {
    it(`overview and statistics at ${size.viewport.width}×${size.viewport.height}`, async () => {
      // bypassCSP: axe is injected as an inline script, which the console's CSP would rightly refuse.
      const context = await browser.newContext({ ...size, bypassCSP: true, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${t.host.url}/login`);
      await page.fill('input[name=username]', 'city');
      await page.fill('input[name=password]', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.locator('form button[type=submit]').click()]);
      expect(new URL(page.url()).pathname).toBe('/console');
      expect(await page.locator('h1').textContent()).toBe('概览 · 全市');
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('figure svg[role=img]').count()).toBe(3);
      expect(await page.getByRole('img', { name: /各县（市）区未销号案件/ }).count()).toBe(1);
      expect(await page.locator('table.counts tbody tr').count()).toBe(19);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      expect(wide, 'no horizontal page scroll').toBe(false);
      expect(await seriousViolations(page)).toEqual([]);

      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '统计', exact: true }).click()]);
      expect(await page.locator('h1').textContent()).toContain('统计分析 · 全市');
      await page.selectOption('select[name=item]', 'M05');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '统计' }).click()]);
      expect(new URL(page.url()).searchParams.get('item')).toBe('M05');
      expect(await page.locator('figure svg[role=img]').count()).toBe(3);
      expect(await page.locator('p', { hasText: '本期案件合计' }).textContent()).toContain('1');
      const wider = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      expect(wider, 'no horizontal page scroll').toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
