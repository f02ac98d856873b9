import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents, reports } from '../../db/schema';
import { launchBrowser, PHONE, startTestHost, type TestHost } from './browser';

// Acceptance 2 and 5: the plain form and the status page with JavaScript disabled — a second step for the
// chosen item's follow-ups, messages beside the fields with every value kept, a confirmed warning, the
// receipt, the report in the database, and script tags shown as text everywhere.

const XSS = '<script>window.__pwned=1</script>';
let t: TestHost;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  t = await startTestHost();
  browser = await launchBrowser();
  context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function post(page: Page) {
  await Promise.all([page.waitForNavigation(), page.locator('form[data-report-form] button[type=submit]').click()]);
}

const value = (page: Page, id: string) => page.locator(`#f-${id}`).inputValue();

describe('/report without JavaScript', () => {
  it('takes a report in two steps, validates on the server, keeps every value, and stores it', async () => {
    const page = await context.newPage();
    await page.goto(`${t.host.url}/report`);
    expect(await page.locator('h1').textContent()).toBe('用人单位速报表');
    // Step 1: the follow-ups exist only as hidden, disabled groups.
    expect(await page.locator('fieldset[data-item="M05"]').isHidden()).toBe(true);

    await page.fill('#f-unit_name', `长春市示例机械制造有限公司${XSS}`);
    await page.fill('#f-uscc', '91110108551385082A'); // check character wrong: a warning to confirm
    await page.fill('#f-legal_rep', '王建国');
    await page.check('input[name=business_status][value=difficult]');
    await page.fill('#f-headcount', '很多人'); // invalid
    await page.selectOption('#f-district', '220102');
    await page.fill('#f-address', '长春市南关区人民大街 100 号');
    await page.selectOption('#f-industry', 'C');
    await page.fill('#f-reporter_name', '李梅');
    await page.fill('#f-reporter_phone', '138 0013 8000');
    await page.check('input[name=items][value=M05]');
    await page.check('input[name=collective_action][value=none]');
    await page.fill('#f-event_at', '2026-11-24T09:00');
    await page.fill('#f-details', `10 月、11 月工资未能按时足额发放。${XSS}`);
    await post(page);

    // Step 2: the M05 follow-ups appear; the wrong headcount has its message beside it; values are kept.
    expect(await page.locator('.notice').isVisible()).toBe(true);
    expect(await page.locator('fieldset[data-item="M05"]').isVisible()).toBe(true);
    expect(await page.locator('fieldset[data-item="M01"]').isHidden()).toBe(true);
    expect(await page.locator('#e-headcount').textContent()).toMatch(/整数/);
    expect(await page.getAttribute('#f-headcount', 'aria-describedby')).toContain('e-headcount');
    expect(await page.getAttribute('#f-headcount', 'aria-invalid')).toBe('true');
    expect(await page.locator('#w-uscc').textContent()).toMatch(/校验位/);
    expect(await value(page, 'headcount')).toBe('很多人');
    expect(await value(page, 'unit_name')).toBe(`长春市示例机械制造有限公司${XSS}`);
    expect(await value(page, 'details')).toBe(`10 月、11 月工资未能按时足额发放。${XSS}`);
    expect(await value(page, 'district')).toBe('220102');
    expect(await page.isChecked('input[name=business_status][value=difficult]')).toBe(true);
    expect(await page.isChecked('input[name=items][value=M05]')).toBe(true);
    expect(await page.locator('.error-summary a[href="#f-headcount"]').count()).toBe(1);
    // The script tag is an attribute value / text, never markup.
    expect(await page.locator('main script').count()).toBe(0);

    await page.fill('#f-headcount', '1,200');
    await page.check('input[name=confirm][value=uscc]');
    await page.fill('#f-m05_employees_owed', '25');
    await page.fill('#f-m05_amount_owed', '420000');
    await page.fill('#f-m05_months_in_arrears', '2');
    let sent: { body: string; headers: Record<string, string> } | undefined;
    page.on('request', (r) => {
      if (r.method() === 'POST') sent = { body: r.postData() ?? '', headers: r.headers() };
    });
    await post(page);

    const receipt = await page.locator('#receipt').textContent();
    expect(receipt).toMatch(/^CC-2026-[0-9A-Z]{6}$/);
    const [row] = await t.host.deps.db
      .select()
      .from(reports)
      .where(eq(reports.receipt, receipt ?? ''));
    expect(row).toMatchObject({
      channel: 'form',
      unitName: `长春市示例机械制造有限公司${XSS}`,
      uscc: '91110108551385082A',
      jurisdictionId: '220102',
      reporterPhone: '13800138000',
      items: ['M05'],
    });
    expect(row?.answers).toMatchObject({ headcount: 1200, m05_employees_owed: 25, m05_amount_owed: 420000 });
    expect(row?.answers).not.toHaveProperty('m05_payment_plan_date');

    // Posting the same page again (refresh, double click) gives the same receipt and no second report.
    const again = await context.request.post(`${t.host.url}/report`, {
      headers: { origin: t.host.url, 'content-type': sent?.headers['content-type'] ?? '' },
      data: sent?.body ?? '',
    });
    expect(await again.text()).toContain(`<strong id="receipt">${receipt}</strong>`);
    expect(await t.host.deps.db.$count(reports, eq(reports.unitName, `长春市示例机械制造有限公司${XSS}`))).toBe(1);

    // /status: receipt + phone (posted), status and an officer's message, as text.
    await t.host.deps.db.insert(reportEvents).values({
      reportId: row?.id ?? '',
      at: t.clock.now(),
      actorType: 'officer',
      type: 'message_out',
      data: { text: `请补充工资发放计划。${XSS}` },
    });
    await Promise.all([page.waitForNavigation(), page.locator('a', { hasText: '查询办理进度' }).click()]);
    expect(await page.locator('#f-receipt').inputValue()).toBe(receipt);
    await page.fill('#f-phone', '13800138000');
    await Promise.all([page.waitForNavigation(), page.locator('form.lookup button[type=submit]').click()]);
    expect(page.url()).not.toContain('13800138000');
    expect(await page.locator('#report-status').textContent()).toBe('已提交，等待受理');
    expect(await page.locator('#report-unit').textContent()).toBe(`长春市示例机械制造有限公司${XSS}`);
    expect(await page.locator('.conversation .message').textContent()).toBe(`请补充工资发放计划。${XSS}`);
    expect(await page.locator('main script').count()).toBe(0);

    // The reporter answers from the same page (receipt + phone posted again, never in the URL).
    await Promise.all([page.waitForNavigation(), page.locator('form.message-form button[type=submit]').click()]);
    expect(await page.locator('#message-error').textContent()).toBe('请填写留言内容后再发送。');
    await page.fill('#f-message', `计划已上传。${XSS}`);
    await Promise.all([page.waitForNavigation(), page.locator('form.message-form button[type=submit]').click()]);
    expect(page.url()).not.toContain('13800138000');
    expect(await page.locator('#message-sent').isVisible()).toBe(true);
    expect(await page.locator('.conversation .message').allTextContents()).toEqual([
      `请补充工资发放计划。${XSS}`,
      `计划已上传。${XSS}`,
    ]);
    expect(await page.locator('main script').count()).toBe(0);

    await page.fill('#f-phone', '13900139000');
    await Promise.all([page.waitForNavigation(), page.locator('form.lookup button[type=submit]').click()]);
    expect(await page.locator('#lookup-error').isVisible()).toBe(true);
    expect(await page.locator('#report-unit').count()).toBe(0);
    await page.close();
  });

  it('with JavaScript, reveals the follow-ups at once and submits in one step', async () => {
    const js = await browser.newContext({ ...PHONE, locale: 'en-US' });
    const page = await js.newPage();
    await page.goto(`${t.host.url}/report`);
    expect(await page.locator('h1').textContent()).toBe('Employer quick report');
    await page.check('input[name=items][value=M07]');
    expect(await page.locator('fieldset[data-item="M07"]').isVisible()).toBe(true);
    await page.uncheck('input[name=items][value=M07]');
    expect(await page.locator('fieldset[data-item="M07"]').isHidden()).toBe(true);
    await page.check('input[name=items][value=M07]');
    const fill: Record<string, string> = {
      unit_name: 'One Step Ltd',
      legal_rep: 'Li Ming',
      headcount: '400',
      address: '1 Renmin St',
      reporter_name: 'Wang Fang',
      reporter_phone: '13900139000',
      m07_departures_this_month: '40',
      m07_headcount: '400',
      event_at: '2026-11-20T10:00',
      details: 'Forty people left this month.',
    };
    for (const [id, v] of Object.entries(fill)) await page.fill(`#f-${id}`, v);
    await page.check('input[name=business_status][value=normal]');
    await page.check('input[name=collective_action][value=none]');
    await page.selectOption('#f-district', '220104');
    await page.selectOption('#f-industry', 'C');
    await post(page);
    expect(await page.locator('#receipt').textContent()).toMatch(/^CC-2026-/);
    await js.close();
  });

  it('refuses a form post from another origin (CSRF) but accepts the token when a browser sends no Origin', async () => {
    const form = await fetch(`${t.host.url}/report`);
    const cookie = form.headers.get('set-cookie')?.split(';')[0] ?? '';
    const token = cookie.split('=')[1] ?? '';
    const body = new URLSearchParams({ token, unit_name: 'x' });
    const foreign = await fetch(`${t.host.url}/report`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await fetch(`${t.host.url}/report`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(noOrigin.status).toBe(400); // past the guard: validation messages
    const noToken = await fetch(`${t.host.url}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ unit_name: 'x' }),
    });
    expect(noToken.status).toBe(403);
  });
});
