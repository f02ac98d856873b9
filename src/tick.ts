import { deleteExpiredDrafts } from '../db/repo/drafts';
import { TICK_STATE_KEY, writeHostState } from '../db/repo/host-state';
import { deleteOldInbound } from '../db/repo/inbound';
import { ensureFirstAdmin } from './auth/first-admin';
import { deleteStaleLimits } from './auth/throttle';
import { runAnnex4Deadlines } from './cases/deadlines';
import { applyRetention } from './cases/retention';
import { runMajorFollowUps } from './city/major-risk';
import type { AppDeps } from './deps';
import { errorFields, loggerOf } from './log';
import { sealPlainSecrets, secretsKeyProblem } from './notify/channel-secrets';
import { dispatch } from './notify/dispatcher';
import { dispatchSms, type SmsDispatchResult } from './sms/outbound';
import { runOverdueSms } from './sms/overdue';

/** How long inbound event keys (Telegram update ids, Idempotency-Keys) are remembered. */
// The cron runs once a minute: a destination's lane may wait for its rate-limit tokens for most of it, so a
// Telegram group gets its 20 a minute even on Workers (cron invocations may run for minutes).
const TICK_LANE_WAIT_MS = 50_000;

const INBOUND_KEY_DAYS = 7;

/** What one tick did: logged as one JSON line (`tick`) and kept for /healthz. */
export interface TickSummary {
  at: string;
  ms: number;
  draftsDeleted: number;
  reminders: number;
  escalations: number;
  majorFollowUps: number;
  overdueSms: number;
  dispatch: { claimed: number; sent: number; retried: number; dead: number; deferred: number };
  sms: SmsDispatchResult;
  secretsSealed: number;
  /** Set when stored secrets cannot be opened (SECRETS_KEY missing or wrong): the sentence names the setting. */
  secretsProblem?: string;
  retention: { cases: number; reports: number };
}

/**
 * Periodic work, run each minute by the Workers cron and by the Node host's timer. Each step is
 * idempotent and safe to run on two instances at once.
 */
export async function tick(deps: AppDeps): Promise<TickSummary> {
  const now = deps.clock();
  const log = loggerOf(deps);
  const began = Date.now();
  try {
    // Workers have no start-up step: the first admin comes from the ADMIN_PASSWORD secret on the first tick.
    // (The Node host creates it at start, printing a one-time password when none is configured.)
    if (deps.config.ADMIN_PASSWORD) await ensureFirstAdmin(deps);
    const draftsDeleted = await deleteExpiredDrafts(deps.db, now);
    await deleteOldInbound(deps.db, new Date(now.getTime() - INBOUND_KEY_DAYS * 86_400_000));
    // Sign-in, lookup and rate counters only matter inside their window and lock.
    await deleteStaleLimits(deps.db, now);
    // Before dispatching, so reminders and escalations written now go out in the same tick.
    const deadlines = await runAnnex4Deadlines(deps);
    const majorFollowUps = await runMajorFollowUps(deps);
    const overdueSms = await runOverdueSms(deps);
    const sent = await dispatch(deps, { maxLaneWaitMs: TICK_LANE_WAIT_MS });
    const sms = await dispatchSms(deps);
    // Housekeeping after the sends, which are what the minute is for.
    // Workers have no start either: stored secrets without a usable key are reported here, plain ones sealed.
    const secretsProblem = await secretsKeyProblem(deps);
    if (secretsProblem) log('error', 'secrets.key_problem', { setting: 'SECRETS_KEY', problem: secretsProblem });
    const secretsSealed = secretsProblem ? 0 : await sealPlainSecrets(deps);
    const retention = await applyRetention(deps);
    const summary: TickSummary = {
      at: now.toISOString(),
      ms: Date.now() - began,
      draftsDeleted,
      reminders: deadlines.reminders,
      escalations: deadlines.escalations,
      majorFollowUps,
      overdueSms,
      dispatch: {
        claimed: sent.claimed,
        sent: sent.sent,
        retried: sent.retried,
        dead: sent.dead,
        deferred: sent.deferred,
      },
      sms,
      secretsSealed,
      ...(secretsProblem ? { secretsProblem } : {}),
      retention,
    };
    await writeHostState(deps.db, TICK_STATE_KEY, summary, now);
    log('info', 'tick', { ...summary });
    return summary;
  } catch (err) {
    log('error', 'tick.failed', { at: now.toISOString(), ms: Date.now() - began, ...errorFields(err) });
    throw err;
  }
}
