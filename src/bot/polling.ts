// Long polling for a host without a public URL (the Node host): a small getUpdates loop. Updates of one
// chat are handled in order, chats side by side. Stopping aborts the pending request and waits for the
// updates in hand. Handled updates Telegram sends again after a restart are no-ops (their keys are stored).
import { type Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import type { AppDeps } from '../deps';
import { dispatchSoon } from '../notify/dispatcher';
import { createIntakeService } from '../service/intake-service';
import { type BotOptions, createBot } from './create-bot';
import type { Log } from './send';
import { ALLOWED_UPDATES, BOT_COMMANDS } from './settings';
import { FetchTelegram } from './transport';

export interface Polling {
  stop(): Promise<void>;
}

export interface PollingOptions {
  log?: Log;
  /** Seconds Telegram holds an empty getUpdates open. */
  timeoutSeconds?: number;
  /** Pause after an empty answer that came back at once (a server that does not hold the request). */
  idleDelayMs?: number;
  /** Pause after a failed getUpdates (network down, 5xx) unless Telegram says retry_after. */
  errorDelayMs?: number;
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

  /** Waits, but no longer than until stop(). */
  const pause = (ms: number) =>
    new Promise<void>((ok) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        ok();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });

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
        if (err instanceof TelegramError && (err.code === 401 || err.code === 409)) {
          // 401: wrong token. 409: a webhook is set (delete it, or run with PUBLIC_URL) or another poller runs.
          log(`telegram long polling stopped: ${err.code} ${err.description}`);
          break;
        }
        const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
        log('telegram getUpdates failed; retrying', err);
        await pause(retryAfter ? retryAfter * 1000 : (opts.errorDelayMs ?? 5000));
        continue;
      }
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
      await handleInChatOrder(bot, updates, log);
      if (updates.length === 0 && Date.now() - began < idleDelayMs) await pause(idleDelayMs);
    }
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
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
