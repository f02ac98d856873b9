// Issue 9, the reporter's side: a web reporter reads the officers' messages on /status and answers there
// (or through POST /api/reports/messages); the answers are 'message_in' events the officer reads on the
// case page. Receipt + phone are checked on every post, the officer's name never reaches the reporter.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir('labor-risk-replies-');
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const PHONE = '13800138000';
const OFFICE_TEXT = '请于明日上午带工资表到调度室 <b>南关区</b>。';
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let zhang: SignedIn;
let report: { reportId: string; receipt: string };

beforeAll(async () => {
  // Many messages in one (manual) minute here: the per-address message limit is tested in rate-limits.test.ts.
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db'), { REPORTER_MESSAGES_PER_MINUTE: '1000' }), {
    clock: clock.now,
  });
  f = fetcherFor(host.url);
  await createOfficer(host.deps.db, {
    username: 'zhang',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  zhang = await signIn(f, 'zhang', PASSWORD);
  report = await submitReport(f, host.deps.db, M05_ANSWERS);
  clock.advance(60_000);
  expect((await zhang.post(`/console/cases/${report.reportId}/messages`, { text: OFFICE_TEXT })).status).toBe(303);
  clock.advance(60_000);
});
afterAll(async () => {
  await host?.stop();
  tmp.cleanup();
});

const messagesIn = () =>
  host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, report.reportId), eq(reportEvents.type, 'message_in')))
    .orderBy(reportEvents.id);

