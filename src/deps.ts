import type { Db } from '../db/client';
import type { Config } from './config';
import type { Logger } from './log';

/** What a host builds and hands to the app: the database, the clock, randomness, background work. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Injected so tests move time instead of sleeping. */
  clock: () => Date;
  random: (bytes: number) => Uint8Array;
  /**
   * Runs work in the background (after the response, or from the timer). A thunk, not a promise, so the work
   * does not start before the response is on its way: on Node it starts on the next turn of the event loop.
   */
  defer: (work: () => Promise<unknown>) => void;
  /**
   * Told when the next outbox row comes due after each dispatch (undefined: none pending). The Node host
   * sets its dispatcher timer from it (src/notify/scheduler.ts); Workers have the cron and leave it unset.
   */
  wake?: (at: Date | undefined) => void;
  /**
   * The Telegram long-polling loop's state on a host that polls (the Node host keeps the loop's handle), for
   * /healthz; unset where updates arrive by webhook (Workers) or there is no bot.
   */
  botPolling?: () => { state: string; since: Date; failures: number } | undefined;
  /** Structured log lines (src/log.ts); when absent, `loggerOf` picks the console (silent under APP_ENV=test). */
  log?: Logger;
  /**
   * Sends the outbox's due rows now: the first try after a request wrote some (src/notify/after-response.ts).
   * createApp sets the dispatcher of this process; the public Worker asks the whole app over its OUTBOX binding,
   * so it never carries the dispatcher. Unset, nothing is lost: the tick sends them.
   */
  sendOutboxSoon?: () => Promise<unknown>;
}

export const systemClock = () => new Date();
export const cryptoRandom = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

export type AppEnv = { Variables: { requestId: string; log: Logger } };

/** An operation written as `f(deps, ...args)` with its dependencies bound: what a service object hands out. */
export function bindDeps<A extends unknown[], R>(deps: AppDeps, operation: (deps: AppDeps, ...args: A) => R) {
  return (...args: A): R => operation(deps, ...args);
}
