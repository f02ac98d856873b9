// The officers' view of the outbox (JSON for now): rows by state with attempts, next attempt and the last
// error, so a dead or stuck notification is seen. Mounted at /console/api/outbox, for accounts that manage settings.
import { Hono } from 'hono';
import { countOutbox, listOutbox, OUTBOX_STATES } from '../../db/repo/outbox';
import type { AppDeps, AppEnv } from '../deps';
import { validated } from '../http/validate';
import * as z from '../zod';

const outboxQuerySchema = z.object({
  state: z._default(z.enum(OUTBOX_STATES), 'pending'),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function notifyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/outbox', validated('query', outboxQuerySchema), async (c) => {
    const { state, limit } = c.req.valid('query');
    const now = deps.clock().getTime();
    const [rows, counts] = await Promise.all([listOutbox(deps.db, state, limit), countOutbox(deps.db)]);
    return c.json({
      state,
      counts,
      rows: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        reportId: r.reportId,
        channel: r.channelId ? { id: r.channelId, name: r.channelName, type: r.channelType } : null,
        state: r.state,
        attempts: r.attempts,
        nextAttemptAt: r.state === 'pending' ? iso(r.nextAttemptAt) : null,
        lastError: r.lastError,
        sending: r.leaseUntil !== null && r.leaseUntil.getTime() > now,
        createdAt: iso(r.createdAt),
        sentAt: iso(r.sentAt),
      })),
    });
  });

  return app;
}
