// 重大风险 special ledger: a case marked with its tracking person gets a follow-up reminder on the district's
// channel (and the city office's) every 7 days by the tick — once per interval, however often the tick runs —
// until it is closed. Time moves by the manual clock only. District officers mark and see their own cases only.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { tick } from '../../src/tick';
import { storeCases } from './city-cases';
import { createOfficer, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { insertChannel } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;
let host: NodeHost;
let district: SignedIn;
let other: SignedIn;
let robot: Robot;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now, defer: () => {} });
  const db = host.deps.db;
  robot = await startRobot('wecom', clock.now);
  await insertChannel(db, { type: 'wecom', target: robot.url, jurisdictionId: '220102' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  await createOfficer(db, { username: 'cy', password: PASSWORD, role: 'district_officer', jurisdictionId: '220104' });
  await storeCases(db, [
    { id: 'm1', area: '220102', items: ['M09'], at: '2026-11-25T01:00:00Z', status: 'claimed', people: 80 },
  ]);
  const f = fetcherFor(host.url);
  district = await signIn(f, 'ng', PASSWORD);
  other = await signIn(f, 'cy', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  await robot.close();
  tmp.cleanup();
});

const reminders = () =>
  host.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.reportId, 'm1'), eq(outbox.kind, 'major_risk_followup')));
/** First lines of the major-risk reminders the district's robot got (the Annex 4 escalation comes too). */
const followUps = () =>
  robot.received
    .map((r) => String((r.body.markdown as { content?: string }).content ?? '').split('\n')[0])
    .filter((line) => line?.includes('重大风险专门台账'));

describe('major-risk special ledger', () => {
  it('reminds every 7 days until the case is closed', async () => {
    expect((await other.post('/console/cases/m1/major', { trackerName: '王强' })).status).toBe(404);
    const bad = await district.post('/console/cases/m1/major', { trackerName: '', intervalDays: '7' });
    expect(bad.status).toBe(400);
    const res = await district.post('/console/cases/m1/major', {
      trackerName: '王强',
      trackerPhone: '13900001111',
      intervalDays: '',
      note: '可能引发媒体关注。',
    });
    expect(res.headers.get('location')).toBe('/console/cases/m1?done=major');
    const ledger = await (await district.get('/console/ledger/major')).text();
    expect(ledger).toContain('王强');
    expect(ledger).toContain('7 天');
    expect(ledger).toContain('2026-12-02 10:00');
    expect(await (await other.get('/console/ledger/major')).text()).toContain('暂无列入专门台账的案件。');

    await tick(host.deps);
    clock.advance(7 * DAY - 60_000);
    await tick(host.deps);
    expect(await reminders()).toHaveLength(0);
    clock.advance(60_000);
    await tick(host.deps);
    await tick(host.deps);
    expect(await reminders()).toHaveLength(1);
    expect(followUps()).toEqual([
      '### 重大风险专门台账：请跟进本案并在控制台记录最新情况：长春测试企业m1有限公司，案件 CC-T-m1，待认领',
    ]);

    clock.advance(7 * DAY);
    await tick(host.deps);
    expect(await reminders()).toHaveLength(2);
    expect(followUps()).toHaveLength(2);

    await host.deps.db.update(reports).set({ status: 'closed' }).where(eq(reports.id, 'm1'));
    clock.advance(7 * DAY);
    await tick(host.deps);
    expect(await reminders()).toHaveLength(2);
    expect(followUps()).toHaveLength(2);
    const later = await signIn(fetcherFor(host.url), 'ng', PASSWORD); // three weeks on: a new session
    expect(await (await later.get('/console/ledger/major')).text()).toContain('已销号，不再提醒');
  });
});
