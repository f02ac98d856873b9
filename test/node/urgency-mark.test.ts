// An officer's word on urgency (issue 13, SPEC "Triage"): a case marked urgent or not urgent, with a written
// reason, moves its Annex 4 deadline (earlier when urgent, never earlier when not), writes the reason on the
// timeline, and tells the district and the city office in one short line; the deadline notices follow the new
// deadline. Out of scope is 404, a follow-up or a closed case is refused, and nothing changes then. Time moves
// by the manual clock only.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reportEvents, reports } from '../../db/schema';
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
const HOUR = 3_600_000;
let host: NodeHost;
let district: SignedIn;
let city: SignedIn;
let other: SignedIn;
let districtRobot: Robot;
let cityRobot: Robot;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now, defer: () => {} });
  const db = host.deps.db;
  districtRobot = await startRobot('wecom', clock.now);
  cityRobot = await startRobot('wecom', clock.now);
  await insertChannel(db, { type: 'wecom', target: districtRobot.url, jurisdictionId: '220102' });
  await insertChannel(db, { type: 'wecom', target: cityRobot.url, jurisdictionId: null });
  await createOfficer(db, {
    username: 'ng',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
    displayName: '王科长',
  });
  await createOfficer(db, { username: 'cy', password: PASSWORD, role: 'district_officer', jurisdictionId: '220104' });
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer', displayName: '市办李' });
  // u1: routine, reported an hour ago (Annex 4 due in 23 h); u2: a follow-up of u1; u3: closed.
  await storeCases(db, [
    { id: 'u1', area: '220102', items: ['M02'], at: '2026-11-25T01:00:00Z', people: 12 },
    { id: 'u3', area: '220102', items: ['M02'], at: '2026-11-24T01:00:00Z', status: 'closed' },
  ]);
  await db.insert(reports).values({
    ...(await db.select().from(reports).where(eq(reports.id, 'u1')))[0]!,
    id: 'u2',
    receipt: 'CC-T-u2',
    caseId: 'u1',
  });
  const f = fetcherFor(host.url);
  district = await signIn(f, 'ng', PASSWORD);
  city = await signIn(f, 'city', PASSWORD);
  other = await signIn(f, 'cy', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  await districtRobot.close();
  await cityRobot.close();
  tmp.cleanup();
});

const caseRow = async (id: string) => (await host.deps.db.select().from(reports).where(eq(reports.id, id)))[0]!;
const marks = (id: string) =>
  host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, id), eq(reportEvents.type, 'marked_urgent')));
const lines = (r: Robot) => r.received.map((m) => String((m.body.markdown as { content?: string }).content ?? ''));

describe('an officer marks a case urgent or not urgent', () => {
  it('refuses out of scope (404), a follow-up, a closed case, a case already so, and an empty reason', async () => {
    const before = await caseRow('u1');
    expect((await other.post('/console/cases/u1/urgency', { urgent: 'yes', reason: '工人聚集' })).status).toBe(404);
    expect((await district.post('/console/cases/u2/urgency', { urgent: 'yes', reason: '工人聚集' })).status).toBe(409);
    expect((await district.post('/console/cases/u3/urgency', { urgent: 'yes', reason: '工人聚集' })).status).toBe(409);
    const already = await district.post('/console/cases/u1/urgency', { urgent: 'no', reason: '无' });
    expect(already.status).toBe(400);
    expect(await already.text()).toContain('本案已不是紧急重大，无需再标记。');
    const empty = await district.post('/console/cases/u1/urgency', { urgent: 'yes', reason: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('标记理由不能为空');
    expect(await caseRow('u1')).toEqual(before);
    expect(await host.deps.db.select().from(outbox).where(eq(outbox.kind, 'urgency_marked'))).toEqual([]);
  });

  it('urgent: Annex 4 due within the hour, the reason on the timeline, the district and the city office told', async () => {
    await tick(host.deps); // the first alert to the district (a routine case: not to the city office)
    expect(lines(cityRobot)).toEqual([]);
    const res = await district.post('/console/cases/u1/urgency', {
      urgent: 'yes',
      reason: '现场已有 40 余名职工聚集，情绪激动。',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/cases/u1?done=urgent');
    const row = await caseRow('u1');
    expect(row.urgency).toBe('immediate');
    expect(row.annex4DueAt.getTime()).toBe(clock.now().getTime() + HOUR);
    const [mark] = await marks('u1');
    expect(mark).toMatchObject({ actorType: 'officer', data: { reason: '现场已有 40 余名职工聚集，情绪激动。' } });

    const page = await (await district.get('/console/cases/u1?done=urgent')).text();
    expect(page).toContain('已改为紧急重大');
    expect(page).toContain('研判改为紧急重大');
    expect(page).toContain('王科长于 2026-11-25 10:00 研判：现场已有 40 余名职工聚集，情绪激动。');

    await tick(host.deps);
    const told = `### 【紧急重大】工作人员研判改为紧急重大，附件4须于 2026-11-25 11:00 前报送：${row.unitName}，案件 ${row.receipt}，待认领`;
    expect(lines(districtRobot).at(-1)?.split('\n')[0]).toBe(told);
    expect(lines(cityRobot).map((l) => l.split('\n')[0])).toEqual([told]);
  });

  it('the deadline notices follow the new deadline: the reminder 15 minutes before, the escalation at it', async () => {
    const due = (await caseRow('u1')).annex4DueAt.getTime();
    clock.set(new Date(due - 15 * 60_000).toISOString());
    await tick(host.deps);
    expect(lines(districtRobot).at(-1)).toMatch(/^### 【紧急重大】附件4即将到期（剩余约 15 分钟）：/);
    clock.set(new Date(due).toISOString());
    await tick(host.deps);
    await tick(host.deps);
    expect(lines(cityRobot).at(-1)).toMatch(/^### 【紧急重大】附件4已超时未报送：/);
  });

  it('not urgent (the city office, over the JSON API): the ordinary 24 hours from the report, told to both', async () => {
    const res = await fetcherFor(host.url)('/console/api/cases/u1/urgency', {
      method: 'POST',
      headers: { cookie: city.cookie, 'x-csrf-token': city.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ urgent: false, reason: '经核实，聚集职工已散去，企业承诺本周内发放工资。' }),
    });
    expect(res.status).toBe(200);
    const row = await caseRow('u1');
    expect(row.urgency).toBe('within_24h');
    expect(row.annex4DueAt.getTime()).toBe(row.submittedAt.getTime() + 24 * HOUR);
    await tick(host.deps);
    const told = `### 工作人员研判改为非紧急，附件4须于 2026-11-26 09:00 前报送：${row.unitName}，案件 ${row.receipt}，待认领`;
    expect(lines(cityRobot).at(-1)?.split('\n')[0]).toBe(told);
    expect(lines(districtRobot).at(-1)?.split('\n')[0]).toBe(told);
    const [event] = await host.deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, 'u1'), eq(reportEvents.type, 'marked_not_urgent')));
    expect(event?.data).toMatchObject({ reason: '经核实，聚集职工已散去，企业承诺本周内发放工资。' });
  });
});
