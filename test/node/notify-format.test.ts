import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJurisdiction } from '../../db/repo/jurisdictions';
import { findReport } from '../../db/repo/reports';
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
import { escapeHtml, escapeMarkdown, maskMobiles, maskPhone, truncateUtf8, utf8Length } from '../../src/notify/text';
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

async function alertFor(o: Parameters<typeof insertReport>[1], locale: 'zh' | 'en' = 'zh') {
  const { reportId } = await insertReport(deps.db, o);
  const report = (await findReport(deps.db, reportId))!;
  const jurisdiction = await getJurisdiction(deps.db, report.jurisdictionId);
  return buildAlert(report, { locale, publicUrl: 'https://report.example.gov.cn', jurisdiction });
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
    expect(text).toContain('涉及人数：60 人（群体性事件）');
    expect(text).toMatch(/紧急程度：紧急重大，须立即报告 — 存在堵门、堵路/);
    expect(text).toMatch(/严重程度：高：堵门、堵路/);
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
    expect(text).toContain('Severity: Medium: wage arrears graded orange');
    expect(text).toContain('People involved: 12 (group incident)');
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

describe('retry schedule and rate limits', () => {
  it('8 attempts over about six hours, jittered ±20 %, never sooner than retry-after', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBe(6 * 3_600_000);
    const low = () => new Uint8Array([0, 0, 0, 0]);
    const high = () => new Uint8Array([255, 255, 255, 255]);
    expect(retryDelayMs(1, low)).toBe(48_000);
    expect(retryDelayMs(1, high)).toBeCloseTo(72_000, -1);
    expect(retryDelayMs(7, low)).toBe(170 * 60_000 * 0.8);
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
