// Console guards: a session or a redirect to /login, CSRF on every state-changing request, and roles.
import type { Context, MiddlewareHandler } from 'hono';
import { publicUrl } from '../config';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError } from '../http/errors';
import { timingSafeEqual } from '../ids';
import { can, type Permission } from './roles';
import { loadSession, type Session } from './session';

export type ConsoleEnv = { Variables: AppEnv['Variables'] & { session: Session } };

const isApi = (path: string) => path.startsWith('/console/api/');

/** Pages a signed-in officer who must change the password may still reach. */
const WHILE_MUST_CHANGE = new Set(['/console/profile', '/console/profile/password', '/logout']);

export function requireSession(deps: AppDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const session = await loadSession(c, deps);
    if (!session) {
      if (isApi(c.req.path) || c.req.method !== 'GET') throw new ApiError(401, 'unauthorized');
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    if (session.account.mustChangePassword && !WHILE_MUST_CHANGE.has(c.req.path)) {
      return c.redirect('/console/profile', 302);
    }
    c.set('session', session);
    await next();
  };
}

/** The `_csrf` form field (or `X-CSRF-Token` header) must match the session's token on every non-GET. */
export function csrfGuard(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const expected = c.get('session').csrf;
    const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
    if (!sent || !timingSafeEqual(sent, expected)) throw new ApiError(403, 'csrf_invalid');
    await next();
  };
}

/**
 * Refuses cross-site form posts where there is no session yet to bind a token to (the sign-in form): the
 * Origin must be this server as the browser reached it (the request URL, or PUBLIC_URL behind a proxy).
 */
export function sameOriginGuard(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      const allowed = [new URL(c.req.url).origin, new URL(publicUrl(deps.config)).origin];
      if (origin && !allowed.includes(origin)) throw new ApiError(403, 'csrf_invalid');
      if (c.req.header('sec-fetch-site') === 'cross-site') throw new ApiError(403, 'csrf_invalid');
    }
    await next();
  };
}

export function requirePermission(permission: Permission): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!can(c.get('session').account, permission)) throw new ApiError(403, 'forbidden');
    await next();
  };
}

/** One field of a urlencoded or multipart body (Hono caches the parsed body for the handler). */
async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}
