// The WeChat Official Account channel inside workerd on D1: safe-mode pushes built by the platform stand-in
// (wechat-fake.ts, in the Vitest process), replies opened and checked by it, and customer-service messages
// sent to it by the cron tick's dispatcher.
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../functions/worker';
import { fieldById, type IntakeState, optionsOf } from '../../src/intake/index';
import { M05_ANSWERS } from '../support/conversation';
import type { PushMessage, SentMessage, Tamper } from '../support/wechat-platform';
import { WECHAT_FAKE_ROOT } from './wechat-fake';

let createTime = Math.floor(Date.now() / 1000) - 120;

async function post(openid: string, m: PushMessage, tamper?: Tamper): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const built = (await (
    await fetch(`${WECHAT_FAKE_ROOT}/__push`, {
      method: 'POST',
      body: JSON.stringify({ openid, message: m, now, tamper }),
    })
  ).json()) as { query: string; body: string };
  // Through the worker with an execution context that is waited on: the dispatch a submit starts after its
  // answer has finished before the test goes on, so it cannot hold a row the cron tick below should send.
  const execution = createExecutionContext();
  const res = await worker.fetch(
    new Request(`http://x/wechat?${built.query}`, { method: 'POST', body: built.body }) as Parameters<
      typeof worker.fetch
    >[0],
    env,
    execution,
  );
  await waitOnExecutionContext(execution);
  return res;
}

async function replyText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const opened = await fetch(`${WECHAT_FAKE_ROOT}/__reply`, { method: 'POST', body: await res.text() });
  return ((await opened.json()) as { text: string | null }).text ?? '';
}

const say = async (openid: string, content: string) => replyText(await post(openid, { type: 'text', content }));

async function ctx() {
  const rows = await env.DB.prepare('SELECT id, name_zh, name_en FROM jurisdictions ORDER BY sort').all<{
    id: string;
    name_zh: string;
    name_en: string;
  }>();
  return { jurisdictions: rows.results.map((j) => ({ id: j.id, name: { zh: j.name_zh, en: j.name_en } })) };
}

async function draftOf(openid: string) {
  const row = await env.DB.prepare('SELECT state, version FROM intake_drafts WHERE chat_key = ?')
    .bind(`wx:${openid}`)
    .first<{ state: string; version: number }>();
  return row ? { version: row.version, state: JSON.parse(row.state) as IntakeState } : undefined;
}

async function typed(state: IntakeState): Promise<string[]> {
  if (state.current === 'review') return ['提交'];
  if (state.pendingWarning) return ['确认'];
  const field = fieldById(state.current)!;
  const value = M05_ANSWERS[field.id];
  if (value === undefined) return ['跳过'];
  const options = optionsOf(field, await ctx());
  const n = (v: unknown) => String(options.findIndex((o) => o.value === v) + 1);
  if (field.kind === 'choice') return [n(value)];
  if (field.kind === 'multi') return [(value as string[]).map(n).join('，'), '完成'];
  if (field.kind === 'boolean') return [value === true || value === '是' ? '1' : '2'];
  return [String(value)];
}

async function cronTick() {
  const c = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: '* * * * *' }), env, c);
  await waitOnExecutionContext(c);
}

describe('WeChat Official Account through the worker (workerd, D1, safe mode)', () => {
  it('verifies the server address and refuses a replayed timestamp', async () => {
    const res = await post(
      'o_w_refused',
      { type: 'text', content: '我要报告' },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(res.status).toBe(403);
    const wrongApp = await post('o_w_refused', { type: 'text', content: '我要报告' }, { appId: 'wx0000000000000000' });
    expect(wrongApp.status).toBe(403);
    expect(await draftOf('o_w_refused')).toBeUndefined();
  });

  it('files a whole report; a retried push answers the same and advances once; 查询 is the reporter’s own', async () => {
    const openid = 'o_workers_li';
    expect(
      await replyText(await post(openid, { type: 'event', event: 'subscribe', createTime: createTime++ })),
    ).toMatch(/我要报告/);
    expect(await say(openid, '我要报告')).toMatch(/用人单位/);
    // The first answer, delivered three times at once.
    const body = {
      openid,
      message: { type: 'text', content: String(M05_ANSWERS.unit_name), msgId: '7200000000000000001' },
      now: Math.floor(Date.now() / 1000),
    };
    const built = (await (
      await fetch(`${WECHAT_FAKE_ROOT}/__push`, { method: 'POST', body: JSON.stringify(body) })
    ).json()) as {
      query: string;
      body: string;
    };
    const before = await draftOf(openid);
    const copies = await Promise.all(
      [0, 1, 2].map(() => SELF.fetch(`http://x/wechat?${built.query}`, { method: 'POST', body: built.body })),
    );
    const texts = await Promise.all(copies.map(replyText));
    expect(new Set(texts).size).toBe(1);
    expect((await draftOf(openid))!.version).toBe(before!.version + 1);

    let last = '';
    for (let i = 0; i < 80; i++) {
      const draft = await draftOf(openid);
      if (!draft) break;
      for (const text of await typed(draft.state)) last = await say(openid, text);
    }
    expect(last).toMatch(/报告已提交/);
    const receipt = /回执号：(CC-\d{4}-[0-9A-Z]{6})/.exec(last)![1]!;
    const row = await env.DB.prepare('SELECT id, channel, reporter_chat FROM reports WHERE receipt = ?')
      .bind(receipt)
      .first<{ id: string; channel: string; reporter_chat: string }>();
    expect(row).toMatchObject({ channel: 'wechat', reporter_chat: `wx:${openid}` });
    expect(await say(openid, `查询 ${receipt}`)).toMatch(/处理进度/);
    expect(await say('o_workers_other', `查询 ${receipt}`)).toMatch(/没有找到/);

    // A message for the reporter in the outbox goes out as a customer-service message on the cron tick.
    await env.DB.prepare(
      `INSERT INTO outbox (id, kind, report_id, payload, dedupe_key, next_attempt_at, created_at)
       VALUES ('o_wx_workers', 'wechat_message', ?, ?, 'o_wx_workers', ?, ?)`,
    )
      .bind(row!.id, JSON.stringify({ openid, text: '接报部门：已收到，请保持电话畅通。' }), Date.now(), Date.now())
      .run();
    await cronTick();
    const sent = (await (await fetch(`${WECHAT_FAKE_ROOT}/__sent`)).json()) as SentMessage[];
    expect(sent.filter((m) => m.touser === openid).map((m) => m.content)).toContain(
      '接报部门：已收到，请保持电话畅通。',
    );
    const state = await env.DB.prepare("SELECT state FROM outbox WHERE id = 'o_wx_workers'").first<{ state: string }>();
    expect(state?.state).toBe('sent');
  }, 30_000); // a whole conversation: ~40 pushes, each a round trip to the stand-in
});
