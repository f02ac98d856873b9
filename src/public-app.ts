// The reporter's side of the app: the intake API, the reporter's pages and the widget, health. createApp
// (src/app.ts) adds the officers' side and the chat webhooks to it; the public Worker (functions/public-worker.ts)
// serves it alone and passes every other request to the full worker, so a reporter's first request to a fresh
// isolate never compiles the console, the exports or the bot (ARCHITECTURE.md § Start-up).
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { jurisdictionCache } from '../db/repo/jurisdictions';
import { intakeRoutes } from './api/intake-routes';
import type { AppDeps, AppEnv } from './deps';
import { notFound, onError } from './http/errors';
import { health } from './http/health';
import { type LazyApp, lazyApp } from './http/lazy';
import { requestLog } from './http/request-log';
import { loggerOf } from './log';
import { dispatchAfterResponse } from './notify/after-response';
import { createIntakeService, type IntakeService } from './service/intake-service';
import { crossOriginWidget, PUBLIC_PAGE_PATHS } from './web/public/mount';
import { apiOriginPolicy } from './web/public/origins';

/** The paths the reporter's side answers: everything else belongs to the full app. */
export const PUBLIC_PATHS = ['/healthz', '/api/*', ...PUBLIC_PAGE_PATHS];

/**
 * Within those, what only the full app answers (src/app.ts): the API's OpenAPI document, for integrators. zod's
 * JSON Schema generator is a quarter of zod, and no reporter's request needs it.
 */
export const FULL_APP_ONLY_PATHS = ['/api/openapi.json'];

export function createPublicApp(deps: AppDeps): { app: Hono<AppEnv>; intake: IntakeService } {
  const app = new Hono<AppEnv>();
  const juris = jurisdictionCache(deps.db, deps.clock);
  const intake = createIntakeService(deps, juris);

  // Before secureHeaders, so it runs after it: lets portals load /widget.js (Cross-Origin-Resource-Policy).
  app.use(crossOriginWidget());
  app.use(requestLog(deps));
  app.use(secureHeaders());
  app.onError(onError);
  app.notFound(notFound);

  app.get('/healthz', (c) => health(deps, c));

  // CORS: only allow-listed portals and the app's own pages; others' unsafe requests get 403.
  app.use('/api/*', apiOriginPolicy(deps.config));
  // A submit wrote the report's outbox row: its first try starts right after the answer.
  app.route(
    '/api',
    intakeRoutes(deps, intake, (c) => dispatchAfterResponse(c, deps)),
  );
  // The reporter's pages are loaded on their first request too: an intake API request never evaluates them.
  const pages = lazyApp<AppEnv>(async () =>
    subApp(deps, (await import('./web/public/routes')).publicPages(deps, intake)),
  );
  for (const path of PUBLIC_PAGE_PATHS) app.all(path, pages);
  return { app, intake };
}

/** A lazily loaded route group with the app's request id, logger, error shape and 404. */
export function subApp<E extends AppEnv>(deps: AppDeps, routes: Hono<E>): LazyApp {
  const app = new Hono<AppEnv>();
  const log = loggerOf(deps);
  app.use(async (c, next) => {
    // The parent request's id: lazyApp forwards it in x-request-id, replacing whatever a client sent.
    c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());
    c.set('log', log);
    await next();
  });
  app.onError(onError);
  app.notFound(notFound);
  app.route('/', routes);
  return app;
}
