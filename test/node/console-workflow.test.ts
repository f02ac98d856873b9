// The officer's workflow over HTTP: claim, hand over, note, message the reporter (web status page and
// Telegram outbox row), Annex 4 prefill → draft → submit → DOCX, close, officer-created cases, the ledger,
// warning-level decisions, accounts and the first admin.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../db/repo/cases';
import { annex4, officers, outbox, reportEvents, reports, warningDecisions } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { ensureFirstAdmin } from '../../src/auth/first-admin';
import { M05_ANSWERS, M09_ANSWERS } from '../support/conversation';
import { docxText } from './console-docx-text';
import { createOfficer, csrfFrom, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let zhang: SignedIn;
let li: SignedIn;
let city: SignedIn;
let liId: string;

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
    phone: '0431-88990011',
  });
  liId = await createOfficer(db, {
    username: 'li',
    displayName: '李娜',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(db, { username: 'city', displayName: '市办王', password: PASSWORD, role: 'city_officer' });
  zhang = await signIn(f, 'zhang', PASSWORD);
  li = await signIn(f, 'li', PASSWORD);
  city = await signIn(f, 'city', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const eventsOf = (reportId: string, type: string) =>
  host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, type)));

describe('case workflow', () => {
  it('claims once, hands over within the district, and keeps notes internal', async () => {
    const { reportId } = await submitReport(f, host.deps.db, M05_ANSWERS);
    const inbox = await (await zhang.get('/console/cases')).text();
    expect(inbox).toContain('长春市示例机械制造有限公司');
    expect(inbox).toContain('待认领');
    expect(inbox).toContain('剩余 24 小时');

    expect((await zhang.post(`/console/cases/${reportId}/claim`, {})).status).toBe(303);
    // A second claim loses (409) and writes no second event.
    expect((await li.post(`/console/cases/${reportId}/claim`, {})).status).toBe(409);
    expect(await eventsOf(reportId, 'claimed')).toHaveLength(1);

    const page = await (await zhang.get(`/console/cases/${reportId}`)).text();
    expect(page).toContain('张伟');
    expect(page).toContain('拖欠工资');
    expect(page).toContain('用人单位名称');
    const handover = await zhang.post(`/console/cases/${reportId}/handover`, {
      expected: (await row(reportId)).claimedBy ?? '',
      to: liId,
      note: '请跟进',
    });
    expect(handover.status).toBe(303);
    expect((await row(reportId)).claimedBy).toBe(liId);
    // Handing over on a stale page (claimant changed meanwhile) is refused.
    expect(
      (await zhang.post(`/console/cases/${reportId}/handover`, { expected: 'someone-else', to: liId, note: '' }))
        .status,
    ).toBe(409);

    const nonce = 'n-abcdefghijkl';
    expect((await li.post(`/console/cases/${reportId}/notes`, { text: '已电话联系 <HR>', nonce })).status).toBe(303);
    expect((await li.post(`/console/cases/${reportId}/notes`, { text: '已电话联系 <HR>', nonce })).status).toBe(303);
    expect(await eventsOf(reportId, 'note')).toHaveLength(1);
    const timeline = await (await li.get(`/console/cases/${reportId}`)).text();
    expect(timeline).toContain('已电话联系 &lt;HR&gt;');
    expect(timeline).toContain('转交给：李娜');
  });

  it('shows the flash a ?done= key names, and none (no error) for a key only Object.prototype has', async () => {
    const { reportId } = await submitReport(f, host.deps.db, M05_ANSWERS);
    const flashOf = async (path: string) => {
      const res = await zhang.get(path);
      expect(res.status, path).toBe(200);
      return /<p class="flash" role="status">([^<]*)<\/p>/.exec(await res.text())?.[1];
    };
    expect(await flashOf(`/console/cases/${reportId}?done=note`)).toBe('备注已保存。');
    expect(await flashOf(`/console/cases/${reportId}/annex4?done=returned`)).toBe('已退回补充，区县已收到通知。');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await flashOf(`/console/cases/${reportId}?done=${key}`), key).toBeUndefined();
      expect(await flashOf(`/console/cases/${reportId}/annex4?done=${key}`), key).toBeUndefined();
    }
  });

  it('shows an officer message on the web reporter status page, and queues a Telegram message for a Telegram reporter', async () => {
    const web = await submitReport(f, host.deps.db, M05_ANSWERS);
    expect(
      (await zhang.post(`/console/cases/${web.reportId}/messages`, { text: '请于明日上午带工资表到调度室。' })).status,
    ).toBe(303);
    const lookup = await f('/api/reports/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: web.receipt, phone: '13800138000' }),
    });
    const status = (await lookup.json()) as { timeline: { type: string; data: { text?: string } | null }[] };
    expect(status.timeline).toContainEqual(
      expect.objectContaining({
        type: 'message_out',
        data: expect.objectContaining({ text: '请于明日上午带工资表到调度室。' }),
      }),
    );
    expect(
      await host.deps.db.$count(outbox, and(eq(outbox.reportId, web.reportId), eq(outbox.kind, 'reporter_message'))),
    ).toBe(0);

    const tg = await submitReport(f, host.deps.db, M05_ANSWERS);
    await host.deps.db.update(reports).set({ reporterChat: 'tg:424242' }).where(eq(reports.id, tg.reportId));
    expect(
      (await zhang.post(`/console/cases/${tg.reportId}/messages`, { text: '收到，请保持电话畅通。' })).status,
    ).toBe(303);
    const [msg] = await host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, tg.reportId), eq(outbox.kind, 'reporter_message')));
    expect(msg).toMatchObject({
      channelId: null,
      state: 'pending',
      payload: { chatId: '424242', text: '收到，请保持电话畅通。' },
    });
    const [event] = await eventsOf(tg.reportId, 'message_out');
    expect(event).toMatchObject({ actorType: 'officer', data: { text: '收到，请保持电话畅通。', by: '张伟' } });
  });

  it('prefills Annex 4, saves a draft, submits it once to the city office, and exports a DOCX with the fields', async () => {
    const { reportId, receipt } = await submitReport(f, host.deps.db, M09_ANSWERS);
    const formHtml = await (await zhang.get(`/console/cases/${reportId}/annex4`)).text();
    expect(formHtml).toContain('长春市示例机械制造有限公司停工、怠工、堵门堵路');
    expect(formHtml).toContain('南关区');
    expect(formHtml).toMatch(/<option value="1" selected="">一级预警<\/option>/);
    expect(formHtml).toContain('厂区正门');

    const data = {
      reportingUnit: '南关区协调劳动关系三方委员会办公室',
      filledAt: '2026-11-25',
      title: '长春市示例机械制造有限公司职工堵门',
      level: '1',
      levelNote: '涉及 45 人，已发生堵门。',
      basicSituation: '2026年11月25日8时30分，45名职工在厂区正门聚集。',
      causeAnalysis: '拖欠两个月工资。',
      trend: '如不及时兑付，可能扩大。',
      measures: '已约谈企业负责人。',
      nextSteps: '督促 12 月 20 日前补发。',
      remarks: '无',
      headOfOffice: '赵主任',
      filledBy: '张伟',
      contactPhone: '0431-88990011',
    };
    expect((await zhang.post(`/console/cases/${reportId}/annex4`, { ...data, action: 'save' })).status).toBe(303);
    expect((await host.deps.db.select().from(annex4).where(eq(annex4.reportId, reportId)))[0]?.status).toBe('draft');
    const incomplete = await zhang.post(`/console/cases/${reportId}/annex4`, {
      ...data,
      measures: '',
      action: 'submit',
    });
    expect(incomplete.status).toBe(422);
    expect(await incomplete.text()).toContain('已采取措施及成效');

    // 报送市办 asks once, naming what follows; nothing is sent until it is confirmed.
    const ask = await zhang.post(`/console/cases/${reportId}/annex4`, { ...data, action: 'submit' });
    expect(ask.status).toBe(400);
    const askText = await ask.text();
    expect(askText).toContain('请勾选确认后再报送');
    expect(askText).toContain('报送后本表不能再修改');
    expect(askText).toContain(data.basicSituation);
    expect((await row(reportId)).status).not.toBe('annex4_submitted');
    const submit = { ...data, action: 'submit', confirmed: 'yes' };
    expect((await zhang.post(`/console/cases/${reportId}/annex4`, submit)).status).toBe(303);
    expect((await zhang.post(`/console/cases/${reportId}/annex4`, submit)).status).toBe(409);
    expect((await row(reportId)).status).toBe('annex4_submitted');
    expect(await eventsOf(reportId, 'annex4_submitted')).toHaveLength(1);
    const rows = await host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'annex4_submitted')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: { reportId }, channelId: null });

    const res = await zhang.get(`/console/cases/${reportId}/annex4.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain(`annex4-${receipt}.docx`);
    const text = docxText(new Uint8Array(await res.arrayBuffer()));
    for (const part of [
      '长春市劳动关系风险监测预警信息情况表',
      '报告单位：南关区协调劳动关系三方委员会办公室',
      '填报时间：2026 年 11 月 25 日',
      '项  目',
      '信息名称',
      data.title,
      '一级预警',
      data.basicSituation,
      '原因分析',
      data.causeAnalysis,
      data.trend,
      data.measures,
      data.nextSteps,
      '处（室）负责人：赵主任',
      '填报人：张伟',
      '联系电话：0431-88990011',
    ]) {
      expect(text).toContain(part);
    }
    expect(await eventsOf(reportId, 'exported')).toHaveLength(1);
  });

  it('closes a case with a reason and lists it in the ledger with the person who followed it', async () => {
    const { reportId, receipt } = await submitReport(f, host.deps.db, M05_ANSWERS);
    await zhang.post(`/console/cases/${reportId}/claim`, {});
    // Before Annex 4 is filed the district cannot close (the 24-hour duty would end silently);
    // the city office can, its reason being the approval.
    const early = await zhang.post(`/console/cases/${reportId}/close`, { reason: '已解决', confirm: 'yes' });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('附件4 报送后才能销号');
    expect((await row(reportId)).status).toBe('claimed');
    // 销号 cannot be undone: without the confirmation tick it is refused, the reason kept in the form.
    const unconfirmed = await city.post(`/console/cases/${reportId}/close`, { reason: '工资已全部补发，职工确认。' });
    expect(unconfirmed.status).toBe(400);
    const refused = await unconfirmed.text();
    expect(refused).toContain('请勾选“我确认销号”');
    expect(refused).toContain('工资已全部补发，职工确认。</textarea>');
    expect((await row(reportId)).status).toBe('claimed');
    expect(
      (
        await city.post(`/console/cases/${reportId}/close`, {
          reason: '工资已全部补发，职工确认。',
          confirm: 'yes',
        })
      ).status,
    ).toBe(303);
    expect((await row(reportId)).status).toBe('closed');
    const ledger = await (await zhang.get(`/console/ledger?q=${receipt}`)).text();
    expect(ledger).toContain(receipt);
    expect(ledger).toContain('张伟');
    expect(ledger).toContain('工资已全部补发，职工确认。');
    expect((await zhang.post(`/console/cases/${reportId}/close`, { reason: 'again', confirm: 'yes' })).status).toBe(
      409,
    );
    // The reporter reads the closing reason on the status lookup.
    const lookup = await f('/api/reports/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, phone: '13800138000' }),
    });
    const view = (await lookup.json()) as { timeline: { type: string; data: { reason?: string } | null }[] };
    expect(view.timeline.find((e) => e.type === 'closed')?.data).toEqual({ reason: '工资已全部补发，职工确认。' });
    const [closed] = (await caseEvents(host.deps.db, reportId)).filter((e) => e.type === 'closed');
    expect(closed?.data).toMatchObject({ cityApproval: true });
  });

  it('lets officers open a case from a visit, flagged unreported and listed per employer', async () => {
    const page = await (await zhang.get('/console/cases/new')).text();
    const nonce = /name="nonce" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const form = new URLSearchParams({
      _csrf: csrfFrom(page),
      nonce,
      unit_name: '长春走访发现有限公司',
      legal_rep: '周某',
      business_status: 'difficult',
      headcount: '300',
      district: '220104', // ignored: a district officer's cases are in their own district
      address: '长春市南关区某路 1 号',
      industry: 'E',
      reporter_name: '周会计',
      reporter_phone: '13900139000',
      m05_employees_owed: '40',
      m05_amount_owed: '300000',
      m05_months_in_arrears: '3',
      collective_action: 'none',
      event_at: '2026-11-20',
      details: '走访中发现拖欠 3 个月工资。',
      source: 'visit',
      unreported: '1',
      _submitted: '1',
    });
    form.append('items', 'M05');
    const post = () =>
      f('/console/cases/new', {
        method: 'POST',
        headers: { cookie: zhang.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    const res = await post();
    expect(res.status).toBe(303);
    const id = decodeURIComponent(/\/console\/cases\/([^?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '');
    const created = await row(id);
    expect(created).toMatchObject({
      channel: 'officer',
      unreported: true,
      jurisdictionId: '220102',
      unitName: '长春走访发现有限公司',
      items: ['M05'],
    });
    expect((await post()).headers.get('location')).toBe('/console/cases'); // the same form again creates nothing
    const ledger = await (await zhang.get('/console/ledger')).text();
    expect(ledger).toContain('迟报、漏报的用人单位');
    expect(ledger).toMatch(/长春走访发现有限公司<\/td><td>—<\/td><td>南关区<\/td><td>1<\/td><td>0<\/td><td>1<\/td>/);

    const bad = await f('/console/cases/new', {
      method: 'POST',
      headers: { cookie: zhang.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: zhang.csrf, unit_name: 'x', headcount: 'lots' }).toString(),
    });
    expect(bad.status).toBe(422);
  });
});

describe('regional warning level', () => {
  it('lets only the city office record a decision, with the suggestion and reasons kept', async () => {
    const page = await (await city.get('/console/warning')).text();
    expect(page).toContain('系统建议');
    expect(page).toContain('一级：');
    expect((await zhang.post('/console/warning', { level: '1', reason: 'x' })).status).toBe(403);
    expect((await city.post('/console/warning', { level: '1', reason: '' })).status).toBe(400);
    expect((await city.post('/console/warning', { level: '1', reason: '南关区堵门事件，确认一级预警。' })).status).toBe(
      303,
    );
    const [d] = await host.deps.db.select().from(warningDecisions);
    expect(d).toMatchObject({ decidedLevel: 1, note: '南关区堵门事件，确认一级预警。' });
    expect((d!.reasons as { reasons: unknown[] }).reasons.length).toBeGreaterThan(3);
    expect(await (await city.get('/console/warning')).text()).toContain('南关区堵门事件，确认一级预警。');
  });
});

describe('accounts', () => {
  it('creates the first admin once, with a one-time password that must be changed', async () => {
    const admin = await ensureFirstAdmin({ ...host.deps, config: { ...host.deps.config, ADMIN_PASSWORD: undefined } });
    // Officers exist already in this database: no admin is created.
    expect(admin).toBeUndefined();
    await host.deps.db.delete(officers);
    const first = await ensureFirstAdmin({ ...host.deps, config: { ...host.deps.config, ADMIN_PASSWORD: undefined } });
    expect(first?.oneTimePassword).toMatch(/^[\w-]{20}$/);
    expect(await ensureFirstAdmin(host.deps)).toBeUndefined();

    const session = await f('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: first!.oneTimePassword! }).toString(),
    });
    expect(session.headers.get('location')).toBe('/console/profile');
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Everything else waits for the new password.
    expect((await f('/console/admin/officers', { headers: { cookie } })).headers.get('location')).toBe(
      '/console/profile',
    );
    const profile = await (await f('/console/profile', { headers: { cookie } })).text();
    const change = await f('/console/profile/password', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrfFrom(profile),
        current: first!.oneTimePassword!,
        password: 'a much longer passphrase',
        confirm: 'a much longer passphrase',
      }).toString(),
    });
    expect(change.status).toBe(303);
    const admin2 = await signIn(f, 'admin', 'a much longer passphrase');
    expect((await admin2.get('/console/admin/officers')).status).toBe(200);
    // Admins keep accounts, not cases; officers do not keep accounts.
    expect((await admin2.get('/console/ledger')).status).toBe(403);
    await createOfficer(host.deps.db, { username: 'city2', password: PASSWORD, role: 'city_officer' });
    const city2 = await signIn(f, 'city2', PASSWORD);
    for (const path of ['/console/admin/officers', '/console/admin/jurisdictions', '/console/admin/channels']) {
      expect((await city2.get(path)).status, path).toBe(403);
    }
    expect(
      (
        await admin2.post('/console/admin/jurisdictions/220102', {
          name: '南关区劳动关系调度室',
          phone: '0431-81234567',
        })
      ).status,
    ).toBe(303);
    expect(await (await admin2.get('/console/admin/jurisdictions')).text()).toContain('南关区劳动关系调度室');
    const channel = await admin2.post('/console/admin/channels', {
      name: '市办群',
      jurisdictionId: '',
      type: 'telegram',
      target: '-1001234567890',
      locale: 'zh',
    });
    expect(channel.status).toBe(303);
    expect(await (await admin2.get('/console/admin/channels')).text()).toContain('市办群');
    expect(
      (await admin2.post('/console/admin/channels', { name: 'x', type: 'wecom', target: 'http://insecure' })).status,
    ).toBe(400);

    const created = await admin2.post('/console/admin/officers', {
      username: 'wang',
      displayName: '王芳',
      role: 'district_officer',
      jurisdictionId: '220104',
      phone: '',
    });
    expect(created.status).toBe(200);
    const password = /一次性密码：<code>([^<]+)<\/code>/.exec(await created.text())?.[1];
    expect(password).toBeDefined();
    const wang = await f('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'wang', password: password! }).toString(),
    });
    expect(wang.headers.get('location')).toBe('/console/profile');

    // A refused account form is the same form again (400) with the problem next to the field, and a
    // username already taken is found by the database (409).
    const officer = { username: 'li_2', displayName: '李雷', role: 'city_officer', jurisdictionId: '', phone: '' };
    const problems: [Record<string, string>, string][] = [
      [{ role: 'superuser' }, '请选择角色。'],
      [{ username: 'x' }, '用户名为 3–40 位字母'],
      [{ displayName: '  ' }, '请填写姓名。'],
    ];
    for (const [bad, message] of problems) {
      const refused = await admin2.post('/console/admin/officers', { ...officer, ...bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      const page = await refused.text();
      expect(page).toContain(message);
      // What was typed is kept.
      if (bad.displayName === undefined) expect(page).toContain('value="李雷"');
    }
    const taken = await admin2.post('/console/admin/officers', { ...officer, username: 'wang' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('用户名 wang 已被使用');
    expect(await host.deps.db.$count(officers, eq(officers.username, 'li_2'))).toBe(0);
  });
});

async function row(id: string) {
  const [r] = await host.deps.db.select().from(reports).where(eq(reports.id, id));
  if (!r) throw new Error(`no report ${id}`);
  return r;
}
