// The outbox dispatcher (DESIGN idea 6). Runs right after a request that wrote outbox rows
// (dispatchAfterResponse), on the Workers cron and on the Node timer (tick), so a crash between saving and
// sending only delays a notification. It fans notices out to officers' channels (fan-out.ts), sends them,
// and sends officers' messages to reporters' Telegram chats (reporter-message.ts).
//
// Delivery is at least once: a lease keeps two dispatchers from sending the same row at the same time, and
// no send starts unless it can finish before its lease ends. Only a crash between a robot accepting a
// message and the outcome being written can repeat one message, once the lease has run out.
import type { Context } from 'hono';
import { channelsByIds, type NotifyChannel } from '../../db/repo/channels';
import { getJurisdiction, type Jurisdiction } from '../../db/repo/jurisdictions';
import {
  claimDue,
  markDead,
  markSent,
  markSkipped,
  type OutboxRow,
  recentChatSends,
  recentSends,
  reschedule,
  type SendLogEntry,
} from '../../db/repo/outbox';
import { findReport, type ReportRow } from '../../db/repo/reports';
import { publicUrl } from '../config';
import type { AppDeps } from '../deps';
import { runAfterResponse } from '../http/after';
import { newId } from '../ids';
import { SEND_TIMEOUT_MS } from './channels/http';
import { defaultSenders } from './channels/index';
import { telegramChatSender } from './channels/telegram';
import {
  ALERT_KIND,
  alertPayloadSchema,
  FAN_OUT_KINDS,
  type FanOutKind,
  fanOut,
  isFanOutKind,
  isStale,
  staleNote,
} from './fan-out';
import { buildAlert } from './format';
import { recordFailure } from './outcome';
import { type Destination, destinationOf, limiterFor, RateLimiter } from './rate-limit';
import { REPORTER_MESSAGE_KIND, reporterMessageHtml, reporterMessagePayloadSchema } from './reporter-message';
import type { ChatSender, Notice, Senders, SendResult } from './types';

/** The kinds this dispatcher handles; rows of other kinds are left for their own handlers. */
export const NOTIFY_KINDS: readonly string[] = [...FAN_OUT_KINDS, ALERT_KIND, REPORTER_MESSAGE_KIND];

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
  /** Sends to a reporter's Telegram chat (default: the configured bot). */
  chat?: ChatSender;
  limiter?: RateLimiter;
  leaseMs?: number;
  /** How to wait for a rate-limit token a few seconds away (tests move their manual clock instead). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DispatchResult {
  claimed: number;
  /** Rows marked sent: messages delivered and fan-out rows done. */
  sent: number;
  /** Per-channel rows created by fan-outs. */
  fannedOut: number;
  /** Stale notices marked sent without sending (see isStale). */
  skipped: number;
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
  chat: ChatSender;
  limiter: RateLimiter;
  result: DispatchResult;
  /** The earliest time a row held back by a rate limit comes due (since the last wait). */
  soonest: number;
  reports: Map<string, Promise<ReportRow | undefined>>;
  jurisdictions: Map<string, Promise<Jurisdiction | undefined>>;
}

