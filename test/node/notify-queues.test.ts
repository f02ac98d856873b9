// The outbox as queues: urgent rows first, one lane per destination (a hanging robot holds up nobody else),
// a Telegram group at its 20 a minute, the Node host's timer for the next due row, and reporters' messages
// coalesced. Real components: embedded libSQL, loopback robots and a loopback Bot API; time moves by the
// manual clock only.
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordReporterReply } from '../../db/repo/reporter-messages';
import { outbox } from '../../db/schema';
import { startNodeHost } from '../../functions/node';
import { dispatch, dispatchSoon } from '../../src/notify/dispatcher';
import type { Timers } from '../../src/notify/scheduler';
import { startBotApiRecorder, telegramGroupLimits } from '../support/bot-api-recorder';
import { waitFor } from './bot-helpers';
import { insertChannel, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { startRobot } from './notify-robots';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});
afterAll(tmp.cleanup);

const GROUP = '-1001234567890';

async function setup(env: Record<string, string> = {}) {
  const clock = manualClock();
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, env);
  cleanups.push(close);
  return { clock, deps };
}

/** A report's id from a delivered robot message (its console link). */
const reportIn = (body: unknown) => /console\/cases\/([\w-]+)/.exec(JSON.stringify(body))?.[1];

describe('priority', () => {
  it('an urgent report overtakes 500 pending routine ones, also when the robot is out of tokens', async () => {
    const { clock, deps } = await setup();
    const district = await startRobot('wecom', clock.now);
    cleanups.push(district.close);
    await insertChannel(deps.db, { type: 'wecom', target: district.url });
    for (let i = 0; i < 500; i++) await insertReport(deps.db);
    clock.advance(1_000);
    const first = await insertReport(deps.db, { urgent: true, submittedAt: clock.now() });
    const sleep = async (ms: number) => clock.advance(ms);

    await dispatch(deps, { sleep });
    // The robot takes 20 a minute: the urgent report is the first of them, though it came last.
    expect(district.received).toHaveLength(20);
    expect(reportIn(district.received[0]?.body)).toBe(first.reportId);

    // The robot is out of tokens for a minute; another urgent report arrives behind 480 held routine rows.
    clock.advance(5_000);
    const second = await insertReport(deps.db, { urgent: true, submittedAt: clock.now() });
    const held = await dispatch(deps, { sleep });
    expect(held.sent).toBe(1); // the fan-out only
    expect(district.received).toHaveLength(20);
    // When the first token comes back, it is the urgent report's.
    clock.set(held.nextDueAt!.toISOString());
    await dispatch(deps, { sleep });
    expect(district.received.length).toBeGreaterThan(20);
    expect(reportIn(district.received[20]?.body)).toBe(second.reportId);
    const urgentRows = await deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, second.reportId), eq(outbox.kind, 'report_alert')));
    expect(urgentRows.map((r) => [r.state, r.priority, r.attempts])).toEqual([['sent', 0, 1]]);
  });
});

