import type { Context } from 'hono';
import type { Config } from '../config';

// The client's address, for per-address limits. Headers are written by whoever sends the request, so one is
// believed only where a proxy we trust has overwritten it:
//  - on Workers, Cloudflare's edge sets CF-Connecting-IP itself (a client's copy is replaced), and nothing else
//    is read;
//  - on the Node host, the socket's peer address, unless TRUST_PROXY says what stands in front: `cloudflare`
//    (a Cloudflare tunnel or proxy: CF-Connecting-IP) or a number N of reverse proxies that each append the
//    address they saw to X-Forwarded-For (the client is then the N-th entry from the right; entries further left
//    were written by the client and are ignored).

/** An IPv4 or IPv6 literal (no ports, no names): anything else in a header is not an address. */
const ADDRESS = /^[0-9A-Fa-f.:]{2,45}$/;

function socketAddress(env: unknown): string | undefined {
  if (!env || typeof env !== 'object' || !('incoming' in env)) return undefined;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: unknown } } }).incoming;
  const address = incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : 'unknown';
}

const valid = (value: string | undefined) => (value && ADDRESS.test(value.trim()) ? value.trim() : undefined);

export function clientAddress(c: Context, config: Pick<Config, 'TRUST_PROXY'>): string {
  const socket = socketAddress(c.env);
  // No Node socket: this is Workers, where the edge sets the header.
  if (socket === undefined) return valid(c.req.header('cf-connecting-ip')) ?? 'unknown';
  const trust = config.TRUST_PROXY;
  if (trust === 'cloudflare') return valid(c.req.header('cf-connecting-ip')) ?? socket;
  if (typeof trust === 'number') {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim());
    const forwarded = hops.length >= trust ? valid(hops[hops.length - trust]) : undefined;
    return forwarded ?? socket;
  }
  return socket;
}
