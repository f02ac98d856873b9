// The outbox dispatcher (DESIGN idea 6). Runs right after a submit (dispatchSoon), on the Workers cron and
// on the Node timer (tick), so a crash between saving and sending only delays a notification.
//
// Delivery is at least once: a lease keeps two dispatchers from sending the same row at the same time, and
// no send starts unless it can finish before its lease ends. Only a crash between a robot accepting a
// message and the outcome being written can repeat one message, once the lease has run out.
import { channelsByIds, type NotifyChannel } from '../../db/repo/channels';
import { getJurisdiction, type Jurisdiction } from '../../db/repo/jurisdictions';
import { claimDue, markDead, markSent, type OutboxRow, recentSends, reschedule } from '../../db/repo/outbox';
import { findReport, type ReportRow } from '../../db/repo/reports';
import { publicUrl } from '../config';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { SEND_TIMEOUT_MS } from './channels/http';
import { defaultSenders } from './channels/index';
import { ALERT_KIND, FAN_OUT_KIND, fanOut } from './fan-out';
import { buildAlert } from './format';
import { recordFailure } from './outcome';
import { type Destination, destinationOf, limiterFor, RateLimiter } from './rate-limit';
import type { Senders, SendResult } from './types';

/** The kinds this dispatcher handles; rows of other kinds are left for their own handlers. */
export const NOTIFY_KINDS = [FAN_OUT_KIND, ALERT_KIND] as const;

const DEFAULT_LIMIT = 50;
/** Long enough for a round of sends; short enough that a crashed instance's rows come back soon. */
const DEFAULT_LEASE_MS = 2 * 60_000;
/** Bounds the rounds of one call (fan-out rows, full batches, short rate-limit waits). */
const MAX_ROUNDS = 20;
// A token that comes back within seconds (Telegram 1 a second per chat, Feishu 5 a second) is waited for
// here instead of at the next tick a minute later; in total at most 15 s, well inside a Worker's waitUntil.
const MAX_INLINE_WAIT_MS = 3_000;
const MAX_TOTAL_WAIT_MS = 15_000;

export interface DispatchOptions {
  /** Names this dispatcher in the lease (default: a random id per call). */
  owner?: string;
  /** Rows leased per round. */
  limit?: number;
  senders?: Senders;
  limiter?: RateLimiter;
  leaseMs?: number;
  /** How to wait for a rate-limit token a few seconds away (tests move their manual clock instead). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DispatchResult {
  claimed: number;
  /** Rows marked sent: alerts delivered and fan-out rows done. */
  sent: number;
  /** Alert rows created by fan-outs. */
  fannedOut: number;
  retried: number;
  /** Waiting for a rate-limit token (or lease time): rescheduled, not counted as an attempt. */
  deferred: number;
  dead: number;
}

interface Run {
  deps: AppDeps;
  owner: string;
  leaseUntil: number;
  senders: Senders;
  limiter: RateLimiter;
  result: DispatchResult;
  /** The earliest time a row held back by a rate limit comes due (since the last wait). */
  soonest: number;
  reports: Map<string, Promise<ReportRow | undefined>>;
  jurisdictions: Map<string, Promise<Jurisdiction | undefined>>;
}

const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function dispatch(deps: AppDeps, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { claimed: 0, sent: 0, fannedOut: 0, retried: 0, deferred: 0, dead: 0 };
  const owner = opts.owner ?? newId('dispatch', deps.clock(), deps.random);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const senders = opts.senders ?? defaultSenders(deps);
  const limiter = opts.limiter ?? limiterFor(deps.db);
  const sleep = opts.sleep ?? realSleep;
  const run: Run = {
    deps,
    owner,
    leaseUntil: 0,
    senders,
    limiter,
    result,
    soonest: Number.POSITIVE_INFINITY,
    reports: new Map(),
    jurisdictions: new Map(),
  };
  let waited = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock();
    run.leaseUntil = now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS);
    const lease = { owner, now, leaseUntil: new Date(run.leaseUntil), limit, kinds: NOTIFY_KINDS };
    const rows = await claimDue(deps.db, lease);
    result.claimed += rows.length;
    const fannedBefore = result.fannedOut;
    for (const row of rows.filter((r) => r.kind === FAN_OUT_KIND)) await fanOutOne(run, row);
    await sendAlerts(
      run,
      rows.filter((r) => r.kind === ALERT_KIND),
    );
    // Straight on when more rows are due: new alerts from a fan-out, or a full batch.
    if (result.fannedOut > fannedBefore || (rows.length > 0 && rows.length === limit)) continue;
    const wait = Math.max(0, run.soonest - deps.clock().getTime());
    if (run.soonest === Number.POSITIVE_INFINITY || wait > MAX_INLINE_WAIT_MS || waited + wait > MAX_TOTAL_WAIT_MS) {
      break;
    }
    if (wait > 0) await sleep(wait);
    waited += wait;
    run.soonest = Number.POSITIVE_INFINITY;
  }
  return result;
}

