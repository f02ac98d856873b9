// Node host (`npm start`): @hono/node-server + embedded libSQL file + the tick on a timer.

import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { openLibsql } from '../db/libsql';
import { createApp } from '../src/app';
import { ensureFirstAdmin } from '../src/auth/first-admin';
import { type Polling, startTelegramPolling } from '../src/bot/polling';
import { telegramSettings } from '../src/bot/settings';
import { type Config, ConfigError, loadConfig, publicUrl } from '../src/config';
import { type AppDeps, cryptoRandom, systemClock } from '../src/deps';
import { errorFields, loggerOf } from '../src/log';
import { assertSecretsKey, sealPlainSecrets } from '../src/notify/channel-secrets';
import { dispatchSoon } from '../src/notify/dispatcher';
import { nextDueTimer, type Timers } from '../src/notify/scheduler';
import { tick } from '../src/tick';

const TICK_MS = 60_000;

/**
 * A 413 leaves the rest of the refused body on the connection. @hono/node-server drains it only briefly and
 * then drops the socket, so a client reusing that keep-alive connection would lose its next request ("other
 * side closed"). `Connection: close` tells the client up front: it sends its next requests on a new connection.
 */
export function closeAfterRefusedBody<E>(fetch: (req: Request, env: E) => Response | Promise<Response>) {
  return async (req: Request, env: E) => {
    const res = await fetch(req, env);
    if (res.status === 413) res.headers.set('connection', 'close');
    return res;
  };
}

export interface NodeHost {
  url: string;
  deps: AppDeps;
  /** When the dispatcher timer fires next (the next due outbox row), if set. */
  dispatchTimer: () => Date | undefined;
  stop: () => Promise<void>;
}

/** Starts the whole Node host; tests start it on port 0 with their own database file and clock. */
export async function startNodeHost(
  config: Config,
  overrides: Partial<AppDeps> = {},
  host: { timers?: Timers } = {},
): Promise<NodeHost> {
  const opened = await openLibsql(config.LIBSQL_URL, config.LIBSQL_AUTH_TOKEN);
  const pending = new Set<Promise<unknown>>();
  // Set for the next due outbox row after every dispatch (deps.wake); fires a dispatch in the background.
  const timer = nextDueTimer({
    clock: overrides.clock ?? systemClock,
    ...(host.timers ? { timers: host.timers } : {}),
    run: () => deps.defer(() => dispatchSoon(deps)),
  });
  const log = loggerOf({ config, ...(overrides.log ? { log: overrides.log } : {}) });
  // Started after the server listens; /healthz reads its state through deps.botPolling.
  let polling: Polling | undefined;
  const deps: AppDeps = {
    db: opened.db,
    config,
    clock: systemClock,
    random: cryptoRandom,
    log,
    defer: (work) => {
      const p = new Promise((started) => setImmediate(started))
        .then(work)
        .catch((err) => log('error', 'background.failed', errorFields(err)))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    wake: timer.wake,
    botPolling: () => polling?.state(),
    ...overrides,
  };
  try {
    // Stored robot secrets need SECRETS_KEY (refused here, naming the setting); plain ones from before it are sealed.
    await assertSecretsKey(deps);
    const sealed = await sealPlainSecrets(deps);
    if (sealed > 0) log('info', 'secrets.sealed', { channels: sealed });
  } catch (err) {
    opened.close();
    throw err;
  }
  const app = createApp(deps);
  const server = serve({ fetch: closeAfterRefusedBody(app.fetch), port: config.PORT });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const ticker = setInterval(() => deps.defer(() => tick(deps)), TICK_MS);
  ticker.unref();
  // Without a public webhook URL the bot pulls its updates (TELEGRAM_BOT_TOKEN set, no PUBLIC_URL webhook).
  polling = telegramSettings(config)?.mode === 'polling' ? startTelegramPolling(deps) : undefined;
  return {
    url: `http://localhost:${port}`,
    deps,
    dispatchTimer: timer.armedFor,
    stop: async () => {
      clearInterval(ticker);
      timer.stop();
      await polling?.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      await Promise.allSettled([...pending]);
      opened.close();
    },
  };
}

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let host: NodeHost;
  try {
    host = await startNodeHost(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const base = config.PUBLIC_URL ? publicUrl(config) : host.url;
  const admin = await ensureFirstAdmin(host.deps);
  console.log(
    [
      '长春市劳动关系风险监测预警 — labour-relations risk early-warning intake is running',
      `  database        ${config.LIBSQL_URL}`,
      `  health          ${base}/healthz`,
      `  intake API      ${base}/api/openapi.json`,
      `  report form     ${base}/report`,
      `  widget demo     ${base}/demo`,
      `  officers' console ${base}/console`,
      ...(admin?.oneTimePassword
        ? [
            `  first admin     user "${admin.username}", one-time password ${admin.oneTimePassword}`,
            '                  (shown only now; it must be changed at the first sign-in)',
          ]
        : admin
          ? [`  first admin     user "${admin.username}" with ADMIN_PASSWORD`]
          : []),
      `  telegram bot    ${{ polling: 'long polling', webhook: `webhook ${base}/telegram/webhook`, off: 'off (no TELEGRAM_BOT_TOKEN)' }[telegramSettings(config)?.mode ?? 'off']}`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
