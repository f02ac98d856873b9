// Late and unreported as officer decisions, and officer-entered cases that say where they came from: a
// phoned report is the employer's (source 电话, with when the employer called), lateness is only suggested
// and confirmed or dismissed on the case page, 漏报 only on the officer's word, and only confirmed entries
// reach the accountability list. An urgent officer-entered case alerts the city like any urgent report.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesForCase } from '../../db/repo/accountability';
import { OUTBOX_PRIORITY } from '../../db/repo/outbox';
import { outbox, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { createOfficer, csrfFrom, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'officer-decisions-2026';
let host: NodeHost;
let zhang: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db'), { PUBLIC_URL: 'https://report.example.gov.cn' }), {
    clock: clock.now,
    defer: () => {},
  });
  await createOfficer(host.deps.db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  zhang = await signIn(fetcherFor(host.url), 'nanguan', PASSWORD);
});
afterAll(async () => {
  await host?.stop();
  tmp.cleanup();
});

/** Posts the new-case form; returns the response and the created case id (if any). */
async function newCase(fields: Record<string, string>, items: string[] = ['M05'], path = '/console/cases/new') {
  const page = await (await zhang.get(path)).text();
  const nonce = /name="nonce" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const form = new URLSearchParams({
    _csrf: csrfFrom(page),
    nonce,
    unit_name: `长春来电测试${nonce.slice(-6)}有限公司`,
    legal_rep: '周某',
    business_status: 'difficult',
    headcount: '300',
    district: '220102',
    address: '长春市南关区某路 1 号',
    industry: 'C',
    reporter_name: '周会计',
    reporter_phone: '13900139000',
    m05_employees_owed: '40',
    m05_amount_owed: '300000',
    m05_months_in_arrears: '1',
    collective_action: 'none',
    event_at: '2026-11-20',
    details: '单位来电报告拖欠工资。',
    _submitted: '1',
    ...fields,
  });
  for (const item of items) form.append('items', item);
  const res = await fetcherFor(host.url)(path, {
    method: 'POST',
    headers: { cookie: zhang.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const id = decodeURIComponent(/\/console\/cases\/([^?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '');
  return { res, id };
}

describe('officer-entered cases and accountability decisions', () => {
  it('a phone report (录入电话报告) is stored like a submission: 疑似迟报 suggested, the name key that joins 续报', async () => {
    const unitName = '长春电话迟报测试有限公司';
    const phoned = await newCase(
      { unit_name: unitName, caller_phone: '13943108866', call_at: '2026-11-25T09:40' },
      ['M05'],
      '/console/cases/phone',
    );
    expect(phoned.res.status).toBe(303);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, phoned.id));
    expect(row).toMatchObject({ channel: 'phone', source: 'phone', unreported: false, nameKey: `220102:${unitName}` });
    const entries = await entriesForCase(host.deps.db, phoned.id);
    expect(entries.map((e) => [e.kind, e.status])).toEqual([['late', 'suggested']]);
  });

  it('a second call about the same employer joins its case: the officer lands on the case, told so', async () => {
    const unitName = '长春电话续报测试有限公司';
    const call = (at: string) =>
      newCase({ unit_name: unitName, caller_phone: '13943108866', call_at: at }, ['M05'], '/console/cases/phone');
    const first = await call('2026-11-25T09:40');
    const second = await call('2026-11-25T09:50');
    expect(second.res.status).toBe(303);
    expect(second.res.headers.get('location')).toBe(`/console/cases/${first.id}?done=phone_joined`);
    const followUps = await host.deps.db.select().from(reports).where(eq(reports.caseId, first.id));
    expect(followUps.map((r) => r.channel)).toEqual(['phone']);
    const page = await (await zhang.get(`/console/cases/${first.id}?done=phone_joined`)).text();
    expect(page).toContain('这次电话报告已作为续报并入本案件');
    expect(page).toContain(followUps[0]!.receipt);
  });

  it('refuses a case without a source, a phoned one without the call time, and 漏报 on a phoned report', async () => {
    expect((await newCase({})).res.status).toBe(422);
    const noTime = await newCase({ source: 'phone' });
    expect(noTime.res.status).toBe(422);
    expect(await noTime.res.text()).toContain('请填写用人单位来电、来信的时间');
    const wrong = await newCase({ source: 'phone', employer_reported_at: '2026-11-24T09:00', unreported: '1' });
    expect(wrong.res.status).toBe(422);
    expect(await wrong.res.text()).toContain('不能认定为漏报');
  });

  it('a phoned report 4 days after the event is a 疑似迟报 to confirm; only confirmed entries are listed', async () => {
    const late = await newCase({ source: 'phone', employer_reported_at: '2026-11-24T09:00' });
    expect(late.res.status).toBe(303);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, late.id));
    expect(row).toMatchObject({ source: 'phone', unreported: false });
    expect(row?.employerReportedAt?.toISOString()).toBe('2026-11-24T01:00:00.000Z');
    const [entry] = await entriesForCase(host.deps.db, late.id);
    expect(entry).toMatchObject({ kind: 'late', status: 'suggested' });
    expect(entry?.reason).toMatch(/^疑似迟报：/);

    const page = await (await zhang.get(`/console/cases/${late.id}`)).text();
    expect(page).toContain('疑似迟报');
    expect(await (await zhang.get('/console/accountability')).text()).not.toContain(row?.receipt ?? '?');

    const path = `/console/cases/${late.id}/accountability/${entry?.id}`;
    expect((await zhang.post(path, { decision: 'confirmed', reason: '' })).status).toBe(400);
    expect((await zhang.post(path, { decision: 'confirmed', reason: '11 月 20 日即停发，24 日才来电' })).status).toBe(
      303,
    );
    expect((await zhang.post(path, { decision: 'dismissed', reason: 'again' })).status).toBe(409);
    const list = await (await zhang.get('/console/accountability')).text();
    expect(list).toContain(row?.receipt ?? '?');
    expect(list).toContain('11 月 20 日即停发，24 日才来电');

    const dismissed = await newCase({ source: 'wechat', employer_reported_at: '2026-11-24T10:00' });
    const [other] = await entriesForCase(host.deps.db, dismissed.id);
    await zhang.post(`/console/cases/${dismissed.id}/accountability/${other?.id}`, {
      decision: 'dismissed',
      reason: '欠薪逐步形成，24 日达到报告情形当日即来电',
    });
    const [dismissedRow] = await host.deps.db.select().from(reports).where(eq(reports.id, dismissed.id));
    expect(await (await zhang.get('/console/accountability')).text()).not.toContain(dismissedRow?.receipt ?? '?');
  });

  it('漏报 only when the officer says so, recorded as confirmed; a visit without it has no entry', async () => {
    const visit = await newCase({ source: 'visit' });
    expect(await entriesForCase(host.deps.db, visit.id)).toEqual([]);
    const unreported = await newCase({ source: 'visit', unreported: '1' });
    const [entry] = await entriesForCase(host.deps.db, unreported.id);
    expect(entry).toMatchObject({ kind: 'unreported', status: 'confirmed' });
    expect(entry?.reason).toContain('走访摸排');
  });

  it('an urgent officer-entered case queues the same alert as an urgent report (district and city)', async () => {
    const urgent = await newCase({
      source: 'opinion',
      collective_action: 'happening',
      collective_kinds: 'blocking',
      collective_taking_part: '8',
    });
    expect(urgent.res.status).toBe(303);
    const rows = await host.deps.db.select().from(outbox).where(eq(outbox.reportId, urgent.id));
    expect(rows.map((r) => r.kind)).toEqual(['report_submitted']);
    // Sent ahead of any backlog, as an urgent report's alert is (it once went out at normal priority).
    expect(rows[0]?.priority).toBe(OUTBOX_PRIORITY.urgent);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, urgent.id));
    expect(row?.urgency).toBe('immediate');
  });
});
