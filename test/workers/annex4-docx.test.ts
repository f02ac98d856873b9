// The Annex 4 DOCX export in workerd: docx is imported dynamically on the first export (so the isolate does
// not evaluate it at start-up), and that import must work inside the Workers bundle too.
import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { insertAccount } from '../../db/repo/accounts';
import * as schema from '../../db/schema';
import { hashPassword } from '../../src/auth/password';
import { cryptoRandom } from '../../src/deps';
import { docxText } from '../node/console-docx-text';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

async function post(path: string, body: unknown, token?: string) {
  const res = await SELF.fetch(`http://x${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { draftId: string; token: string; reply: ReplyLike; receipt?: string };
}

async function submittedReport(): Promise<{ id: string; receipt: string }> {
  const d = await post('/api/drafts', {});
  let r = d;
  while (!r.receipt)
    r = await post(`/api/drafts/${d.draftId}/turns`, { input: inputFor(r.reply, M05_ANSWERS) }, d.token);
  const row = await env.DB.prepare('SELECT id FROM reports WHERE receipt = ?').bind(r.receipt).first<{ id: string }>();
  return { id: row!.id, receipt: r.receipt };
}

/** A city officer (who sees every case), signed in: the session cookie. */
async function cityOfficerCookie(): Promise<string> {
  const password = 'city officer passphrase';
  await insertAccount(drizzle(env.DB, { schema }) as unknown as Db, {
    id: 'of_city',
    username: 'city',
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
    body: new URLSearchParams({ username: 'city', password }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the Annex 4 export on the Workers host', () => {
  it('builds the DOCX with the lazily imported docx and records the export', async () => {
    const report = await submittedReport();
    const cookie = await cityOfficerCookie();
    const res = await SELF.fetch(`http://x/console/cases/${report.id}/annex4.docx`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain(`annex4-${report.receipt}.docx`);
    const text = docxText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('长春市劳动关系风险监测预警信息情况表');
    expect(text).toContain(`回执号 ${report.receipt}`);
    const events = await env.DB.prepare("SELECT data FROM report_events WHERE report_id = ? AND type = 'exported'")
      .bind(report.id)
      .all<{ data: string }>();
    expect(events.results.map((e) => JSON.parse(e.data))).toEqual([{ what: 'annex4_docx' }]);
  });
});
