// The dispatcher against local robot endpoints: faults, retries, dead rows, concurrent dispatchers, a host
// restart, rate limits, urgent fan-out and the officers' outbox view. Time moves by the manual clock only.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { openLibsql } from '../../db/libsql';
import { notifyChannels, outbox } from '../../db/schema';
import { startNodeHost } from '../../functions/node';
import type { AppDeps } from '../../src/deps';
import { MAX_ATTEMPTS } from '../../src/notify/backoff';
import { dispatch, dispatchSoon } from '../../src/notify/dispatcher';
import { notifyRoutes } from '../../src/notify/routes';
import { insertChannel, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});
afterAll(tmp.cleanup);

async function setup() {
  const clock = manualClock();
  const file = join(tmp.dir, `${randomUUID()}.db`);
  const { deps, close } = await openDeps(file, clock.now);
  cleanups.push(close);
  return { clock, deps, file };
}

async function robot(kind: 'wecom' | 'dingtalk' | 'feishu', clock: { now: () => Date }): Promise<Robot> {
  const r = await startRobot(kind, clock.now);
  cleanups.push(r.close);
  return r;
}

const alerts = (db: Db) => db.select().from(outbox).where(eq(outbox.kind, 'report_alert')).orderBy(outbox.createdAt);
const wecomText = (r: Robot, i: number) =>
  (r.received[i]?.body.markdown as { content?: string } | undefined)?.content ?? '';
/** The report a delivered alert is about, read from its console link. */
const reportIdIn = (r: Robot, i: number) => /console\/cases\/([\w-]+)/.exec(JSON.stringify(r.received[i]?.body))?.[1];

