// Officers' console security: sign-in redirects, CSRF, login throttling, escaping, and jurisdiction scope
// (a district officer gets 404 for another district's case by URL and by every JSON route).
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { delayAfter } from '../../src/auth/throttle';
import { M05_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const EVIL = '<script>alert("x")</script>长春某某有限公司';
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let nanguan: { reportId: string; receipt: string };
let chaoyang: { reportId: string; receipt: string };
let district: SignedIn;
let city: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  f = fetcherFor(host.url);
  const db = host.deps.db;
  await createOfficer(db, {
    username: 'nanguan',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(db, {
    username: 'chaoyang',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220104',
  });
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await createOfficer(db, {
    username: 'victim',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  nanguan = await submitReport(f, db, M05_ANSWERS);
  chaoyang = await submitReport(f, db, {
    ...M05_ANSWERS,
    unit_name: EVIL,
    uscc: '91350200776049653A',
    district: '220104',
    address: '长春市朝阳区<b>工农大路</b> 1 号',
  });
  district = await signIn(f, 'nanguan', PASSWORD);
  city = await signIn(f, 'city', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('console security', () => {
  it('redirects to /login with the page to return to when there is no session', async () => {
    const res = await f('/console');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fconsole');
    const deep = await f(`/console/cases/${nanguan.reportId}?x=1`);
    expect(deep.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent(`/console/cases/${nanguan.reportId}?x=1`)}`,
    );
    expect((await f('/console/api/cases')).status).toBe(401);
    // Only console paths ask for a session: the rest of the app is untouched.
    expect((await f('/nope')).status).toBe(404);
    const unknown = await city.get('/console/nope');
    expect(unknown.status).toBe(404);
    const login = await f('/login');
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('sets an HttpOnly, SameSite session cookie and stores only its hash', async () => {
    const res = await f('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'city', password: PASSWORD }).toString(),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a state-changing form without the CSRF token (403) and changes nothing', async () => {
    const before = await host.deps.db.$count(reportEvents, eq(reportEvents.reportId, nanguan.reportId));
    const missing = await district.post(`/console/cases/${nanguan.reportId}/notes`, { text: 'x' }, { csrf: null });
    expect(missing.status).toBe(403);
    const wrong = await district.post(`/console/cases/${nanguan.reportId}/claim`, {}, { csrf: 'f'.repeat(64) });
    expect(wrong.status).toBe(403);
    const other = await district.post(`/console/cases/${nanguan.reportId}/claim`, {}, { csrf: city.csrf });
    expect(other.status).toBe(403);
    const api = await f(`/console/api/cases/${nanguan.reportId}/claim`, {
      method: 'POST',
      headers: { cookie: district.cookie },
    });
    expect(api.status).toBe(403);
    expect(await host.deps.db.$count(reportEvents, eq(reportEvents.reportId, nanguan.reportId))).toBe(before);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, nanguan.reportId));
    expect(row?.claimedBy).toBeNull();
    const logout = await f('/logout', { method: 'POST', headers: { cookie: district.cookie } });
    expect(logout.status).toBe(403);
  });

  it('accepts the same form with the token', async () => {
    const ok = await district.post(`/console/cases/${nanguan.reportId}/notes`, { text: '已电话联系单位。' });
    expect(ok.status).toBe(303);
  });

  it('throttles after 10 wrong passwords, with growing delays, even for the right one, until the window passes', async () => {
    const attempt = (password: string) =>
      f('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'victim', password }).toString(),
      });
    const started = clock.now().getTime();
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(`wrong-${i}`)).status).toBe(401);
      clock.advance(delayAfter(i));
    }
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('分钟后再试');
    const windowEnd = started + 15 * 60_000;
    expect(Number(blocked.headers.get('retry-after'))).toBe(Math.ceil((windowEnd - clock.now().getTime()) / 1000));
    clock.set(new Date(windowEnd - 1000).toISOString());
    expect((await attempt(PASSWORD)).status).toBe(429);
    clock.advance(1000);
    expect((await attempt(PASSWORD)).status).toBe(303);
  });

  it('renders a <script> unit name as text in the inbox and on the case page', async () => {
    const inbox = await (await city.get('/console/cases')).text();
    expect(inbox).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;长春某某有限公司');
    expect(inbox).not.toContain('<script>alert');
    const page = await city.get(`/console/cases/${chaoyang.reportId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;工农大路&lt;/b&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('jurisdiction scope', () => {
  it('gives a 南关区 officer 404 for a 朝阳区 case by URL and by every API route', async () => {
    const id = chaoyang.reportId;
    for (const path of [
      `/console/cases/${id}`,
      `/console/cases/${id}/annex4`,
      `/console/cases/${id}/annex4.docx`,
      `/console/api/cases/${id}`,
      `/console/api/cases/${id}/events`,
    ]) {
      expect((await district.get(path)).status, path).toBe(404);
    }
    for (const action of ['claim', 'notes', 'messages', 'close', 'handover', 'annex4']) {
      const res = await district.post(`/console/cases/${id}/${action}`, {
        text: 'x',
        reason: 'x',
        to: 'x',
        action: 'save',
      });
      expect(res.status, action).toBe(404);
    }
    const apiClaim = await f(`/console/api/cases/${id}/claim`, {
      method: 'POST',
      headers: { cookie: district.cookie, 'x-csrf-token': district.csrf },
    });
    expect(apiClaim.status).toBe(404);
    expect(await apiClaim.json()).toMatchObject({ error: { code: 'case_not_found' } });
    const list = (await (await district.get('/console/api/cases')).json()) as { cases: { id: string }[] };
    expect(list.cases.map((c) => c.id)).toEqual([nanguan.reportId]);
    const inbox = await (await district.get(`/console/?q=${encodeURIComponent(chaoyang.receipt)}`)).text();
    expect(inbox).not.toContain(chaoyang.receipt);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, id));
    expect(row?.claimedBy).toBeNull();
    // Nothing by this officer was recorded on the other district's case either.
    const events = await host.deps.db.select().from(reportEvents).where(eq(reportEvents.reportId, id));
    expect(events.filter((e) => e.actorId?.endsWith('_nanguan'))).toEqual([]);
  });

  it('lets the city officer see both, and records each view as an audit event', async () => {
    for (const r of [nanguan, chaoyang]) {
      expect((await city.get(`/console/cases/${r.reportId}`)).status).toBe(200);
      expect((await city.get(`/console/api/cases/${r.reportId}`)).status).toBe(200);
    }
    const list = (await (await city.get('/console/api/cases')).json()) as { cases: { id: string }[] };
    expect(list.cases.map((c) => c.id).sort()).toEqual([nanguan.reportId, chaoyang.reportId].sort());
    const views = await host.deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, chaoyang.reportId), eq(reportEvents.type, 'viewed')));
    expect(views.length).toBeGreaterThanOrEqual(2);
    expect(views[0]).toMatchObject({ actorType: 'officer', data: { what: 'case' } });
  });

  it('finds cases by receipt, USCC and part of the unit name, and filters by district and item', async () => {
    const ids = async (query: string) =>
      ((await (await city.get(`/console/api/cases?${query}`)).json()) as { cases: { id: string }[] }).cases.map(
        (c) => c.id,
      );
    expect(await ids(`q=${encodeURIComponent(chaoyang.receipt.toLowerCase())}`)).toEqual([chaoyang.reportId]);
    expect(await ids('q=91350200776049653A')).toEqual([chaoyang.reportId]);
    expect(await ids(`q=${encodeURIComponent('示例机械')}`)).toEqual([nanguan.reportId]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('district=220104')).toEqual([chaoyang.reportId]);
    expect(await ids('item=M09')).toEqual([]);
    expect((await ids('item=M05')).length).toBe(2);
  });
});
