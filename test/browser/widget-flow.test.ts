import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../db/schema';
import { M05_ANSWERS } from '../support/conversation';
import { launchBrowser, PHONE, startTestHost, type TestHost, watchPage } from './browser';
import { answerCurrent, answerUntil, currentStep, lastMessage, turn, widget } from './widget-driver';

// Acceptance 1 and 5: a report completed through the widget on a phone-sized screen, with a corrected
// answer, a reload in the middle, an edit from the review screen, and a script tag shown as text.

const XSS_NAME = '长春市示例机械制造有限公司<script>window.__pwned=1</script>';
const ANSWERS: Record<string, unknown> = {
  ...M05_ANSWERS,
  unit_name: XSS_NAME,
  event_at: '2026-11-24T09:00',
};

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

describe('the widget on the demo portal', () => {
  it('completes a report at 390×844: invalid answer corrected, reload, edit from review, receipt, stored', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${t.host.url}/demo`);
    const w = widget(page);

    await turn(page, () => w.launcher.click());
    // Full screen on a phone.
    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await w.panel.getAttribute('role')).toBe('dialog');
    expect(await currentStep(page)).toBe('unit_name');

    await answerUntil(page, ANSWERS, 'headcount');
    // An invalid answer: the error is shown beside the input, which keeps what was typed.
    await w.input.fill('很多人');
    await turn(page, () => w.input.press('Enter'));
    expect(await currentStep(page)).toBe('headcount');
    expect(await w.input.getAttribute('aria-invalid')).toBe('true');
    expect(await w.input.inputValue()).toBe('很多人');
    expect(await w.root.locator('#cc-error').textContent()).toMatch(/整数/);
    expect(await w.input.getAttribute('aria-describedby')).toContain('cc-error');
    await answerCurrent(page, ANSWERS);

    // The district came from data-jurisdiction, so it is never asked.
    await answerUntil(page, ANSWERS, 'reporter_phone');
    await page.reload();
    expect(await w.launcher.textContent()).toBe('继续填写速报');
    await turn(page, () => w.launcher.click());
    expect(await currentStep(page)).toBe('reporter_phone');

    await answerUntil(page, ANSWERS, 'review');
    // The script tag is text in the review list, and nothing ran.
    const nameLine = w.review.locator('li[data-field="unit_name"] .value');
    expect(await nameLine.textContent()).toBe(XSS_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page.evaluate(
        () => document.querySelector('cc-labor-report')?.shadowRoot?.querySelectorAll('script').length,
      ),
    ).toBe(0);

    // Edit one answer from the review screen: the old value is offered, the new one lands in the review.
    await turn(page, () => w.review.locator('li[data-field="legal_rep"] button.edit').click());
    expect(await currentStep(page)).toBe('legal_rep');
    expect(await w.input.inputValue()).toBe('王建国');
    await w.input.fill('赵建国');
    await turn(page, () => w.input.press('Enter'));
    expect(await currentStep(page)).toBe('review');
    expect(await w.review.locator('li[data-field="legal_rep"] .value').textContent()).toBe('赵建国');

    await turn(page, () => w.root.locator('button.submit').click());
    const receipt = (await w.root.locator('.receipt').textContent())?.match(/CC-\d{4}-[0-9A-Z]{6}/)?.[0];
    expect(receipt).toBeDefined();
    expect(await lastMessage(page).textContent()).toContain(receipt);
    expect(await w.root.locator('.done-box a').getAttribute('href')).toBe(`${t.host.url}/status?receipt=${receipt}`);

    const [row] = await t.host.deps.db
      .select()
      .from(reports)
      .where(eq(reports.receipt, receipt ?? ''));
    expect(row).toMatchObject({
      channel: 'widget',
      unitName: XSS_NAME,
      jurisdictionId: '220102',
      reporterPhone: '13800138000',
      items: ['M05'],
    });
    expect(row?.answers).toMatchObject({ legal_rep: '赵建国', headcount: 1200 });
    // The finished draft is forgotten: the next visit starts a new report.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cc-labor-report')))).toEqual(
      [],
    );
    expect(watched.errors).toEqual([]);
    await context.close();
  });

  it('keeps the typed answer and offers a retry when offline or on a 5xx, and loses nothing', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${t.host.url}/demo`);
    const w = widget(page);
    await turn(page, () => w.launcher.click());

    await page.route('**/api/drafts/*/turns', (route) => route.abort('internetdisconnected'));
    await w.input.fill('离线时填写的单位');
    await turn(page, () => w.input.press('Enter'));
    expect(await lastMessage(page).textContent()).toMatch(/网络连接失败/);
    expect(await w.input.inputValue()).toBe('离线时填写的单位');
    expect(await w.retry.isVisible()).toBe(true);
    expect(await currentStep(page)).toBe('unit_name');

    await page.unroute('**/api/drafts/*/turns');
    await page.route('**/api/drafts/*/turns', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"internal","message":"x"}}',
      }),
    );
    await turn(page, () => w.retry.click());
    expect(await lastMessage(page).textContent()).toMatch(/服务器暂时无法处理/);
    expect(await w.input.inputValue()).toBe('离线时填写的单位');

    await page.unroute('**/api/drafts/*/turns');
    await turn(page, () => w.retry.click());
    expect(await currentStep(page)).toBe('uscc');
    await context.close();
  });

  it('is keyboard operable: focus follows each question, Tab stays in the dialog, Escape returns to the launcher', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.host.url}/demo?lang=en`);
    const w = widget(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('cc-labor-report')?.shadowRoot?.activeElement;
        return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}` : 'outside';
      });

    await w.launcher.focus();
    await turn(page, () => page.keyboard.press('Enter'));
    expect(await w.panel.getAttribute('aria-modal')).toBe('true');
    expect(await w.panel.getAttribute('aria-label')).toBe('Labour-relations risk quick report');
    expect(await focused()).toBe('input#cc-input.');
    await page.keyboard.type('Keyboard Works Ltd');
    await turn(page, () => page.keyboard.press('Enter'));
    expect(await currentStep(page)).toBe('uscc');
    expect(await focused()).toBe('input#cc-input.');

    // Tab and Shift+Tab cycle inside the dialog (aria-modal), never reaching the portal page.
    for (const key of [...Array(10).fill('Tab'), ...Array(10).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await focused()).not.toBe('outside');
    }

    // A warning (USCC check character) is shown with a button to keep the answer.
    await page.keyboard.type('91110108551385082A');
    await turn(page, () => page.keyboard.press('Enter'));
    expect(await w.root.locator('#cc-warning').textContent()).toMatch(/check character/);
    expect(await w.input.getAttribute('aria-describedby')).toContain('cc-warning');
    await turn(page, () => w.question.getByRole('button', { name: 'Keep it' }).click());
    expect(await currentStep(page)).toBe('legal_rep');

    // A choice question: focus lands on the first option button; Space picks it.
    await page.keyboard.type('Jane Doe');
    await turn(page, () => page.keyboard.press('Enter'));
    expect(await currentStep(page)).toBe('business_status');
    expect(await focused()).toBe('button.option');
    await turn(page, () => page.keyboard.press('Space'));
    expect(await currentStep(page)).toBe('headcount');

    await page.keyboard.press('Escape');
    expect(await w.panel.isHidden()).toBe(true);
    expect(await focused()).toBe('button.launcher');
    await context.close();
  });
});
