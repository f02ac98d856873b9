// Annex 4 at the city office: 退回补充 with a reason (the district hears of it through its channel, reads the
// reason, edits and submits again) then 签收; only city officers answer, and only once.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annex4, outbox, reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { storeCases } from './city-cases';
import { createOfficer, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { insertChannel } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const deferred: (() => Promise<unknown>)[] = [];
const afterResponses = async () => {
  while (deferred.length > 0) await Promise.all(deferred.splice(0).map((w) => w()));
};
let host: NodeHost;
let city: SignedIn;
let district: SignedIn;
let districtRobot: Robot;
let cityRobot: Robot;

const data = {
  reportingUnit: '南关区协调劳动关系三方委员会办公室',
  filledAt: '2026-11-25',
  title: '长春测试企业a1有限公司拖欠工资',
  level: '1',
  levelNote: '涉及 20 人。',
  basicSituation: '拖欠 20 名职工两个月工资。',
  causeAnalysis: '资金周转困难。',
  trend: '可能聚集。',
  measures: '已约谈企业负责人。',
  nextSteps: '督促补发。',
  remarks: '无',
  headOfOffice: '赵主任',
  filledBy: '张伟',
  contactPhone: '0431-88990011',
};

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), {
    clock: clock.now,
    defer: (work) => {
      deferred.push(work);
    },
  });
  const db = host.deps.db;
  districtRobot = await startRobot('wecom', clock.now);
  cityRobot = await startRobot('feishu', clock.now);
  await insertChannel(db, { type: 'wecom', target: districtRobot.url, jurisdictionId: '220102' });
  await insertChannel(db, { type: 'feishu', target: cityRobot.url, jurisdictionId: null });
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  await storeCases(db, [{ id: 'a1', area: '220102', items: ['M05'], at: '2026-11-25T01:00:00Z', status: 'claimed' }]);
  const f = fetcherFor(host.url);
  city = await signIn(f, 'city', PASSWORD);
  district = await signIn(f, 'ng', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  await districtRobot.close();
  await cityRobot.close();
  tmp.cleanup();
});

const form = async () => (await host.deps.db.select().from(annex4).where(eq(annex4.reportId, 'a1')))[0];
const status = async () => (await host.deps.db.select().from(reports).where(eq(reports.id, 'a1')))[0]?.status;
const events = (type: string) =>
  host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, 'a1'), eq(reportEvents.type, type)));
const firstLine = (r: Robot, i: number) =>
  String((r.received[i]?.body.markdown as { content?: string } | undefined)?.content ?? '').split('\n')[0];

describe('Annex 4 at the city office', () => {
  it('returns for more with a reason, the district resubmits, the city accepts', async () => {
    expect(
      (await district.post('/console/cases/a1/annex4', { ...data, action: 'submit', confirmed: 'yes' })).status,
    ).toBe(303);
    await afterResponses();
    const cityView = await (await city.get('/console/cases/a1/annex4')).text();
    expect(cityView).toContain(
      '<button type="submit" name="decision" value="returned" class="secondary">退回补充</button>',
    );
    expect(await (await district.get('/console/cases/a1/annex4')).text()).not.toContain('name="decision"');
    expect((await district.post('/console/cases/a1/annex4/review', { decision: 'accepted' })).status).toBe(403);

    const noReason = await city.post('/console/cases/a1/annex4/review', { decision: 'returned', note: ' ' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('请写明退回补充的理由');

    const returned = await city.post('/console/cases/a1/annex4/review', {
      decision: 'returned',
      note: '请补充欠薪金额和涉及人员名单。',
    });
    expect(returned.headers.get('location')).toBe('/console/cases/a1/annex4?done=returned');
    expect(await form()).toMatchObject({ status: 'returned', reviewNote: '请补充欠薪金额和涉及人员名单。' });
    expect(await status()).toBe('claimed');
    expect((await events('annex4_returned'))[0]?.data).toEqual({ reason: '请补充欠薪金额和涉及人员名单。' });
    await afterResponses();
    const told = districtRobot.received.length - 1;
    expect(firstLine(districtRobot, told)).toContain('附件4已被市协调劳动关系三方委员会办公室退回补充');

    const page = await (await district.get('/console/cases/a1/annex4')).text();
    expect(page).toContain('退回补充，理由：请补充欠薪金额和涉及人员名单。');
    expect(page).not.toMatch(/<textarea[^>]*name="measures"[^>]*disabled/);
    const again = {
      ...data,
      basicSituation: '拖欠 20 名职工两个月工资共 32 万元，名单附后。',
      action: 'submit',
      confirmed: 'yes',
    };
    expect((await district.post('/console/cases/a1/annex4', again)).status).toBe(303);
    expect(await form()).toMatchObject({ status: 'submitted', reviewNote: null });
    expect(await status()).toBe('annex4_submitted');
    await afterResponses();
    // The city office hears of both submissions.
    expect(cityRobot.received).toHaveLength(2);
    const submittedRows = await host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, 'a1'), eq(outbox.kind, 'annex4_submitted')));
    expect(submittedRows).toHaveLength(2);

    const accepted = await city.post('/console/cases/a1/annex4/review', { decision: 'accepted', note: '' });
    expect(accepted.status).toBe(303);
    expect(await form()).toMatchObject({ status: 'accepted' });
    expect(await events('annex4_accepted')).toHaveLength(1);
    expect(await (await district.get('/console/cases/a1/annex4')).text()).toContain('市办已于 2026-11-25 10:00 签收。');
    const twice = await city.post('/console/cases/a1/annex4/review', { decision: 'returned', note: '再补充' });
    expect(twice.status).toBe(409);
    expect((await district.post('/console/cases/a1/annex4', { ...data, action: 'save' })).status).toBe(409);
  });
});
