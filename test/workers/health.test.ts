import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('worker host on D1', () => {
  it('reports the database reachable with the 18 seeded jurisdictions', async () => {
    const res = await SELF.fetch('http://x/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'reachable', jurisdictions: 18 });
  });

  it('answers unknown routes with the JSON error shape in English when asked', async () => {
    const res = await SELF.fetch('http://x/nope', { headers: { 'accept-language': 'en-GB,en' } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/Nothing was found/);
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });
});
