import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { type Config, publicUrl } from '../../config';
import { ApiError } from '../../http/errors';

// Who may use the intake API from a browser: the portals in ALLOWED_ORIGINS and the app's own pages.
// Anyone else's page gets no Access-Control-Allow-Origin (the browser hides the answer), and a request that
// could change something (anything but GET/HEAD/OPTIONS) is refused outright with 403, because a simple
// form post or a no-cors fetch from elsewhere would otherwise still act even though its answer is hidden.
// Requests without an Origin header (curl, servers, the Telegram webhook) are not browsers acting for a
// page, and are unaffected.

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

/** Allow-list entries that are real origins (a stray path or quote in the env must not reach a header). */
export function allowedOrigins(config: Config): string[] {
  return config.ALLOWED_ORIGINS.map((o) => o.replace(/\/$/, '')).filter((o) => ORIGIN.test(o));
}

/** The app's own origins: the one it was reached at and, when set, PUBLIC_URL's (behind a proxy). */
export function ownOrigins(c: Context, config: Config): string[] {
  const own = [new URL(c.req.url).origin];
  if (config.PUBLIC_URL) own.push(new URL(publicUrl(config)).origin);
  return own;
}

export function isOwnOrigin(origin: string, c: Context, config: Config): boolean {
  return ownOrigins(c, config).includes(origin);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CORS for /api/*: allowed origins get the usual headers; others none, and 403 for unsafe methods. */
export function apiOriginPolicy(config: Config): MiddlewareHandler {
  const allowed = new Set(allowedOrigins(config));
  const ok = (origin: string, c: Context) => allowed.has(origin) || isOwnOrigin(origin, c, config);
  const corsHeaders = cors({
    origin: (origin, c) => (origin && ok(origin, c) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'X-Resume-Token', 'Idempotency-Key', 'Accept-Language'],
    exposeHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    // "null" (sandboxed frames, opaque redirects) is a browser origin that is never on the list.
    if (origin !== undefined && !ok(origin, c) && !SAFE_METHODS.has(c.req.method)) {
      throw new ApiError(403, 'origin_forbidden');
    }
    return corsHeaders(c, next);
  };
}
