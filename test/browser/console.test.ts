// Issue 9, acceptance 1: a district officer signs in, sees a new report, claims it, writes a note, messages the
// reporter (web reporter: the status lookup shows it; Telegram reporter: the message arrives in their chat in
// telegram-test-api, a Bot API emulator), fills and submits Annex 4, and downloads the DOCX, whose text holds
// the fields. No script runs on any page.
import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reports } from '../../db/schema';
import { BOT_TOKEN, botMessagesTo, startEmulator, waitFor } from '../node/bot-helpers';
import { docxText } from '../node/console-docx-text';
import { createOfficer, fetcherFor, submitReport } from '../node/console-fixtures';
import { M05_ANSWERS } from '../support/conversation';
import { launchBrowser, startTestHost, type TestHost, watchPage } from './browser';

const PASSWORD = 'nanguan-dispatch-2026';
let t: TestHost;
let browser: Browser;
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator();
  // The host's bot talks to the emulator (long polling, as on a host without a public URL).
  t = await startTestHost({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
  await createOfficer(t.host.deps.db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
    phone: '0431-88990011',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await emulator?.stop();
});

async function submitForm(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
}

describe('officers’ console in Chromium', () => {
  it('takes a new report from sign-in to a submitted Annex 4 and its DOCX', async () => {
    const { reportId, receipt } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
    const context = await browser.newContext({
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const watch = watchPage(page);

    // No session: the console sends the officer to sign in, then back.
    await page.goto(`${t.host.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=username]', 'nanguan');
    await page.fill('input[name=password]', PASSWORD);
    await submitForm(page, '登录');
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.locator('h1').textContent()).toBe('概览 · 南关区');

    // The new report is in the inbox, unclaimed, with its deadline.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '待办', exact: true }).click()]);
    expect(new URL(page.url()).pathname).toBe('/console/cases');
    const row = page.locator('table.cases tbody tr', { hasText: receipt });
    expect(await row.textContent()).toContain('待认领');
    expect(await row.textContent()).toContain('剩余 24 小时');
    await Promise.all([
      page.waitForNavigation(),
      row.getByRole('link', { name: '长春市示例机械制造有限公司' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('长春市示例机械制造有限公司');

    await submitForm(page, '认领此案件');
    expect(await page.locator('.flash').textContent()).toContain('已认领');

    await page.fill('form[action$="/notes"] textarea[name=text]', '已电话联系单位人事负责人。');
    await submitForm(page, '保存备注');
    expect(await page.locator('.timeline').textContent()).toContain('已电话联系单位人事负责人。');

    await page.fill('form[action$="/messages"] textarea[name=text]', '请于明日上午携带工资发放记录到南关区调度室。');
    await submitForm(page, '发送');
    expect(await page.locator('.flash').textContent()).toContain('消息已发送');
    // A web reporter reads it on the status page (the lookup API behind it).
    const lookup = await fetch(`${t.host.url}/api/reports/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, phone: '13800138000' }),
    });
    const status = (await lookup.json()) as {
      status: string;
      timeline: { type: string; data: { text?: string } | null }[];
    };
    expect(status.status).toBe('claimed');
    expect(status.timeline.find((e) => e.type === 'message_out')?.data?.text).toBe(
      '请于明日上午携带工资发放记录到南关区调度室。',
    );

    // Annex 4: prefilled from the report, edited, submitted.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '填写附件4' }).click()]);
    expect(await page.inputValue('input[name=title]')).toBe('长春市示例机械制造有限公司拖欠工资');
    expect(await page.inputValue('input[name=reportingUnit]')).not.toBe('');
    expect(await page.inputValue('input[name=filledBy]')).toBe('张伟');
    expect(await page.inputValue('textarea[name=basicSituation]')).toContain('工资未能按时足额发放');
    expect(await page.inputValue('textarea[name=measures]')).toContain('拟于 12 月 20 日前补发');
    await page.fill('input[name=headOfOffice]', '赵主任');
    await page.fill('textarea[name=nextSteps]', '督促企业 12 月 20 日前补发到位，每周回访。');
    await submitForm(page, '保存草稿');
    expect(await page.inputValue('input[name=headOfOffice]')).toBe('赵主任');
    // Asked once, beside the button: what follows, and a tick without which the browser does not send it.
    expect(await page.locator('#confirm-submit .consequence').textContent()).toContain('报送后本表不能再修改');
    await page.getByRole('button', { name: '报送市办', exact: true }).click();
    expect(await page.locator('#a4-confirmed').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(
      true,
    );
    await page.check('#a4-confirmed');
    await submitForm(page, '报送市办');
    expect(await page.locator('.flash').textContent()).toContain('附件4 已报送');
    const [stored] = await t.host.deps.db.select().from(reports).where(eq(reports.id, reportId));
    expect(stored?.status).toBe('annex4_submitted');
    expect(
      await t.host.deps.db.$count(outbox, and(eq(outbox.reportId, reportId), eq(outbox.kind, 'annex4_submitted'))),
    ).toBe(1);

    // The DOCX download holds the annex's title and fields.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载附件4（DOCX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const text = docxText(new Uint8Array(await readFile((await download.path()) ?? '')));
    for (const part of [
      '长春市劳动关系风险监测预警信息情况表',
      '报告单位：',
      '填报时间：2026 年 11 月 25 日',
      '信息名称',
      '长春市示例机械制造有限公司拖欠工资',
      '预警级别',
      '基本情况（时间、地点、事情经过及影响）',
      '工资未能按时足额发放',
      '已采取措施及成效',
      '督促企业 12 月 20 日前补发到位，每周回访。',
      '处（室）负责人：赵主任',
      '填报人：张伟',
      '联系电话：0431-88990011',
    ]) {
      expect(text).toContain(part);
    }
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('sends a message the Telegram reporter receives in their chat', async () => {
    const { reportId, receipt } = await submitReport(fetcherFor(t.host.url), t.host.deps.db, M05_ANSWERS);
    const chatId = 777_000_111;
    await t.host.deps.db
      .update(reports)
      .set({ reporterChat: `tg:${chatId}` })
      .where(eq(reports.id, reportId));
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${t.host.url}/login?next=${encodeURIComponent(`/console/cases/${reportId}`)}`);
    await page.fill('input[name=username]', 'nanguan');
    await page.fill('input[name=password]', PASSWORD);
    await submitForm(page, '登录');
    expect(new URL(page.url()).pathname).toBe(`/console/cases/${reportId}`);
    expect(await page.locator('form[action$="/messages"]').textContent()).toContain('Telegram');
    await page.fill('form[action$="/messages"] textarea[name=text]', '您好，请保持电话畅通，并准备<工资表>。');
    await submitForm(page, '发送');
    expect(await page.locator('.flash').textContent()).toContain('消息已发送');

    // The console kicked the dispatcher after its answer: the reporter's chat receives the message, no tick.
    const received = await waitFor(() => botMessagesTo(emulator.server, chatId)[0], `a message in chat ${chatId}`);
    expect(received.text).toBe(
      [
        `【长春市劳动关系风险监测预警】关于回执号 ${receipt} 的报告，接报部门回复：`,
        '您好，请保持电话畅通，并准备&lt;工资表&gt;。',
        '',
        '如需回复，请直接回复本条消息。',
      ].join('\n'),
    );
    const [row] = await t.host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'reporter_message')));
    expect(row).toMatchObject({ payload: { chatId: String(chatId), text: '您好，请保持电话畅通，并准备<工资表>。' } });
    await context.close();
  });
});
