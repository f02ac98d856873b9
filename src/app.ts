// createApp(deps) builds the one Hono app both hosts serve; hosts differ only in how they build deps.
import { count } from 'drizzle-orm';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { jurisdictionCache } from '../db/repo/jurisdictions';
import { jurisdictions } from '../db/schema';
import { intakeRoutes } from './api/intake-routes';
import { openApiDocument } from './api/openapi';
import { publicUrl } from './config';
import type { AppDeps, AppEnv } from './deps';
import { notFound, onError } from './http/errors';
import { createIntakeService } from './service/intake-service';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const juris = jurisdictionCache(deps.db, deps.clock);
  const intake = createIntakeService(deps, juris);

  app.use(requestId());
  app.use(secureHeaders());
  app.onError(onError);
  app.notFound(notFound);

  app.get('/healthz', async (c) => {
    const [row] = await deps.db.select({ n: count() }).from(jurisdictions);
    return c.json({ ok: true, database: 'reachable', jurisdictions: row?.n ?? 0, time: deps.clock().toISOString() });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(publicUrl(deps.config))));
  app.route('/api', intakeRoutes(deps, intake, () => {}));

  return app;
}

export type App = ReturnType<typeof createApp>;
