// Environment parsed once with zod. A bad or missing value stops start-up with one line that names
// the variable and says what is expected (see `ConfigError`).
import { bilingual } from './messages/index';
import * as z from './zod';

// 0 asks the system for any free port (tests use it).
const PORT_RULE = 'an integer between 1 and 65535';
const port = z.coerce
  .number({ error: PORT_RULE })
  .check(z.int(PORT_RULE), z.minimum(0, PORT_RULE), z.maximum(65535, PORT_RULE));

const positive = (what: string) => z.coerce.number({ error: what }).check(z.positive(what));

const positiveInt = (what: string) => z.coerce.number({ error: what }).check(z.int(what), z.positive(what));

const csv = z.pipe(
  z._default(z.string(), ''),
  z.transform((s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
);

export const configSchema = z
  .object({
    APP_ENV: z._default(z.enum(['development', 'production', 'test']), 'development'),
    PORT: z._default(port, 8787),
    PUBLIC_URL: z.optional(z.url({ error: 'an absolute URL such as https://report.example.gov.cn' })),
    LIBSQL_URL: z._default(
      z.string().check(z.regex(/^(file:|libsql:\/\/|https?:\/\/)/, 'a file:… path or a libsql://… / https://… URL')),
      'file:data/app.db',
    ),
    LIBSQL_AUTH_TOKEN: z.optional(z.string()),
    /** Origins (scheme://host[:port]) allowed to call the widget API, comma separated. */
    ALLOWED_ORIGINS: csv,
    DRAFT_TTL_DAYS: z._default(positive('a positive number of days'), 7),
    ANNEX4_DUE_HOURS: z._default(positive('a positive number of hours'), 24),
    // Team default (the seed gives no number): a deadline under 3 h (an urgent case's hour) is reminded this
    // many minutes before it, not at once (src/cases/deadlines.ts); day-long deadlines two hours before.
    ANNEX4_SHORT_REMINDER_MINUTES: z._default(positive('a positive number of minutes'), 15),
    // Team default (the seed gives no number): a burst of reporter messages on one case becomes one
    // "the reporter wrote" notice at once and at most one more per this many minutes.
    REPORTER_NOTICE_COALESCE_MINUTES: z._default(positive('a positive number of minutes'), 5),
    TELEGRAM_BOT_TOKEN: z.optional(
      z.string().check(z.regex(/^\d+:[\w-]+$/, 'a bot token like 123456:ABC-DEF from @BotFather')),
    ),
    TELEGRAM_BOT_USERNAME: z.optional(z.string()),
    TELEGRAM_WEBHOOK_SECRET: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters of A–Z, a–z, 0–9, _ and -')),
    ),
    TELEGRAM_API_ROOT: z.optional(z.url({ error: 'an absolute URL of a Bot API server' })),
    // WeChat Official Account (src/wechat): the server configuration's Token and the account's AppID/AppSecret.
    WECHAT_TOKEN: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{3,32}$/, '3–32 letters or digits (the Token)'))),
    WECHAT_APPID: z.optional(z.string().check(z.regex(/^wx[0-9a-f]{16}$/i, 'an AppID like wx1234567890abcdef'))),
    WECHAT_APPSECRET: z.optional(
      z.string().check(z.regex(/^[0-9a-zA-Z]{16,64}$/, 'the AppSecret (letters and digits)')),
    ),
    /** Set: safe mode (安全模式), every push and reply encrypted. */
    WECHAT_ENCODING_AES_KEY: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9]{43}$/, 'the 43-character EncodingAESKey from the server configuration')),
    ),
    // Tencent Cloud SMS (src/sms): API key, SMS app and approved signature; one approved template per message.
    SMS_SECRET_ID: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{16,64}$/, 'a Tencent Cloud SecretId'))),
    SMS_SECRET_KEY: z.optional(z.string().check(z.minLength(16, 'a Tencent Cloud SecretKey'))),
    SMS_SDK_APP_ID: z.optional(z.string().check(z.regex(/^\d{6,12}$/, 'the SmsSdkAppId (digits)'))),
    SMS_SIGN_NAME: z.optional(z.string().check(z.minLength(2, 'the approved SMS signature (签名)'))),
    SMS_TEMPLATE_MESSAGE: z.optional(z.string().check(z.regex(/^\d{1,12}$/, 'a template id (digits)'))),
    SMS_TEMPLATE_CLOSED: z.optional(z.string().check(z.regex(/^\d{1,12}$/, 'a template id (digits)'))),
    SMS_TEMPLATE_OVERDUE: z.optional(z.string().check(z.regex(/^\d{1,12}$/, 'a template id (digits)'))),
    SMS_REGION: z._default(
      z.string().check(z.regex(/^[a-z]+-[a-z]+$/, 'a region such as ap-guangzhou')),
      'ap-guangzhou',
    ),
    SMS_API_ROOT: z._default(z.url({ error: 'an absolute URL of the SMS API' }), 'https://sms.tencentcloudapi.com'),
    SMS_DAILY_CAP_PER_NUMBER: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 5),
    WECHAT_API_ROOT: z._default(z.url({ error: 'an absolute URL of the WeChat API' }), 'https://api.weixin.qq.com'),
    ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(12, 'at least 12 characters'))),
    /**
     * What stands in front of the Node host and may be believed about the client's address: unset or `none`
     * (the socket's peer), `cloudflare` (CF-Connecting-IP) or the number of reverse proxies appending to
     * X-Forwarded-For. Workers always use CF-Connecting-IP, which Cloudflare's edge sets.
     */
    TRUST_PROXY: z._default(
      z.pipe(
        z.string().check(z.regex(/^(none|cloudflare|[1-9])$/, '`none`, `cloudflare` or a number of proxies 1–9')),
        z.transform((v: string): 'none' | 'cloudflare' | number =>
          v === 'none' || v === 'cloudflare' ? v : Number(v),
        ),
      ),
      'none',
    ),
    /** Lets robot webhook targets be loopback, private or link-local addresses (see src/notify/targets.ts). */
    ALLOW_PRIVATE_TARGETS: z._default(
      z.pipe(
        z.enum(['true', 'false', '1', '0'], { error: '`true` or `false`' }),
        z.transform((v: 'true' | 'false' | '1' | '0') => v === 'true' || v === '1'),
      ),
      false,
    ),
    /**
     * AES-256-GCM key for secrets stored in the database (DingTalk/Feishu signing secrets): 32 random bytes in
     * base64, e.g. `openssl rand -base64 32`. Required once any such secret is stored (src/secrets.ts).
     */
    SECRETS_KEY: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^[A-Za-z0-9+/_-]{43}=?$/,
            '32 random bytes in base64 (44 characters, e.g. `openssl rand -base64 32`)',
          ),
        ),
    ),
    // Team default (the seed gives no period; issue 14 asks for 3): a closed case keeps the reporter's
    // personal data this many whole years after closing, then the tick removes it (src/cases/retention.ts).
    RETENTION_YEARS: z._default(positiveInt('a positive whole number of years'), 3),
    /** While changing SECRETS_KEY: the old key, so stored secrets still open; the tick re-seals them with the new one. */
    SECRETS_KEY_PREVIOUS: z.optional(
      z
        .string()
        .check(
          z.regex(/^[A-Za-z0-9+/_-]{43}=?$/, '32 random bytes in base64 (the SECRETS_KEY used before the current one)'),
        ),
    ),
    /** New drafts one address may start per minute (API, widget, /report form) — team default. */
    DRAFTS_PER_MINUTE: z._default(positiveInt('a positive whole number'), 30),
    /** Messages one address may send to receiving offices per minute (status page, API) — team default. */
    REPORTER_MESSAGES_PER_MINUTE: z._default(positiveInt('a positive whole number'), 5),
  })
  .check(
    z.superRefine((env, ctx) => {
      if (/^(libsql|https?):/.test(env.LIBSQL_URL) && !env.LIBSQL_AUTH_TOKEN) {
        ctx.addIssue({
          code: 'custom',
          path: ['LIBSQL_AUTH_TOKEN'],
          message: 'the auth token of the remote libSQL database named by LIBSQL_URL',
        });
      }
    }),
  );

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The start-up line for a bad setting: the catalogue's heading in both languages, then the problem. */
export function configError(problem: string): ConfigError {
  const heading = bilingual('errorDetails', 'invalidConfiguration');
  return new ConfigError(`${heading.zh} ${heading.en}: ${problem}.`);
}

/**
 * Parses the environment; throws one `ConfigError` line naming the first bad variable. The value itself is
 * never repeated (it may be a secret, and the line goes to the logs): only whether it was missing or set.
 */
export function loadConfig(env: Record<string, unknown>): Config {
  // Empty strings mean "not set" (a common shell and .env habit).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '' && v !== undefined));
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const shown = cleaned[name] === undefined ? 'it is missing' : 'the value set is not';
  throw configError(`${name} must be ${issue.message} (${shown})`);
}

/** The address people use to reach this deployment (links in notifications, printed URLs). */
export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
