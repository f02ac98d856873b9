// Recording a failed try: retry later on the backoff schedule, or dead after the last attempt.
import type { Db } from '../../db/client';
import { markDead, type OutboxRow, reschedule } from '../../db/repo/outbox';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';

export interface Failure {
  error: string;
  retryAfterMs?: number | undefined;
  permanent?: boolean | undefined;
}

export async function recordFailure(
  db: Db,
  random: (bytes: number) => Uint8Array,
  row: OutboxRow,
  owner: string,
  now: Date,
  failure: Failure,
): Promise<'retried' | 'dead'> {
  const attempts = row.attempts + 1;
  const lastError = failure.error.slice(0, 500);
  if (failure.permanent || attempts >= MAX_ATTEMPTS) {
    await markDead(db, row.id, owner, attempts, lastError);
    return 'dead';
  }
  const at = new Date(now.getTime() + retryDelayMs(attempts, random, failure.retryAfterMs));
  await reschedule(db, row.id, owner, at, { attempts, lastError });
  return 'retried';
}
