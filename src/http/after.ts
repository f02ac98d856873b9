import type { Context } from 'hono';
import type { AppDeps } from '../deps';

/** Runs `work` after the response: the request's waitUntil on Workers, the host's `defer` elsewhere. */
export function runAfterResponse(c: Context, deps: AppDeps, work: () => Promise<unknown>): void {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    // Node: Hono throws when there is no execution context.
  }
  if (ctx) ctx.waitUntil(work());
  else deps.defer(work);
}
