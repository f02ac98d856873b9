// Workers host: D1 binding `DB` (drizzle-orm/d1), or libSQL over HTTP when LIBSQL_URL is set.
// The cron trigger runs the same tick as the Node host's timer.
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { type App, createApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type AppDeps, cryptoRandom, systemClock } from '../src/deps';
import { consoleLogger, errorFields, loggerOf } from '../src/log';

/** The D1 binding; every other setting arrives as a string variable or secret and is read by loadConfig. */
export interface Env {
  DB: D1Database;
}

/** Picks the database: remote libSQL when configured (its client loaded only then), else the D1 binding. */
export async function workerDb(env: Env, config: Config): Promise<Db> {
  if (/^(libsql|https?):/.test(config.LIBSQL_URL) && config.LIBSQL_AUTH_TOKEN) {
    const [{ createClient }, { drizzle: drizzleLibsql }] = await Promise.all([
      import('@libsql/client/web'),
      import('drizzle-orm/libsql/web'),
    ]);
    const client = createClient({ url: config.LIBSQL_URL, authToken: config.LIBSQL_AUTH_TOKEN });
    return drizzleLibsql(client, { schema });
  }
  return drizzleD1(env.DB, { schema }) as unknown as Db;
}

async function depsFor(env: Env, defer: AppDeps['defer']): Promise<AppDeps> {
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string'));
  // (Object.entries sees the string vars and secrets beside the bindings.)
  // Workers have no file system: the default file: URL simply means "use the D1 binding".
  const config = loadConfig(vars);
  return {
    db: await workerDb(env, config),
    config,
    clock: systemClock,
    random: cryptoRandom,
    defer,
    log: loggerOf({ config }),
  };
}

// The app is built once per isolate, not per request. Work after a response goes through the request's
// own executionCtx (see src/http/after.ts); this fallback only logs failures.
let cached: { env: Env; app: Promise<App> } | undefined;
function appFor(env: Env): Promise<App> {
  if (cached?.env !== env) {
    const app = depsFor(
      env,
      (work) => void work().catch((err) => consoleLogger('error', 'background.failed', errorFields(err))),
    ).then(createApp);
    cached = { env, app };
  }
  return cached.app;
}

export default {
  async fetch(request, env, ctx) {
    return (await appFor(env)).fetch(request, env, ctx);
  },
  async scheduled(_controller, env, ctx) {
    // Loaded on the first cron run: requests never evaluate the deadline and notification work.
    const { tick } = await import('../src/tick');
    await tick(await depsFor(env, (work) => ctx.waitUntil(work())));
  },
} satisfies ExportedHandler<Env>;
