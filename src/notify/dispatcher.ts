// The outbox dispatcher (ARCHITECTURE.md § The outbox). Runs right after a request that wrote outbox rows
// (dispatchAfterResponse), on the Workers cron and the Node timer (tick), and on the Node host also from a
// timer set for the next due row (deps.wake, see scheduler.ts), so a crash between saving and sending only
// delays a notification. It fans notices out to officers' channels (fan-out.ts) and sends every message in
// one lane per destination (lanes.ts): officers' channels, reporters' Telegram chats, bots' replies.
//
// Order: each claim takes due rows urgent first, then oldest due first (see OUTBOX_PRIORITY), so an urgent
// report overtakes any backlog of routine ones; within a destination rows go in that order.
//
// Delivery is at least once: a lease keeps two dispatchers from sending the same row at the same time, and
// no send starts unless it can finish before its lease ends. Only a crash between a robot accepting a
// message and the outcome being written can repeat one message, once the lease has run out.
import { claimDue, nextDueAt, type OutboxRow, reschedule } from '../../db/repo/outbox';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { dispatchSms } from '../sms/outbound';
import { WECHAT_MESSAGE_KIND, wechatSender } from '../wechat/outbound';
import { BOT_REPLY_KIND, type ReplyTransport, telegramReplyTransport } from './bot-reply';
import { defaultSenders } from './channels/index';
import { telegramChatSender } from './channels/telegram';
import { type DeliveryContext, lanesFor } from './deliveries';
import { ALERT_KIND, FAN_OUT_KINDS, type FanOutKind, fanOut, isFanOutKind } from './fan-out';
import { type LaneContext, runLane } from './lanes';
import { logEvent } from './log';
import { recordFailure } from './outcome';
import { limiterFor, type RateLimiter } from './rate-limit';
import { REPORTER_MESSAGE_KIND } from './reporter-message';
import type { ChatSender, Senders } from './types';
import { WARNING_NOTICE_KIND } from './warning-notice';

/** The kinds this dispatcher handles; rows of other kinds are left for their own handlers. */
export const NOTIFY_KINDS: readonly string[] = [
  ...FAN_OUT_KINDS,
  ALERT_KIND,
  REPORTER_MESSAGE_KIND,
  BOT_REPLY_KIND,
  WARNING_NOTICE_KIND,
  WECHAT_MESSAGE_KIND,
];

const DEFAULT_LIMIT = 50;
/** Long enough for a round of sends; short enough that a crashed instance's rows come back soon. */
const DEFAULT_LEASE_MS = 2 * 60_000;
/** Bounds the claims of one call (fan-out rows, full batches). */
const MAX_ROUNDS = 20;
// A token that comes back within seconds (Telegram 1 a second per chat, Feishu 5 a second) is waited for
// in the destination's lane instead of handing its rows back; at most 15 s per lane and call by default
// (inside a Worker's waitUntil). The tick passes more so one cron run keeps a Telegram group at its 20/min.
const MAX_INLINE_WAIT_MS = 3_000;
const DEFAULT_LANE_WAIT_MS = 15_000;

export interface DispatchOptions {
  /** Names this dispatcher in the lease (default: a random id per call). */
  owner?: string;
  /** Rows leased per claim. */
  limit?: number;
  senders?: Senders;
  /** Sends to a reporter's Telegram chat (default: the configured bot). */
  chat?: ChatSender;
  /** Sends bots' replies (default: the configured Telegram bot). */
  replies?: ReplyTransport;
  limiter?: RateLimiter;
  leaseMs?: number;
  /** How to wait for a rate-limit token a few seconds away (tests move their manual clock instead). */
  sleep?: (ms: number) => Promise<void>;
  /** Most waiting for tokens per destination in this call (default 15 s). */
  maxLaneWaitMs?: number;
}

export interface DispatchResult {
  claimed: number;
  /** Rows marked sent: messages delivered and fan-out rows done. */
  sent: number;
  /** Per-channel rows created by fan-outs. */
  fannedOut: number;
  /** Stale notices marked sent without sending (see isStale); reporter notices coalesced into another. */
  skipped: number;
  retried: number;
  /** Waiting for a rate-limit token, a retry-after, lease time or a coalescing window: not an attempt. */
  deferred: number;
  dead: number;
  /** When the next pending row comes due (after this call), if any. */
  nextDueAt?: Date | undefined;
}

