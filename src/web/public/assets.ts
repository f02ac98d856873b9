import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../deps';
import { REPORT_FORM_JS, WIDGET_ETAG, WIDGET_JS } from '../../widget/generated/bundle';
import { WIDGET_PATH } from './mount';
import { SITE_CSS } from './site-css';

// The static files the public side serves from memory (Workers have no file system): the widget's script,
// the report form's progressive-enhancement script and the site's stylesheet.

function asset(c: Context, body: string, type: string, cache: string, etag?: string) {
  if (etag && c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag, 'Cache-Control': cache });
  return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cache, ...(etag ? { ETag: etag } : {}) });
}

export function assetRoutes() {
  const app = new Hono<AppEnv>();
  // Embedders use one fixed URL, so the cache is short and revalidated by ETag.
  app.get(WIDGET_PATH, (c) =>
    asset(
      c,
      WIDGET_JS,
      'application/javascript; charset=utf-8',
      'public, max-age=300, stale-while-revalidate=86400',
      WIDGET_ETAG,
    ),
  );
  app.get('/assets/report-form.js', (c) =>
    asset(c, REPORT_FORM_JS, 'application/javascript; charset=utf-8', 'public, max-age=3600'),
  );
  app.get('/assets/site.css', (c) => asset(c, SITE_CSS, 'text/css; charset=utf-8', 'public, max-age=3600'));
  return app;
}
