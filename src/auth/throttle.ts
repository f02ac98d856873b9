// Login throttling (login_attempts): failures are counted per username and per client address in a
// 15-minute window; at the limit every attempt is refused, even with the right password, until the window
// that started with the first failure has passed.

import type { Db } from '../../db/client';
import { clearFailures, recentFailures, recordFailure } from '../../db/repo/accounts';

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
