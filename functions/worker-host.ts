// What both Workers share (functions/worker.ts, the whole app; functions/public-worker.ts, the reporter's side):
// the database (D1 binding `DB`, or libSQL over HTTP when LIBSQL_URL is set), the settings and the app built
// once per isolate.
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
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

export async function depsFor(env: Env, defer: AppDeps['defer']): Promise<AppDeps> {
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

/**
 * The app built once per isolate (again only if the bindings change), not per request. Work after a response
 * goes through the request's own executionCtx (see src/http/after.ts); this fallback only logs failures.
 */
export function onePerIsolate<A>(build: (deps: AppDeps) => A): (env: Env) => Promise<A> {
  let cached: { env: Env; app: Promise<A> } | undefined;
  return (env) => {
    if (cached?.env !== env) {
      const app = depsFor(
        env,
        (work) => void work().catch((err) => consoleLogger('error', 'background.failed', errorFields(err))),
      ).then(build);
      cached = { env, app };
    }
    return cached.app;
  };
}
