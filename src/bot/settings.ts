// How this deployment talks to Telegram, from the parsed config: off (no token), long polling (Node
// without a public URL), or webhook (PUBLIC_URL and TELEGRAM_WEBHOOK_SECRET set).
import type { BotCommand, UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config';
import { textOf } from '../messages/index';

export interface TelegramSettings {
  token: string;
  apiRoot: string;
  username: string;
  webhookSecret: string | undefined;
  mode: 'webhook' | 'polling';
}

export const DEFAULT_API_ROOT = 'https://api.telegram.org/';
export const WEBHOOK_PATH = '/telegram/webhook';
/** What the bot reads; edited messages only to say that edits are not read. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

export function telegramSettings(config: Config): TelegramSettings | undefined {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  return {
    token: config.TELEGRAM_BOT_TOKEN,
    // telegraf resolves './bot<token>/<method>' against it: a root with a path needs its trailing slash.
    apiRoot: (config.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT).replace(/\/?$/, '/'),
    username: (config.TELEGRAM_BOT_USERNAME ?? 'labor_risk_intake_bot').replace(/^@/, ''),
    webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
    mode: config.PUBLIC_URL && config.TELEGRAM_WEBHOOK_SECRET ? 'webhook' : 'polling',
  };
}

/**
 * Preset instead of a getMe call per instance or request. The bot's id is the token's prefix; the
 * username only matters for commands addressed as /start@name in groups.
 */
export function botInfoFor(s: TelegramSettings): UserFromGetMe {
  return {
    id: Number(s.token.split(':')[0]),
    is_bot: true,
    first_name: s.username,
    username: s.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}

/** The command menu (setMyCommands), registered best-effort: a Bot API server without it must not matter. */
export const BOT_COMMANDS: Record<'zh' | 'en', BotCommand[]> = { zh: commandMenu('zh'), en: commandMenu('en') };

function commandMenu(locale: 'zh' | 'en'): BotCommand[] {
  return Object.entries(textOf('bot', locale).commands).map(([command, description]) => ({ command, description }));
}
