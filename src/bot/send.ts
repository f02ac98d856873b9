// Sends what a handled update produced, after its batch committed. A 429 is retried after Telegram's
// retry_after (bounded, with an injected sleep); other failures are logged and never fail the update.
import { type Telegram, TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotReply } from '../notify/bot-reply';
import type { OutgoingMessage } from './render';

export interface Delivery {
  messages?: OutgoingMessage[];
  /** Changes the message whose button was pressed (a toggled choice, an officer's claimed alert). */
  edit?: { messageId: number; html?: string; markup?: InlineKeyboardMarkup };
  /** Toast text for the callback query answer (answered at once, not through the outbox). */
  answer?: string;
  /** The reply's outbox row is already written, in the update's own batch, leased to `owner`. */
  stored?: { id: string; owner: string };
}

const record = (markup: object | undefined) => markup as Record<string, unknown> | undefined;

/** The messages and edit of a delivery as an outbox reply row's payload; undefined when there is none. */
export function botReplyOf(chatId: number, d: Delivery): BotReply | undefined {
  const messages = (d.messages ?? []).map((m) => ({ html: m.html, markup: record(m.markup) }));
  if (messages.length === 0 && !d.edit) return undefined;
  const edit = d.edit ? { messageId: d.edit.messageId, html: d.edit.html, markup: record(d.edit.markup) } : undefined;
  return { via: 'telegram', chatId: String(chatId), messages, ...(edit ? { edit } : {}) };
}

export type BotApi = Pick<Telegram, 'sendMessage' | 'editMessageText' | 'editMessageReplyMarkup' | 'answerCbQuery'>;
export type Log = (message: string, err?: unknown) => void;

export interface SendOptions {
  sleep: (ms: number) => Promise<void>;
  log: Log;
  /** Tries per call, the first included. */
  maxAttempts?: number;
  /** A longer retry_after is not waited for: the webhook answer must not hang (Telegram would resend). */
  maxWaitMs?: number;
}

export const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function withRetry<T>(call: () => Promise<T>, opts: SendOptions): Promise<T> {
  const maxAttempts = opts.maxAttempts ?? 3;
  const maxWaitMs = opts.maxWaitMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const wait = retryAfterMs(err);
      if (wait === undefined || attempt >= maxAttempts || wait > maxWaitMs) throw err;
      await opts.sleep(wait);
    }
  }
}

function retryAfterMs(err: unknown): number | undefined {
  if (!(err instanceof TelegramError) || err.code !== 429) return undefined;
  return Math.max(1, err.parameters?.retry_after ?? 1) * 1000;
}

/** Runs one API call with retries; false (and a log line) when it failed anyway. */
async function attempt(what: string, call: () => Promise<unknown>, opts: SendOptions): Promise<boolean> {
  try {
    await withRetry(call, opts);
    return true;
  } catch (err) {
    opts.log(`telegram ${what} failed: ${describe(err)}`, err);
    return false;
  }
}

function describe(err: unknown): string {
  if (err instanceof TelegramError) return `${err.code} ${err.description}`;
  return err instanceof Error ? err.message : String(err);
}

export async function deliver(api: BotApi, chatId: number, d: Delivery, opts: SendOptions): Promise<void> {
  const edit = d.edit;
  if (edit) {
    await attempt(
      'edit',
      () =>
        edit.html === undefined
          ? api.editMessageReplyMarkup(chatId, edit.messageId, undefined, edit.markup)
          : api.editMessageText(chatId, edit.messageId, undefined, edit.html, {
              parse_mode: 'HTML',
              ...(edit.markup ? { reply_markup: edit.markup } : {}),
            }),
      opts,
    );
  }
  for (const m of d.messages ?? []) {
    const sent = await attempt(
      'sendMessage',
      () =>
        api.sendMessage(chatId, m.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(m.markup ? { reply_markup: m.markup } : {}),
        }),
      opts,
    );
    // The rest would fail the same way (bot blocked, chat gone) or arrive out of order.
    if (!sent) break;
  }
}

/** Callback queries are always answered, or the user's button keeps spinning. */
export async function answerCallback(api: BotApi, id: string, text: string | undefined, opts: SendOptions) {
  await attempt('answerCallbackQuery', () => api.answerCbQuery(id, text), opts);
}
