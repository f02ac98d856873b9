// Counters for rate limits and sign-in throttling (table login_attempts: key, count, window start, lock).
// Taking a slot is one guarded statement: the counter grows only while it is under the limit and not
// locked, and the statement says whether it grew, so any number of parallel requests get at most `limit`
// slots between them (no read-then-write race).
import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

export type Slot = { ok: true; count: number } | { ok: false; retryAt: Date };

/** One slot of `limit` in a fixed window of `windowMs` for `key`, as of `now`. */
export interface SlotRequest {
  key: string;
  limit: number;
  windowMs: number;
  now: Date;
}

/** Takes one slot of `limit` in a fixed window of `windowMs` for `key`, or says when to try again. */
export async function takeSlot(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<Slot> {
  const slot = { key, limit, windowMs, now };
  const [taken] = await slotStatement(db, slot);
  return taken ? { ok: true, count: taken.failures } : refusedSlot(db, slot);
}

/** The counter's row is full or locked at `t`: no slot is open (the row as it is before a statement changes it). */
function slotClosed({ limit, windowMs, now }: SlotRequest) {
  const t = now.getTime();
  return sql`(coalesce(${loginAttempts.lockedUntil}, 0) > ${t} OR (${loginAttempts.windowStart} > ${t - windowMs} AND ${loginAttempts.failures} >= ${limit}))`;
}

/** The statement that takes the slot, for a batch: it returns the counter's row when it took one, no row when not. */
export function slotStatement(db: Db, slot: SlotRequest) {
  const t = slot.now.getTime();
  const stale = sql`${loginAttempts.windowStart} <= ${t - slot.windowMs}`;
  return db
    .insert(loginAttempts)
    .values({ key: slot.key, failures: 1, windowStart: slot.now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE ${loginAttempts.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${stale} THEN ${t} ELSE ${loginAttempts.windowStart} END`,
      },
      setWhere: sql`NOT ${slotClosed(slot)}`,
    })
    .returning({ failures: loginAttempts.failures });
}

/**
 * A condition for a write in the same batch, placed before the slot's statement: true exactly when that
 * statement will take the slot (the same test on the same row), so the write happens only within the limit.
 */
export function whileSlotOpen(slot: SlotRequest) {
  return sql`NOT EXISTS (SELECT 1 FROM ${loginAttempts} WHERE ${loginAttempts.key} = ${slot.key} AND ${slotClosed(slot)})`;
}

/** After a refusal: when the window or the lock ends (at least a second from now). */
export async function refusedSlot(db: Db, { key, windowMs, now }: SlotRequest): Promise<Slot & { ok: false }> {
  const t = now.getTime();
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  const windowEnd = (row?.windowStart.getTime() ?? t) + windowMs;
  const lockEnd = row?.lockedUntil?.getTime() ?? 0;
  return { ok: false, retryAt: new Date(Math.max(lockEnd > t ? lockEnd : windowEnd, t + 1000)) };
}

/** Gives a slot back (a sign-in that succeeded does not count against its address). */
export function returnSlot(db: Db, key: string) {
  return db
    .update(loginAttempts)
    .set({ failures: sql`max(${loginAttempts.failures} - 1, 0)` })
    .where(eq(loginAttempts.key, key));
}

/** Refuses `key` until `until` (a growing delay after a failure), whatever its count. */
export function lockUntil(db: Db, key: string, until: Date) {
  return db.update(loginAttempts).set({ lockedUntil: until }).where(eq(loginAttempts.key, key));
}

export function forgetKey(db: Db, key: string) {
  return db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** Counters whose window and lock have both passed mean nothing any more (run by the tick). */
export function deleteStaleCounters(db: Db, staleBefore: Date, now: Date) {
  return db
    .delete(loginAttempts)
    .where(
      and(
        lte(loginAttempts.windowStart, staleBefore),
        or(sql`${loginAttempts.lockedUntil} IS NULL`, lte(loginAttempts.lockedUntil, now)),
      ),
    );
}
