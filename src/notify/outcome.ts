// Recording a failed try: retry later on the backoff schedule, or dead after the last attempt. A
// destination that says "too many requests, retry after N s" is not a failure of the row: it waits exactly
// that long and keeps its attempts (counting it drove rows down the ladder to minutes-long waits).
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
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  owner: string,
  now: Date,
  failure: Failure,
  /** What is left to send, when part of the row went out (a bot reply's first messages). */
  payload?: unknown,
): Promise<'retried' | 'deferred' | 'dead'> {
  const lastError = failure.error.slice(0, 500);
  const rest = payload === undefined ? {} : { payload };
  if (failure.retryAfterMs !== undefined && !failure.permanent) {
    await reschedule(db, row.id, owner, new Date(now.getTime() + failure.retryAfterMs), { lastError, ...rest });
    return 'deferred';
  }
  const attempts = row.attempts + 1;
  if (failure.permanent || attempts >= MAX_ATTEMPTS) {
    await markDead(db, row.id, owner, attempts, lastError);
    return 'dead';
  }
  const at = new Date(now.getTime() + retryDelayMs(attempts, random));
  await reschedule(db, row.id, owner, at, { attempts, lastError, ...rest });
  return 'retried';
}
