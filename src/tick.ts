import { deleteExpiredDrafts } from '../db/repo/drafts';
import { deleteOldInbound } from '../db/repo/inbound';
import { ensureFirstAdmin } from './auth/first-admin';
import { deleteStaleLimits } from './auth/throttle';
import { runAnnex4Deadlines } from './cases/deadlines';
import { runMajorFollowUps } from './city/major-risk';
import type { AppDeps } from './deps';
import { dispatch } from './notify/dispatcher';
import { dispatchSms } from './sms/outbound';
import { runOverdueSms } from './sms/overdue';

/** How long inbound event keys (Telegram update ids, Idempotency-Keys) are remembered. */
// The cron runs once a minute: a destination's lane may wait for its rate-limit tokens for most of it, so a
// Telegram group gets its 20 a minute even on Workers (cron invocations may run for minutes).
const TICK_LANE_WAIT_MS = 50_000;

const INBOUND_KEY_DAYS = 7;

/**
 * Periodic work, run each minute by the Workers cron and by the Node host's timer. Each step is
 * idempotent and safe to run on two instances at once.
 */
export async function tick(deps: AppDeps): Promise<void> {
  const now = deps.clock();
  // Workers have no start-up step: the first admin comes from the ADMIN_PASSWORD secret on the first tick.
  // (The Node host creates it at start, printing a one-time password when none is configured.)
  if (deps.config.ADMIN_PASSWORD) await ensureFirstAdmin(deps);
  await deleteExpiredDrafts(deps.db, now);
  await deleteOldInbound(deps.db, new Date(now.getTime() - INBOUND_KEY_DAYS * 86_400_000));
  // Sign-in, lookup and rate counters only matter inside their window and lock.
  await deleteStaleLimits(deps.db, now);
  // Before dispatching, so reminders and escalations written now go out in the same tick.
  await runAnnex4Deadlines(deps);
  await runMajorFollowUps(deps);
  await runOverdueSms(deps);
  await dispatch(deps, { maxLaneWaitMs: TICK_LANE_WAIT_MS });
  await dispatchSms(deps);
}
