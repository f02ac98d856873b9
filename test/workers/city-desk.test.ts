// The city desk on the Workers host (workerd + D1): the overview and statistics read the rollup the submit
// batch wrote, and the Excel workbook is built by the lazily imported write-excel-file inside the bundle.
import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { insertAccount } from '../../db/repo/accounts';
import * as schema from '../../db/schema';
import { hashPassword } from '../../src/auth/password';
import { cryptoRandom } from '../../src/deps';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

async function post(path: string, body: unknown, token?: string) {
  const res = await SELF.fetch(`http://x${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { draftId: string; token: string; reply: ReplyLike; receipt?: string };
}

async function cityOfficerCookie(): Promise<string> {
  const password = 'city officer passphrase';
  await insertAccount(drizzle(env.DB, { schema }) as unknown as Db, {
    id: 'of_city_desk',
    username: 'citydesk',
    displayName: '市办',
    role: 'city_officer',
    jurisdictionId: null,
    phone: null,
    passwordHash: await hashPassword(password, cryptoRandom),
    mustChangePassword: false,
    createdAt: new Date(),
  });
  const res = await SELF.fetch('http://x/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://x' },
    body: new URLSearchParams({ username: 'citydesk', password }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the city desk on the Workers host', () => {
  it('counts a submitted report on the overview and exports the statistics workbook', async () => {
    const d = await post('/api/drafts', {});
    let r = d;
    while (!r.receipt)
      r = await post(`/api/drafts/${d.draftId}/turns`, { input: inputFor(r.reply, M05_ANSWERS) }, d.token);
    const rollup = await env.DB.prepare(
      "SELECT sum(cases) AS n FROM case_rollup WHERE dim = 'all' AND jurisdiction_id = '220102'",
    ).first<{ n: number }>();
    expect(rollup?.n).toBe(1);

    const cookie = await cityOfficerCookie();
    const overview = await SELF.fetch('http://x/console', { headers: { cookie } });
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).toMatch(/<a href="\/console\/cases\?district=220102">南关区<\/a><\/td><td>1<\/td>/);
    expect(html.match(/<figure/g)).toHaveLength(3);

    const res = await SELF.fetch('http://x/console/stats.xlsx', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="按县区"');
    const areas = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(areas).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(strings + areas).toContain('南关区');
  });
});
