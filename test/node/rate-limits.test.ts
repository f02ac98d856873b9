// Limits that cannot be walked around: client addresses from proxy headers only when TRUST_PROXY says so,
// sign-in limits that hold under parallel guesses and are keyed on account + address, the current-password
// check, common passwords, and per-address limits on new drafts and reporters' messages (429 + Retry-After).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { MAX_CURRENT_PASSWORD_FAILURES, MAX_FAILURES_PER_USER } from '../../src/auth/throttle';
import { M05_ANSWERS } from '../support/conversation';
import { checkDraftLimit } from '../support/draft-limit';
import { createOfficer, fetcherFor, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
/** The default host: no proxy trusted. */
let direct: NodeHost;
/** Behind one reverse proxy that appends the client's address to X-Forwarded-For. */
let proxied: NodeHost;

beforeAll(async () => {
  const db = join(tmp.dir, 'app.db');
  direct = await startNodeHost(testConfig(db), { clock: clock.now });
  proxied = await startNodeHost(
    testConfig(db, { TRUST_PROXY: '1', DRAFTS_PER_MINUTE: '3', REPORTER_MESSAGES_PER_MINUTE: '2' }),
    { clock: clock.now },
  );
});
afterAll(async () => {
  await proxied.stop();
  await direct.stop();
  tmp.cleanup();
});

const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

/** A request as it reaches the proxied host from the client at `address`. */
const from = (address: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address },
});

