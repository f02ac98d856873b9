// Console form posts go through one zod hook (validatedForm): a form that does not validate comes back as the
// same page with what was typed and the fields to fix, in Chinese, and nothing is stored; a body the schema
// cannot read (a file where text belongs) is a clear 400, never a 500.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annex4, reportEvents } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let zhang: SignedIn;
let chaoyang: SignedIn;
let reportId: string;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  f = fetcherFor(host.url);
  const db = host.deps.db;
  await createOfficer(db, {
    username: 'zhang',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(db, {
    username: 'chaoyang',
    displayName: '朝阳区刘',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220104',
  });
  zhang = await signIn(f, 'zhang', PASSWORD);
  chaoyang = await signIn(f, 'chaoyang', PASSWORD);
  ({ reportId } = await submitReport(f, db, M05_ANSWERS));
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('console forms validated with zod', () => {
  it('Annex 4: every field the schema refuses is named, what was typed stays, nothing is saved', async () => {
    const typed = '2026年11月25日8时30分，45名职工在厂区正门聚集。';
    const res = await zhang.post(`/console/cases/${reportId}/annex4`, {
      filledAt: '2026-02-30',
      title: '长'.repeat(201),
      level: '1',
      basicSituation: typed,
      action: 'save',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('填报时间');
    expect(page).toContain('信息名称');
    expect(page).toContain(typed);
    expect(await host.deps.db.select().from(annex4).where(eq(annex4.reportId, reportId))).toEqual([]);
  });

  it('Annex 4 outside the officer’s area is not found, whatever the form holds', async () => {
    const res = await chaoyang.post(`/console/cases/${reportId}/annex4`, { filledAt: 'x', action: 'save' });
    expect(res.status).toBe(404);
  });

  it('a file where a note’s text belongs is a 400 naming the field, and no note is written', async () => {
    const body = new FormData();
    body.set('_csrf', zhang.csrf);
    body.set('nonce', 'n-abcdefghijklmnop');
    body.set('text', new File(['备注'], 'note.txt', { type: 'text/plain' }));
    const res = await f(`/console/cases/${reportId}/notes`, {
      method: 'POST',
      headers: { cookie: zhang.cookie },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('text');
    const notes = await host.deps.db.select().from(reportEvents).where(eq(reportEvents.type, 'note'));
    expect(notes).toEqual([]);
  });
});
