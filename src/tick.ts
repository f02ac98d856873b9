import { deleteExpiredDrafts } from '../db/repo/drafts';
import { runAnnex4Deadlines } from './cases/deadlines';
import type { AppDeps } from './deps';
import { dispatch } from './notify/dispatcher';

/**
 * Periodic work, run each minute by the Workers cron and by the Node host's timer. Each step is
 * idempotent and safe to run on two instances at once.
 */
export async function tick(deps: AppDeps): Promise<void> {
  const now = deps.clock();
  await deleteExpiredDrafts(deps.db, now);
  // Before dispatching, so reminders and escalations written now go out in the same tick.
  await runAnnex4Deadlines(deps);
  await dispatch(deps);
}
