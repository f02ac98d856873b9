// createApp(deps) builds the whole Hono app both hosts serve (hosts differ only in how they build deps): the
// reporter's side (src/public-app.ts) and, loaded on first use, the API's OpenAPI document, the chat webhooks and
// the officers' console.
import { Hono } from 'hono';
import { publicUrl } from './config';
import type { AppDeps, AppEnv } from './deps';
import { lazyApp } from './http/lazy';
import { createPublicApp, subApp } from './public-app';

export function createApp(host: AppDeps) {
  // The outbox's first try after a write runs here, the dispatcher loaded on first use.
  const deps: AppDeps = {
    ...host,
    sendOutboxSoon: host.sendOutboxSoon ?? (async () => (await import('./notify/dispatcher')).dispatchSoon(deps)),
  };
  const { app, intake } = createPublicApp(deps);
  app.get('/api/openapi.json', async (c) =>
    c.json((await import('./api/openapi')).openApiDocument(publicUrl(deps.config))),
  );
  app.all(
    '/wechat',
    lazyApp(async () => {
      const { wechatRoutes } = await import('./wechat/routes');
      return subApp(deps, new Hono<AppEnv>().route('/wechat', wechatRoutes(deps, intake)));
    }),
  );
  // Loaded on first use, so a reporter's first request does not evaluate the bot (telegraf) or the console.
  app.all(
    '/telegram/*',
    lazyApp(async () => {
      const { telegramRoutes } = await import('./bot/webhook');
      return subApp(deps, new Hono<AppEnv>().route('/telegram', telegramRoutes(deps, intake)));
    }),
  );
  const consoleApp = lazyApp<AppEnv>(async () =>
    subApp(deps, (await import('./web/console/routes')).consoleRoutes(deps)),
  );
  for (const path of ['/console/*', '/login', '/logout']) app.all(path, consoleApp);

  return app;
}

export type App = ReturnType<typeof createApp>;
