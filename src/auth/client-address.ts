import type { Context } from 'hono';

/**
 * The client's address for throttling: Cloudflare's header on Workers (set by the edge, not the client),
 * the socket's peer address on the Node server (@hono/node-server passes the request as `env.incoming`).
 * X-Forwarded-For is not trusted: anyone can write it.
 */
export function clientAddress(c: Context): string {
  const cf = c.req.header('cf-connecting-ip');
  if (cf) return cf;
  const env: unknown = c.env;
  if (env && typeof env === 'object' && 'incoming' in env) {
    const incoming = (env as { incoming?: { socket?: { remoteAddress?: unknown } } }).incoming;
    const address = incoming?.socket?.remoteAddress;
    if (typeof address === 'string') return address;
  }
  return 'unknown';
}
