import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config';
import { clientAddress } from './client-address';

/** Answers the address `clientAddress` sees for a request with `headers`, on a host like Node or Workers. */
async function seen(trust: Config['TRUST_PROXY'], headers: Record<string, string>, env: object) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, { TRUST_PROXY: trust })));
  return (await app.request('/', { headers }, env)).text();
}

const node = { incoming: { socket: { remoteAddress: '192.0.2.1' } } };
const workers = { DB: {} };

describe('clientAddress', () => {
  it('on Workers believes only CF-Connecting-IP, which the edge sets', async () => {
    expect(await seen('none', { 'cf-connecting-ip': '203.0.113.5', 'x-forwarded-for': '10.0.0.1' }, workers)).toBe(
      '203.0.113.5',
    );
    expect(await seen('none', { 'x-forwarded-for': '10.0.0.1' }, workers)).toBe('unknown');
  });

  it('on Node uses the socket unless TRUST_PROXY names the proxy', async () => {
    const spoof = { 'cf-connecting-ip': '203.0.113.5', 'x-forwarded-for': '10.0.0.1, 198.51.100.7' };
    expect(await seen('none', spoof, node)).toBe('192.0.2.1');
    expect(await seen('cloudflare', spoof, node)).toBe('203.0.113.5');
    expect(await seen(1, spoof, node)).toBe('198.51.100.7');
    expect(await seen(2, spoof, node)).toBe('10.0.0.1');
    // Fewer entries than proxies, or something that is not an address: the socket.
    expect(await seen(3, spoof, node)).toBe('192.0.2.1');
    expect(await seen(1, { 'x-forwarded-for': 'evil<script>' }, node)).toBe('192.0.2.1');
  });
});
