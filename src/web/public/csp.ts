import type { Context } from 'hono';
import type { Config } from '../../config';
import { allowedOrigins } from './origins';

// The Content-Security-Policy of the app's own HTML pages: everything from this origin only, no inline
// script or style (the pages load /assets/site.css and /assets/report-form.js). Pages meant to be framed
// by a portal (the iframe fallback for /report and /status) name the allow-listed portals in
// frame-ancestors; the rest may only be framed by the app itself.

export function pageCsp(config: Config, frameable: boolean): string {
  const ancestors = frameable ? ["'self'", ...allowedOrigins(config)] : ["'self'"];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** Answers a rendered page with the doctype and the CSP. */
export function htmlPage(
  c: Context,
  config: Config,
  body: string,
  opts: { frameable?: boolean; status?: 200 | 400 | 403 | 404 | 409 | 429 } = {},
) {
  c.header('Content-Security-Policy', pageCsp(config, opts.frameable ?? false));
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${body}`, opts.status ?? 200);
}
