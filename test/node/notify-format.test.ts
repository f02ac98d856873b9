import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJurisdiction } from '../../db/repo/jurisdictions';
import { findReport, type ReportRow } from '../../db/repo/reports';
import type { AppDeps } from '../../src/deps';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from '../../src/notify/backoff';
import {
  buildAlert,
  isPublicUrl,
  renderFeishuCard,
  renderMarkdown,
  renderPlain,
  renderTelegramHtml,
  telegramKeyboard,
} from '../../src/notify/format';
import { destinationOf, RateLimiter } from '../../src/notify/rate-limit';
import { reporterMessageHtml } from '../../src/notify/reporter-message';
import { escapeHtml, escapeMarkdown, maskMobiles, maskPhone, truncateUtf8, utf8Length } from '../../src/notify/text';
import type { Notice } from '../../src/notify/types';
import { insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

const tmp = tempDir();
const clock = manualClock();
let deps: AppDeps;
let close: () => void;

beforeAll(async () => {
  ({ deps, close } = await openDeps(join(tmp.dir, 'format.db'), clock.now));
});
afterAll(() => {
  close();
  tmp.cleanup();
});

async function reportFor(o: Parameters<typeof insertReport>[1]) {
  const { reportId } = await insertReport(deps.db, o);
  return (await findReport(deps.db, reportId))!;
}

async function alertFor(
  o: Parameters<typeof insertReport>[1],
  locale: 'zh' | 'en' = 'zh',
  notice?: { notice: Notice; now?: Date; report?: ReportRow },
) {
  const report = notice?.report ?? (await reportFor(o));
  const jurisdiction = await getJurisdiction(deps.db, report.jurisdictionId);
  return buildAlert(report, {
    locale,
    publicUrl: 'https://report.example.gov.cn',
    jurisdiction,
    now: notice?.now ?? clock.now(),
    ...(notice ? { notice: notice.notice } : {}),
  });
}

describe('masking and escaping', () => {
  it('masks every form of a mainland mobile, and nothing that is not one', () => {
    expect(maskMobiles('联系 13812345678 或 +86 139 1234 5678、159-8765-4321')).toBe(
      '联系 138****5678 或 139****5678、159****4321',
    );
    expect(maskMobiles('全角１３８１２３４５６７８')).toBe('全角138****5678');
    // Longer digit runs (a USCC-like number, an amount) and landlines are left alone.
    expect(maskMobiles('编号 9138123456789 电话 0431-88776655')).toBe('编号 9138123456789 电话 0431-88776655');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0431-88776655')).toBe('043****6655');
  });

  it('escapes user text for Telegram HTML and neutralises robot markdown', () => {
    expect(escapeHtml('<b>A&B</b> "x"')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot;');
    expect(escapeMarkdown('**粗** [链接](http://x) <font color="info">#1</font> `c` _i_')).toBe(
      '＊＊粗＊＊ ［链接］(http://x) ＜font color="info"＞＃1＜/font＞ ｀c｀ ＿i＿',
    );
  });

  it('truncates on a UTF-8 character boundary', () => {
    const text = '劳动关系😀风险'.repeat(400);
    for (const max of [4096, 4095, 4094, 100, 7]) {
      const cut = truncateUtf8(text, max);
      expect(utf8Length(cut)).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      expect(cut.includes('\uFFFD')).toBe(false);
    }
    expect(truncateUtf8('短', 10)).toBe('短');
  });
});

describe('alert message', () => {
  it('Chinese: urgent first line, unit, district, items by name, people, urgency, severity, reasons, due, receipt, link', async () => {
    const m = await alertFor({ urgent: true });
    const text = renderPlain(m);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^【紧急重大】/);
    expect(text).toContain('用人单位：长春市示例机械制造有限公司');
    expect(text).toContain('所属辖区：南关区');
    expect(text).toContain('监测事项：');
    expect(text).toMatch(/监测事项：.*工资.*、.*(停工|怠工)/);
    // Ruleset 2026.2: the count is of people taking part; the people owed wages are shown as scale.
    expect(text).toContain('参与人数：60 人（群体性事件）');
    expect(text).toContain('涉及职工：60 人');
    expect(text).toMatch(/紧急程度：紧急重大，须立即报告 — 存在堵门、堵路/);
    // One vocabulary with the pages: the level once, then the reason; no notation, no "。；".
    expect(text).toMatch(/严重程度：高 — 堵门、堵路/);
    expect(text).not.toMatch(/高：|。；|≥|M\d\d\./);
    expect(text).toContain('- 拖欠 60 名职工工资共 1,200,000 元');
    // Submitted 02:00Z, due one hour later: 11:00 in Changchun.
    expect(text).toContain('信息情况表报送时限：2026-11-25 11:00（北京时间）');
    expect(text).toMatch(/回执号：CC-2026-[2-9A-Z]{6}/);
    expect(text).toContain('报告人：李协调 138****5678');
    expect(lines.at(-1)).toBe(`在控制台查看详情：https://report.example.gov.cn/console/cases/${m.reportId}`);
  });

  it('English when the channel says so; routine reports have no urgent marker', async () => {
    const m = await alertFor({}, 'en');
    const text = renderPlain(m);
    expect(text.split('\n')[0]).toBe('Labour-relations risk report');
    expect(text).toContain('District: Nanguan District');
    expect(text).toContain('Urgency: Within 24 hours');
    expect(text).toContain('Severity: Medium — wage arrears graded orange');
    // Ruleset 2026.2 (the old reading counted the 12 owed wages as a group incident): nobody takes part.
    expect(text).toContain('Taking part: no collective action');
    expect(text).toContain('Employees affected: 12');
    expect(text).not.toMatch(/URGENT|紧急/);
    const urgent = await alertFor({ urgent: true }, 'en');
    expect(renderPlain(urgent).split('\n')[0]).toMatch(/^URGENT/);
  });

  it('masks mobiles in user text and escapes it in every rendering', async () => {
    const m = await alertFor({ unitName: '<b>坏</b>**公司** 联系13912345678', reporterPhone: '15987654321' });
    const html = renderTelegramHtml(m);
    expect(html).toContain('&lt;b&gt;坏&lt;/b&gt;**公司** 联系139****5678');
    expect(html).toContain('159****4321');
    const md = renderMarkdown(m, { lineBreak: '\n' });
    // In robot markdown the mask's asterisks are full-width too, so they can never pair up as bold markers.
    expect(md).toContain('＜b＞坏＜/b＞＊＊公司＊＊ 联系139＊＊＊＊5678');
    expect(md).toContain('李协调 159＊＊＊＊4321');
    const card = JSON.stringify(renderFeishuCard(m));
    expect(card).toContain('<b>坏</b>**公司** 联系139****5678');
    for (const out of [html, md, card, renderPlain(m)]) {
      expect(out).not.toMatch(/13912345678|15987654321/);
    }
  });

  it('keeps WeCom markdown within 4096 bytes, cut on a character boundary, keeping the console link', async () => {
    const m = await alertFor({ urgent: true });
    const long = { ...m, reasons: Array.from({ length: 40 }, (_, i) => `第 ${i} 条：${'欠薪😀'.repeat(60)}`) };
    const md = renderMarkdown(long, { lineBreak: '\n', maxBytes: 4096 });
    expect(utf8Length(md)).toBeLessThanOrEqual(4096);
    expect(md.includes('\uFFFD')).toBe(false);
    expect(md.split('\n')[0]).toBe('### 【紧急重大】劳动关系风险报告，请立即处置');
    expect(md.endsWith(`[在控制台查看详情](https://report.example.gov.cn/console/cases/${m.reportId})`)).toBe(true);
  });

  it('Telegram keyboard: Claim with short callback data, View only for an address Telegram accepts', async () => {
    const m = await alertFor({});
    const kb = telegramKeyboard(m);
    const [claim, view] = kb?.inline_keyboard[0] ?? [];
    expect(claim).toEqual({ text: '认领 Claim', callback_data: `claim:${m.reportId}` });
    expect(Buffer.byteLength(claim && 'callback_data' in claim ? claim.callback_data : '')).toBeLessThanOrEqual(64);
    expect(view).toEqual({ text: '查看 View', url: m.link.url });
    const local = { ...m, link: { ...m.link, url: 'http://localhost:8787/console/cases/x' } };
    expect(telegramKeyboard(local)?.inline_keyboard[0]).toHaveLength(1);
    expect(isPublicUrl('http://127.0.0.1:8787/x')).toBe(false);
    expect(telegramKeyboard({ ...m, claimed: '✅ 已由 王 认领' })?.inline_keyboard[0]).toEqual([view]);
  });
});

describe('notices about a case (first line, urgency, Claim)', () => {
  const HOUR = 3_600_000;
  /** What a notice says happened: the first line, before the case a later notice names. */
  const first = (m: Awaited<ReturnType<typeof alertFor>>) => renderPlain(m).split('\n')[0]?.split(/：|: /)[0];
  const claimOffered = (m: Awaited<ReturnType<typeof alertFor>>) =>
    (telegramKeyboard(m)?.inline_keyboard[0] ?? []).some((b) => b.text === '认领 Claim');

  it('the reminder says how long is left, from the due time and the time it is sent', async () => {
    const report = await reportFor({});
    const due = report.annex4DueAt.getTime();
    const at = (ms: number) => ({ notice: 'annex4_reminder' as const, report, now: new Date(due - ms) });
    expect(first(await alertFor({}, 'zh', at(2 * HOUR)))).toBe('附件4即将到期（剩余约 2 小时）');
    expect(first(await alertFor({}, 'en', at(2 * HOUR)))).toBe('Annex 4 due in about 2 hours');
    expect(first(await alertFor({}, 'en', at(HOUR)))).toBe('Annex 4 due in about 1 hour');
    // Its Claim button says it was a reminder, so the message edited after the claim stays one.
    const kb = telegramKeyboard(await alertFor({}, 'zh', at(2 * HOUR)));
    expect(kb?.inline_keyboard[0]?.[0]).toEqual({ text: '认领 Claim', callback_data: `claim:${report.id}:r` });
    expect(first(await alertFor({}, 'zh', at(20 * 60_000)))).toBe('附件4即将到期（剩余约 20 分钟）');
    expect(first(await alertFor({}, 'en', at(15 * 60_000)))).toBe('Annex 4 due in about 15 minutes');
    // Delivered late (a channel was down): no promise of time that has run out.
    expect(first(await alertFor({}, 'zh', at(-60_000)))).toBe('附件4报送时限已到');
    // A later notice is one line naming the case and who has claimed it, and the console link; the facts
    // were in the alert.
    const text = renderPlain(await alertFor({}, 'zh', at(2 * HOUR)));
    expect(text.split('\n')).toEqual([
      `附件4即将到期（剩余约 2 小时）：长春市示例机械制造有限公司，案件 ${report.receipt}，待认领`,
      `在控制台查看详情：https://report.example.gov.cn/console/cases/${report.id}`,
    ]);
    const en = buildAlert(report, {
      locale: 'en',
      publicUrl: 'https://report.example.gov.cn',
      now: new Date(due - 2 * HOUR),
      notice: 'annex4_escalation',
      claimant: '王科长',
    });
    expect(renderPlain(en).split('\n')[0]).toBe(
      `Annex 4 overdue: 长春市示例机械制造有限公司, case ${report.receipt}, claimed by 王科长`,
    );
  });

  it('escalation and submission say what they are; urgent reports keep the urgency marker', async () => {
    const routine = await reportFor({});
    const urgent = await reportFor({ urgent: true });
    const of = (report: ReportRow, notice: Notice, locale: 'zh' | 'en' = 'zh') =>
      alertFor({}, locale, { notice, report });
    expect(first(await of(routine, 'annex4_escalation'))).toBe('附件4已超时未报送');
    expect(first(await of(routine, 'annex4_escalation', 'en'))).toBe('Annex 4 overdue');
    expect(first(await of(routine, 'annex4_submitted'))).toBe('附件4已报送市协调劳动关系三方委员会办公室');
    expect(first(await of(routine, 'annex4_submitted', 'en'))).toBe('Annex 4 submitted');
    expect(first(await of(urgent, 'annex4_escalation'))).toBe('【紧急重大】附件4已超时未报送');
    expect(first(await of(urgent, 'annex4_escalation', 'en'))).toBe('URGENT — Annex 4 overdue');
    expect(first(await of(urgent, 'annex4_reminder'))).toBe('【紧急重大】附件4即将到期（剩余约 1 小时）');
    expect(first(await of(urgent, 'report_alert'))).toBe('【紧急重大】劳动关系风险报告，请立即处置');
    expect(renderMarkdown(await of(routine, 'annex4_escalation'), { lineBreak: '\n' }).split('\n')[0]).toBe(
      `### 附件4已超时未报送：长春市示例机械制造有限公司，案件 ${routine.receipt}，待认领`,
    );
    const card = (m: Awaited<ReturnType<typeof alertFor>>) => renderFeishuCard(m).header;
    expect(card(await of(routine, 'annex4_escalation'))).toEqual({
      title: {
        tag: 'plain_text',
        content: `附件4已超时未报送：长春市示例机械制造有限公司，案件 ${routine.receipt}，待认领`,
      },
      template: 'red',
    });
    expect(card(await of(routine, 'annex4_submitted')).template).toBe('green');
    expect(card(await of(routine, 'annex4_reminder')).template).toBe('orange');
  });

  it('offers Claim only on the alert or the reminder of a report nobody has claimed', async () => {
    const open = await reportFor({});
    const of = (report: ReportRow, notice: Notice) => alertFor({}, 'zh', { notice, report });
    expect(claimOffered(await of(open, 'report_alert'))).toBe(true);
    expect(claimOffered(await of(open, 'annex4_reminder'))).toBe(true);
    expect(claimOffered(await of(open, 'annex4_escalation'))).toBe(false);
    expect(claimOffered(await of(open, 'annex4_submitted'))).toBe(false);
    const claimed: ReportRow = { ...open, status: 'claimed', claimedBy: 'off_1', claimedAt: clock.now() };
    expect(claimOffered(await of(claimed, 'report_alert'))).toBe(false);
    expect(claimOffered(await of(claimed, 'annex4_reminder'))).toBe(false);
    // View stays on every notice.
    expect(telegramKeyboard(await of(claimed, 'annex4_escalation'))?.inline_keyboard[0]).toEqual([
      { text: '查看 View', url: `https://report.example.gov.cn/console/cases/${open.id}` },
    ]);
  });
});

describe('message to a Telegram reporter', () => {
  it('names the receipt on its first line, escapes the officer’s text, and invites a reply on its last', () => {
    const text = '请带上<工资表>&考勤 "原件"\n明早 9 点';
    const zh = reporterMessageHtml({ receipt: 'CC-2026-AB12CD', locale: 'zh' }, text).split('\n');
    expect(zh).toEqual([
      '【长春市劳动关系风险监测预警】关于回执号 CC-2026-AB12CD 的报告，接报部门回复：',
      '请带上&lt;工资表&gt;&amp;考勤 &quot;原件&quot;',
      '明早 9 点',
      '',
      '如需回复，请直接回复本条消息。',
    ]);
    const en = reporterMessageHtml({ receipt: 'CC-2026-AB12CD', locale: 'en' }, 'Please call us.');
    expect(en.split('\n')[0]).toContain('receipt CC-2026-AB12CD');
    expect(en.split('\n').at(-1)).toBe('To answer, reply directly to this message.');
  });
});

describe('retry schedule and rate limits', () => {
  it('10 attempts over about six hours, the first retries in seconds, jittered ±20 %, never sooner than retry-after', () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(RETRY_DELAYS_MS.slice(0, 4)).toEqual([5_000, 30_000, 120_000, 240_000]);
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(6 * 3_600_000);
    expect(total).toBeLessThan(6.1 * 3_600_000);
    const low = () => new Uint8Array([0, 0, 0, 0]);
    const high = () => new Uint8Array([255, 255, 255, 255]);
    expect(retryDelayMs(1, low)).toBe(4_000);
    expect(retryDelayMs(1, high)).toBeCloseTo(6_000, -1);
    expect(retryDelayMs(9, low)).toBe(170 * 60_000 * 0.8);
    expect(retryDelayMs(1, low, 300_000)).toBe(300_000);
  });

  it('a bucket whose tokens return one window after use: never more than 20 in any minute', () => {
    const limiter = new RateLimiter();
    const d = destinationOf({ type: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' });
    const sent: number[] = [];
    for (let t = 0; t < 300_000; t += 250) {
      if (limiter.take(d, t, `row${t}`) === 0) sent.push(t);
    }
    for (const start of sent)
      expect(sent.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(20);
    expect(sent.length).toBeGreaterThanOrEqual(80);
    // Feishu: 5 a second as well.
    const f = destinationOf({ type: 'feishu', target: 'f' });
    const feishu = [0, 0, 0, 0, 0, 0].map((_, i) => limiter.take(f, 1_000, `f${i}`));
    expect(feishu.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(feishu[5]).toBeGreaterThan(0);
  });
});
