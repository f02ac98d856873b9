// ARCHITECTURE.md § One read, one batch, as a number: a turn is one read and one write batch, a submit one
// read and one batch.
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibsql } from '../../db/libsql';
import * as schema from '../../db/schema';
import { createApp } from '../../src/app';
import { type AppDeps, cryptoRandom } from '../../src/deps';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';
import { countingClient } from '../support/counting-client';
import { startFakeBotApi } from '../support/fake-bot-api';
import { tgUpdate } from '../support/telegram';
import { WechatPlatform } from '../support/wechat-platform';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
let close: () => void;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;
let counter: ReturnType<typeof countingClient>;
/** A Bot API stand-in on loopback for the bot's replies. */
let botApi: Awaited<ReturnType<typeof startFakeBotApi>>;
const clock = manualClock();
/** The WeChat account here runs in plain mode (明文模式): no EncodingAESKey. */
const wechat = new WechatPlatform({
  token: 'roundTrips1',
  appId: 'wx00000000000000aa',
  appSecret: 'roundtripssecret00',
});
/** Work handed to `defer` (the dispatcher kicked after a submit): not the request's own round trips. */
const deferred: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  botApi = await startFakeBotApi();
  const config = testConfig(join(tmp.dir, 'rt.db'), {
    TELEGRAM_BOT_TOKEN: '123456:ROUND-trips',
    TELEGRAM_WEBHOOK_SECRET: 'rt-secret',
    TELEGRAM_API_ROOT: botApi.root,
    WECHAT_TOKEN: wechat.o.token,
    WECHAT_APPID: wechat.o.appId,
    WECHAT_APPSECRET: wechat.o.appSecret,
  });
  const opened = await openLibsql(config.LIBSQL_URL);
  close = opened.close;
  counter = countingClient(opened.client);
  const db = drizzle(counter.proxy, { schema });
  deps = { db, config, clock: clock.now, random: cryptoRandom, defer: (work) => void deferred.push(work) };
  app = createApp(deps);
});
afterAll(() => {
  botApi.close();
  close();
  tmp.cleanup();
});

describe('database round trips', () => {
  it("a fresh instance's first draft waits for one round trip: the jurisdiction read beside the draft's batch", async () => {
    // A new app is a fresh Worker isolate: nothing cached yet.
    const fresh = createApp(deps);
    const start = (body: unknown) =>
      fresh.request('/api/drafts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.7' },
        body: JSON.stringify(body),
      });
    counter.reset();
    expect((await start({})).status).toBe(201);
    // The jurisdiction read, and the batch of the draft's insert with the rate limit's slot, in flight together.
    expect([...counter.calls].sort()).toEqual(['batch', 'execute']);
    expect(counter.waits).toBe(1);
    // The next draft on the same instance finds the jurisdictions cached.
    counter.reset();
    expect((await start({})).status).toBe(201);
    expect(counter.calls).toEqual(['batch']);
    // A preset district is checked against the jurisdictions before the state is built: still cached here.
    counter.reset();
    expect((await start({ jurisdiction: '220104' })).status).toBe(201);
    expect(counter.calls).toEqual(['batch']);
  });

  it('are at most 2 per turn (read + batch) and 2 per submit (read + one batch)', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
        body: JSON.stringify(body),
      });
    const started = (await (await post('/api/drafts', {})).json()) as {
      draftId: string;
      token: string;
      reply: ReplyLike;
    };
    let reply = started.reply;
    const perTurn: string[][] = [];
    while (reply.kind !== 'review') {
      counter.reset();
      const res = await post(
        `/api/drafts/${started.draftId}/turns`,
        { input: inputFor(reply, M05_ANSWERS) },
        started.token,
      );
      expect(res.status).toBe(200);
      reply = ((await res.json()) as { reply: ReplyLike }).reply;
      perTurn.push([...counter.calls]);
    }
    expect(perTurn.length).toBeGreaterThan(10);
    for (const calls of perTurn) expect(calls).toEqual(['execute', 'batch']);
    expect(deferred).toHaveLength(0);

    counter.reset();
    const res = await post(`/api/drafts/${started.draftId}/submit`, {}, started.token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { receipt?: string }).receipt).toBeTruthy();
    // The submit's read and batch; after them, the request only hands the outbox's first try to `defer`
    // (the dispatcher's statements follow on the same connection and are not the request's).
    expect(counter.calls.slice(0, 2)).toEqual(['execute', 'batch']);
    expect(deferred).toHaveLength(1);
    await Promise.all(deferred.splice(0).map((work) => work()));
  });

  it('a re-asked question (invalid answer) costs one read and no write', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
        body: JSON.stringify(body),
      });
    const started = (await (await post('/api/drafts', {})).json()) as { draftId: string; token: string };
    counter.reset();
    const res = await post(
      `/api/drafts/${started.draftId}/turns`,
      { input: { type: 'answer', value: '   ' } },
      started.token,
    );
    expect(((await res.json()) as { reply: ReplyLike }).reply.error).toBeTruthy();
    expect(counter.calls).toEqual(['execute']);
  });

  it('a Telegram answer through the webhook is one read (the draft of the chat), one batch and the reply marked sent', async () => {
    const webhook = (update: unknown) =>
      app.request('/telegram/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'rt-secret' },
        body: JSON.stringify(update),
      });
    expect((await webhook(tgUpdate.text(1, 4242, '/start'))).status).toBe(200);
    counter.reset();
    expect((await webhook(tgUpdate.text(2, 4242, '长春市示例机械制造有限公司'))).status).toBe(200);
    // The reply's outbox row is in the turn's batch; marking it sent after the Bot API call is the one more.
    expect(counter.calls).toEqual(['execute', 'batch', 'execute']);
  });

  it('a WeChat answer is one read batch (push key + draft) and one write batch; its retry only the read', async () => {
    const push = async (content: string, msgId: string) => {
      const built = wechat.push(
        'o_round_trips',
        { type: 'text', content, msgId },
        Math.floor(clock.now().getTime() / 1000),
      );
      const res = await app.request(`/wechat?${built.query}`, { method: 'POST', body: built.body });
      expect(res.status).toBe(200);
      return wechat.replyText(await res.text());
    };
    expect(await push('我要报告', '1001')).toMatch(/用人单位/);
    counter.reset();
    const first = await push('长春市示例机械制造有限公司', '1002');
    expect(counter.calls).toEqual(['batch', 'batch']);
    counter.reset();
    expect(await push('长春市示例机械制造有限公司', '1002')).toBe(first);
    expect(counter.calls).toEqual(['batch']);
  });
});
