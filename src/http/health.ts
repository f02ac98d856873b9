// GET /healthz: the database answers, the set-up gaps an admin must fix, and whether the background work is
// keeping up — the outbox queue (pending, dead, the oldest pending row's age), when the periodic tick last
// ran (from the database, so every instance and Workers isolate sees it) and the Telegram polling loop.
import { count } from 'drizzle-orm';
import type { Context } from 'hono';
import { readHostState, TICK_STATE_KEY } from '../../db/repo/host-state';
import { outboxHealth } from '../../db/repo/outbox';
import { jurisdictions } from '../../db/schema';
import { telegramSettings } from '../bot/settings';
import type { AppDeps } from '../deps';
import { coverageWarnings, notificationCoverage } from '../notify/coverage';
import type { TickSummary } from '../tick';

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

function botHealth(deps: AppDeps) {
  const mode = telegramSettings(deps.config)?.mode ?? 'off';
  const polling = mode === 'polling' ? deps.botPolling?.() : undefined;
  return polling
    ? { mode, state: polling.state, since: polling.since.toISOString(), failures: polling.failures }
    : { mode };
}

export async function health(deps: AppDeps, c: Context) {
  const now = deps.clock();
  const [[row], coverage, queue, lastTick] = await Promise.all([
    deps.db.select({ n: count() }).from(jurisdictions),
    notificationCoverage(deps.db),
    outboxHealth(deps.db),
    readHostState(deps.db, TICK_STATE_KEY),
  ]);
  // Set-up gaps do not make the host unhealthy, but monitoring should show them until the admin fixes them.
  const warnings = coverageWarnings(coverage);
  const summary = lastTick?.value as Partial<TickSummary> | undefined;
  if (summary?.secretsProblem) warnings.push(summary.secretsProblem);
  return c.json({
    ok: true,
    database: 'reachable',
    jurisdictions: row?.n ?? 0,
    time: now.toISOString(),
    warnings,
    outbox: {
      pending: queue.pending,
      dead: queue.dead,
      oldestPendingAgeSeconds: queue.oldestPendingAt ? seconds(queue.oldestPendingAt, now) : null,
    },
    lastTick: lastTick ? { at: lastTick.updatedAt.toISOString(), ageSeconds: seconds(lastTick.updatedAt, now) } : null,
    bot: botHealth(deps),
  });
}
