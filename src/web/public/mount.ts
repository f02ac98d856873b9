import type { MiddlewareHandler } from 'hono';

// What the app needs of the public pages before loading them: the paths they answer and the widget's
// cross-origin header. The pages themselves (routes.tsx) are loaded on their first request, so an intake
// API request never evaluates them (ARCHITECTURE.md § Evaluate only what a request needs).

export const WIDGET_PATH = '/widget.js';

/** The paths publicPages answers. */
export const PUBLIC_PAGE_PATHS = [WIDGET_PATH, '/assets/*', '/demo', '/report', '/status', '/status/*'];

/**
 * The app-wide secureHeaders() sets Cross-Origin-Resource-Policy: same-origin, which would stop portals
 * from loading /widget.js. Registered before secureHeaders, this runs after it and opens that one file.
 */
export function crossOriginWidget(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.path === WIDGET_PATH) c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  };
}
