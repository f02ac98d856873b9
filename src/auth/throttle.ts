// Login throttling (login_attempts): failures are counted per username and per client address in a
// 15-minute window; at the limit every attempt is refused, even with the right password, until the window
// that started with the first failure has passed.

import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client';
import { clearFailures, recentFailures, recordFailure } from '../../db/repo/accounts';
import type { AppDeps } from '../deps';
import { clientAddress } from './client-address';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 10;
// Higher than per user: a district office signs in from behind one NAT address, and one officer's typos
// must not lock out the whole room. Guessing one account is still capped by the per-user limit.
export const MAX_FAILURES_PER_ADDRESS = 30;

const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;

const staleBefore = (now: Date) => new Date(now.getTime() - THROTTLE_WINDOW_MS);

export async function isThrottled(db: Db, username: string, address: string, now: Date): Promise<boolean> {
  const [byUser, byAddress] = await Promise.all([
    recentFailures(db, userKey(username), staleBefore(now)),
    recentFailures(db, addressKey(address), staleBefore(now)),
  ]);
  return byUser >= MAX_FAILURES_PER_USER || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function countFailure(db: Db, username: string, address: string, now: Date): Promise<void> {
  await db.batch([
    recordFailure(db, userKey(username), now, staleBefore(now)),
    recordFailure(db, addressKey(address), now, staleBefore(now)),
  ]);
}

/** A successful sign-in forgets the username's failures (the address keeps its count). */
export function forgetFailures(db: Db, username: string) {
  return clearFailures(db, userKey(username));
}

/**
 * Reporters' lookups by receipt + phone (status page, API): 20 misses from one address in the window and
 * further lookups from it are refused until the window passes, so receipts cannot be guessed by brute force.
 */
export const MAX_LOOKUP_MISSES_PER_ADDRESS = 20;
const lookupKey = (address: string) => `lookup:${address}`;

/** Guards a lookup route: refuses a throttled address, and counts a 404 answer as a miss. */
export function reporterLookupGuard(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  refuse: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const key = lookupKey(clientAddress(c));
    const now = deps.clock();
    if ((await recentFailures(deps.db, key, staleBefore(now))) >= MAX_LOOKUP_MISSES_PER_ADDRESS) return refuse(c);
    await next();
    if (c.res.status === 404) await recordFailure(deps.db, key, now, staleBefore(now));
  };
}
