// Bot replies go through the outbox (at least once, never twice) and long polling recovers from 409s and
// server errors. The bot talks to a loopback Bot API stand-in that can refuse calls on purpose; the database
// is an embedded libSQL file; time moves by the manual clock only.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { outbox } from '../../db/schema';
import { createApp } from '../../src/app';
import { createBot } from '../../src/bot/create-bot';
import { startPolling } from '../../src/bot/polling';
import { dispatch } from '../../src/notify/dispatcher';
import { setLogSink } from '../../src/notify/log';
import { createIntakeService } from '../../src/service/intake-service';
import { type BotAnswer, startBotApiRecorder } from '../support/bot-api-recorder';
import { tgUpdate } from '../support/telegram';
import { waitFor } from './bot-helpers';
import { openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});
afterAll(tmp.cleanup);

const TOKEN = '123456:outbox-replies';
const SECRET = 'outbox-secret';
const CHAT = 515_151;
const BAD_GATEWAY: BotAnswer = { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };

async function setup() {
  const clock = manualClock();
  const api = await startBotApiRecorder(clock.now);
  cleanups.push(api.close);
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.root,
  });
  cleanups.push(close);
  const app = createApp(deps);
  const webhook = (update: unknown) =>
    app.request('/telegram/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
  const sent = () => api.accepted.filter((c) => c.method === 'sendMessage' && c.chatId === String(CHAT));
  const replyRows = () => deps.db.select().from(outbox).where(eq(outbox.kind, 'bot_reply'));
  return { clock, api, deps, webhook, sent, replyRows };
}

describe('bot replies through the outbox', () => {
  it('a Bot API call that fails after the commit: the reply goes out on the 5 s retry, exactly once', async () => {
    const { clock, api, deps, webhook, sent, replyRows } = await setup();
    let refuse = 1;
    api.setPolicy((call) => (call.method === 'sendMessage' && refuse-- > 0 ? BAD_GATEWAY : undefined));

    expect((await webhook(tgUpdate.text(1, CHAT, '/start'))).status).toBe(200);
    expect(sent()).toHaveLength(0);
    const [row] = await replyRows();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, priority: 1, leaseOwner: null });
    expect(row?.lastError).toContain('502');
    const wait = row!.nextAttemptAt.getTime() - clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(4_000);
    expect(wait).toBeLessThanOrEqual(6_000);

    clock.advance(wait);
    await dispatch(deps);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.text).toContain('用人单位名称');
    // Telegram delivering the update again, and later dispatches, send nothing more.
    expect((await webhook(tgUpdate.text(1, CHAT, '/start'))).status).toBe(200);
    clock.advance(60_000);
    await dispatch(deps);
    expect(sent()).toHaveLength(1);
    expect(await replyRows()).toMatchObject([{ state: 'sent', attempts: 2 }]);
  });

  it('a redelivered update gets the reply its first delivery failed to send, and only once', async () => {
    const { api, deps, webhook, sent, replyRows } = await setup();
    await webhook(tgUpdate.text(1, CHAT, '/start'));
    expect(sent()).toHaveLength(1);
    api.setPolicy((call) => (call.method === 'sendMessage' ? BAD_GATEWAY : undefined));
    await webhook(tgUpdate.text(2, CHAT, '长春市示例机械制造有限公司'));
    expect(sent()).toHaveLength(1);

    // Telegram sends update 2 again (say the webhook answer was lost): the draft does not move twice, and
    // the reply that failed goes out now.
    api.setPolicy(undefined);
    await webhook(tgUpdate.text(2, CHAT, '长春市示例机械制造有限公司'));
    expect(sent()).toHaveLength(2);
    expect(sent()[1]?.text).toContain('统一社会信用代码');
    await webhook(tgUpdate.text(2, CHAT, '长春市示例机械制造有限公司'));
    await dispatch(deps);
    expect(sent()).toHaveLength(2);
    expect((await replyRows()).map((r) => r.state)).toEqual(['sent', 'sent']);
  });
});

describe('long polling', () => {
  it('recovers from 409 and server errors with growing pauses, logging each change of state', async () => {
    const clock = manualClock();
    const api = await startBotApiRecorder(clock.now);
    cleanups.push(api.close);
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
    });
    cleanups.push(close);
    const conflict: BotAnswer = {
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request' },
    };
    const script: BotAnswer[] = [
      conflict,
      conflict,
      conflict,
      BAD_GATEWAY,
      { status: 200, body: { ok: true, result: [tgUpdate.text(7, CHAT, '/start')] } },
    ];
    api.setPolicy((call) => {
      if (call.method !== 'getUpdates') return undefined;
      return script.shift() ?? { status: 200, body: { ok: true, result: [] } };
    });
    const lines: Record<string, unknown>[] = [];
    cleanups.push(setLogSink((line) => lines.push(JSON.parse(line))));
    const pauses: number[] = [];

    const bot = createBot(deps, createIntakeService(deps, jurisdictionCache(deps.db, deps.clock)));
    const polling = startPolling(bot, {
      timeoutSeconds: 0,
      sleep: async (ms) => {
        pauses.push(ms);
        // Yield so the test can observe the loop between tries.
        await new Promise((ok) => setImmediate(ok));
      },
    });
    cleanups.push(() => polling.stop());

    await waitFor(
      () => (api.accepted.some((c) => c.method === 'sendMessage') ? true : undefined),
      'the reply to the update after recovery',
    );
    expect(pauses.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    const states = lines.filter((l) => l.event === 'telegram_polling').map((l) => [l.previous, l.state]);
    expect(states).toEqual([
      ['polling', 'conflict'],
      ['conflict', 'error'],
      ['error', 'polling'],
    ]);
    expect(polling.state()).toMatchObject({ state: 'polling', failures: 0 });
    await polling.stop();
    expect(polling.state().state).toBe('stopped');
  });

  it('a wrong token (401) stops polling with one error line', async () => {
    const clock = manualClock();
    const api = await startBotApiRecorder(clock.now, (call) =>
      call.method === 'getUpdates'
        ? { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }
        : undefined,
    );
    cleanups.push(api.close);
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
    });
    cleanups.push(close);
    const lines: Record<string, unknown>[] = [];
    cleanups.push(setLogSink((line) => lines.push(JSON.parse(line))));
    const bot = createBot(deps, createIntakeService(deps, jurisdictionCache(deps.db, deps.clock)));
    const polling = startPolling(bot, { timeoutSeconds: 0, sleep: async () => {} });
    await waitFor(() => (polling.state().state === 'stopped' ? true : undefined), 'polling to stop');
    expect(lines.filter((l) => l.event === 'telegram_polling')).toMatchObject([
      { level: 'error', state: 'stopped', reason: '401 Unauthorized' },
    ]);
    await polling.stop();
  });
});