const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function dispatch(deps: AppDeps, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { claimed: 0, sent: 0, fannedOut: 0, skipped: 0, retried: 0, deferred: 0, dead: 0 };
  const owner = opts.owner ?? newId('dispatch', deps.clock(), deps.random);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const delivery: DeliveryContext = {
    deps,
    senders: opts.senders ?? defaultSenders(deps),
    chat: opts.chat ?? telegramChatSender(deps.config),
    replies: opts.replies ?? telegramReplyTransport(deps.config),
    wechat: wechatSender(deps),
  };
  const lanes: LaneContext = {
    db: deps.db,
    clock: deps.clock,
    random: deps.random,
    owner,
    leaseUntil: 0,
    limiter: opts.limiter ?? limiterFor(deps.db),
    sleep: opts.sleep ?? realSleep,
    maxInlineWaitMs: MAX_INLINE_WAIT_MS,
    maxLaneWaitMs: opts.maxLaneWaitMs ?? DEFAULT_LANE_WAIT_MS,
    counts: result,
    saturated: new Set(),
    onFailure: (row, failure, outcome) =>
      logEvent(outcome === 'dead' ? 'error' : 'warn', 'outbox_send_failed', {
        id: row.id,
        kind: row.kind,
        channelId: row.channelId,
        attempts: row.attempts + (outcome === 'deferred' ? 0 : 1),
        outcome,
        error: failure.error,
      }),
  };
  // Lanes run on while the next rows are claimed: a slow destination never holds up the next claim.
  const running: Promise<void>[] = [];
  const handled = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock();
    lanes.leaseUntil = now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS);
    const rows = await claimDue(deps.db, {
      owner,
      now,
      leaseUntil: new Date(lanes.leaseUntil),
      limit,
      kinds: NOTIFY_KINDS,
      skipChannels: [...lanes.saturated],
    });
    result.claimed += rows.length;
    const fannedBefore = result.fannedOut;
    for (const row of rows) {
      if (isFanOutRow(row) && !handled.has(row.id)) await fanOutOne(deps, owner, row, result, handled);
    }
    const sends = rows.filter((r) => !isFanOutRow(r));
    for (const lane of await lanesFor(delivery, sends)) {
      running.push(
        runLane(lanes, lane).catch((err) => logEvent('error', 'outbox_lane_failed', { error: String(err) })),
      );
    }
    // Straight on when more rows are due: new rows from a fan-out, or a full claim.
    if (result.fannedOut === fannedBefore && rows.length < limit) break;
  }
  await Promise.all(running);
  result.nextDueAt = await nextDueAt(deps.db, NOTIFY_KINDS);
  deps.wake?.(result.nextDueAt);
  return result;
}

/** One dispatch whose result nobody reads: the first try of rows just written (or a tick's). */
export function dispatchSoon(deps: AppDeps): Promise<void> {
  // Text messages have their own caps (per case an hour, per number a day): src/sms/outbound.ts.
  return Promise.all([dispatch(deps), dispatchSms(deps)]).then(() => undefined);
}

const isFanOutRow = (row: OutboxRow): row is OutboxRow & { kind: FanOutKind } => isFanOutKind(row.kind);

async function fanOutOne(
  deps: AppDeps,
  owner: string,
  row: OutboxRow & { kind: FanOutKind },
  result: DispatchResult,
  handled: Set<string>,
): Promise<void> {
  const now = deps.clock();
  const outcome = await fanOut(deps, row, owner, now);
  if (!outcome.ok) {
    const failed = await recordFailure(deps.db, deps.random, row, owner, now, outcome.failure);
    result[failed]++;
    if (failed === 'dead')
      logEvent('error', 'outbox_dead', { id: row.id, kind: row.kind, error: outcome.failure.error });
    return;
  }
  if ('waitUntil' in outcome) {
    await reschedule(deps.db, row.id, owner, outcome.waitUntil);
    result.deferred++;
    return;
  }
  result[outcome.skipped ? 'skipped' : 'sent']++;
  result.fannedOut += outcome.created;
  for (const id of outcome.merged ?? []) handled.add(id);
  result.skipped += outcome.merged?.length ?? 0;
}
