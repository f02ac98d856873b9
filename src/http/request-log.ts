// Request ids and the access log. The id is always the server's own (a random UUID) — a client-chosen id
// could collide with or impersonate another request in the logs. A client's X-Request-Id is kept only as
// a separate, length-limited `clientRequestId` field for matching up with the client's own logs.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import { errorFields, loggerOf } from '../log';

const CLIENT_ID_MAX = 64;
const CLIENT_ID_CHARS = /[^\w\-=.:]/g;

export function requestLog(deps: Pick<AppDeps, 'log' | 'config'>): MiddlewareHandler<AppEnv> {
  const log = loggerOf(deps);
  return async (c, next) => {
    const id = crypto.randomUUID();
    c.set('requestId', id);
    c.set('log', log);
    const given = c.req.header('x-request-id')?.replace(CLIENT_ID_CHARS, '').slice(0, CLIENT_ID_MAX);
    const started = performance.now();
    try {
      await next();
    } finally {
      c.header('x-request-id', id);
      const status = c.res.status;
      log(status >= 500 ? 'error' : 'info', 'http.request', {
        requestId: id,
        ...(given ? { clientRequestId: given } : {}),
        method: c.req.method,
        // The path only: query strings can carry a receipt number.
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}

/** Logs an unexpected error of a request (the 500 path) with its request id. */
export function logRequestError(
  c: { get: (k: 'requestId') => string | undefined; req: { method: string; path: string } },
  log: ReturnType<typeof loggerOf>,
  err: unknown,
) {
  log('error', 'http.error', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    ...errorFields(err),
  });
}
