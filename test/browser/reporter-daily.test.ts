// Issue 18 in Chromium, the reporter's side, at 390×844 and 1366×768: the widget says where the report goes
// from its first message (the portal preset the district) and on the screen with the submit button, with a
// way to change it; the review opens at its top and fills the panel; forms show form help, not chat help.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M05_ANSWERS } from '../support/conversation';
import { atEachSize, launchBrowser, startTestHost, type TestHost } from './browser';
import { answerUntil, turn, widget } from './widget-driver';

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

const DESTINATION = '将报送至 南关区协调劳动关系三方委员会办公室';

describe('the widget', () => {
  it('says where the report goes, lets the reporter change it, and opens the review at the top of the panel', async () => {
    await atEachSize(browser, 'widget-destination', async (page) => {
      await page.goto(`${t.host.url}/demo`);
      const w = widget(page);
      await turn(page, () => w.launcher.click());
      // The portal preset 南关区: the first screen says so, with a change button.
      const first = w.root.locator('.log .destination');
      expect(await first.textContent()).toContain(DESTINATION);
      expect(await first.getByRole('button', { name: '更改' }).isVisible()).toBe(true);

      await answerUntil(page, { ...M05_ANSWERS, event_at: '2026-11-24T09:00' }, 'review');
      // No chat instructions in the button UI.
      expect(await w.root.locator('.log').textContent()).not.toMatch(/回复“完成”|可多选。\s*可多选|可回复序号/);
      const box = w.root.locator('.review-box');
      expect(await box.locator('.destination').first().textContent()).toContain(DESTINATION);
      // The same sentence beside the submit button.
      expect(await box.locator('.destination').count()).toBe(2);
      // The review fills the panel and opens at its top: its heading is in view, not scrolled past.
      const panel = await w.panel.boundingBox();
      const composer = await w.root.locator('.composer').boundingBox();
      expect((composer?.height ?? 0) / (panel?.height ?? 1)).toBeGreaterThan(0.6);
      expect(await w.root.locator('.composer').evaluate((el) => el.scrollTop)).toBe(0);
      const heading = await w.root.locator('.review-title').boundingBox();
      expect(heading && composer && heading.y >= composer.y && heading.y < composer.y + composer.height).toBe(true);

      // 更改 goes to the district question and back to the review with the new area.
      await turn(page, () => box.locator('.destination').first().getByRole('button', { name: '更改' }).click());
      expect(await w.question.getAttribute('data-field')).toBe('district');
      await turn(page, () => w.question.getByRole('button', { name: '朝阳区' }).click());
      expect(await w.root.locator('.review-box .destination').first().textContent()).toContain(
        '将报送至 朝阳区协调劳动关系三方委员会办公室',
      );
    });
  });
});

describe('the /report form', () => {
  it('shows form help, not chat instructions', async () => {
    await atEachSize(browser, 'report-form-help', async (page) => {
      await page.goto(`${t.host.url}/report`);
      const text = (await page.locator('form[data-report-form]').textContent()) ?? '';
      expect(text).not.toMatch(/可回复序号|回复“完成”|今天|昨天|可多选。\s*可多选/);
      expect(text).toContain('可多选。');
    });
  });

  it('says where the report goes beside the submit button, with a way to change it', async () => {
    await atEachSize(browser, 'report-form-destination', async (page) => {
      // A portal that embeds the form presets the district: the sentence names it from the start.
      await page.goto(`${t.host.url}/report?jurisdiction=220102`);
      const line = page.locator('#destination');
      expect(await line.locator('p').textContent()).toBe(DESTINATION);
      const submit = await page.locator('form[data-report-form] button[type=submit]').boundingBox();
      const box = await line.boundingBox();
      expect(box && submit && submit.y - (box.y + box.height)).toBeLessThan(40);
      // 更改 leads to the district question; choosing another area rewrites the sentence.
      await line.getByRole('link', { name: '更改' }).click();
      expect(new URL(page.url()).hash).toBe('#f-district');
      await page.selectOption('#f-district', '220104');
      expect(await line.locator('p').textContent()).toBe('将报送至 朝阳区协调劳动关系三方委员会办公室');
      // Without a district yet, it says that the area chosen above decides.
      await page.goto(`${t.host.url}/report`);
      expect(await line.locator('p').textContent()).toContain('请在上方选择');
    });
  });

  it('shows a doubtful credit code as a statement with a tick, never a chat instruction or the label twice', async () => {
    await atEachSize(browser, 'report-form-uscc', async (page) => {
      await page.goto(`${t.host.url}/report`);
      await page.fill('#f-uscc', '91110108551385082A');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.locator('form[data-report-form] button[type=submit]').click(),
      ]);
      expect(response?.status()).toBe(400);
      const warning = (await page.locator('#w-uscc').textContent()) ?? '';
      expect(warning).toContain('校验位');
      expect(await page.locator('main').textContent()).not.toMatch(/回复|统一社会信用代码：统一社会信用代码/);
      expect(await page.locator('.error-summary').textContent()).toContain('统一社会信用代码：91110108551385082A');
      expect(await page.getByLabel('我已核对，确认填写无误').count()).toBe(1);
    });
  });
});

describe('the widget on a doubtful credit code', () => {
  it('offers a button to keep it and no typing instruction', async () => {
    await atEachSize(browser, 'widget-uscc', async (page) => {
      await page.goto(`${t.host.url}/demo`);
      const w = widget(page);
      await turn(page, () => w.launcher.click());
      await answerUntil(page, { unit_name: M05_ANSWERS.unit_name }, 'uscc');
      await w.input.fill('91110108551385082A');
      await turn(page, () => w.input.press('Enter'));
      expect(await w.root.locator('#cc-warning').textContent()).toContain('校验位');
      expect(await w.root.locator('.chat').textContent()).not.toMatch(/回复/);
      await turn(page, () => w.root.getByRole('button', { name: '确认无误' }).click());
      expect(await w.question.getAttribute('data-field')).toBe('legal_rep');
    });
  });
});
