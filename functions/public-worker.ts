// The public Worker: the reporter's side only (src/public-app.ts — the intake API, the form, /status, the
// widget), in front of the whole app (functions/worker.ts) reached through the service binding FULL_APP. A
// fresh isolate compiles every module it is given, imported or not, so keeping the console, the exports, the
// bot and the cron out of this Worker is what makes a reporter's first request start fast (README § Performance,
// section 7). Every other request — console, sign-in, the chat webhooks — is passed on unchanged, and the outbox
// rows a reporter's request wrote get their first try from the whole app (its Outbox entrypoint, OUTBOX).

import type { Hono } from 'hono';
import type { AppEnv } from '../src/deps';
import { createPublicApp, FULL_APP_ONLY_PATHS, PUBLIC_PATHS } from '../src/public-app';
import { d1Db, type Env as HostEnv, onePerIsolate, usesRemoteLibsql } from './worker-host';

export interface Env extends HostEnv {
  /** The whole app (functions/worker.ts), bound in wrangler.public.toml. */
  FULL_APP: Fetcher;
  /** The whole app's Outbox entrypoint: sends the rows a submit or a reporter's message wrote. */
  OUTBOX: { dispatchSoon(): Promise<void> };
}

const appFor = onePerIsolate<Hono<AppEnv>, Env>(
  (deps, env) => createPublicApp({ ...deps, sendOutboxSoon: () => env.OUTBOX.dispatchSoon() }).app,
  d1Db,
);

/** Whether a path is the reporter's side's: PUBLIC_PATHS as Hono writes them ('/api/*' is a prefix). */
function servedHere(path: string): boolean {
  if (FULL_APP_ONLY_PATHS.includes(path)) return false;
  return PUBLIC_PATHS.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : path === p));
}

export default {
  async fetch(request, env, ctx) {
    // On remote libSQL the whole app answers everything: this Worker opens only D1, so as to carry no libSQL client.
    if (servedHere(new URL(request.url).pathname) && !usesRemoteLibsql(env)) {
      return (await appFor(env)).fetch(request, env, ctx);
    }
    return env.FULL_APP.fetch(request);
  },
} satisfies ExportedHandler<Env>;
