// Telegram: the officers' chat gets the alert as HTML with [认领 Claim] [查看 View] buttons; a reporter's
// private chat gets officers' messages (src/notify/reporter-message.ts).
import type { NotifyChannel } from '../../../db/repo/channels';
import type { Config } from '../../config';
import { type AlertMessage, renderTelegramHtml, telegramKeyboard } from '../format';
import { type TelegramResult, telegramApiFromConfig } from '../telegram-api';
import type { ChatSender, SendResult } from '../types';

// Not permanent: the row keeps retrying (and shows this error) until the token is configured.
const NO_TOKEN: SendResult = { ok: false, error: 'TELEGRAM_BOT_TOKEN is not set' };

function sendResult(sent: TelegramResult<unknown>): SendResult {
  if (sent.ok) return { ok: true };
  return {
    ok: false,
    error: sent.error,
    ...(sent.retryAfterMs !== undefined ? { retryAfterMs: sent.retryAfterMs } : {}),
    ...(sent.permanent ? { permanent: true } : {}),
  };
}

export function telegramSender(config: Config) {
  const api = telegramApiFromConfig(config);
  return async (channel: NotifyChannel, message: AlertMessage): Promise<SendResult> => {
    if (!api) return NO_TOKEN;
    const sent = await api.sendMessage({
      chat_id: channel.target,
      text: renderTelegramHtml(message),
      parse_mode: 'HTML',
      reply_markup: telegramKeyboard(message),
    });
    return sendResult(sent);
  };
}

/** Plain HTML text to one chat (a reporter's), no buttons. */
export function telegramChatSender(config: Config): ChatSender {
  const api = telegramApiFromConfig(config);
  return async (chatId, html) => {
    if (!api) return NO_TOKEN;
    return sendResult(await api.sendMessage({ chat_id: chatId, text: html, parse_mode: 'HTML' }));
  };
}