/** For `runAfterResponse(c, deps, dispatchSoon(deps))` after a submit: the first try starts at once. */
export function dispatchSoon(deps: AppDeps): Promise<void> {
  return dispatch(deps).then(() => undefined);
}

async function fanOutOne(run: Run, row: OutboxRow): Promise<void> {
  const { deps } = run;
  const now = deps.clock();
  const outcome = await fanOut(deps, row, run.owner, now);
  if (outcome.ok) {
    run.result.sent++;
    run.result.fannedOut += outcome.created;
  } else {
    run.result[await recordFailure(deps.db, deps.random, row, run.owner, now, outcome.failure)]++;
  }
}

async function sendAlerts(run: Run, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { deps } = run;
  const channels = await channelsByIds(deps.db, [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))]);
  const groups = new Map<string, { destination: Destination; items: Item[] }>();
  for (const row of rows) {
    const channel = row.channelId ? channels.get(row.channelId) : undefined;
    if (!channel?.enabled) {
      const why = channel ? `channel ${channel.name} is disabled` : `channel ${row.channelId ?? '(none)'} not found`;
      await markDead(deps.db, row.id, run.owner, row.attempts, why);
      run.result.dead++;
      continue;
    }
    const destination = destinationOf(channel);
    const group = groups.get(destination.key) ?? { destination, items: [] };
    group.items.push({ row, channel });
    groups.set(destination.key, group);
  }
  // Destinations in parallel (a slow robot does not hold up the others), each destination in order.
  await Promise.all([...groups.values()].map((g) => sendGroup(run, g.destination, g.items)));
}

/** A row and its channel; channels sharing a robot or chat share one destination (and its limit). */
interface Item {
  row: OutboxRow;
  channel: NotifyChannel;
}

async function sendGroup(run: Run, destination: Destination, items: Item[]) {
  const { deps, limiter, result } = run;
  const first = items[0];
  if (!first) return;
  const since = new Date(deps.clock().getTime() - RateLimiter.horizonMs(destination));
  limiter.seed(destination.key, await recentSends(deps.db, first.channel.type, first.channel.target, since));

  for (const { row, channel } of items) {
    const now = deps.clock();
    if (now.getTime() + SEND_TIMEOUT_MS > run.leaseUntil) {
      // Not enough lease left to finish a send: hand the row back untouched.
      await reschedule(deps.db, row.id, run.owner, now);
      result.deferred++;
      continue;
    }
    const report = await cached(run.reports, row.reportId ?? '', (id) => findReport(deps.db, id));
    if (!report) {
      await markDead(deps.db, row.id, run.owner, row.attempts, `report ${row.reportId ?? '(none)'} not found`);
      result.dead++;
      continue;
    }
    const wait = limiter.take(destination, now.getTime(), row.id);
    if (wait > 0) {
      await reschedule(deps.db, row.id, run.owner, new Date(now.getTime() + wait));
      result.deferred++;
      run.soonest = Math.min(run.soonest, now.getTime() + wait);
      continue;
    }
    const jurisdiction = await cached(run.jurisdictions, report.jurisdictionId, (id) => getJurisdiction(deps.db, id));
    const message = buildAlert(report, { locale: channel.locale, publicUrl: publicUrl(deps.config), jurisdiction });
    const sent: SendResult = await run.senders[channel.type](channel, message).catch((err: unknown) => ({
      ok: false,
      error: `sender failed: ${String(err)}`,
    }));
    if (sent.ok) {
      await markSent(deps.db, row.id, run.owner, now, row.attempts + 1);
      result.sent++;
      continue;
    }
    if (sent.retryAfterMs !== undefined) limiter.block(destination.key, now.getTime() + sent.retryAfterMs);
    result[await recordFailure(deps.db, deps.random, row, run.owner, now, sent)]++;
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: (key: string) => Promise<T>): Promise<T> {
  let hit = map.get(key);
  if (!hit) {
    hit = load(key);
    map.set(key, hit);
  }
  return hit;
}
