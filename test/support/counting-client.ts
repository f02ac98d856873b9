import type { Client } from '@libsql/client';

const DRIVER_CALLS = new Set(['execute', 'batch', 'executeMultiple', 'transaction', 'migrate']);

/** Wraps a libSQL client so every call that reaches the driver (one database round trip) is recorded. */
export function countingClient(client: Client) {
  const calls: string[] = [];
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value === 'function' && DRIVER_CALLS.has(String(prop))) {
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { proxy, calls };
}