const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function dispatch(deps: AppDeps, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { claimed: 0, sent: 0, fannedOut: 0, skipped: 0, retried: 0, deferred: 0, dead: 0 };
  const owner = opts.owner ?? newId('dispatch', deps.clock(), deps.random);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const sleep = opts.sleep ?? realSleep;
  const run: Run = {
    deps,
    owner,
    leaseUntil: 0,
    senders: opts.senders ?? defaultSenders(deps),
    chat: opts.chat ?? telegramChatSender(deps.config),
    limiter: opts.limiter ?? limiterFor(deps.db),
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
    for (const row of rows) if (isFanOutRow(row)) await fanOutOne(run, row);
    await sendAll(
      run,
      rows.filter((r) => !isFanOutRow(r)),
    );
    // Straight on when more rows are due: new rows from a fan-out, or a full batch.
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

/** One dispatch whose result nobody reads: the first try of rows just written (or a tick's). */
export function dispatchSoon(deps: AppDeps): Promise<void> {
  return dispatch(deps).then(() => undefined);
}

/**
 * Every request handler that wrote outbox rows (a submit, a message to a reporter, Annex 4 filed) ends with
 * this: the rows' first try runs alongside and after the response (the request's waitUntil on Workers),
 * instead of waiting for the next tick. Nothing is lost if it does not run: the tick sends them.
 */
export function dispatchAfterResponse(c: Context, deps: AppDeps): void {
  runAfterResponse(c, deps, () => dispatchSoon(deps));
}

const isFanOutRow = (row: OutboxRow): row is OutboxRow & { kind: FanOutKind } => isFanOutKind(row.kind);

async function fanOutOne(run: Run, row: OutboxRow & { kind: FanOutKind }): Promise<void> {
  const { deps } = run;
  const now = deps.clock();
  const outcome = await fanOut(deps, row, run.owner, now);
  if (outcome.ok) {
    run.result[outcome.skipped ? 'skipped' : 'sent']++;
    run.result.fannedOut += outcome.created;
  } else {
    run.result[await recordFailure(deps.db, deps.random, row, run.owner, now, outcome.failure)]++;
  }
}

/** A row ready to go, once its report is loaded: rows of one destination share its rate limit. */
interface Item {
  row: OutboxRow;
  /** The message no longer holds: mark the row sent without sending. */
  stale?: (report: ReportRow) => boolean;
  send: (report: ReportRow) => Promise<SendResult>;
}

interface Group {
  destination: Destination;
  /** What this destination got recently, by any instance (seeds the limiter). */
  recent: (since: Date) => Promise<SendLogEntry[]>;
  items: Item[];
}

async function sendAll(run: Run, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { deps } = run;
  const channels = await channelsByIds(deps.db, [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))]);
  const groups = new Map<string, Group>();
  const add = (destination: Destination, recent: Group['recent'], item: Item) => {
    const group = groups.get(destination.key) ?? { destination, recent, items: [] };
    group.items.push(item);
    groups.set(destination.key, group);
  };
  const dead = async (row: OutboxRow, why: string) => {
    await markDead(deps.db, row.id, run.owner, row.attempts, why);
    run.result.dead++;
  };

  for (const row of rows) {
    if (row.kind === REPORTER_MESSAGE_KIND) {
      const payload = reporterMessagePayloadSchema.safeParse(row.payload);
      if (!payload.success) {
        await dead(row, 'reporter_message payload names no chat or text');
        continue;
      }
      const { chatId, text } = payload.data;
      add(
        destinationOf({ type: 'telegram', target: chatId }),
        (since) => recentChatSends(deps.db, row.kind, chatId, since),
        {
          row,
          send: (report) => run.chat(chatId, reporterMessageHtml(report, text)),
        },
      );
      continue;
    }
    const channel = row.channelId ? channels.get(row.channelId) : undefined;
    if (!channel?.enabled) {
      await dead(
        row,
        channel ? `channel ${channel.name} is disabled` : `channel ${row.channelId ?? '(none)'} not found`,
      );
      continue;
    }
    const payload = alertPayloadSchema.safeParse(row.payload);
    if (!payload.success) {
      await dead(row, 'report_alert payload names an unknown notice');
      continue;
    }
    const { notice } = payload.data;
    add(destinationOf(channel), (since) => recentSends(deps.db, channel.type, channel.target, since), {
      row,
      stale: (report) => isStale(notice, report),
      send: (report) => sendNotice(run, channel, notice, report),
    });
  }
  // Destinations in parallel (a slow robot does not hold up the others), each destination in order.
  await Promise.all([...groups.values()].map((g) => sendGroup(run, g)));
}

async function sendNotice(run: Run, channel: NotifyChannel, notice: Notice, report: ReportRow): Promise<SendResult> {
  const { deps } = run;
  const jurisdiction = await cached(run.jurisdictions, report.jurisdictionId, (id) => getJurisdiction(deps.db, id));
  const message = buildAlert(report, {
    locale: channel.locale,
    publicUrl: publicUrl(deps.config),
    jurisdiction,
    notice,
    now: deps.clock(),
  });
  return run.senders[channel.type](channel, message);
}

async function sendGroup(run: Run, { destination, recent, items }: Group) {
  const { deps, limiter, result } = run;
  const since = new Date(deps.clock().getTime() - RateLimiter.horizonMs(destination));
  limiter.seed(destination.key, await recent(since));

  for (const { row, stale, send } of items) {
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
    if (stale?.(report)) {
      await markSkipped(deps.db, row.id, run.owner, row.attempts, staleNote(report));
      result.skipped++;
      continue;
    }
    const wait = limiter.take(destination, now.getTime(), row.id);
    if (wait > 0) {
      await reschedule(deps.db, row.id, run.owner, new Date(now.getTime() + wait));
      result.deferred++;
      run.soonest = Math.min(run.soonest, now.getTime() + wait);
      continue;
    }
    const sent: SendResult = await send(report).catch((err: unknown) => ({
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
