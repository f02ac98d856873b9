// How this deployment talks to Telegram, from the parsed config: off (no token), long polling (Node
// without a public URL), or webhook (PUBLIC_URL and TELEGRAM_WEBHOOK_SECRET set).
import type { BotCommand, UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config';

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
export const BOT_COMMANDS: Record<'zh' | 'en', BotCommand[]> = {
  zh: [
    { command: 'start', description: '新建或继续报告' },
    { command: 'back', description: '返回上一题' },
    { command: 'cancel', description: '取消正在填写的报告' },
    { command: 'status', description: '查询报告进度：/status 回执号' },
    { command: 'reply', description: '给接报部门留言：/reply 回执号 留言' },
    { command: 'lang', description: '语言：/lang zh 或 /lang en' },
    { command: 'help', description: '帮助' },
  ],
  en: [
    { command: 'start', description: 'New report, or continue one' },
    { command: 'back', description: 'Previous question' },
    { command: 'cancel', description: 'Cancel the report in progress' },
    { command: 'status', description: 'Report progress: /status <receipt>' },
    { command: 'reply', description: 'Write to the office: /reply <receipt> <text>' },
    { command: 'lang', description: 'Language: /lang zh or /lang en' },
    { command: 'help', description: 'Help' },
  ],
};