describe('faults', () => {
  it('500 twice then 200: sent once, retried after 5 s and 30 s (manual clock)', async () => {
    const { clock, deps } = await setup();
    const wecom = await robot('wecom', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    wecom.script({ status: 500, body: { error: 'upstream' } }, { status: 502 });
    await insertReport(deps.db);

    await dispatch(deps);
    let [row] = await alerts(deps.db);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 500 {"error":"upstream"}' });
    // First retry after 5 s ± 20 %.
    const wait1 = row!.nextAttemptAt.getTime() - clock.now().getTime();
    expect(wait1).toBeGreaterThanOrEqual(4_000);
    expect(wait1).toBeLessThanOrEqual(6_000);

    clock.advance(wait1 - 1);
    expect(await dispatch(deps)).toMatchObject({ claimed: 0 });
    clock.advance(1);
    await dispatch(deps);
    [row] = await alerts(deps.db);
    expect(row).toMatchObject({ state: 'pending', attempts: 2, lastError: 'HTTP 502' });
    const wait2 = row!.nextAttemptAt.getTime() - clock.now().getTime();
    expect(wait2).toBeGreaterThanOrEqual(30_000 * 0.8);
    expect(wait2).toBeLessThanOrEqual(30_000 * 1.2);

    clock.set(row!.nextAttemptAt.toISOString());
    await dispatch(deps);
    [row] = await alerts(deps.db);
    expect(row).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(wecom.received).toHaveLength(3);
    clock.advance(3_600_000);
    await dispatch(deps);
    expect(wecom.received).toHaveLength(3);
  });

  it('429 with Retry-After: the next attempt is not before it, and the robot gets nothing until then', async () => {
    const { clock, deps } = await setup();
    const wecom = await robot('wecom', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    wecom.script({ status: 429, headers: { 'retry-after': '300' }, body: { errcode: 45009, errmsg: 'freq' } });
    await insertReport(deps.db);
    const t0 = clock.now().getTime();

    await dispatch(deps);
    const [row] = await alerts(deps.db);
    // "Too many requests" is not a failed attempt: the row waits exactly as long as the robot asked.
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    expect(row?.lastError).toMatch(/^HTTP 429/);
    expect(row!.nextAttemptAt.getTime()).toBe(t0 + 300_000);

    // A second report for the same robot inside the window is held back too (not a failed attempt).
    clock.advance(60_000);
    await insertReport(deps.db, { submittedAt: clock.now() });
    expect(await dispatch(deps)).toMatchObject({ deferred: 1, sent: 1 });
    expect(wecom.received).toHaveLength(1);
    const held = (await alerts(deps.db))[1];
    expect(held).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
    expect(held!.nextAttemptAt.getTime()).toBe(t0 + 300_000);

    clock.set(new Date(t0 + 299_999).toISOString());
    await dispatch(deps);
    expect(wecom.received).toHaveLength(1);
    clock.set(new Date(t0 + 300_000).toISOString());
    await dispatch(deps);
    expect(wecom.received).toHaveLength(3);
    expect((await alerts(deps.db)).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('endpoint down for all tries: dead after the 10th attempt, ~6 hours later, with the last error', async () => {
    const { clock, deps } = await setup();
    const dingtalk = await robot('dingtalk', clock);
    await insertChannel(deps.db, { type: 'dingtalk', target: dingtalk.url, secret: 'SECdown' });
    await dingtalk.down();
    await insertReport(deps.db);
    const t0 = clock.now().getTime();

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await dispatch(deps);
      const [row] = await alerts(deps.db);
      expect(row?.attempts).toBe(attempt);
      expect(row?.lastError).toBe('network: ECONNREFUSED');
      if (attempt < MAX_ATTEMPTS) {
        expect(result.retried).toBe(1);
        expect(row?.state).toBe('pending');
        clock.set(row!.nextAttemptAt.toISOString());
      } else {
        expect(result.dead).toBe(1);
        expect(row?.state).toBe('dead');
      }
    }
    const hours = (clock.now().getTime() - t0) / 3_600_000;
    expect(hours).toBeGreaterThan(6 * 0.8);
    expect(hours).toBeLessThan(6 * 1.2);
    clock.advance(24 * 3_600_000);
    await dingtalk.up();
    expect(await dispatch(deps)).toMatchObject({ claimed: 0 });
    expect(dingtalk.received).toHaveLength(0);
  });
});

describe('concurrency and restarts', () => {
  it('two dispatchers at once (same connection, and two connections to the file) never send a row twice', async () => {
    const { clock, deps, file } = await setup();
    const wecom = await robot('wecom', clock);
    const feishu = await robot('feishu', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    await insertChannel(deps.db, { type: 'feishu', target: feishu.url });
    for (let i = 0; i < 8; i++) await insertReport(deps.db);
    const other = await openLibsql(`file:${file}`);
    cleanups.push(other.close);
    const otherDeps: AppDeps = { ...deps, db: other.db };

    // Feishu allows 5 a second: a dispatcher waits for the next token by moving the manual clock.
    const sleep = async (ms: number) => clock.advance(ms);
    const opts = { limit: 3, sleep };
    await Promise.all([dispatch(deps, opts), dispatch(otherDeps, opts), dispatch(deps, opts)]);
    clock.advance(2_000);
    await Promise.all([dispatch(deps, opts), dispatch(otherDeps, opts)]);

    expect(wecom.received).toHaveLength(8);
    expect(feishu.received).toHaveLength(8);
    const wecomReports = wecom.received.map((_, i) => reportIdIn(wecom, i));
    expect(new Set(wecomReports).size).toBe(8);
    const feishuReports = feishu.received.map((_, i) => reportIdIn(feishu, i));
    expect(new Set(feishuReports).size).toBe(8);
    const rows = await alerts(deps.db);
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a report submitted while every channel is down is delivered after they return, across a host restart', async () => {
    const clock = manualClock();
    const file = join(tmp.dir, `${randomUUID()}.db`);
    // The DingTalk secret is stored in plain text (as before SECRETS_KEY): the restart seals it, and it still signs.
    const config = testConfig(file, {
      PUBLIC_URL: 'https://report.example.gov.cn',
      SECRETS_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    });
    const wecom = await robot('wecom', clock);
    const dingtalk = await robot('dingtalk', clock);

    let host = await startNodeHost(config, { clock: clock.now });
    await insertChannel(host.deps.db, { type: 'wecom', target: wecom.url });
    await insertChannel(host.deps.db, { type: 'dingtalk', target: dingtalk.url, secret: 'SECrestart' });
    await wecom.down();
    await dingtalk.down();
    const { reportId } = await insertReport(host.deps.db);
    await dispatchSoon(host.deps);
    const failed = await alerts(host.deps.db);
    expect(failed.map((r) => [r.state, r.attempts, r.lastError])).toEqual([
      ['pending', 1, 'network: ECONNREFUSED'],
      ['pending', 1, 'network: ECONNREFUSED'],
    ]);
    await host.stop();

    await wecom.up();
    await dingtalk.up();
    clock.advance(5 * 60_000);
    host = await startNodeHost(config, { clock: clock.now });
    cleanups.push(host.stop);
    const result = await dispatch(host.deps);
    expect(result).toMatchObject({ sent: 2, retried: 0 });
    expect(wecom.received).toHaveLength(1);
    expect(dingtalk.received).toHaveLength(1);
    expect(reportIdIn(wecom, 0)).toBe(reportId);
    const rows = await alerts(host.deps.db);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});

describe('rate limits', () => {
  it('30 alerts to one WeCom robot: never more than 20 in any 60 s, all delivered', async () => {
    const { clock, deps } = await setup();
    const wecom = await robot('wecom', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    for (let i = 0; i < 30; i++) await insertReport(deps.db);

    const first = await dispatch(deps);
    expect(first).toMatchObject({ fannedOut: 30, deferred: 10, retried: 0, dead: 0 });
    for (let step = 0; step < 60 && wecom.received.length < 30; step++) {
      clock.advance(5_000);
      await dispatch(deps);
    }
    expect(wecom.received).toHaveLength(30);
    const times = wecom.received.map((r) => r.at);
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(20);
    }
    const rows = await alerts(deps.db);
    // Held rows were rescheduled, not failed: every row went out on its first attempt.
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the limit holds across a restart: what was sent in the last minute is read back from the outbox', async () => {
    const { clock, deps, file } = await setup();
    const wecom = await robot('wecom', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    for (let i = 0; i < 20; i++) await insertReport(deps.db);
    await dispatch(deps);
    expect(wecom.received).toHaveLength(20);

    // A new instance (fresh in-memory buckets) ten seconds later, with new reports due at once.
    clock.advance(10_000);
    for (let i = 0; i < 5; i++) await insertReport(deps.db, { submittedAt: clock.now() });
    const fresh = await openLibsql(`file:${file}`);
    cleanups.push(fresh.close);
    expect(await dispatch({ ...deps, db: fresh.db })).toMatchObject({ fannedOut: 5, deferred: 5 });
    expect(wecom.received).toHaveLength(20);
    clock.advance(60_000);
    await dispatch({ ...deps, db: fresh.db });
    expect(wecom.received).toHaveLength(25);
  });
});

describe('fan-out', () => {
  it('urgent: the district and the city office channels, with the urgent first line; routine: the district only', async () => {
    const { clock, deps } = await setup();
    const district = await robot('wecom', clock);
    const city = await robot('feishu', clock);
    const elsewhere = await robot('dingtalk', clock);
    await insertChannel(deps.db, { type: 'wecom', target: district.url, jurisdictionId: '220102' });
    await insertChannel(deps.db, { type: 'feishu', target: city.url, jurisdictionId: null, name: '市三方办' });
    await insertChannel(deps.db, { type: 'dingtalk', target: elsewhere.url, jurisdictionId: '220103' });
    await insertChannel(deps.db, { type: 'wecom', target: district.url, jurisdictionId: '220102', enabled: false });

    await insertReport(deps.db, { urgent: true });
    await dispatch(deps);
    expect(district.received).toHaveLength(1);
    expect(city.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    const md = wecomText(district, 0);
    expect(md.split('\n')[0]).toBe('### 【紧急重大】劳动关系风险报告，请立即处置');
    const card = city.received[0]?.body.card as { header: { title: { content: string } } };
    expect(card.header.title.content).toMatch(/^【紧急重大】/);

    clock.advance(120_000);
    await insertReport(deps.db, { submittedAt: clock.now() });
    await dispatch(deps);
    expect(district.received).toHaveLength(2);
    expect(city.received).toHaveLength(1);
    const routine = wecomText(district, 1);
    expect(routine.split('\n')[0]).toBe('### 【监测预警】劳动关系风险报告');
  });

  it('no channel configured: the row waits with a visible error and goes out once a channel is added', async () => {
    const { clock, deps } = await setup();
    const { outboxId } = await insertReport(deps.db);
    await dispatch(deps);
    let [fan] = await deps.db.select().from(outbox).where(eq(outbox.id, outboxId));
    expect(fan).toMatchObject({ state: 'pending', attempts: 1 });
    expect(fan?.lastError).toBe('no enabled notification channel for jurisdiction 220102');

    const wecom = await robot('wecom', clock);
    await insertChannel(deps.db, { type: 'wecom', target: wecom.url });
    clock.set(fan!.nextAttemptAt.toISOString());
    await dispatch(deps);
    [fan] = await deps.db.select().from(outbox).where(eq(outbox.id, outboxId));
    expect(fan?.state).toBe('sent');
    expect(wecom.received).toHaveLength(1);
  });

  it('leaves rows of kinds it does not handle alone', async () => {
    const { clock, deps } = await setup();
    await deps.db.insert(outbox).values({
      id: 'o_bot_reply',
      kind: 'wechat_kf_message',
      payload: { chatId: 1, text: 'hi' },
      nextAttemptAt: clock.now(),
    });
    expect(await dispatch(deps)).toMatchObject({ claimed: 0 });
    const [row] = await deps.db.select().from(outbox).where(eq(outbox.id, 'o_bot_reply'));
    expect(row).toMatchObject({ state: 'pending', attempts: 0, leaseOwner: null });
  });
});

describe('officers’ outbox view', () => {
  it('lists rows by state with attempts, next attempt and last error', async () => {
    const { clock, deps } = await setup();
    const wecom = await robot('wecom', clock);
    const channel = await insertChannel(deps.db, { type: 'wecom', target: wecom.url, name: '南关区值班群' });
    await wecom.down();
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    const app = notifyRoutes(deps);

    const res = await app.request('/outbox?state=pending');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: Record<string, number>; rows: Record<string, unknown>[] };
    expect(body.counts).toEqual({ pending: 1, sent: 1, dead: 0 });
    const [alert] = await alerts(deps.db);
    expect(body.rows).toEqual([
      {
        id: alert?.id,
        kind: 'report_alert',
        reportId,
        channel: { id: channel.id, name: '南关区值班群', type: 'wecom' },
        state: 'pending',
        attempts: 1,
        nextAttemptAt: alert?.nextAttemptAt.toISOString(),
        lastError: 'network: ECONNREFUSED',
        sending: false,
        createdAt: clock.now().toISOString(),
        sentAt: null,
      },
    ]);

    await deps.db.update(notifyChannels).set({ enabled: false }).where(eq(notifyChannels.id, channel.id));
    clock.set(alert!.nextAttemptAt.toISOString());
    await dispatch(deps);
    const dead = (await (await app.request('/outbox?state=dead')).json()) as { rows: { lastError: string }[] };
    expect(dead.rows.map((r) => r.lastError)).toEqual(['channel 南关区值班群 is disabled']);

    const bad = await app.request('/outbox?state=lost');
    expect(bad.status).toBe(400);
  });
});
