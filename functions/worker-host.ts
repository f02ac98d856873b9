// What both Workers share (functions/worker.ts, the whole app; functions/public-worker.ts, the reporter's side):
// the D1 database, the settings and the app built once per isolate. Remote libSQL (LIBSQL_URL) is opened by the
// whole app only (functions/worker.ts): the public Worker passes every request on when it is set, so its bundle
// never carries the libSQL client.
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { type Config, loadConfig } from '../src/config';
import { type AppDeps, cryptoRandom, systemClock } from '../src/deps';
import { consoleLogger, errorFields, loggerOf } from '../src/log';

/** The D1 binding; every other setting arrives as a string variable or secret and is read by loadConfig. */
export interface Env {
  DB: D1Database;
  /** A remote libSQL database instead of D1 (secrets; loadConfig reads them like every setting). */
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
}

/** Opens the database a Worker uses, given its bindings and settings. */
export type OpenDb = (env: Env, config: Config) => Db | Promise<Db>;

/** The D1 binding. */
export const d1Db: OpenDb = (env) => drizzleD1(env.DB, { schema }) as unknown as Db;

/** Whether the settings (or a Worker's string variables) name a remote libSQL database instead of D1. */
export function usesRemoteLibsql(settings: { LIBSQL_URL?: unknown; LIBSQL_AUTH_TOKEN?: unknown }): boolean {
  return (
    typeof settings.LIBSQL_URL === 'string' &&
    /^(libsql|https?):/.test(settings.LIBSQL_URL) &&
    !!settings.LIBSQL_AUTH_TOKEN
  );
}

export async function depsFor(env: Env, defer: AppDeps['defer'], openDb: OpenDb): Promise<AppDeps> {
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string'));
  // (Object.entries sees the string vars and secrets beside the bindings.)
  // Workers have no file system: the default file: URL simply means "use the D1 binding".
  const config = loadConfig(vars);
  return {
    db: await openDb(env, config),
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
export function onePerIsolate<A, E extends Env = Env>(
  build: (deps: AppDeps, env: E) => A,
  openDb: OpenDb,
): (env: E) => Promise<A> {
  let cached: { env: Env; app: Promise<A> } | undefined;
  return (env) => {
    if (cached?.env !== env) {
      const app = depsFor(
        env,
        (work) => void work().catch((err) => consoleLogger('error', 'background.failed', errorFields(err))),
        openDb,
      ).then((deps) => build(deps, env));
      cached = { env, app };
    }
    return cached.app;
  };
}
