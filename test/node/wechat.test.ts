// The WeChat Official Account channel on the Node host, driven by the platform stand-in in
// test/support/wechat-platform.ts: safe-mode pushes (signed, encrypted), passive replies opened and checked
// the platform's way, the token and customer-service endpoints served on a local port.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, intakeDrafts, outbox, reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { fieldById, migrateState, optionsOf } from '../../src/intake/index';
import { dispatch } from '../../src/notify/dispatcher';
import { M05_ANSWERS } from '../support/conversation';
import { type PushMessage, type Tamper, WechatPlatform } from '../support/wechat-platform';
import { createOfficer, fetcherFor, signIn } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir('labor-risk-wechat-');
const dbFile = join(tmp.dir, 'app.db');
const clock = manualClock('2026-11-25T02:00:00.000Z');
const platform = new WechatPlatform({
  token: 'wxTestToken123',
  appId: 'wx0123456789abcdef',
  appSecret: '0123456789abcdef0123456789abcdef',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
});
let api: ReturnType<typeof serve>;
let host: NodeHost;
let config: ReturnType<typeof testConfig>;

const background = new Set<Promise<unknown>>();
/** Waits for the work the host started after its responses (the dispatcher's first try). */
async function settle() {
  while (background.size > 0) await Promise.allSettled([...background]);
}

async function startHost() {
  host = await startNodeHost(config, {
    clock: clock.now,
    defer: (work) => {
      const p = Promise.resolve()
        .then(work)
        .finally(() => background.delete(p));
      background.add(p);
    },
  });
}

beforeAll(async () => {
  api = serve({ fetch: platform.handle, port: 0, hostname: '127.0.0.1' });
  await new Promise((ok) => api.once('listening', ok));
  const port = (api.address() as AddressInfo).port;
  config = testConfig(dbFile, {
    WECHAT_TOKEN: platform.o.token,
    WECHAT_APPID: platform.o.appId,
    WECHAT_APPSECRET: platform.o.appSecret,
    WECHAT_ENCODING_AES_KEY: platform.o.encodingAesKey!,
    WECHAT_API_ROOT: `http://127.0.0.1:${port}`,
    PUBLIC_URL: 'https://report.example.gov.cn',
  });
  await startHost();
});
afterAll(async () => {
  await host?.stop();
  await new Promise((ok) => api.close(ok));
  tmp.cleanup();
});

const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

async function post(openid: string, m: PushMessage, tamper: Tamper = {}) {
  const built = platform.push(openid, m, nowSeconds(), tamper);
  return fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body });
}

/** Sends a text (or another push) and returns the passive reply's text. */
async function say(openid: string, m: PushMessage | string): Promise<string> {
  // A person types for a few seconds between messages (events are told apart by user and CreateTime).
  clock.advance(3_000);
  const res = await post(openid, typeof m === 'string' ? { type: 'text', content: m } : m);
  expect(res.status).toBe(200);
  return platform.replyText(await res.text()) ?? '';
}

const draftOf = async (openid: string) => {
  const [row] = await host.deps.db
    .select()
    .from(intakeDrafts)
    .where(eq(intakeDrafts.chatKey, `wx:${openid}`));
  return row ? { row, state: migrateState(row.state) } : undefined;
};

async function ctx() {
  const rows = await host.deps.db.query.jurisdictions.findMany();
  return { jurisdictions: rows.map((j) => ({ id: j.id, name: { zh: j.nameZh, en: j.nameEn } })) };
}

/** What a person types for the question the draft is at: numbers for choices, "完成" after a multi-choice. */
async function answersFor(openid: string, answers: Record<string, unknown>): Promise<string[]> {
  const draft = await draftOf(openid);
  if (!draft) throw new Error('no draft');
  const { state } = draft;
  if (state.current === 'review') return ['提交'];
  if (state.pendingWarning) return ['确认'];
  const field = fieldById(state.current)!;
  const value = answers[field.id];
  if (value === undefined) return ['跳过'];
  const options = optionsOf(field, await ctx());
  const number = (v: unknown) => String(options.findIndex((o) => o.value === v) + 1);
  if (field.kind === 'choice') return [number(value)];
  if (field.kind === 'multi') return [(value as string[]).map(number).join(' '), '完成'];
  if (field.kind === 'boolean') return [value === true || value === '是' ? '1' : '2'];
  return [String(value)];
}

/** Answers every question from the table until the report is submitted; returns the last reply. */
async function fileReport(openid: string, answers: Record<string, unknown>, stopAfter = Number.POSITIVE_INFINITY) {
  let reply = '';
  for (let i = 0; i < 80 && i < stopAfter; i++) {
    const draft = await draftOf(openid);
    if (!draft) return reply;
    for (const text of await answersFor(openid, answers)) reply = await say(openid, text);
  }
  return reply;
}

