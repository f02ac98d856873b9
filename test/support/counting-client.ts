import type { Client } from '@libsql/client';

const DRIVER_CALLS = new Set(['execute', 'batch', 'executeMultiple', 'transaction', 'migrate']);

/**
 * Wraps a libSQL client so every call that reaches the driver (one database round trip) is recorded, and
 * whether it waited for the others: `waits` counts the calls that started while none was in flight — the
 * round trips a request pays one after another (calls started together share one wait). The embedded file
 * answers within the same turn of the event loop; each call is held for one turn first, as a network hop
 * would hold it, so calls a request starts together are seen together.
 */
export function countingClient(client: Client) {
  const calls: string[] = [];
  let inFlight = 0;
  const counter = {
    proxy: new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value === 'function' && DRIVER_CALLS.has(String(prop))) {
          return async (...args: unknown[]) => {
            calls.push(String(prop));
            if (inFlight++ === 0) counter.waits++;
            try {
              await new Promise((hop) => setImmediate(hop));
              return await value.apply(target, args);
            } finally {
              inFlight--;
            }
          };
        }
        return value;
      },
    }),
    calls,
    waits: 0,
    /** Forgets what was recorded (between the requests of a test). */
    reset() {
      calls.length = 0;
      counter.waits = 0;
    },
  };
  return counter;
}
