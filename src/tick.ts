import type { AppDeps } from './deps';

/**
 * Periodic work, run each minute by the Workers cron and by the Node host's timer.
 * Later features add their steps here (outbox dispatch, deadlines, draft expiry).
 */
export async function tick(_deps: AppDeps): Promise<void> {}