const receiptOf = (text: string) => /回执号：(CC-\d{4}-[0-9A-Z]{6})/.exec(text)?.[1];
const inboundCount = async () => (await host.deps.db.select({ n: count() }).from(inboundEvents))[0]!.n;

describe('WeChat server address: verification and refusals', () => {
  it('answers the URL verification with echostr, and refuses a wrong signature', async () => {
    const ok = await fetch(`${host.url}/wechat?${platform.verification(nowSeconds(), 'echo_8842')}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('echo_8842');
    const bad = await fetch(
      `${host.url}/wechat?signature=${'0'.repeat(40)}&timestamp=${nowSeconds()}&nonce=1&echostr=x`,
    );
    expect(bad.status).toBe(403);
  });

  it('refuses bad pushes in Chinese and records nothing', async () => {
    const before = await inboundCount();
    const cases: [Tamper | 'big', number, RegExp][] = [
      [{ badSignature: true }, 403, /签名不正确/],
      [{ badMsgSignature: true }, 403, /消息签名不正确/],
      [{ timestamp: nowSeconds() - 301 }, 403, /5 分钟/],
      [{ appId: 'wxfedcba9876543210' }, 403, /AppID/],
      [{ rawXml: '<xml><ToUserName>gh</ToUserName><FromUserName>o' }, 400, /XML 格式不正确/],
      [{ rawXml: '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><Content>&a;</Content></xml>' }, 400, /XML 格式不正确/],
      [{ rawXml: '<xml><ToUserName>gh</ToUserName></xml>' }, 400, /缺少必需的字段/],
      [{ openidParam: 'o_someone_else' }, 400, /openid/],
    ];
    for (const [tamper, status, message] of cases) {
      const res = await post('o_refused', { type: 'text', content: '我要报告' }, tamper === 'big' ? {} : tamper);
      expect(res.status, JSON.stringify(tamper)).toBe(status);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(message);
    }
    const big = platform.push('o_refused', { type: 'text', content: '长'.repeat(30_000) }, nowSeconds());
    const res = await fetch(`${host.url}/wechat?${big.query}`, { method: 'POST', body: big.body });
    expect(res.status).toBe(413);
    expect(await inboundCount()).toBe(before);
    expect(await draftOf('o_refused')).toBeUndefined();
  });
});

describe('a report by WeChat (safe mode)', () => {
  const openid = 'o_li_mei_0001';
  let receipt: string;

  it('greets a new follower and tells non-text messages to send text', async () => {
    expect(await say(openid, { type: 'event', event: 'subscribe' })).toMatch(/我要报告/);
    expect(await say(openid, { type: 'image' })).toMatch(/请发送文字/);
  });

  it('starts from the menu, survives a restart, takes numbers and "完成", and gives the receipt', async () => {
    const first = await say(openid, { type: 'event', event: 'CLICK', eventKey: 'REPORT' });
    expect(first).toMatch(/用人单位/);
    // A few questions, then the host restarts: the draft is in the database.
    await fileReport(openid, M05_ANSWERS, 4);
    const before = await draftOf(openid);
    await host.stop();
    await startHost();
    expect((await draftOf(openid))?.row.version).toBe(before?.row.version);
    // Emoji and control characters in an answer: the control characters are dropped, the question asked again
    // when the answer cannot be read.
    const draft = await draftOf(openid);
    const field = fieldById(draft!.state.current)!;
    expect(field.kind).toBe('integer');
    expect(await say(openid, '😀\u0007')).toMatch(/⚠️/);
    const last = await fileReport(openid, M05_ANSWERS);
    expect(last).toMatch(/报告已提交/);
    expect(last).toMatch(/接报部门：/);
    receipt = receiptOf(last)!;
    expect(receipt).toBeDefined();
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, receipt));
    expect(row).toMatchObject({ channel: 'wechat', reporterChat: `wx:${openid}`, unitName: M05_ANSWERS.unit_name });
    expect(row!.items).toEqual(['M05']);
  });

  it('answers 查询 for the reporter, and "not found" for anyone else', async () => {
    expect(await say(openid, `查询 ${receipt}`)).toMatch(new RegExp(`回执号：${receipt}[\\s\\S]*处理进度`));
    expect(await say('o_stranger', `查询 ${receipt}`)).toMatch(/没有找到/);
    expect(await say('o_stranger', '查询')).toMatch(/例如/);
  });

  it('a report on the same employer joins the open case: the receipt reply names it, a retried push too', async () => {
    const who = 'o_same_employer';
    await say(who, '我要报告');
    for (let i = 0; i < 80; i++) {
      const draft = await draftOf(who);
      if (draft?.state.current === 'review' && !draft.state.pendingWarning) break;
      for (const text of await answersFor(who, M05_ANSWERS)) await say(who, text);
    }
    clock.advance(3_000);
    const built = platform.push(who, { type: 'text', content: '提交', msgId: '6100000000000000777' }, nowSeconds());
    const send = async () =>
      platform.replyText(
        await (await fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body })).text(),
      );
    const reply = await send();
    expect(reply).toContain(`本报告已作为续报并入该单位正在办理的案件（回执号 ${receipt}），已通知承办部门。`);
    const own = receiptOf(reply ?? '')!;
    expect(own).not.toBe(receipt);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, own));
    const [joinedCase] = await host.deps.db.select().from(reports).where(eq(reports.receipt, receipt));
    expect(row?.caseId).toBe(joinedCase?.id);
    // WeChat pushes again when it has no answer in 5 s: the stored reply names the case too.
    expect(await send()).toBe(reply);
  });

  it('a push retried three times at once advances the draft once and gets the same reply', async () => {
    const who = 'o_retry_0002';
    await say(who, '我要报告');
    const before = await draftOf(who);
    const built = platform.push(
      who,
      { type: 'text', content: String(M05_ANSWERS.unit_name), msgId: '6100000000000000001' },
      nowSeconds(),
    );
    const replies = await Promise.all(
      [0, 1, 2].map(() => fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body })),
    );
    const texts = await Promise.all(replies.map(async (r) => platform.replyText(await r.text())));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(texts).size).toBe(1);
    const after = await draftOf(who);
    expect(after!.row.version).toBe(before!.row.version + 1);
    expect(after!.state.answers.unit_name).toBe(M05_ANSWERS.unit_name);
    // A fourth, later copy: the stored reply again, nothing changes.
    const again = await fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body });
    expect(platform.replyText(await again.text())).toBe(texts[0]);
    expect((await draftOf(who))!.row.version).toBe(after!.row.version);
  });

  it('an event retried (same user and CreateTime) answers the same and starts one draft', async () => {
    const who = 'o_retry_event';
    const built = platform.push(
      who,
      { type: 'event', event: 'CLICK', eventKey: 'REPORT', createTime: nowSeconds() },
      nowSeconds(),
    );
    const texts = await Promise.all(
      [0, 1, 2].map(async () =>
        platform.replyText(
          await (await fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body })).text(),
        ),
      ),
    );
    expect(new Set(texts).size).toBe(1);
    const drafts = await host.deps.db
      .select()
      .from(intakeDrafts)
      .where(eq(intakeDrafts.chatKey, `wx:${who}`));
    expect(drafts).toHaveLength(1);
  });

  it('officer ↔ reporter: customer-service messages out, WeChat replies onto the timeline; 45015 → call', async () => {
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, receipt));
    const f = fetcherFor(host.url);
    await createOfficer(host.deps.db, {
      username: 'wang',
      password: 'correct horse battery staple',
      role: 'district_officer',
      jurisdictionId: row!.jurisdictionId,
      displayName: '王芳',
    });
    const officer = await signIn(f, 'wang', 'correct horse battery staple');
    // The token is invalidated elsewhere once: fetched again, the message still goes.
    platform.invalidateTokenOnce = true;
    expect(
      (await officer.post(`/console/cases/${row!.id}/messages`, { text: '请于明日带工资表到调解室。' })).status,
    ).toBe(303);
    await settle();
    const out = platform.sent.filter((m) => m.touser === openid);
    expect(out).toHaveLength(1);
    expect(out[0]!.content).toContain(receipt);
    expect(out[0]!.content).toContain('请于明日带工资表到调解室。');
    expect(platform.tokenRequests.length).toBeGreaterThanOrEqual(2);

    // The reporter answers in WeChat: a message on the case timeline, once even if the push is retried.
    const built = platform.push(
      openid,
      { type: 'text', content: '好的，明天上午到。', msgId: '6100000000000000099' },
      nowSeconds(),
    );
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${host.url}/wechat?${built.query}`, { method: 'POST', body: built.body });
      expect(platform.replyText(await res.text())).toMatch(/已转交接报部门/);
    }
    const inbound = await host.deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, row!.id), eq(reportEvents.type, 'message_in')));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.data).toMatchObject({ text: '好的，明天上午到。', channel: 'wechat' });

    // Outside the 48-hour window: not retried, the case page says to call the reporter.
    platform.outsideWindow.add(openid);
    await officer.post(`/console/cases/${row!.id}/messages`, { text: '第二条消息' });
    await settle();
    const rows = await host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, row!.id), eq(outbox.kind, 'wechat_message')));
    expect(rows.map((r) => r.state).sort()).toEqual(['dead', 'sent']);
    clock.advance(3_600_000);
    const sentBefore = platform.sent.length;
    await dispatch(host.deps);
    expect(platform.sent.length).toBe(sentBefore);
    const page = await (await officer.get(`/console/cases/${row!.id}`)).text();
    expect(page).toContain('请致电报告人');
    platform.outsideWindow.delete(openid);
  });
});
