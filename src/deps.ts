import type { Db } from '../db/client';
import type { Config } from './config';

/** What a host builds and hands to the app: the database, the clock, randomness, background work. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Injected so tests move time instead of sleeping. */
  clock: () => Date;
  random: (bytes: number) => Uint8Array;
  /** Runs work after the response: `executionCtx.waitUntil` on Workers, a detached promise on Node. */
  defer: (work: Promise<unknown>) => void;
}

export const systemClock = () => new Date();
export const cryptoRandom = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

export type AppEnv = { Variables: { requestId: string } };
