// Issuing and lifting warnings (seed §3, §9): the criteria as a plain table, a level-1 warning decided and
// issued in one action reaching every district's channel and the city's 上级/同级 channels through the
// outbox (not the city office's own), the banner on every page, a level-2 request producing the 提请 DOCX
// and its sending recorded, the JSON action with session + X-CSRF-Token, and lifting.
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
/** Runs the work requests left for after their response (the dispatcher's kick), as the host would. */
const afterResponses = async () => {
  while (deferred.length > 0) await Promise.all(deferred.splice(0).map((w) => w()));
};
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let city: SignedIn;
let district: SignedIn;
const robots: Record<'nanguan' | 'chaoyang' | 'office' | 'superior' | 'peer', Robot> = {} as never;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), {
    clock: clock.now,
    defer: (work) => {
      deferred.push(work);
    },
  });
  f = fetcherFor(host.url);
  const db = host.deps.db;
  robots.nanguan = await startRobot('wecom', clock.now);
  robots.chaoyang = await startRobot('wecom', clock.now);
  robots.office = await startRobot('feishu', clock.now);
  robots.superior = await startRobot('wecom', clock.now);
  robots.peer = await startRobot('feishu', clock.now);
  await insertChannel(db, { type: 'wecom', target: robots.nanguan.url, jurisdictionId: '220102' });
  await insertChannel(db, { type: 'wecom', target: robots.chaoyang.url, jurisdictionId: '220104' });
  await insertChannel(db, { type: 'feishu', target: robots.office.url, jurisdictionId: null });
  await insertChannel(db, {
    type: 'wecom',
    target: robots.superior.url,
    jurisdictionId: null,
    recipient: 'superior',
    name: '省厅',
  });
  await insertChannel(db, { type: 'feishu', target: robots.peer.url, jurisdictionId: null, recipient: 'peer' });
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  // Group incidents in two districts: the rules suggest level 1 at least.
  await storeCases(db, [
    { id: 'w1', area: '220102', items: ['M09'], at: '2026-11-20T02:00:00Z', people: 40 },
    { id: 'w2', area: '220104', items: ['M05'], at: '2026-11-21T02:00:00Z', people: 12 },
  ]);
  city = await signIn(f, 'city', PASSWORD);
  district = await signIn(f, 'ng', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  for (const r of Object.values(robots)) await r.close();
  tmp.cleanup();
});

const firstLine = (r: Robot, i: number): string => {
  const body = r.received[i]?.body ?? {};
  const md = (body.markdown as { content?: string } | undefined) ?? {};
  const card = body.card as { header?: { title?: { content?: string } } } | undefined;
  return (md.content ?? card?.header?.title?.content ?? '').split('\n')[0] ?? '';
};

const api = (body: unknown, who: SignedIn, csrf: string | null = who.csrf) =>
  f('/console/api/warning/decisions', {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(body),
  });

