// Issue 17, part 3: text messages to reporters through Tencent Cloud SMS. The request signing is checked
// against the provider's documented example, and every request the app sends is checked field by field by
// a loopback endpoint that recomputes the TC3-HMAC-SHA256 signature on its own (node:crypto).
import { createHash, createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { dispatchSms } from '../../src/sms/outbound';
import { runOverdueSms } from '../../src/sms/overdue';
import { signTc3 } from '../../src/sms/tc3';
import { M05_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, signIn, submitReport } from './console-fixtures';
import { insertReport } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

describe('TC3-HMAC-SHA256 against the documented example', () => {
  it('gives the documented hashes and signature for the CVM DescribeInstances request', async () => {
    const signed = await signTc3({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.hashedCanonicalRequest).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});

// ---- the loopback SMS endpoint ------------------------------------------------------------------------

const SECRET_ID = 'AKIDsmsLoopbackTest0000000000000000';
const SECRET_KEY = 'smsLoopbackSecretKey0000000000000';
const hmac = (key: Buffer | string, msg: string) => createHmac('sha256', key).update(msg).digest();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Received {
  headers: Record<string, string>;
  body: {
    PhoneNumberSet: string[];
    SmsSdkAppId: string;
    SignName: string;
    TemplateId: string;
    TemplateParamSet: string[];
  };
  problems: string[];
}

const received: Received[] = [];
let failNext = 0;

/** Recomputes the signature from what arrived and lists every field that is not as documented. */
async function smsEndpoint(req: Request): Promise<Response> {
  const raw = await req.text();
  const h = Object.fromEntries([...req.headers].map(([k, v]) => [k.toLowerCase(), v]));
  const problems: string[] = [];
  const ts = Number(h['x-tc-timestamp']);
  const date = new Date(ts * 1000).toISOString().slice(0, 10);
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${h['content-type']}\nhost:${h.host}\n`,
    'content-type;host',
    sha256(raw),
  ].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(ts), `${date}/sms/tc3_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date), 'sms'), 'tc3_request');
  const signature = hmac(key, toSign).toString('hex');
  const expected = `TC3-HMAC-SHA256 Credential=${SECRET_ID}/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
  if (h.authorization !== expected) problems.push(`authorization ${h.authorization}`);
  if (h['x-tc-action'] !== 'SendSms') problems.push('action');
  if (h['x-tc-version'] !== '2021-01-11') problems.push('version');
  if (h['x-tc-region'] !== 'ap-guangzhou') problems.push('region');
  if (h['content-type'] !== 'application/json; charset=utf-8') problems.push('content-type');
  const body = JSON.parse(raw) as Received['body'];
  received.push({ headers: h, body, problems });
  if (failNext > 0) {
    failNext--;
    return Response.json({ Response: { Error: { Code: 'InternalError', Message: 'busy' }, RequestId: 'r' } });
  }
  if (problems.length > 0) {
    return Response.json({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: problems.join() } } });
  }
  return Response.json({
    Response: {
      SendStatusSet: [{ Code: 'Ok', Message: 'send success', PhoneNumber: body.PhoneNumberSet[0], Fee: 1 }],
      RequestId: 'req-1',
    },
  });
}

const tmp = tempDir('labor-risk-sms-');
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'nanguan-sms-desk-2026';
let api: ReturnType<typeof serve>;
let host: NodeHost;

beforeAll(async () => {
  api = serve({ fetch: smsEndpoint, port: 0, hostname: '127.0.0.1' });
  await new Promise((ok) => api.once('listening', ok));
  const port = (api.address() as AddressInfo).port;
  host = await startNodeHost(
    testConfig(join(tmp.dir, 'app.db'), {
      SMS_SECRET_ID: SECRET_ID,
      SMS_SECRET_KEY: SECRET_KEY,
      SMS_SDK_APP_ID: '1400009099',
      SMS_SIGN_NAME: '长春劳动关系',
      SMS_TEMPLATE_MESSAGE: '449739',
      SMS_TEMPLATE_CLOSED: '449740',
      SMS_TEMPLATE_OVERDUE: '449741',
      SMS_DAILY_CAP_PER_NUMBER: '3',
      SMS_API_ROOT: `http://127.0.0.1:${port}`,
    }),
    // Background sends are left to the test's explicit dispatch calls.
    { clock: clock.now, defer: () => {} },
  );
  await createOfficer(host.deps.db, {
    username: 'nanguan',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
    phone: '13900001111',
  });
  await createOfficer(host.deps.db, { username: 'city', password: PASSWORD, role: 'city_officer' });
});
afterAll(async () => {
  await host?.stop();
  await new Promise((ok) => api.close(ok));
  tmp.cleanup();
});

