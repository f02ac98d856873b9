// Issue 17, part 2: an officer takes an employer's report by telephone and types it in — 录入电话报告 in the
// console, one form in the field table's order with the caller's number and the call time. The stored report
// is the employer's own (source 电话, never 漏报), dated by the call, and behaves like any report: assessed by the
// rules, its alert in the outbox, its Annex 4 deadline running from the call.
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reportEvents, reports } from '../../db/schema';
import { itemByCode } from '../../src/rules/index';
import { createOfficer } from '../node/console-fixtures';
import { launchBrowser, startTestHost, type TestHost, watchPage } from './browser';

const PASSWORD = 'chaoyang-phone-desk-2026';
let t: TestHost;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHost();
  await createOfficer(t.host.deps.db, {
    username: 'phonedesk',
    displayName: '刘静',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('录入电话报告 in Chromium', () => {
  it('records a phoned-in report with the caller and call time; a mistake keeps what was typed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${t.host.url}/login`);
    await page.fill('input[name=username]', 'phonedesk');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录', exact: true }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '录入电话报告' }).click()]);
    expect(await page.locator('h1').textContent()).toContain('录入电话报告');
    expect(await page.locator('input[name=unreported]').count()).toBe(0);

    // The call came in at 09:40 Beijing time; the officer types it in at 10:00 (the host's clock).
    await page.fill('input[name=caller_phone]', '139 4310 8866');
    await page.fill('input[name=call_at]', '2026-11-25T09:40');
    await page.fill('[name=unit_name]', '长春市电话示例食品有限公司');
    await page.fill('[name=legal_rep]', '孙志强');
    await page.selectOption('[name=business_status]', 'difficult');
    await page.fill('[name=headcount]', '三百');
    await page.fill('[name=address]', '长春市南关区亚泰大街 200 号');
    await page.selectOption('[name=industry]', 'C');
    await page.fill('[name=reporter_name]', '周会计');
    await page.check('input[name=items][value=M05]');
    await page.locator('summary', { hasText: itemByCode('M05').name.zh }).click();
    await page.fill('[name=m05_employees_owed]', '40');
    await page.fill('[name=m05_amount_owed]', '360000');
    await page.fill('[name=m05_months_in_arrears]', '2');
    await page.selectOption('[name=collective_action]', 'none');
    await page.fill('[name=event_at]', '2026-11-24 17:00');
    await page.fill('[name=details]', '电话报告：10 月工资未发放，涉及 40 人。');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '录入电话报告' }).click()]);

    // 三百 is not a number: the form comes back with the error and everything typed.
    expect(await page.locator('.flash.error').textContent()).toContain('请更正');
    expect(await page.locator('.error-text').count()).toBe(1);
    expect(await page.locator('#f-headcount ~ .error-text').textContent()).toMatch(/数/);
    expect(await page.inputValue('input[name=caller_phone]')).toBe('139 4310 8866');
    expect(await page.inputValue('input[name=call_at]')).toBe('2026-11-25T09:40');
    expect(await page.inputValue('[name=m05_amount_owed]')).toBe('360000');
    await page.fill('[name=headcount]', '300');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '录入电话报告' }).click()]);

    expect(await page.locator('h1').textContent()).toBe('长春市电话示例食品有限公司');
    const header = await page.locator('main p.muted').first().textContent();
    expect(header).toContain('来源：电话');
    expect(header).toContain('报告时间 2026-11-25 09:40');
    expect(await page.locator('text=漏报').count()).toBe(0);
    expect(watch.errors).toEqual([]);

    const [row] = await t.host.deps.db.select().from(reports).where(eq(reports.unitName, '长春市电话示例食品有限公司'));
    expect(row).toMatchObject({
      channel: 'phone',
      source: 'phone',
      unreported: false,
      callerPhone: '13943108866',
      reporterPhone: '13943108866',
      jurisdictionId: '220102',
    });
    expect(row!.submittedAt.toISOString()).toBe('2026-11-25T01:40:00.000Z');
    // The Annex 4 deadline runs from the call (1 hour for an urgent case, 24 hours otherwise).
    const hours = row!.urgency === 'immediate' ? 1 : 24;
    expect(row!.annex4DueAt.getTime() - row!.submittedAt.getTime()).toBe(hours * 3_600_000);
    expect(row!.items).toEqual(['M05']);
    // Like any report: its alert waits in the outbox, the timeline says who typed it in.
    const alerts = await t.host.deps.db.select().from(outbox).where(eq(outbox.reportId, row!.id));
    expect(alerts.map((a) => a.kind)).toContain('report_submitted');
    const events = await t.host.deps.db.select().from(reportEvents).where(eq(reportEvents.reportId, row!.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['submitted', 'phone_recorded']));
    await context.close();
  });
});
