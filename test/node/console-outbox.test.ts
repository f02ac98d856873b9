// The console's JSON view of notification health: only accounts that manage settings see it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  await createOfficer(host.deps.db, { username: 'keeper', password: PASSWORD, role: 'admin' });
  await createOfficer(host.deps.db, {
    username: 'nanguan',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('GET /console/api/outbox', () => {
  it('lists pending rows with their last error for an admin, and refuses a district officer', async () => {
    const f = fetcherFor(host.url);
    const { reportId } = await submitReport(f, host.deps.db, M05_ANSWERS);
    const admin = await signIn(f, 'keeper', PASSWORD);
    const res = await admin.get('/console/api/outbox?state=pending');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { state: string; rows: { reportId: string; kind: string }[] };
    expect(body.state).toBe('pending');
    expect(body.rows).toContainEqual(expect.objectContaining({ reportId, kind: 'report_submitted' }));

    const officer = await signIn(f, 'nanguan', PASSWORD);
    expect((await officer.get('/console/api/outbox')).status).toBe(403);
    expect((await f('/console/api/outbox')).status).toBe(401);
  });
});
