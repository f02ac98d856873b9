// Sign-in throttling and per-address limits, on the guarded counters of db/repo/limits.ts.
//
// Sign-in: a slot is taken before the password is checked (one guarded statement), so parallel guesses can
// never check more passwords than the limit. Failures count per account *and address together*, so a stranger
// elsewhere cannot lock an officer out; each failure after the third makes the next try wait longer
// (2 s, 4 s, … 64 s), and the tenth locks that pair until the window has passed. Each address also has a
// ceiling across all accounts (password spraying). A success forgets the pair and gives the address its slot back.

import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../db/client';
import { deleteStaleCounters, forgetKey, lockUntil, returnSlot, takeSlot } from '../../db/repo/limits';
import type { AppDeps } from '../deps';
import { clientAddress } from './client-address';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one account from one address in the window (team default). */
export const MAX_FAILURES_PER_USER = 10;
// Higher than per account: a district office signs in from behind one NAT address, and one officer's typos
// must not lock out the whole room (team default).
export const MAX_FAILURES_PER_ADDRESS = 30;
/** Wrong current passwords on the password form, per account in the window (team default). */
export const MAX_CURRENT_PASSWORD_FAILURES = 5;
/** Failures before the delays start, and the longest delay. */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 64_000;

const pairKey = (username: string, address: string) => `login:${username.trim().toLowerCase()}|${address}`;
const addressKey = (address: string) => `login-addr:${address}`;

export type Attempt = { ok: true; done: (success: boolean) => Promise<void> } | { ok: false; retryAt: Date };

/** The delay before the next try after `failures` failures in a row. */
export function delayAfter(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

/**
 * Reserves one sign-in attempt for `username` from `address`; `done(success)` settles it after the password
 * check. Refused: when to try again.
 */
export async function beginSignIn(db: Db, username: string, address: string, now: Date): Promise<Attempt> {
  const byAddress = await takeSlot(db, addressKey(address), MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS, now);
  if (!byAddress.ok) return byAddress;
  const pair = pairKey(username, address);
  const byPair = await takeSlot(db, pair, MAX_FAILURES_PER_USER, THROTTLE_WINDOW_MS, now);
  if (!byPair.ok) {
    await returnSlot(db, addressKey(address));
    return byPair;
  }
  return {
    ok: true,
    done: async (success) => {
      if (success) {
        await db.batch([forgetKey(db, pair), returnSlot(db, addressKey(address))]);
        return;
      }
      const wait = delayAfter(byPair.count);
      if (wait > 0) await lockUntil(db, pair, new Date(now.getTime() + wait));
    },
  };
}

/**
 * The current-password check on the password form: a signed-in session (perhaps a stolen one) may not guess
 * the password it would replace. Per account; a right answer forgets the count.
 */
export async function beginPasswordCheck(db: Db, officerId: string, now: Date): Promise<Attempt> {
  const key = `pwcheck:${officerId}`;
  const slot = await takeSlot(db, key, MAX_CURRENT_PASSWORD_FAILURES, THROTTLE_WINDOW_MS, now);
  if (!slot.ok) return slot;
  return {
    ok: true,
    done: async (success) => {
      if (success) await forgetKey(db, key);
    },
  };
}

/** Counters past their window and lock (run by the tick). */
export function deleteStaleLimits(db: Db, now: Date) {
  return deleteStaleCounters(db, new Date(now.getTime() - THROTTLE_WINDOW_MS), now);
}

/** Seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/**
 * Reporters' lookups by receipt + phone (status page, API): 20 misses from one address in the window and
 * further lookups from it are refused until the window passes, so receipts cannot be guessed by brute force.
 * The slot is taken before the lookup; a hit gives it back.
 */
export const MAX_LOOKUP_MISSES_PER_ADDRESS = 20;

/** Guards a lookup route: refuses a throttled address, and counts a 404 answer as a miss. */
export function reporterLookupGuard(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  refuse: (c: Context, retryAfter: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const key = limitKey(c, deps.config, 'lookup');
    const now = deps.clock();
    const slot = await takeSlot(deps.db, key, MAX_LOOKUP_MISSES_PER_ADDRESS, THROTTLE_WINDOW_MS, now);
    if (!slot.ok) return refuse(c, retryAfterSeconds(slot.retryAt, now));
    await next();
    if (c.res.status !== 404) await returnSlot(deps.db, key);
  };
}

/**
 * A per-address rate limit (new drafts, reporters' messages): `limit` requests a minute, then `refuse` with
 * the seconds to wait.
 */
export function perAddressLimit(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  name: string,
  limit: number,
  refuse: (c: Context, retryAfter: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const wait = await addressSlot(deps, c, name, limit);
    if (wait !== undefined) return refuse(c, wait);
    await next();
  };
}

/** The counter of one per-address limit (`name`: drafts, messages, lookup) for the client's address. */
export function limitKey(c: Context, config: AppDeps['config'], name: string): string {
  return `${name}:${clientAddress(c, config)}`;
}

/** Takes one of `limit` slots a minute for the client's address: undefined, or the seconds to wait. */
export async function addressSlot(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  c: Context,
  name: string,
  limit: number,
): Promise<number | undefined> {
  const now = deps.clock();
  const slot = await takeSlot(deps.db, limitKey(c, deps.config, name), limit, 60_000, now);
  return slot.ok ? undefined : retryAfterSeconds(slot.retryAt, now);
}