const smsRows = (reportId: string) =>
  host.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'sms')))
    .orderBy(outbox.createdAt);

describe('SMS to reporters and officers (Tencent Cloud SMS on a loopback endpoint)', () => {
  it('texts a web reporter about a message and a closed case: signed, one an hour, retried on failure', async () => {
    const f = fetcherFor(host.url);
    const officer = await signIn(f, 'nanguan', PASSWORD);
    const { reportId, receipt } = await submitReport(f, host.deps.db, M05_ANSWERS);

    failNext = 1;
    await officer.post(`/console/cases/${reportId}/messages`, { text: '请明天上午来调解室。' });
    expect((await dispatchSms(host.deps)).retried).toBe(1);
    clock.advance(2 * 60_000);
    expect((await dispatchSms(host.deps)).sent).toBe(1);
    const last = received.at(-1)!;
    expect(last.problems).toEqual([]);
    expect(last.body).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400009099',
      SignName: '长春劳动关系',
      TemplateId: '449739',
      TemplateParamSet: [receipt],
    });
    expect(last.headers['x-tc-timestamp']).toBe(String(Math.floor(clock.now().getTime() / 1000)));

    // More messages within the hour of that SMS: no second one (the first already points to /status).
    clock.advance(10 * 60_000); // 02:12, the same clock hour: no second row at all
    await officer.post(`/console/cases/${reportId}/messages`, { text: '另：请带劳动合同。' });
    expect(await smsRows(reportId)).toHaveLength(1);
    clock.advance(49 * 60_000); // 03:01, a new clock hour but within the hour of the 02:02 SMS
    await officer.post(`/console/cases/${reportId}/messages`, { text: '第三条' });
    // Closed now (by the city office, before Annex 4): the closed-case SMS waits until the hour since the last
    // one is over.
    const city = await signIn(f, 'city', PASSWORD);
    const closed = await city.post(`/console/cases/${reportId}/close`, { reason: '工资已补发到位。', confirm: 'yes' });
    expect(closed.status).toBe(303);
    const before = received.length;
    expect(await dispatchSms(host.deps)).toMatchObject({ sent: 0, skipped: 1, deferred: 1 });
    clock.advance(2 * 60_000);
    expect((await dispatchSms(host.deps)).sent).toBe(1);
    expect(received.slice(before).map((r) => r.body.TemplateId)).toEqual(['449740']);
    const rows = await smsRows(reportId);
    expect(rows.filter((r) => r.sentAt !== null)).toHaveLength(2);
    expect(rows.some((r) => r.lastError?.includes('within the hour'))).toBe(true);
  });

  it('caps texts per number per day and sends nothing to Telegram/WeChat reporters', async () => {
    const phone = '13700007777';
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await insertReport(host.deps.db, { reporterPhone: phone, submittedAt: clock.now() })).reportId);
    const f = fetcherFor(host.url);
    const officer = await signIn(f, 'nanguan', PASSWORD);
    for (const id of ids) await officer.post(`/console/cases/${id}/messages`, { text: '请回电。' });
    const result = await dispatchSms(host.deps);
    expect(result.sent).toBe(3);
    expect(result.skipped).toBe(1);
    const [chat] = await host.deps.db.select().from(reports).where(eq(reports.id, ids[0]!));
    await host.deps.db.update(reports).set({ reporterChat: 'wx:o_chat' }).where(eq(reports.id, chat!.id));
    clock.advance(2 * 3_600_000);
    await officer.post(`/console/cases/${chat!.id}/messages`, { text: '微信用户不发短信' });
    expect((await smsRows(chat!.id)).length).toBe(1);
  });

  it('an overdue urgent case texts the district officer once', async () => {
    const { reportId } = await insertReport(host.deps.db, { urgent: true, submittedAt: clock.now() });
    clock.advance(61 * 60_000);
    expect(await runOverdueSms(host.deps)).toBe(1);
    expect(await runOverdueSms(host.deps)).toBe(0);
    const before = received.length;
    await dispatchSms(host.deps);
    expect(received.slice(before).map((r) => [r.body.PhoneNumberSet[0], r.body.TemplateId])).toEqual([
      ['+8613900001111', '449741'],
    ]);
    expect((await smsRows(reportId)).map((r) => r.state)).toEqual(['sent']);
  });
});
