// A chat bot's reply as an outbox row, so a reply is sent at least once: the bot writes the row when the
// update is handled (for an intake turn in the turn's own batch), leased to itself, sends it at once and
// marks it sent. When the Bot API call fails the row stays pending and the dispatcher retries it on the
// usual ladder (5 s, 30 s, 2 min …); when the update is delivered again its reply row is sent if it is
// still pending. `via` names the messenger: Telegram now, another (WeChat) adds its transport here.
import type { Config } from '../config';
import * as z from '../zod';
import { telegramApiFromConfig } from './telegram-api';
import type { SendResult } from './types';

export const BOT_REPLY_KIND = 'bot_reply';

/** One update's reply row: at most one per update, whichever instance handles it. */
export const botReplyKey = (updateKey: string) => `${BOT_REPLY_KIND}:${updateKey}`;

const markupSchema = z.optional(z.record(z.string(), z.unknown()));
const messageSchema = z.object({ html: z.string(), markup: markupSchema });
export const botReplyPayloadSchema = z.object({
  via: z.literal('telegram'),
  chatId: z.string().check(z.regex(/^-?\d{1,20}$/)),
  messages: z.array(messageSchema),
  /** Changes the message whose button was pressed (a toggled choice, a claimed alert). */
  edit: z.optional(z.object({ messageId: z.number(), html: z.optional(z.string()), markup: markupSchema })),
});
export type BotReply = z.infer<typeof botReplyPayloadSchema>;

/** Sends what is left of a reply; on failure, what is still left (the parts that went out are not repeated). */
export type ReplyTransport = (reply: BotReply) => Promise<{ result: SendResult; remaining: BotReply }>;

const NO_TOKEN: SendResult = { ok: false, error: 'TELEGRAM_BOT_TOKEN is not set' };

/** The reply over the Bot API: the edit first, then each message in order. */
export function telegramReplyTransport(config: Config): ReplyTransport {
  const api = telegramApiFromConfig(config);
  return async (reply) => {
    if (!api) return { result: NO_TOKEN, remaining: reply };
    // Chat ids fit in 52 bits (Telegram's promise): sent as the number the update carried.
    const chat_id = Number(reply.chatId);
    let remaining = reply;
    if (reply.edit) {
      const { messageId, html, markup } = reply.edit;
      const edited =
        html === undefined
          ? await api.call('editMessageReplyMarkup', {
              chat_id,
              message_id: messageId,
              reply_markup: markup,
            })
          : await api.call('editMessageText', {
              chat_id,
              message_id: messageId,
              text: html,
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(markup ? { reply_markup: markup } : {}),
            });
      // An edit that cannot be made (the message is too old, deleted) is not worth holding the answer for.
      if (!edited.ok && !edited.permanent) return { result: failure(edited), remaining };
      const { edit: _done, ...rest } = remaining;
      remaining = rest;
    }
    for (const m of reply.messages) {
      const sent = await api.call('sendMessage', {
        chat_id,
        text: m.html,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(m.markup ? { reply_markup: m.markup } : {}),
      });
      if (!sent.ok) return { result: failure(sent), remaining };
      remaining = { ...remaining, messages: remaining.messages.slice(1) };
    }
    return { result: { ok: true }, remaining };
  };
}

function failure(r: { error: string; retryAfterMs?: number; permanent?: boolean }): SendResult {
  return {
    ok: false,
    error: r.error,
    ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
    ...(r.permanent ? { permanent: true } : {}),
  };
}
