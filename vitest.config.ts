import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import {
  FAKE_BOT_TOKEN,
  FAKE_TELEGRAM_ROOT,
  FAKE_WEBHOOK_SECRET,
  telegramFake,
} from './test/workers/bot-telegram-fake.js';
import { isolatedWranglerConfig } from './test/workers/isolated-config.js';
import { WECHAT_BINDINGS, wechatFake } from './test/workers/wechat-fake.js';

// Three projects: `node` runs unit tests and the Node host on a temporary libSQL file;
// `workers` runs the worker inside workerd with the D1 migrations applied;
// `browser` drives Debian's Chromium (playwright-core) against the Node host: widget, /report, /status.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('db/migrations');
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts', 'db/**/*.test.ts', 'test/node/**/*.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              // A copy in an empty folder: a developer's .dev.vars / .env never reach the tests.
              wrangler: { configPath: isolatedWranglerConfig('./wrangler.toml') },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  APP_ENV: 'test',
                  TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
                  TELEGRAM_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
                  TELEGRAM_API_ROOT: FAKE_TELEGRAM_ROOT,
                  // The Workers host creates the first admin from this secret on its first cron tick.
                  ADMIN_PASSWORD: 'workers first admin passphrase',
                  // Robot signing secrets are sealed with it (AES-GCM in workerd's WebCrypto): a test key.
                  SECRETS_KEY: 'd29ya2VycyB0ZXN0IGtleSwgMzIgYnl0ZXMgbG9uZyE=',
                  ...WECHAT_BINDINGS,
                },
                // The bot's Bot API calls are answered by a fake in this process; other requests pass through.
                // So are the WeChat API calls (token, customer-service messages), by the platform stand-in.
                outboundService: (request: Request) => wechatFake(request) ?? telegramFake(request),
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/workers/**/*.test.ts'],
            // workerd on a shared 2-core machine: the DOCX export alone takes ~3 s.
            testTimeout: 20_000,
            setupFiles: ['./test/workers/setup.ts'],
          },
        },
        {
          test: {
            name: 'browser',
            environment: 'node',
            include: ['test/browser/**/*.test.ts'],
            // Rebuilds the widget bundle first, so `vitest --project browser` never tests a stale one.
            globalSetup: ['./test/browser/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            // One Chromium at a time: each file starts its own, and they are memory-hungry.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
