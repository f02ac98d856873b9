// Workers host of the whole app: D1 binding `DB` (drizzle-orm/d1), or libSQL over HTTP when LIBSQL_URL is set.
// The cron trigger runs the same tick as the Node host's timer. functions/public-worker.ts may stand in front of
// it for the reporter's requests (ARCHITECTURE.md § Start-up).
import { createApp } from '../src/app';
import { depsFor, type Env, onePerIsolate } from './worker-host';

export { type Env, workerDb } from './worker-host';

const appFor = onePerIsolate(createApp);

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
