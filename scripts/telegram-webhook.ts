// npm run telegram:webhook            registers PUBLIC_URL/telegram/webhook with the secret token
// npm run telegram:webhook -- --delete removes it (to long-poll from a Node host again)
import { deleteWebhook, registerWebhook, WebhookSetupError } from '../src/bot/register-webhook';
import { telegramSettings } from '../src/bot/settings';
import { FetchTelegram } from '../src/bot/transport';
import { ConfigError, loadConfig } from '../src/config';

try {
  const config = loadConfig(process.env);
  const settings = telegramSettings(config);
  if (!settings) throw new WebhookSetupError('set TELEGRAM_BOT_TOKEN first');
  const api = new FetchTelegram(settings.token, { apiRoot: settings.apiRoot });
  if (process.argv.includes('--delete')) {
    await deleteWebhook(api);
    console.log('Telegram webhook removed; a Node host without PUBLIC_URL will long-poll.');
  } else {
    const { url } = await registerWebhook(config, api, (msg, err) =>
      console.warn(`${msg}: ${err instanceof Error ? err.message : String(err)}`),
    );
    console.log(
      `Telegram webhook registered: ${url} (secret token set; updates: message, edited_message, callback_query)`,
    );
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof WebhookSetupError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
