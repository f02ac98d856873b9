// A thin Bot API client over fetch (Node and Workers), shared by the alert sender and the bot: tagged
// results instead of throws, 429 `retry_after` surfaced (or waited out once, when the caller allows it).
import type { Config } from '../config';
import type { InlineKeyboard } from './format';

const DEFAULT_API_ROOT = 'https://api.telegram.org';
const TIMEOUT_MS = 10_000;

export type TelegramResult<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      /** HTTP status, 0 when the server was not reached. */
      status: number;
      error: string;
      retryAfterMs?: number;
      /**
       * 400/403: this call cannot succeed later (chat not found, bot removed or blocked). A wrong token
       * (401/404) is not permanent: it is fixed in the configuration and the rows then go out.
       */
      permanent?: boolean;
    };

export interface TelegramApiOptions {
  token: string;
  apiRoot?: string | undefined;
  /** For interactive calls: on 429 with retry_after up to this, wait and try once more. Default 0 (never). */
  waitOn429UpToMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SentMessage {
  message_id: number;
  chat: { id: number };
}

type ParseMode = 'HTML';

interface ApiBody {
  ok?: boolean;
  result?: unknown;
  description?: string;
  error_code?: number;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export function telegramApi(o: TelegramApiOptions) {
  const root = (o.apiRoot ?? DEFAULT_API_ROOT).replace(/\/$/, '');
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));

  async function once<T>(method: string, params: Record<string, unknown>): Promise<TelegramResult<T>> {
    let res: Response;
    try {
      res = await fetch(`${root}/bot${o.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      // Never the URL in an error: it carries the bot token.
      const name = err instanceof Error ? err.name : '';
      const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined)?.code : undefined;
      const why =
        name === 'TimeoutError' ? 'no answer within 10 s' : typeof cause === 'string' ? cause : name || 'error';
      return { ok: false, status: 0, error: `Telegram ${method}: network ${why}` };
    }
    let body: ApiBody = {};
    try {
      body = (await res.json()) as ApiBody;
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    if (res.ok && body.ok !== false) return { ok: true, result: body.result as T };
    const description = body.description ?? res.statusText;
    if (res.status === 400 && /message is not modified/i.test(description)) return { ok: true, result: true as T };
    const error = `Telegram ${method} ${res.status}: ${description}`;
    if (res.status === 429) {
      const seconds = body.parameters?.retry_after ?? Number(res.headers.get('retry-after') ?? 'NaN');
      return { ok: false, status: 429, error, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : 30_000 };
    }
    const migrated = body.parameters?.migrate_to_chat_id;
    if (migrated !== undefined) {
      return {
        ok: false,
        status: res.status,
        error: `${error} (group is now chat ${migrated}: update the channel)`,
        permanent: true,
      };
    }
    return {
      ok: false,
      status: res.status,
      error,
      ...(res.status === 400 || res.status === 403 ? { permanent: true } : {}),
    };
  }

  async function call<T>(method: string, params: Record<string, unknown>): Promise<TelegramResult<T>> {
    const first = await once<T>(method, params);
    const wait = !first.ok ? first.retryAfterMs : undefined;
    if (wait === undefined || wait > (o.waitOn429UpToMs ?? 0)) return first;
    await sleep(wait);
    return once<T>(method, params);
  }

  return {
    call,
    sendMessage: (p: {
      chat_id: string | number;
      text: string;
      parse_mode?: ParseMode;
      reply_markup?: InlineKeyboard | undefined;
    }) => call<SentMessage>('sendMessage', { link_preview_options: { is_disabled: true }, ...p }),
    editMessageText: (p: {
      chat_id: string | number;
      message_id: number;
      text: string;
      parse_mode?: ParseMode;
      reply_markup?: InlineKeyboard | undefined;
    }) => call<unknown>('editMessageText', { link_preview_options: { is_disabled: true }, ...p }),
    answerCallbackQuery: (p: { callback_query_id: string; text?: string; show_alert?: boolean }) =>
      call<boolean>('answerCallbackQuery', p),
  };
}

export type TelegramApi = ReturnType<typeof telegramApi>;

/** The client for the configured bot, or undefined when no token is set. */
export function telegramApiFromConfig(
  config: Config,
  extra: Partial<TelegramApiOptions> = {},
): TelegramApi | undefined {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  return telegramApi({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, ...extra });
}
