// Every request handler that wrote outbox rows (a submit, a message to a reporter, Annex 4 filed) ends with
// this: the rows' first try runs alongside and after the response (the request's waitUntil on Workers),
// instead of waiting for the next tick. Nothing is lost if it does not run: the tick sends them.
// Its own module with a dynamic import, so a request that writes nothing never evaluates the dispatcher.
import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import { runAfterResponse } from '../http/after';

export function dispatchAfterResponse(c: Context, deps: AppDeps): void {
  runAfterResponse(c, deps, async () => (await import('./dispatcher')).dispatchSoon(deps));
}
