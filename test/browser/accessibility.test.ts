import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents } from '../../db/schema';
import { fetcherFor, submitReport } from '../node/console-fixtures';
import { M05_ANSWERS } from '../support/conversation';
import { launchBrowser, PHONE, seriousViolations, startTestHost, type TestHost } from './browser';
import { answerUntil, turn, widget } from './widget-driver';

// Acceptance 3: axe-core finds no serious or critical violation (colour contrast included) on the open
// widget — a typed question, a choice question, the review screen — and on /report, /status and /demo.

let t: TestHost;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHost();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('accessibility (axe-core)', () => {
  it('the open widget: question, choice buttons with an error, review', async () => {
    // bypassCSP: axe is injected as an inline script, which the page's CSP would rightly refuse.
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${t.host.url}/demo`);
    expect(await seriousViolations(page)).toEqual([]);
    const w = widget(page);
    await turn(page, () => w.launcher.click());
    expect(await seriousViolations(page)).toEqual([]);
    await answerUntil(page, M05_ANSWERS, 'headcount');
    await w.input.fill('x');
    await turn(page, () => w.input.press('Enter'));
    expect(await seriousViolations(page)).toEqual([]);
    await answerUntil(page, { ...M05_ANSWERS, event_at: '2026-11-24T09:00' }, 'industry');
    expect(await seriousViolations(page)).toEqual([]);
    await answerUntil(page, { ...M05_ANSWERS, event_at: '2026-11-24T09:00' }, 'review');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('/report (fresh and with errors), /status and the inline widget', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${t.host.url}/report`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.check('input[name=items][value=M09]');
    await page.fill('#f-headcount', 'abc');
    await Promise.all([page.waitForNavigation(), page.locator('form[data-report-form] button[type=submit]').click()]);
    expect(await page.locator('.error-summary').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${t.host.url}/status`);
    expect(await seriousViolations(page)).toEqual([]);
    // /status with a report found: its conversation, the message form, and the form's error.
    const { reportId, receipt } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
    await t.host.deps.db.insert(reportEvents).values([
      { reportId, at: t.clock.now(), actorType: 'officer', type: 'message_out', data: { text: '请补充工资表。' } },
      {
        reportId,
        at: t.clock.now(),
        actorType: 'reporter',
        type: 'message_in',
        data: { text: '好的。', channel: 'web' },
      },
    ]);
    await page.fill('#f-receipt', receipt);
    await page.fill('#f-phone', '13800138000');
    await Promise.all([page.waitForNavigation(), page.locator('form.lookup button[type=submit]').click()]);
    expect(await page.locator('.conversation li').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.locator('form.message-form button[type=submit]').click()]);
    expect(await page.locator('#message-error').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${t.host.url}/demo?mode=inline`);
    await widget(page).root.locator('.chat button.primary').click();
    await page.waitForSelector('cc-labor-report .question');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
