// Telegram officers' chat: the alert as HTML with [认领 Claim] [查看 View] buttons.
import type { NotifyChannel } from '../../../db/repo/channels';
import type { Config } from '../../config';
import { type AlertMessage, renderTelegramHtml, telegramKeyboard } from '../format';
import { telegramApiFromConfig } from '../telegram-api';
import type { SendResult } from '../types';

export function telegramSender(config: Config) {
  const api = telegramApiFromConfig(config);
  return async (channel: NotifyChannel, message: AlertMessage): Promise<SendResult> => {
    // Not permanent: the row keeps retrying (and shows this error) until the token is configured.
    if (!api) return { ok: false, error: 'TELEGRAM_BOT_TOKEN is not set' };
    const sent = await api.sendMessage({
      chat_id: channel.target,
      text: renderTelegramHtml(message),
      parse_mode: 'HTML',
      reply_markup: telegramKeyboard(message),
    });
    if (sent.ok) return { ok: true };
    return {
      ok: false,
      error: sent.error,
      ...(sent.retryAfterMs !== undefined ? { retryAfterMs: sent.retryAfterMs } : {}),
      ...(sent.permanent ? { permanent: true } : {}),
    };
  };
}
