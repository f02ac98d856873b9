// One queue per destination (a robot, a Telegram chat). Each lane sends its rows one at a time, in queue
// order (urgent first, then by due time), under that destination's own rate limit; lanes of different
// destinations run side by side and never wait for each other. So a robot that hangs until the send timeout,
// or fails, or is out of tokens, holds up only its own rows.
//
// Within one instance two dispatch calls that both hold rows for the same destination chain their lanes
// (the second starts when the first ends), so a destination has one send in flight at a time.
import type { Db } from '../../db/client';
import { markDead, markSent, markSkipped, type OutboxRow, releaseAll, type SendLogEntry } from '../../db/repo/outbox';
import { RETRY_DELAYS_MS } from './backoff';
import { SEND_TIMEOUT_MS } from './channels/http';
import { type Failure, recordFailure } from './outcome';
import { type Destination, RateLimiter } from './rate-limit';
import type { SendResult } from './types';

/** What the lane does with one row once it is its turn. */
export type Check = { go: true } | { skip: string } | { dead: string };

export interface LaneItem {
  row: OutboxRow;
  /** Whether the row still needs sending (a report gone, a stale reminder), before a token is taken. */
  check: () => Promise<Check>;
  send: () => Promise<SendResult>;
  /** After a failed send: what is left to send next time (a bot reply whose first messages went out). */
  remainingPayload?: () => unknown;
}

export interface Lane {
  destination: Destination;
  /** What this destination got recently, by any instance (seeds the limiter). */
  recent: (since: Date) => Promise<SendLogEntry[]>;
  items: LaneItem[];
}

export interface LaneCounts {
  sent: number;
  skipped: number;
  retried: number;
  deferred: number;
  dead: number;
}

export interface LaneContext {
  db: Db;
  clock: () => Date;
  random: (bytes: number) => Uint8Array;
  owner: string;
  leaseUntil: number;
  limiter: RateLimiter;
  sleep: (ms: number) => Promise<void>;
  /** A token this close is waited for in the lane instead of handing the rows back (Telegram's 1 a second). */
  maxInlineWaitMs: number;
  /** At most this much waiting per lane in one dispatch; then the rest is handed back for the timer/tick. */
  maxLaneWaitMs: number;
  counts: LaneCounts;
  /** Rows handed back until a token returns: the channel ids, so the next claim of this run skips them. */
  saturated: Set<string>;
  /** The outcome of each failed try, for the structured log. */
  onFailure?: (row: OutboxRow, failure: Failure, outcome: 'retried' | 'deferred' | 'dead') => void;
}

// Per database handle (one instance): the tail of each destination's chain of lanes.
const chains = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs a lane after any lane of the same destination already running in this instance. */
export function runLane(ctx: LaneContext, lane: Lane): Promise<void> {
  let byKey = chains.get(ctx.db);
  if (!byKey) {
    byKey = new Map();
    chains.set(ctx.db, byKey);
  }
  const key = lane.destination.key;
  const before = byKey.get(key) ?? Promise.resolve();
  const mine = before.then(() => drain(ctx, lane));
  const tail = mine.catch(() => undefined);
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return mine;
}

async function drain(ctx: LaneContext, { destination, recent, items }: Lane): Promise<void> {
  const { db, limiter, counts } = ctx;
  const since = new Date(ctx.clock().getTime() - RateLimiter.horizonMs(destination));
  limiter.seed(destination.key, await recent(since));
  let waited = 0;

  /** Hands rows i.. back, due at `at`, in one statement (they keep their order in the queue). */
  const handBack = async (i: number, at: Date) => {
    const rest = items.slice(i).map((it) => it.row);
    if (rest.length === 0) return;
    await releaseAll(
      db,
      rest.map((r) => r.id),
      ctx.owner,
      at,
    );
    counts.deferred += rest.length;
    for (const r of rest) if (r.channelId) ctx.saturated.add(r.channelId);
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i] as LaneItem;
    const { row } = item;
    let now = ctx.clock();
    if (now.getTime() + SEND_TIMEOUT_MS > ctx.leaseUntil) {
      // Not enough lease left to finish a send: the rows go back untouched, due now.
      await handBack(i, now);
      return;
    }
    const check = await item.check();
    if ('dead' in check) {
      await markDead(db, row.id, ctx.owner, row.attempts, check.dead);
      counts.dead++;
      continue;
    }
    if ('skip' in check) {
      await markSkipped(db, row.id, ctx.owner, row.attempts, check.skip);
      counts.skipped++;
      continue;
    }
    let wait = limiter.take(destination, now.getTime(), row.id);
    while (wait > 0 && wait <= ctx.maxInlineWaitMs && waited + wait <= ctx.maxLaneWaitMs) {
      await ctx.sleep(wait);
      waited += wait;
      now = ctx.clock();
      wait = limiter.take(destination, now.getTime(), row.id);
    }
    if (wait > 0) {
      await handBack(i, new Date(now.getTime() + wait));
      return;
    }
    const sent: SendResult = await item.send().catch((err: unknown) => ({
      ok: false,
      error: `sender failed: ${String(err)}`,
    }));
    if (sent.ok) {
      await markSent(db, row.id, ctx.owner, now, row.attempts + 1);
      counts.sent++;
      continue;
    }
    if (sent.retryAfterMs !== undefined) limiter.block(destination.key, now.getTime() + sent.retryAfterMs);
    const payload = item.remainingPayload?.();
    const outcome = await recordFailure(db, ctx.random, row, ctx.owner, now, sent, payload);
    counts[outcome]++;
    ctx.onFailure?.(row, sent, outcome);
    if (!sent.permanent && sent.retryAfterMs === undefined) {
      // The destination is down or hanging: the rows behind wait for the first retry instead of each
      // spending a send timeout now (they keep their order and are not charged an attempt).
      await handBack(i + 1, new Date(now.getTime() + RETRY_DELAYS_MS[0]!));
      return;
    }
  }
}
