// Workers host of the whole app: D1 binding `DB` (drizzle-orm/d1), or libSQL over HTTP when LIBSQL_URL is set.
// The cron trigger runs the same tick as the Node host's timer. functions/public-worker.ts may stand in front of
// it for the reporter's requests (ARCHITECTURE.md § Start-up).
import { WorkerEntrypoint } from 'cloudflare:workers';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { createApp } from '../src/app';
import { d1Db, depsFor, type Env, type OpenDb, onePerIsolate, usesRemoteLibsql } from './worker-host';

export type { Env } from './worker-host';

/** Picks the database: remote libSQL when configured (its client loaded only then), else the D1 binding. */
export const workerDb: OpenDb = async (env, config): Promise<Db> => {
  if (!usesRemoteLibsql(config)) return d1Db(env, config);
  const [{ createClient }, { drizzle: drizzleLibsql }] = await Promise.all([
    import('@libsql/client/web'),
    import('drizzle-orm/libsql/web'),
  ]);
  const client = createClient({ url: config.LIBSQL_URL, authToken: config.LIBSQL_AUTH_TOKEN });
  return drizzleLibsql(client, { schema });
};

const appFor = onePerIsolate(createApp, workerDb);

/**
 * The outbox's first try for a write the public Worker made (functions/public-worker.ts calls it over its OUTBOX
 * service binding after a submit or a reporter's message), so that Worker never carries the dispatcher. Reached
 * only through the binding, never from the internet.
 */
export class Outbox extends WorkerEntrypoint<Env> {
  async dispatchSoon(): Promise<void> {
    const deps = await depsFor(this.env, (work) => this.ctx.waitUntil(work()), workerDb);
    await (await import('../src/notify/dispatcher')).dispatchSoon(deps);
  }
}

export default {
  async fetch(request, env, ctx) {
    return (await appFor(env)).fetch(request, env, ctx);
  },
  async scheduled(_controller, env, ctx) {
    // Loaded on the first cron run: requests never evaluate the deadline and notification work.
    const { tick } = await import('../src/tick');
    await tick(await depsFor(env, (work) => ctx.waitUntil(work()), workerDb));
  },
} satisfies ExportedHandler<Env>;
