// An officer's message to a reporter who filed by Telegram, through the dispatcher to telegram-test-api (a
// Bot API emulator on loopback): the console action writes the outbox row, the dispatcher sends it to the
// reporter's chat — header with the receipt, the text escaped, the reply line — within the per-chat limit,
// honouring 429 retry_after, and dead after the last attempt like every other notification.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findReport } from '../../db/repo/reports';
import { outbox, reports } from '../../db/schema';
import { caseActions } from '../../src/cases/case-actions';
import type { AppDeps } from '../../src/deps';
import { MAX_ATTEMPTS } from '../../src/notify/backoff';
import { dispatch } from '../../src/notify/dispatcher';
import { RateLimiter } from '../../src/notify/rate-limit';
import { BOT_TOKEN, freePort, startEmulator } from './bot-helpers';
import { insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

const tmp = tempDir();
let emulator: Awaited<ReturnType<typeof startEmulator>>;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
  tmp.cleanup();
});
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});

const CITY_OFFICER = {
  id: 'off_city',
  role: 'city_officer',
  jurisdictionId: null,
  displayName: '市办张',
  phone: null,
} as const;

/** Deps whose bot talks to `apiRoot` (default: the emulator); null: no bot token configured. */
async function setup(apiRoot: string | null = emulator.apiRoot) {
  const clock = manualClock();
  const env: Record<string, string> =
    apiRoot === null ? {} : { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_ROOT: apiRoot };
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, env);
  cleanups.push(close);
  return { clock, deps };
}

/** A report filed from Telegram chat `chatId`, in `locale`. */
async function telegramReport(deps: AppDeps, chatId: number, locale: 'zh' | 'en' = 'zh') {
  const { reportId } = await insertReport(deps.db);
  await deps.db
    .update(reports)
    .set({ reporterChat: `tg:${chatId}`, locale })
    .where(eq(reports.id, reportId));
  // Only the reporter's messages are under test here: the report's own alert is taken as done.
  await deps.db.update(outbox).set({ state: 'sent' }).where(eq(outbox.reportId, reportId));
  return (await findReport(deps.db, reportId))!;
}

/** What the bot sent to a chat, as the emulator stores it. */
function sentTo(chatId: number) {
  return emulator.server.storage.botMessages
    .filter((m) => m.botToken === BOT_TOKEN && String(m.message.chat_id) === String(chatId))
    .map((m) => m.message as unknown as { text: string; parse_mode?: string; reply_markup?: unknown });
}

const messageRows = (deps: AppDeps, reportId: string) =>
  deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'reporter_message')))
    .orderBy(outbox.createdAt, outbox.id);

describe('officer’s message to a Telegram reporter', () => {
  it('reaches the reporter’s chat: receipt in the header, text escaped, the reply line last', async () => {
    const { deps } = await setup();
    const report = await telegramReport(deps, 880_001);
    const queued = await caseActions(deps).messageReporter(
      CITY_OFFICER,
      report.id,
      '请于明日上午携带<工资表>&考勤记录到南关区调度室。\n联系电话 0431-88990011',
    );
    expect(queued).toBe(true);
    expect(await dispatch(deps)).toMatchObject({ claimed: 1, sent: 1, retried: 0, dead: 0 });

    const [message, ...more] = sentTo(880_001);
    expect(more).toHaveLength(0);
    expect(message?.parse_mode).toBe('HTML');
    expect(message?.reply_markup).toBeUndefined();
    expect(message?.text.split('\n')).toEqual([
      `【长春市劳动关系风险监测预警】关于回执号 ${report.receipt} 的报告，接报部门回复：`,
      '请于明日上午携带&lt;工资表&gt;&amp;考勤记录到南关区调度室。',
      '联系电话 0431-88990011',
      '',
      '如需回复，请直接回复本条消息。',
    ]);
    const [row] = await messageRows(deps, report.id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null, channelId: null });
    // Sent once: later dispatches find nothing to do.
    expect(await dispatch(deps)).toMatchObject({ claimed: 0 });
    expect(sentTo(880_001)).toHaveLength(1);
  });

  it('is in English for a report filed in English', async () => {
    const { deps } = await setup();
    const report = await telegramReport(deps, 880_002, 'en');
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, 'Please keep your phone on.');
    await dispatch(deps);
    expect(sentTo(880_002)[0]?.text.split('\n')).toEqual([
      `[Changchun labour-relations risk early warning] About your report with receipt ${report.receipt}, the receiving office replies:`,
      'Please keep your phone on.',
      '',
      'To answer, reply directly to this message.',
    ]);
  });

  it('a web reporter gets no outbox row (the status page shows the message)', async () => {
    const { deps } = await setup();
    const { reportId } = await insertReport(deps.db);
    expect(await caseActions(deps).messageReporter(CITY_OFFICER, reportId, '您好')).toBe(false);
    expect(await messageRows(deps, reportId)).toHaveLength(0);
  });

  it('two messages to one chat go out a second apart (Telegram’s per-chat limit), in order', async () => {
    const { clock, deps } = await setup();
    const report = await telegramReport(deps, 880_003);
    const actions = caseActions(deps);
    await actions.messageReporter(CITY_OFFICER, report.id, '第一条');
    clock.advance(1);
    await actions.messageReporter(CITY_OFFICER, report.id, '第二条');
    const slept: number[] = [];
    const result = await dispatch(deps, {
      sleep: async (ms) => {
        slept.push(ms);
        clock.advance(ms);
      },
    });
    expect(result).toMatchObject({ sent: 2, deferred: 0, retried: 0 });
    expect(slept).toEqual([1_050]);
    expect(sentTo(880_003).map((m) => m.text.split('\n')[1])).toEqual(['第一条', '第二条']);
  });

  it('the per-chat limit holds across instances: a send recorded in the outbox holds the next one back', async () => {
    const { clock, deps } = await setup();
    const report = await telegramReport(deps, 880_004);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '第一条');
    await dispatch(deps);
    clock.advance(500);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '第二条');
    // A fresh limiter (another instance) learns of the first send from the outbox.
    expect(await dispatch(deps, { limiter: new RateLimiter(), sleep: async () => {} })).toMatchObject({
      sent: 0,
      deferred: 1,
    });
    expect(sentTo(880_004)).toHaveLength(1);
  });
});

