// Route groups loaded on their first request. A reporter's first request to a fresh Worker isolate should
// not pay for evaluating the console, the admin pages or the bot: each group is a sub-app behind a dynamic
// import(), which the bundler keeps lazy (esbuild wraps the imported modules in a function that runs on the
// first import). `npm run bench` (section 7) reports the start-up and the code evaluated before it.
import type { Context, Env, Handler } from 'hono';

export interface LazyApp {
  fetch: (request: Request, env?: unknown, executionCtx?: ExecutionContext) => Response | Promise<Response>;
}

/**
 * A handler that builds the sub-app with `load` on the first request (once per isolate or host) and hands
 * it every request for its paths. The sub-app sees the same request, the same request id (header) and the
 * same execution context, so it answers exactly as it would mounted with `app.route`.
 */
export function lazyApp<E extends Env & { Variables: { requestId: string } }>(
  load: () => Promise<LazyApp>,
): Handler<E> {
  let loading: Promise<LazyApp> | undefined;
  return async (c: Context<E>) => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined; // a failed load is tried again by the next request
      throw err;
    });
    const app = await loading;
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-request-id', c.get('requestId'));
    return app.fetch(new Request(c.req.raw, { headers }), c.env, executionCtxOf(c));
  };
}

function executionCtxOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined; // Node: Hono throws when there is no execution context
  }
}
