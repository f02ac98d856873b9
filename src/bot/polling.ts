// Long polling for a host without a public URL (the Node host): a small getUpdates loop. Updates of one
// chat are handled in order, chats side by side. Stopping aborts the pending request and waits for the
// updates in hand. Handled updates Telegram sends again after a restart are no-ops (their keys are stored).
//
// The loop never gives up on a passing problem: a 409 (a webhook is set, or another instance polls), a 5xx or
// a network error waits with growing delays (1 s, 2 s, 4 s … at most 60 s; Telegram's retry_after when it
// gives one) and tries again. Only a 401 (the token is wrong) stops it. Each change of state is one JSON log
// line (`telegram_polling`: polling / conflict / error / stopped), and the state is readable for /healthz.
import { type Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import type { AppDeps } from '../deps';
import { dispatchSoon } from '../notify/dispatcher';
import { logEvent } from '../notify/log';
import { createIntakeService } from '../service/intake-service';
import { type BotOptions, createBot } from './create-bot';
import type { Log } from './send';
import { ALLOWED_UPDATES, BOT_COMMANDS } from './settings';
import { FetchTelegram } from './transport';

export type PollingState = 'polling' | 'conflict' | 'error' | 'stopped';

export interface Polling {
  stop(): Promise<void>;
  /** What the loop is doing now, and since when (for /healthz). */
  state(): { state: PollingState; since: Date; failures: number };
}

export interface PollingOptions {
  log?: Log;
  /** Seconds Telegram holds an empty getUpdates open. */
  timeoutSeconds?: number;
  /** Pause after an empty answer that came back at once (a server that does not hold the request). */
  idleDelayMs?: number;
  /** First pause after a failed getUpdates (409, 5xx, network); doubled each time up to maxDelayMs. */
  errorDelayMs?: number;
  maxDelayMs?: number;
  /** Waits (tests record the delays instead of sleeping); must end early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  clock?: () => Date;
}

const defaultLog: Log = (msg, err) => console.error(msg, err instanceof Error ? err.message : '');

export function startPolling(bot: Telegraf, opts: PollingOptions = {}): Polling {
  const log = opts.log ?? defaultLog;
  const idleDelayMs = opts.idleDelayMs ?? 100;
  // getUpdates is aborted on stop(): fetch takes the platform's AbortSignal.
  const api =
    bot.telegram instanceof FetchTelegram ? bot.telegram : new FetchTelegram(bot.telegram.token, bot.telegram.options);
  const controller = new AbortController();
  const signal = controller.signal;

  const pause = (ms: number) => (opts.sleep ?? abortableSleep)(ms, signal);
  const clock = opts.clock ?? (() => new Date());
  const firstDelay = opts.errorDelayMs ?? 1_000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  let current: ReturnType<Polling['state']> = { state: 'polling', since: clock(), failures: 0 };
  /** Records a state; one log line when it changes. */
  const enter = (state: PollingState, detail: Record<string, unknown> = {}) => {
    const failures = state === 'polling' ? 0 : current.failures + (state === 'stopped' ? 0 : 1);
    if (state !== current.state) {
      logEvent(state === 'polling' ? 'info' : state === 'stopped' ? 'error' : 'warn', 'telegram_polling', {
        state,
        previous: current.state,
        ...detail,
      });
      current = { state, since: clock(), failures };
    } else {
      current = { ...current, failures };
    }
  };

  const loop = (async () => {
    let offset = 0;
    while (!signal.aborted) {
      const began = Date.now();
      let updates: Update[];
      try {
        updates = await api.callApi(
          'getUpdates',
          { offset, timeout: opts.timeoutSeconds ?? 25, allowed_updates: [...ALLOWED_UPDATES] },
          { signal },
        );
      } catch (err) {
        if (signal.aborted) break;
        const code = err instanceof TelegramError ? err.code : undefined;
        const reason = err instanceof TelegramError ? `${err.code} ${err.description}` : describe(err);
        if (code === 401) {
          // The token is wrong: no retry helps until the configuration is fixed.
          enter('stopped', { reason });
          break;
        }
        // 409: a webhook is set (delete it, or run with PUBLIC_URL) or another instance polls; it may pass.
        enter(code === 409 ? 'conflict' : 'error', { reason });
        const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
        const backoff = Math.min(maxDelay, firstDelay * 2 ** Math.min(current.failures - 1, 16));
        await pause(retryAfter ? retryAfter * 1000 : backoff);
        continue;
      }
      enter('polling');
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
      await handleInChatOrder(bot, updates, log);
      if (updates.length === 0 && Date.now() - began < idleDelayMs) await pause(idleDelayMs);
    }
    if (current.state !== 'stopped') current = { state: 'stopped', since: clock(), failures: current.failures };
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
    },
    state: () => current,
  };
}

/** Waits, but no longer than until the signal aborts (stop()). */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((ok) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      ok();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${err.name}: ${code}` : `${err.name}: ${err.message}`;
}

function chatOf(u: Update): number | undefined {
  if ('message' in u) return u.message.chat.id;
  if ('edited_message' in u) return u.edited_message.chat.id;
  if ('callback_query' in u) return u.callback_query.message?.chat.id;
  return undefined;
}

async function handleInChatOrder(bot: Telegraf, updates: Update[], log: Log) {
  const byChat = new Map<number | undefined, Update[]>();
  for (const u of updates) byChat.set(chatOf(u), [...(byChat.get(chatOf(u)) ?? []), u]);
  await Promise.all(
    [...byChat.values()].map(async (list) => {
      for (const u of list) {
        try {
          await bot.handleUpdate(u);
        } catch (err) {
          log(`telegram update ${u.update_id} failed`, err);
        }
      }
    }),
  );
}

/** The Node host's bot: its own intake service over the host's deps, polling until stopped. */
export function startTelegramPolling(deps: AppDeps, opts: BotOptions & PollingOptions = {}): Polling {
  const intake = createIntakeService(deps, jurisdictionCache(deps.db, deps.clock));
  // No request to wait for: a submitted report's first notification try runs in the background.
  const bot = createBot(deps, intake, { ...opts, onOutbox: () => deps.defer(() => dispatchSoon(deps)) });
  // The command menu is a convenience; Bot API servers without setMyCommands (emulators) must not matter.
  void bot.telegram
    .setMyCommands(BOT_COMMANDS.zh)
    .catch((err) => console.warn(`telegram setMyCommands skipped: ${err instanceof Error ? err.message : err}`));
  return startPolling(bot, opts);
}
