// When to try a failed notification again.
//
// Ten attempts over about six hours. The first retries come within seconds because most failures are a blip
// (a robot's 5xx, a dropped connection) and an alert that waits minutes for a blip is an alert held back;
// the later ones cover a robot that is down for an afternoon.
//   attempt:   1    2     3     4     5      6      7      8       9       10   → dead
//   then wait: 5 s  30 s  2 min 4 min 10 min 25 min 50 min 100 min 170 min      (Σ ≈ 6 h)
// Each wait is jittered ±20 % from the injected randomness so rows that failed together do not retry
// together, and is never shorter than a retry-after the destination asked for. On the Node host the
// dispatcher's timer is set for the next due row, so a 5 s retry happens after 5 s, not at the next minute
// tick; on Workers the cron runs each minute (and every request that writes rows kicks the dispatcher).
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  30_000,
  ...[2, 4, 10, 25, 50, 100, 170].map((min) => min * 60_000),
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const JITTER = 0.2;

/** A uniform number in [0, 1) from injected random bytes. */
export function unitRandom(random: (bytes: number) => Uint8Array): number {
  const b = random(4);
  const n = (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  return n / 2 ** 32;
}

/** The wait after `attempts` failed attempts (1-based), at least `retryAfterMs`. */
export function retryDelayMs(attempts: number, random: (bytes: number) => Uint8Array, retryAfterMs = 0): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1] ?? 60_000;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * unitRandom(random)));
  return Math.max(jittered, retryAfterMs);
}