describe('warnings', () => {
  it('shows the criteria as a plain table: 标准 / 本期 / 是否满足', async () => {
    const html = await (await city.get('/console/warning')).text();
    expect(html).toContain('<th scope="col">标准</th><th scope="col">本期</th><th scope="col">是否满足</th>');
    expect(html).toContain('<td>一级：已经或可能发生群体性事件、集体停工的案件不少于 1 起</td><td>2 起</td>');
    expect(html).toContain('<td>二级：涉及的县（市）区、开发区不少于 2 个</td><td>2 个</td>');
    expect(html).not.toMatch(/→|≥/);
    expect(html).toContain('当前未发布劳动关系风险预警');
  });

  it('asks once before issuing or lifting: without the tick nothing happens and the form comes back as typed', async () => {
    const res = await city.post('/console/warning', { form: 'decide', level: '1', reason: '南关区堵门。', issue: '1' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请勾选确认后再发布或提请。');
    expect(html).toContain('一级预警立即发布，通知马上发往各县（市）区');
    expect(html).toContain('<option value="1" selected="">一级预警</option>');
    expect(html).toContain('南关区堵门。</textarea>');
    expect(html).toContain('当前未发布劳动关系风险预警');
    const lift = await city.post('/console/warning', { form: 'lift', level: '0', reason: '已平息。', issue: '1' });
    expect(lift.status).toBe(400);
    expect(await lift.text()).toContain('请勾选确认后再解除预警。');
    for (const robot of Object.values(robots)) expect(robot.received).toHaveLength(0);
  });

  it('keeps the chosen level and asks for the reason when it is missing', async () => {
    const res = await city.post('/console/warning', { level: '1', reason: '  ', issue: '1', confirm: 'yes' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请写明理由。');
    expect(html).toContain('<option value="1" selected="">一级预警</option>');
  });

  it('decides and issues level 1 in one action: every district and the 上级/同级 channels hear of it', async () => {
    const res = await city.post('/console/warning', {
      level: '1',
      reason: '南关区、朝阳区相继发生集体停工和欠薪群体性事件。\n请各地加强排查。',
      issue: '1',
      confirm: 'yes',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/warning?done=issued');
    await afterResponses();
    for (const name of ['nanguan', 'chaoyang', 'superior', 'peer'] as const) {
      expect(robots[name].received, name).toHaveLength(1);
      expect(firstLine(robots[name], 0)).toContain('【预警发布】长春市劳动关系风险一级预警');
    }
    expect(robots.office.received).toHaveLength(0); // the office issued it
    expect(JSON.stringify(robots.superior.received[0]?.body)).toContain('请各地加强排查。');
    // The banner, on every console page, for district officers too.
    for (const page of ['/console', '/console/stats', '/console/cases']) {
      expect(await (await district.get(page)).text()).toContain('当前预警：一级预警（2026-11-25 10:00 发布）');
    }
  });

  it('refuses district officers, on the page and through the API', async () => {
    expect((await district.post('/console/warning', { level: '1', reason: 'x', issue: '1' })).status).toBe(403);
    expect((await api({ level: 1, reason: 'x', issue: true }, district)).status).toBe(403);
  });

  it('requests level 2 through the JSON API: the 提请 DOCX with the figures and reasons, then when and to whom', async () => {
    expect((await api({ level: 2, reason: 'x', issue: true }, city, null)).status).toBe(403); // no X-CSRF-Token
    const bad = await api({ level: 7, reason: 'x', issue: true }, city);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('请选择预警级别');
    const res = await api({ level: 2, reason: '两个县区群体性事件呈多发态势，涉及人数较多。', issue: true }, city);
    expect(res.status).toBe(201);
    const done = (await res.json()) as { id: string; action: string; notices: number };
    expect(done).toMatchObject({ action: 'requested', notices: 0 });
    await afterResponses();
    expect(robots.nanguan.received).toHaveLength(1); // a request is not a warning issued

    const docx = await city.get(`/console/warning/decisions/${done.id}/request.docx`);
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('关于提请发布长春市劳动关系风险二级预警的请示');
    expect(text).toContain('长劳三方办〔2026〕');
    expect(text).toContain('吉林省协调劳动关系三方委员会办公室：');
    expect(text).toContain('县（市）区和开发区 2 个');
    expect(text).toMatch(/标准\s*本期\s*是否满足/);
    expect(text).toContain('两个县区群体性事件呈多发态势，涉及人数较多。');
    expect(text).toContain('妥否，请批示。');
    expect(xml).toContain('仿宋_GB2312');
    expect((await district.get(`/console/warning/decisions/${done.id}/request.docx`)).status).toBe(403);

    const sent = await city.post(`/console/warning/decisions/${done.id}/sent`, {
      sentTo: '吉林省人社厅劳动关系处',
      sentAt: '2026-11-25T11:30',
    });
    expect(sent.status).toBe(303);
    const page = await (await city.get('/console/warning')).text();
    expect(page).toContain('2026-11-25 11:30 报送吉林省人社厅劳动关系处');
    expect(page).toContain('已提请省级发布二级预警');
  });

  it('lifts the warning the same way, and refuses to lift when none is in force', async () => {
    clock.advance(6 * 3_600_000); // within the sessions' 8-hour idle limit
    const res = await city.post('/console/warning', {
      level: '0',
      reason: '欠薪已补发，停工已复工。',
      issue: '1',
      confirm: 'yes',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe('/console/warning?done=lifted');
    await afterResponses();
    expect(robots.chaoyang.received).toHaveLength(2);
    expect(firstLine(robots.chaoyang, 1)).toContain('【预警解除】长春市劳动关系风险二级预警解除');
    expect(robots.peer.received).toHaveLength(2);
    expect(await (await district.get('/console')).text()).toContain(
      '当前未发布劳动关系风险预警（2026-11-25 16:00 解除）',
    );
    const again = await city.post('/console/warning', { level: '0', reason: '再次解除', issue: '1', confirm: 'yes' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('当前没有生效的预警，无需解除。');
  });
});
