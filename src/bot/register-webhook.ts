// Registers this deployment's webhook with Telegram (npm run telegram:webhook), or removes it so a Node
// host can long-poll again. The secret token makes Telegram send X-Telegram-Bot-Api-Secret-Token.
import type { Telegram } from 'telegraf';
import { type Config, publicUrl } from '../config';
import type { Log } from './send';
import { ALLOWED_UPDATES, BOT_COMMANDS, telegramSettings, WEBHOOK_PATH } from './settings';

export class WebhookSetupError extends Error {
  override name = 'WebhookSetupError';
}

export async function registerWebhook(config: Config, api: Telegram, log: Log): Promise<{ url: string }> {
  const settings = telegramSettings(config);
  const missing = [
    settings ? undefined : 'TELEGRAM_BOT_TOKEN',
    config.PUBLIC_URL ? undefined : 'PUBLIC_URL',
    config.TELEGRAM_WEBHOOK_SECRET ? undefined : 'TELEGRAM_WEBHOOK_SECRET',
  ].filter(Boolean);
  if (missing.length > 0) throw new WebhookSetupError(`set ${missing.join(', ')} to register the webhook`);
  const url = `${publicUrl(config)}${WEBHOOK_PATH}`;
  await api.setWebhook(url, {
    secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
  // The command menu is a convenience: a Bot API server without it (an emulator) must not fail the setup.
  for (const [language, commands] of [
    [undefined, BOT_COMMANDS.zh],
    ['en', BOT_COMMANDS.en],
  ] as const) {
    await api
      .setMyCommands(commands, language ? { language_code: language } : {})
      .catch((err) => log(`setMyCommands${language ? ` (${language})` : ''} skipped`, err));
  }
  return { url };
}

export async function deleteWebhook(api: Telegram): Promise<void> {
  await api.deleteWebhook({ drop_pending_updates: false });
}
