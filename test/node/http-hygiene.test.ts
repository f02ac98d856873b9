// HTTP on the real Node host: a refused body does not break the keep-alive connection it came on, request
// ids are the server's own, and each 413 names the limit of its route.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { memoryLogger } from '../../src/log';
import { createOfficer, signIn } from './console-fixtures';
import { tempDir, testConfig } from './helpers';

const tmp = tempDir();
const log = memoryLogger();
let host: NodeHost;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { log });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('a refused body', () => {
  // Node's fetch keeps connections alive (undici's pool): the two GETs go out on the connection the POST used
  // unless the server said to close it.
  for (const [path, type] of [
    ['/api/drafts', 'application/json'],
    ['/report', 'application/x-www-form-urlencoded'],
    ['/login', 'application/x-www-form-urlencoded'],
  ] as const) {
    it(`413 on ${path}, then two requests on the same keep-alive client both answer`, async () => {
      const refused = await fetch(`${host.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type, origin: host.url },
        body: 'a'.repeat(2_000_000),
      });
      expect(refused.status).toBe(413);
      expect(refused.headers.get('connection')).toBe('close');
      await refused.text();
      for (let i = 0; i < 2; i++) {
        const next = await fetch(`${host.url}/healthz`);
        expect(next.status).toBe(200);
        await next.text();
      }
    });
  }
});

describe('request ids', () => {
  it("are the server's own; a client's X-Request-Id is only a separate, length-limited log field", async () => {
    const chosen = `client-chosen-${'x'.repeat(200)}`;
    const res = await fetch(`${host.url}/api/drafts/nope`, { headers: { 'x-request-id': chosen } });
    expect(res.status).toBe(403);
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(id);
    const line = log.lines.find((l) => l.event === 'http.request' && l.requestId === id);
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/api/drafts/nope', status: 403 });
    expect(typeof line?.ms).toBe('number');
    expect(line?.clientRequestId).toBe(chosen.slice(0, 64));
    // Two requests with the same client id still get ids of their own.
    const again = await fetch(`${host.url}/healthz`, { headers: { 'x-request-id': 'same' } });
    const again2 = await fetch(`${host.url}/healthz`, { headers: { 'x-request-id': 'same' } });
    expect(again.headers.get('x-request-id')).not.toBe('same');
    expect(again.headers.get('x-request-id')).not.toBe(again2.headers.get('x-request-id'));
  });
});

describe('413 messages name the limit of their route', () => {
  it('says 64 KB on the intake API and 256 KB on the console and the Telegram webhook', async () => {
    const refused = async (path: string, type: string, size: number) => {
      const res = await fetch(`${host.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type, origin: host.url },
        body: 'a'.repeat(size),
      });
      expect(res.status).toBe(413);
      return res.text();
    };
    expect(await refused('/api/drafts', 'application/json', 70 * 1024)).toContain('上限 64 KB');
    const console = await refused('/login', 'application/x-www-form-urlencoded', 300 * 1024);
    expect(console).toContain('上限 256 KB');
    expect(console).not.toContain('64 KB');
    // Under 256 KB is accepted by the console's limit (the sign-in then fails on its own terms).
    const big = await fetch(`${host.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host.url },
      body: `username=x&password=${'a'.repeat(100 * 1024)}`,
    });
    expect(big.status).toBe(401);
  });
});

describe('channel targets', () => {
  it('refuses loopback, private and link-local robot URLs in the admin form', async () => {
    await createOfficer(host.deps.db, { username: 'root', password: 'admin passphrase 2026 x', role: 'admin' });
    const admin = await signIn(
      (p, i) => fetch(`${host.url}${p}`, { redirect: 'manual', ...i }),
      'root',
      'admin passphrase 2026 x',
    );
    const add = (target: string) =>
      admin.post('/console/admin/channels', { type: 'wecom', name: '测试机器人', target, jurisdictionId: '' });
    for (const target of [
      'https://127.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/robot',
      'https://192.168.1.5/robot',
      'https://[::1]/robot',
      'https://[fe80::1]/robot',
      'https://localhost/robot',
      'https://2130706433/robot',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    ]) {
      const res = await add(target);
      expect(res.status, target).toBe(400);
    }
    const page = await add('https://10.1.2.3/robot');
    expect(await page.text()).toContain('内网');
    expect((await add('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).status).toBe(303);
  });
});
