import { deleteExpiredDrafts } from '../db/repo/drafts';
import type { AppDeps } from './deps';

/**
 * Periodic work, run each minute by the Workers cron and by the Node host's timer. Each step is
 * idempotent and safe to run on two instances at once.
 */
export async function tick(deps: AppDeps): Promise<void> {
  const now = deps.clock();
  await deleteExpiredDrafts(deps.db, now);
}