/** A form post from the app's own page (the Origin a browser sends). */
function formPost(path: string, form: Record<string, string>, origin: string | null = new URL(host.url).origin) {
  return f(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

function apiPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return f(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** The status page after a receipt + phone lookup. */
async function lookUp(phone = PHONE): Promise<string> {
  const res = await formPost('/status', { receipt: report.receipt, phone });
  expect(res.status).toBe(200);
  return res.text();
}

type Timeline = { type: string; data: Record<string, unknown> | null }[];

describe('/status: the conversation with the receiving office', () => {
  it('shows the officer message as from "接报部门" (never the officer) and a message form carrying receipt + phone', async () => {
    const html = await lookUp('138 0013 8000');
    expect(html).toContain('<h3 id="conversation-heading">留言</h3>');
    expect(html).toContain('请于明日上午带工资表到调度室 &lt;b&gt;南关区&lt;/b&gt;。');
    expect(html).toMatch(/<span class="who">接报部门<\/span>/);
    expect(html).not.toContain('张伟');
    // The message form posts to a URL without the phone; receipt and phone travel in hidden fields.
    expect(html).toContain('<form method="post" action="/status/messages" novalidate="" class="message-form">');
    expect(hidden(html, 'receipt')).toBe(report.receipt);
    expect(hidden(html, 'phone')).toBe('138 0013 8000');
    expect(hidden(html, 'nonce')).toMatch(/^[\w-]{16,64}$/);
    expect(html).toMatch(/<textarea id="f-message" name="text" rows="5" maxlength="1000"/);
  });

  it('records a posted message once (a resent form adds nothing) and shows it after the officer message', async () => {
    const page = await lookUp();
    const form = {
      receipt: report.receipt,
      phone: PHONE,
      nonce: hidden(page, 'nonce')!,
      text: '  工资表已准备好\u0007 <script>alert(1)</script>\u202E\r\n明早九点到。  ',
    };
    const res = await formPost('/status/messages', form);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('留言已发送');
    expect(html).toContain('工资表已准备好 &lt;script&gt;alert(1)&lt;/script&gt;\n明早九点到。');
    expect(html).not.toContain('<script>alert(1)');
    // In order: the office's message, then the reporter's.
    expect(html.indexOf('带工资表到调度室')).toBeLessThan(html.indexOf('工资表已准备好'));
    expect(html).toMatch(/<span class="who">您<\/span>/);
    // A fresh key for the next message.
    expect(hidden(html, 'nonce')).not.toBe(form.nonce);

    let rows = await messagesIn();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'reporter',
      actorId: null,
      data: { text: '工资表已准备好 <script>alert(1)</script>\n明早九点到。', channel: 'web' },
    });

    // The browser resends the same form (reload, double click): nothing new.
    expect((await formPost('/status/messages', form)).status).toBe(200);
    rows = await messagesIn();
    expect(rows).toHaveLength(1);
  });

  it('refuses a wrong phone, a wrong receipt and a cross-site post, and writes nothing', async () => {
    const before = (await messagesIn()).length;
    const wrongPhone = await formPost('/status/messages', {
      receipt: report.receipt,
      phone: '13900139000',
      text: '你好',
    });
    expect(wrongPhone.status).toBe(404);
    const html = await wrongPhone.text();
    expect(html).toContain('没有找到与回执号和联系电话相符的报告');
    expect(html).not.toContain('带工资表到调度室');
    expect((await formPost('/status/messages', { receipt: 'CC-2026-ZZZZZZ', phone: PHONE, text: '你好' })).status).toBe(
      404,
    );
    expect((await formPost('/status/messages', { receipt: report.receipt, text: '你好' })).status).toBe(404);
    const form = { receipt: report.receipt, phone: PHONE, text: '来自别的网站' };
    expect((await formPost('/status/messages', form, 'https://evil.example')).status).toBe(403);
    // No Origin, no Referer and no form token: refused too.
    expect((await formPost('/status/messages', form, null)).status).toBe(403);
    expect(await messagesIn()).toHaveLength(before);
  });

  it('answers an empty or too long message with a clear error, keeping what was typed, and writes nothing', async () => {
    const before = (await messagesIn()).length;
    const empty = await formPost('/status/messages', { receipt: report.receipt, phone: PHONE, text: ' \u0000\r\n ' });
    expect(empty.status).toBe(400);
    let html = await empty.text();
    expect(html).toContain('<p class="error" id="message-error">请填写留言内容后再发送。</p>');
    expect(html).toContain('aria-describedby="message-hint message-error" aria-invalid="true"');
    // The conversation is still there, and the form still carries receipt + phone.
    expect(html).toContain('带工资表到调度室');
    expect(hidden(html, 'phone')).toBe(PHONE);

    const long = `${'工资'.repeat(500)}<多一个字>`;
    const tooLong = await formPost('/status/messages?lang=en', { receipt: report.receipt, phone: PHONE, text: long });
    expect(tooLong.status).toBe(400);
    html = await tooLong.text();
    expect(html).toContain('The message can be at most 1000 characters; please shorten it.');
    expect(html).toContain(`${'工资'.repeat(500)}&lt;多一个字&gt;</textarea>`);
    expect(html).toContain('action="/status/messages?lang=en"');
    expect(await messagesIn()).toHaveLength(before);
  });
});

describe('the API: POST /api/reports/messages and the lookup', () => {
  it('records a message (once per Idempotency-Key) and answers with the timeline', async () => {
    const before = (await messagesIn()).length;
    const body = { receipt: report.receipt.toLowerCase(), phone: '+86 138 0013 8000', text: ' 已补发 10 月工资。 ' };
    const headers = { 'idempotency-key': 'msg-000000000001' };
    const first = await apiPost('/api/reports/messages', body, headers);
    expect(first.status).toBe(201);
    const view = (await first.json()) as { receipt: string; timeline: Timeline };
    expect(view.receipt).toBe(report.receipt);
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'message_in',
      data: { text: '已补发 10 月工资。', channel: 'web' },
    });
    const again = await apiPost('/api/reports/messages', body, headers);
    expect(again.status).toBe(200);
    expect(await messagesIn()).toHaveLength(before + 1);
    // Keys count per report: another reporter choosing the same key is not silenced.
    const other = await submitReport(f, host.deps.db, M05_ANSWERS);
    const otherPost = await apiPost('/api/reports/messages', { ...body, receipt: other.receipt }, headers);
    expect(otherPost.status).toBe(201);
    // Without a key every post is a new message.
    expect((await apiPost('/api/reports/messages', { ...body, text: '另：11 月工资下周发。' })).status).toBe(201);
    expect(await messagesIn()).toHaveLength(before + 2);
  });

  it('refuses a wrong phone (404), an empty text (400, in Chinese or English) and a foreign origin (403)', async () => {
    const before = (await messagesIn()).length;
    const wrong = await apiPost('/api/reports/messages', { receipt: report.receipt, phone: '13900139000', text: 'x' });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('report_not_found');
    const empty = await apiPost('/api/reports/messages', { receipt: report.receipt, phone: PHONE, text: '\u200B \n' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toContain('留言内容不能为空');
    const emptyEn = await apiPost(
      '/api/reports/messages',
      { receipt: report.receipt, phone: PHONE, text: '' },
      { 'accept-language': 'en' },
    );
    expect(((await emptyEn.json()) as { error: { message: string } }).error.message).toContain('the message is empty');
    const tooLong = await apiPost('/api/reports/messages', {
      receipt: report.receipt,
      phone: PHONE,
      text: 'x'.repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    const foreign = await apiPost(
      '/api/reports/messages',
      { receipt: report.receipt, phone: PHONE, text: '你好' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(await messagesIn()).toHaveLength(before);
  });

  it('the lookup lists message_out (from "接报部门", no officer name) and message_in', async () => {
    const res = await apiPost('/api/reports/lookup', { receipt: report.receipt, phone: PHONE });
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain('张伟');
    const { timeline } = JSON.parse(raw) as { timeline: Timeline };
    expect(timeline.find((e) => e.type === 'message_out')?.data).toEqual({ text: OFFICE_TEXT, by: '接报部门' });
    expect(timeline.filter((e) => e.type === 'message_in').map((e) => e.data?.text)).toEqual([
      '工资表已准备好 <script>alert(1)</script>\n明早九点到。',
      '已补发 10 月工资。',
      '另：11 月工资下周发。',
    ]);
    const en = await apiPost(
      '/api/reports/lookup',
      { receipt: report.receipt, phone: PHONE },
      { 'accept-language': 'en' },
    );
    const enView = (await en.json()) as { timeline: Timeline };
    expect(enView.timeline.find((e) => e.type === 'message_out')?.data).toEqual({
      text: OFFICE_TEXT,
      by: 'Receiving office',
    });
  });
});

describe("the officer's case page", () => {
  it("shows the reporter's messages in the timeline, escaped", async () => {
    const html = await (await zhang.get(`/console/cases/${report.reportId}`)).text();
    expect(html).toContain('报告人回复');
    expect(html).toContain('工资表已准备好 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('已补发 10 月工资。');
    expect(html.indexOf('带工资表到调度室')).toBeLessThan(html.indexOf('工资表已准备好'));
  });
});
