// Receipt + phone lookups cannot be brute-forced: 20 misses from one address in 15 minutes and that
// address is refused (API 429, status page 429 with the reason), until the window passes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { MAX_LOOKUP_MISSES_PER_ADDRESS } from '../../src/auth/throttle';
import { M05_ANSWERS } from '../support/conversation';
import { fetcherFor, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
let host: NodeHost;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const lookup = (receipt: string, phone: string) =>
  fetch(`${host.url}/api/reports/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt, phone }),
  });

describe('reporter lookups are throttled per address', () => {
  it('refuses after 20 misses, even the right receipt and phone, until the window passes', async () => {
    const { receipt } = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS);
    expect((await lookup(receipt, '13800138000')).status).toBe(200);
    for (let i = 0; i < MAX_LOOKUP_MISSES_PER_ADDRESS; i++) {
      expect((await lookup(receipt, `1390013${String(8000 + i)}`)).status).toBe(404);
    }
    const refused = await lookup(receipt, '13800138000');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');

    const page = await fetch(`${host.url}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(host.url).origin },
      body: new URLSearchParams({ receipt, phone: '13800138000' }).toString(),
    });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('查询失败次数过多');

    clock.advance(15 * 60_000 + 1);
    expect((await lookup(receipt, '13800138000')).status).toBe(200);
  });
});