describe('client addresses', () => {
  it('ignores CF-Connecting-IP and X-Forwarded-For on a host that trusts no proxy', async () => {
    const { receipt } = await submitReport(fetcherFor(direct.url), direct.deps.db, M05_ANSWERS);
    const lookup = (i: number) =>
      fetch(`${direct.url}/api/reports/lookup`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // A new address on every guess: must not escape the limit.
          'cf-connecting-ip': `203.0.113.${i}`,
          'x-forwarded-for': `198.51.100.${i}`,
        },
        body: JSON.stringify({ receipt, phone: `1390013${8000 + i}` }),
      });
    for (let i = 0; i < 20; i++) expect((await lookup(i)).status).toBe(404);
    const refused = await lookup(99);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('尝试次数过多');
    clock.advance(15 * 60_000);
  });

  it('behind TRUST_PROXY=1 uses the entry the proxy appended, not one the client wrote', async () => {
    const start = (xff: string) =>
      fetch(`${proxied.url}/api/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ channel: 'web' }),
      });
    // The client prepends a different address each time; the proxy's entry (the last) stays the same.
    for (let i = 0; i < 3; i++) expect((await start(`10.9.9.${i}, 192.0.2.10`)).status).toBe(201);
    const refused = await start('10.9.9.77, 192.0.2.10');
    expect(refused.status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await start('192.0.2.11')).status).toBe(201);
    clock.advance(60_000);
  });
});

describe('sign-in limits', () => {
  const password = 'correct horse battery staple 2026';

  it('checks at most the limit of 60 parallel guesses', async () => {
    await createOfficer(direct.deps.db, { username: 'parallel', password, role: 'city_officer' });
    const f = fetcherFor(direct.url);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => f('/login', form({ username: 'parallel', password: `guess-${i}` }))),
    );
    const statuses = answers.map((r) => r.status);
    // Each 401 is one password checked. Growing delays can refuse some of the ten before they are taken.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_USER);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checked);
    const refused = answers.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password is refused from this address until the window passes.
    expect((await f('/login', form({ username: 'parallel', password }))).status).toBe(429);
    clock.advance(15 * 60_000);
    expect((await f('/login', form({ username: 'parallel', password }))).status).toBe(303);
  });

  it('lets the officer in from their own address while a stranger elsewhere is locked out', async () => {
    await createOfficer(proxied.deps.db, {
      username: 'target',
      password,
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    const f = fetcherFor(proxied.url);
    const stranger = (pw: string) => f('/login', from('198.51.100.66', form({ username: 'target', password: pw })));
    for (let i = 1; i <= MAX_FAILURES_PER_USER; i++) {
      expect((await stranger(`wrong-${i}`)).status).toBe(401);
      clock.advance(64_000);
    }
    expect((await stranger('wrong-again')).status).toBe(429);
    const officer = await f('/login', from('192.0.2.20', form({ username: 'target', password })));
    expect(officer.status).toBe(303);
    clock.advance(15 * 60_000);
  });

  it('makes each failure after the third wait longer before the next try', async () => {
    await createOfficer(proxied.deps.db, { username: 'slow', password, role: 'city_officer' });
    const f = fetcherFor(proxied.url);
    const attempt = (pw: string) => f('/login', from('192.0.2.30', form({ username: 'slow', password: pw })));
    for (let i = 1; i <= 3; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    expect((await attempt('wrong-4')).status).toBe(401);
    const waited = await attempt(password);
    expect(waited.status).toBe(429);
    expect(waited.headers.get('retry-after')).toBe('2');
    clock.advance(2000);
    expect((await attempt('wrong-5')).status).toBe(401);
    clock.advance(2000);
    const longer = await attempt(password);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    clock.advance(2000);
    expect((await attempt(password)).status).toBe(303);
    clock.advance(15 * 60_000);
  });
});

describe('the password form', () => {
  const password = 'the first long passphrase 2026';

  it('limits wrong current passwords and refuses common new ones', async () => {
    await createOfficer(direct.deps.db, { username: 'changer', password, role: 'city_officer' });
    const officer = await signIn(fetcherFor(direct.url), 'changer', password);
    const change = (current: string, next: string) =>
      officer.post('/console/profile/password', { current, password: next, confirm: next });

    const common = await change(password, 'qwerty123456');
    expect(common.status).toBe(400);
    expect(await common.text()).toContain('这个密码过于常见');
    expect((await change(password, 'changer-and-more-words')).status).toBe(400);

    for (let i = 0; i < MAX_CURRENT_PASSWORD_FAILURES; i++) {
      expect((await change(`not-it-${i}`, 'a fresh unusual passphrase')).status).toBe(400);
    }
    const limited = await change(password, 'a fresh unusual passphrase');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('当前密码输错次数过多');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(15 * 60_000);
    expect((await change(password, 'a fresh unusual passphrase')).status).toBe(303);
  });
});

describe('per-address limits on new drafts and messages', () => {
  it('stores exactly the limit of new drafts sent at once from one address (the slot is in the draft’s batch)', async () => {
    await checkDraftLimit(proxied.deps.db, '192.0.2.77');
  });

  it('answers the fourth draft in a minute with 429, Retry-After and a Chinese message', async () => {
    const start = () =>
      fetch(
        `${proxied.url}/api/drafts`,
        from('192.0.2.40', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
      );
    for (let i = 0; i < 3; i++) expect((await start()).status).toBe(201);
    const refused = await start();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_drafts');
    expect(body.error.message).toContain('新建的报告过多');
    clock.advance(60_000);
    expect((await start()).status).toBe(201);
  });

  it('answers the third message in a minute with 429, keeping the text', async () => {
    clock.advance(60_000);
    const { receipt } = await submitReport(
      (path, init) => fetch(`${proxied.url}${path}`, from('192.0.2.51', init)),
      proxied.deps.db,
      M05_ANSWERS,
    );
    const send = (text: string) =>
      fetch(
        `${proxied.url}/api/reports/messages`,
        from('192.0.2.50', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ receipt, phone: '13800138000', text }),
        }),
      );
    expect((await send('第一条')).status).toBe(201);
    expect((await send('第二条')).status).toBe(201);
    const refused = await send('第三条');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('留言发送过于频繁');

    // The status page keeps the typed text with the reason.
    const page = await fetch(
      `${proxied.url}/status/messages`,
      from('192.0.2.50', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(proxied.url).origin },
        body: new URLSearchParams({ receipt, phone: '13800138000', text: '页面上的第三条' }).toString(),
      }),
    );
    expect(page.status).toBe(429);
    const html = await page.text();
    expect(html).toContain('留言发送过于频繁');
    expect(html).toContain('页面上的第三条');
  });
});
