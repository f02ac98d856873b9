import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInbound, recordInbound } from '../../db/repo/inbound';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { tick } from '../../src/tick';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-01T00:00:00.000Z');
let host: NodeHost;
beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'exp.db'), { DRAFT_TTL_DAYS: '7' }), { clock: clock.now });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

async function start() {
  const res = await fetch(`${host.url}/api/drafts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return (await res.json()) as { draftId: string; token: string };
}
const read = (d: { draftId: string; token: string }) =>
  fetch(`${host.url}/api/drafts/${d.draftId}`, { headers: { 'x-resume-token': d.token } });

describe('draft expiry', () => {
  it('keeps a draft for the idle time, then the tick removes it', async () => {
    const idle = await start();
    clock.advance(6 * 86_400_000);
    const busy = await start();
    await tick(host.deps);
    expect((await read(idle)).status).toBe(200); // 6 days idle: still there

    clock.advance(1 * 86_400_000 + 1);
    expect((await read(idle)).status).toBe(404); // past 7 days: answered as gone at once
    await tick(host.deps);
    expect((await read(busy)).status).toBe(200);
    clock.advance(6 * 86_400_000);
    await tick(host.deps);
    expect((await read(busy)).status).toBe(404);
  });
});

describe('inbound event keys', () => {
  it('are remembered for 7 days, then forgotten with their stored response', async () => {
    await host.deps.db.batch([recordInbound(host.deps.db, 'tg:update:42', { reply: 'x' }, clock.now())]);
    clock.advance(6 * 86_400_000);
    await tick(host.deps);
    expect(await findInbound(host.deps.db, 'tg:update:42')).toEqual({ response: { reply: 'x' } });
    clock.advance(1 * 86_400_000 + 1);
    await tick(host.deps);
    expect(await findInbound(host.deps.db, 'tg:update:42')).toBeUndefined();
  });
});
