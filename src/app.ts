// createApp(deps) builds the one Hono app both hosts serve; hosts differ only in how they build deps.
import { count } from 'drizzle-orm';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { jurisdictionCache } from '../db/repo/jurisdictions';
import { jurisdictions } from '../db/schema';
import { intakeRoutes } from './api/intake-routes';
import { openApiDocument } from './api/openapi';
import { telegramRoutes } from './bot/webhook';
import { publicUrl } from './config';
import type { AppDeps, AppEnv } from './deps';
import { notFound, onError } from './http/errors';
import { requestLog } from './http/request-log';
import { coverageWarnings, notificationCoverage } from './notify/coverage';
import { dispatchAfterResponse } from './notify/dispatcher';
import { createIntakeService } from './service/intake-service';
import { consoleRoutes } from './web/console/routes';
import { apiOriginPolicy } from './web/public/origins';
import { crossOriginWidget, publicPages } from './web/public/routes';
import { wechatRoutes } from './wechat/routes';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const juris = jurisdictionCache(deps.db, deps.clock);
  const intake = createIntakeService(deps, juris);

  // Before secureHeaders, so it runs after it: lets portals load /widget.js (Cross-Origin-Resource-Policy).
  app.use(crossOriginWidget());
  app.use(requestLog(deps));
  app.use(secureHeaders());
  app.onError(onError);
  app.notFound(notFound);

  app.get('/healthz', async (c) => {
    const [[row], coverage] = await Promise.all([
      deps.db.select({ n: count() }).from(jurisdictions),
      notificationCoverage(deps.db),
    ]);
    // Set-up gaps do not make the host unhealthy, but monitoring should show them until the admin fixes them.
    const warnings = coverageWarnings(coverage);
    return c.json({
      ok: true,
      database: 'reachable',
      jurisdictions: row?.n ?? 0,
      time: deps.clock().toISOString(),
      warnings,
    });
  });

  // CORS: only allow-listed portals and the app's own pages; others' unsafe requests get 403.
  app.use('/api/*', apiOriginPolicy(deps.config));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(publicUrl(deps.config))));
  // A submit wrote the report's outbox row: its first try starts right after the answer.
  app.route(
    '/api',
    intakeRoutes(deps, intake, (c) => dispatchAfterResponse(c, deps)),
  );
  app.route('/telegram', telegramRoutes(deps, intake));
  app.route('/wechat', wechatRoutes(deps, intake));
  app.route('/', publicPages(deps, intake));
  app.route('/', consoleRoutes(deps));

  return app;
}

export type App = ReturnType<typeof createApp>;