describe('failures', () => {
  async function fakeBotApi(answer: (calls: number) => { status: number; body: unknown }) {
    let calls = 0;
    const server = createServer((_req, res) => {
      const { status, body } = answer(++calls);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise<void>((ok) => server.close(() => ok())));
    return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls };
  }

  it('429 with retry_after: the next attempt is not before it', async () => {
    const api = await fakeBotApi(() => ({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 120',
        parameters: { retry_after: 120 },
      },
    }));
    const { clock, deps } = await setup(api.root);
    const report = await telegramReport(deps, 880_101);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '您好');
    // Telegram's "wait" is not a failed attempt: the row waits exactly that long.
    expect(await dispatch(deps)).toMatchObject({ retried: 0, deferred: 1 });
    const [row] = await messageRows(deps, report.id);
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 0,
      lastError: 'Telegram sendMessage 429: Too Many Requests: retry after 120',
    });
    expect(row!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 120_000);
    clock.advance(119_999);
    expect(await dispatch(deps)).toMatchObject({ claimed: 0 });
    expect(api.calls()).toBe(1);
  });

  it('a reporter who blocked the bot: dead at once, with Telegram’s answer', async () => {
    const api = await fakeBotApi(() => ({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    }));
    const { deps } = await setup(api.root);
    const report = await telegramReport(deps, 880_102);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '您好');
    expect(await dispatch(deps)).toMatchObject({ dead: 1 });
    const [row] = await messageRows(deps, report.id);
    expect(row).toMatchObject({
      state: 'dead',
      attempts: 1,
      lastError: 'Telegram sendMessage 403: Forbidden: bot was blocked by the user',
    });
  });

  it('Telegram unreachable for every try: dead after the last attempt, with the last error', async () => {
    const { clock, deps } = await setup(`http://127.0.0.1:${await freePort()}`);
    const report = await telegramReport(deps, 880_103);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '您好');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await dispatch(deps);
      const [row] = await messageRows(deps, report.id);
      expect(row).toMatchObject({ attempts: attempt, lastError: 'Telegram sendMessage: network ECONNREFUSED' });
      expect(row?.state).toBe(attempt < MAX_ATTEMPTS ? 'pending' : 'dead');
      expect(result[attempt < MAX_ATTEMPTS ? 'retried' : 'dead']).toBe(1);
      clock.set(row!.nextAttemptAt.toISOString());
    }
  });

  it('no bot token configured: retried with a visible error', async () => {
    const { deps } = await setup(null);
    const report = await telegramReport(deps, 880_104);
    await caseActions(deps).messageReporter(CITY_OFFICER, report.id, '您好');
    expect(await dispatch(deps)).toMatchObject({ retried: 1 });
    const [row] = await messageRows(deps, report.id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: 'TELEGRAM_BOT_TOKEN is not set' });
  });
});