describe('one lane per destination', () => {
  it('a hanging robot does not delay another destination, even one that waits for its rate-limit tokens', async () => {
    const clock = manualClock();
    const api = await startBotApiRecorder(clock.now);
    cleanups.push(api.close);
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
      TELEGRAM_BOT_TOKEN: '123456:lanes',
      TELEGRAM_API_ROOT: api.root,
    });
    cleanups.push(close);
    // A robot that accepts the request and never answers (until the test lets it go).
    const hanging: ServerResponse[] = [];
    let released = false;
    const OK = JSON.stringify({ errcode: 0, errmsg: 'ok' });
    const hang = createServer((req, res) => {
      req.resume();
      hanging.push(res);
      if (released) res.end(OK);
    });
    await new Promise<void>((ok) => hang.listen(0, '127.0.0.1', ok));
    cleanups.push(
      () =>
        new Promise<void>((ok) => {
          hang.closeAllConnections();
          hang.close(() => ok());
        }),
    );
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/cgi-bin/webhook/send?key=hang`;
    await insertChannel(deps.db, { type: 'wecom', target: url, name: 'hanging robot' });
    await insertChannel(deps.db, { type: 'telegram', target: GROUP, name: 'district group' });
    for (let i = 0; i < 3; i++) await insertReport(deps.db);

    // The group's lane waits a second between messages (Telegram's per-chat limit) by the manual clock.
    const running = dispatch(deps, { sleep: async (ms) => clock.advance(ms) });
    await waitFor(() => (api.accepted.length === 3 ? true : undefined), 'three messages in the group');
    // All three reached the group while the hanging robot still holds its first request.
    expect(hanging).toHaveLength(1);
    const times = api.accepted.map((c) => c.at);
    expect(times[2]! - times[0]!).toBe(2 * 1_050);

    // Once it answers, its own rows go out after it.
    released = true;
    for (const res of hanging) res.end(OK);
    const result = await running;
    expect(hanging).toHaveLength(3);
    expect(result).toMatchObject({ sent: 9, retried: 0, dead: 0 });
  });

  it('a failing robot: its other rows wait for the first retry (5 s) and the other destination is served', async () => {
    const { clock, deps } = await setup();
    const down = await startRobot('dingtalk', clock.now);
    const up = await startRobot('feishu', clock.now);
    cleanups.push(down.close, up.close);
    await insertChannel(deps.db, { type: 'dingtalk', target: down.url, secret: 'SECdown' });
    await insertChannel(deps.db, { type: 'feishu', target: up.url });
    await down.down();
    for (let i = 0; i < 4; i++) await insertReport(deps.db);

    const result = await dispatch(deps, { sleep: async (ms) => clock.advance(ms) });
    expect(up.received).toHaveLength(4);
    // One attempt against the dead robot, not four timeouts in a row; the three behind are not charged.
    expect(result).toMatchObject({ retried: 1, deferred: 3 });
    const rows = await deps.db.select().from(outbox).where(eq(outbox.kind, 'report_alert'));
    const pending = rows.filter((r) => r.state === 'pending');
    expect(pending.map((r) => r.attempts).sort()).toEqual([0, 0, 0, 1]);
    await down.up();
    clock.advance(6_000);
    await dispatch(deps);
    expect(down.received).toHaveLength(4);
  });
});

describe('Telegram group throughput', () => {
  it('drains 60 alerts at 20 a minute against Telegram’s own limits, without a single 429', async () => {
    const clock = manualClock();
    const api = await startBotApiRecorder(clock.now, telegramGroupLimits);
    cleanups.push(api.close);
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
      TELEGRAM_BOT_TOKEN: '123456:group',
      TELEGRAM_API_ROOT: api.root,
    });
    cleanups.push(close);
    await insertChannel(deps.db, { type: 'telegram', target: GROUP });
    for (let i = 0; i < 60; i++) await insertReport(deps.db);
    const t0 = clock.now().getTime();

    // What the Node host does: dispatch, then again when its timer fires for the next due row.
    const sleep = async (ms: number) => clock.advance(ms);
    for (let run = 0; run < 20 && api.accepted.length < 60; run++) {
      const result = await dispatch(deps, { sleep });
      if (!result.nextDueAt) break;
      clock.set(new Date(Math.max(result.nextDueAt.getTime(), clock.now().getTime())).toISOString());
    }
    expect(api.all.filter((c) => c.method === 'sendMessage')).toHaveLength(60);
    expect(api.accepted).toHaveLength(60);
    const minute = (m: number) => api.accepted.filter((c) => c.at >= t0 + m * 61_000 && c.at < t0 + (m + 1) * 61_000);
    // The widened window (61 s) as Telegram counts it: twenty in each.
    expect([minute(0).length, minute(1).length, minute(2).length]).toEqual([20, 20, 20]);
  });
});

describe('the Node host’s dispatcher timer', () => {
  it('a failed send is retried when the timer for its 5 s retry fires, not at the next minute tick', async () => {
    const clock = manualClock();
    const fired: { fire: () => void; ms: number; cleared: boolean }[] = [];
    const timers: Timers = {
      set: (fire, ms) => {
        const t = { fire, ms, cleared: false };
        fired.push(t);
        return t;
      },
      clear: (handle) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    };
    const robot = await startRobot('wecom', clock.now);
    cleanups.push(robot.close);
    const host = await startNodeHost(testConfig(join(tmp.dir, `${randomUUID()}.db`)), { clock: clock.now }, { timers });
    cleanups.push(host.stop);
    await insertChannel(host.deps.db, { type: 'wecom', target: robot.url });
    robot.script({ status: 502 });
    await insertReport(host.deps.db);

    await dispatchSoon(host.deps);
    expect(robot.received).toHaveLength(1);
    const armed = fired.filter((t) => !t.cleared);
    expect(armed).toHaveLength(1);
    expect(armed[0]!.ms).toBeGreaterThanOrEqual(4_000);
    expect(armed[0]!.ms).toBeLessThanOrEqual(6_000);
    expect(host.dispatchTimer()?.getTime()).toBe(clock.now().getTime() + armed[0]!.ms);

    clock.advance(armed[0]!.ms);
    armed[0]!.fire();
    await waitFor(() => (robot.received.length === 2 ? true : undefined), 'the retry');
    const alertRow = async () => (await host.deps.db.select().from(outbox).where(eq(outbox.kind, 'report_alert')))[0];
    let row = await alertRow();
    for (let i = 0; i < 200 && row?.state !== 'sent'; i++) {
      await new Promise((ok) => setImmediate(ok));
      row = await alertRow();
    }
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    expect(robot.received).toHaveLength(2);
  });
});

describe('coalesced reporter notices', () => {
  it('thirty messages in a second: one notice at once, one more with the rest when the window ends', async () => {
    const { clock, deps } = await setup({ REPORTER_NOTICE_COALESCE_MINUTES: '5' });
    const district = await startRobot('wecom', clock.now);
    cleanups.push(district.close);
    await insertChannel(deps.db, { type: 'wecom', target: district.url });
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    expect(district.received).toHaveLength(1); // the report's alert
    const say = async (i: number) => {
      await recordReporterReply(deps.db, {
        reportId,
        text: `补充情况 ${i}`,
        channel: 'web',
        at: clock.now(),
        noticeId: `o_reply_${i}`,
      });
      await dispatch(deps);
      clock.advance(30);
    };
    for (let i = 0; i < 30; i++) await say(i);
    const notices = () => district.received.slice(1).map((r) => (r.body.markdown as { content: string }).content);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.split('\n')[0]).toContain('报告人发来新消息');

    // Within the window nothing more goes out; at its end one notice for the other 29.
    clock.advance(4 * 60_000);
    await dispatch(deps);
    expect(notices()).toHaveLength(1);
    clock.advance(60_000);
    await dispatch(deps);
    expect(notices()).toHaveLength(2);
    expect(notices()[1]?.split('\n')[0]).toContain('报告人发来 29 条新消息');
    const sources = await deps.db.select().from(outbox).where(eq(outbox.kind, 'reporter_replied'));
    expect(sources.every((r) => r.state === 'sent')).toBe(true);
    expect(sources.filter((r) => r.lastError?.startsWith('coalesced into'))).toHaveLength(28);

    // A message after a quiet window is told at once.
    clock.advance(10 * 60_000);
    await say(99);
    expect(notices()).toHaveLength(3);
    expect(notices()[2]?.split('\n')[0]).toContain('报告人发来新消息');
  });
});
