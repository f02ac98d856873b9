// Rate limits per destination (one robot, one Telegram chat).
//
// Each destination is a token bucket whose tokens come back one window after they were spent (a sliding
// log of send times). A classic refilling bucket lets through capacity + rate × window in one window — up
// to 39 a minute for a 20/min robot — and DingTalk blocks a robot for 10 minutes when it sees 21.
//
// Where the state lives: in memory per instance (one per database handle), seeded before every round from
// the outbox's own record of what was sent to the same destination in the last window. So a restarted
// Node host or a fresh Worker isolate knows what the previous one sent. Two instances sending to the same
// robot in the same second can still overlap; a robot's 429 or rate-limit code then blocks the destination
// here for its retry-after. When a bucket is empty the row is rescheduled in the DB to the moment a token
// comes back; that is not a failed attempt.
import type { ChannelType } from '../../db/repo/channels';
import type { SendLogEntry } from '../../db/repo/outbox';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface Destination {
  key: string;
  windows: RateWindow[];
}

// The documented limits, each window widened by 5 % (at most 1 s) for clock and network skew between
// our count and the robot's.
const widen = (limit: number, windowMs: number): RateWindow => ({
  limit,
  windowMs: windowMs + Math.min(1_000, windowMs * 0.05),
});
const LIMITS: Record<Exclude<ChannelType, 'telegram'>, RateWindow[]> = {
  wecom: [widen(20, 60_000)],
  dingtalk: [widen(20, 60_000)],
  feishu: [widen(5, 1_000), widen(100, 60_000)],
};
const TELEGRAM_CHAT = widen(1, 1_000);
const TELEGRAM_GROUP = widen(20, 60_000);

export function destinationOf(channel: { type: ChannelType; target: string }): Destination {
  const key = `${channel.type}:${channel.target}`;
  if (channel.type !== 'telegram') return { key, windows: LIMITS[channel.type] };
  // Group and supergroup chat ids are negative: those also have the 20-a-minute limit.
  const isGroup = channel.target.trim().startsWith('-');
  return { key, windows: isGroup ? [TELEGRAM_CHAT, TELEGRAM_GROUP] : [TELEGRAM_CHAT] };
}

interface Bucket {
  /** Send times by `${rowId}@${ms}`, so a send seen both here and in the DB counts once. */
  sends: Map<string, number>;
  blockedUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { sends: new Map(), blockedUntil: 0 };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Adds sends recorded in the outbox (by any instance). */
  seed(key: string, entries: readonly SendLogEntry[]): void {
    const b = this.bucket(key);
    for (const e of entries) b.sends.set(`${e.id}@${e.at}`, e.at);
  }

  /**
   * Takes a token for a send starting at `now` and returns 0, or returns how many ms until one comes back
   * (nothing taken). `id` names the send; use the same `at` when recording it as sent.
   */
  take(d: Destination, now: number, id: string): number {
    const b = this.bucket(d.key);
    const horizon = RateLimiter.horizonMs(d);
    for (const [k, at] of b.sends) if (at <= now - horizon) b.sends.delete(k);
    let wait = Math.max(0, b.blockedUntil - now);
    const times = [...b.sends.values()].sort((x, y) => x - y);
    for (const w of d.windows) {
      const inWindow = times.filter((at) => at > now - w.windowMs);
      if (inWindow.length >= w.limit) {
        // The token spent by the (n − limit + 1)-th most recent send comes back first.
        const freed = inWindow[inWindow.length - w.limit] ?? now;
        wait = Math.max(wait, freed + w.windowMs - now);
      }
    }
    if (wait > 0) return wait;
    b.sends.set(`${id}@${now}`, now);
    return 0;
  }

  /** A robot said "too fast": nothing goes to it before `until`. */
  block(key: string, until: number): void {
    const b = this.bucket(key);
    b.blockedUntil = Math.max(b.blockedUntil, until);
  }

  /** The longest window of a destination: how far back to seed from the DB. */
  static horizonMs(d: Destination): number {
    return Math.max(0, ...d.windows.map((w) => w.windowMs));
  }
}

// One limiter per database handle: every dispatcher of this instance shares it.
const limiters = new WeakMap<object, RateLimiter>();

export function limiterFor(db: object): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiter();
    limiters.set(db, limiter);
  }
  return limiter;
}
