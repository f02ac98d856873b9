// Every request handler that wrote outbox rows (a submit, a message to a reporter, Annex 4 filed) ends with
// this: the rows' first try runs alongside and after the response (the request's waitUntil on Workers),
// instead of waiting for the next tick. Nothing is lost if it does not run: the tick sends them.
// Who sends is the host's `sendOutboxSoon` (src/deps.ts), so a request that writes nothing never evaluates the
// dispatcher, and the public Worker never carries it.
import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import { runAfterResponse } from '../http/after';

export function dispatchAfterResponse(c: Context, deps: AppDeps): void {
  const send = deps.sendOutboxSoon;
  if (send) runAfterResponse(c, deps, send);
}
