// Idempotency keys belong to what they submitted: the same key on another draft (API) or the same /report
// page posted again with other answers (Back, edit, submit) is refused with 409 in Chinese and is never
// answered with the earlier report's receipt; the same key on the same draft or page still repeats safely.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeDrafts, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { inputFor, M05_ANSWERS } from '../support/conversation';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
let host: NodeHost;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

type Reply = { kind: string; field?: { id: string; kind: string }; warning?: string };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function draftAtReview(answers: Record<string, unknown>) {
  const started = await post('/api/drafts', { channel: 'web' });
  const { draftId, token } = started.body as { draftId: string; token: string };
  let reply = started.body.reply as Reply;
  for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
    const r = await post(
      `/api/drafts/${draftId}/turns`,
      { input: inputFor(reply, answers) },
      { 'x-resume-token': token },
    );
    reply = r.body.reply as Reply;
  }
  expect(reply.kind).toBe('review');
  return { draftId, token };
}

describe('Idempotency-Key on the intake API', () => {
  it('refuses a key reused on another draft with 409, and the other draft still submits with its own key', async () => {
    const first = await draftAtReview(M05_ANSWERS);
    const second = await draftAtReview({ ...M05_ANSWERS, unit_name: '长春市另一家示例有限公司' });
    const key = { 'idempotency-key': 'shared-key-0001' };

    const a = await post(`/api/drafts/${first.draftId}/submit`, undefined, { ...key, 'x-resume-token': first.token });
    expect(a.status).toBe(200);
    const b = await post(`/api/drafts/${second.draftId}/submit`, undefined, {
      ...key,
      'x-resume-token': second.token,
    });
    expect(b.status).toBe(409);
    const error = b.body.error as { code: string; message: string };
    expect(error.code).toBe('idempotency_key_reused');
    expect(error.message).toContain('已用于另一份报告');
    expect(JSON.stringify(b.body)).not.toContain(a.body.receipt as string);
    // Nothing was stored for the second draft, which is still open.
    expect(await host.deps.db.$count(reports, eq(reports.draftId, second.draftId))).toBe(0);
    const [row] = await host.deps.db.select().from(intakeDrafts).where(eq(intakeDrafts.id, second.draftId));
    expect(row?.status).toBe('active');

    // The same key on its own draft is still a harmless repeat; a fresh key submits the second draft.
    const again = await post(`/api/drafts/${first.draftId}/submit`, undefined, {
      ...key,
      'x-resume-token': first.token,
    });
    expect(again.body.receipt).toBe(a.body.receipt);
    const c = await post(`/api/drafts/${second.draftId}/submit`, undefined, {
      'idempotency-key': 'second-key-0001',
      'x-resume-token': second.token,
    });
    expect(c.status).toBe(200);
    expect(c.body.receipt).not.toBe(a.body.receipt);
    expect(await host.deps.db.$count(reports, eq(reports.draftId, second.draftId))).toBe(1);
  });

  it('refuses the reused key through the submit turn as well', async () => {
    const first = await draftAtReview(M05_ANSWERS);
    const second = await draftAtReview(M05_ANSWERS);
    const key = { 'idempotency-key': 'turn-key-00001' };
    const turn = (d: { draftId: string; token: string }) =>
      post(`/api/drafts/${d.draftId}/turns`, { input: { type: 'submit' } }, { ...key, 'x-resume-token': d.token });
    expect((await turn(first)).status).toBe(200);
    const refused = await turn(second);
    expect(refused.status).toBe(409);
    expect((refused.body.error as { code: string }).code).toBe('idempotency_key_reused');
  });
});

/** The /report form's answers for M05, as a browser posts them (both steps at once: follow-ups shown). */
function formBody(submission: string, token: string, unitName: string) {
  const body = new URLSearchParams({
    submission,
    token,
    unit_name: unitName,
    uscc: '91110108551385082Q',
    legal_rep: '王建国',
    business_status: 'difficult',
    headcount: '1200',
    district: '220102',
    address: '长春市南关区人民大街 100 号',
    industry: 'C',
    reporter_name: '李梅',
    reporter_phone: '13800138000',
    items: 'M05',
    shown: 'M05',
    m05_employees_owed: '25',
    m05_amount_owed: '420000',
    m05_months_in_arrears: '2',
    m05_payment_plan_date: '2026-12-20',
    collective_action: 'none',
    event_at: '2026-11-24T09:00',
    details: '10 月、11 月工资未能按时足额发放。',
  });
  return body.toString();
}

describe('/report form submissions', () => {
  it('answers a repeated page with its receipt, and Back–edit–submit with a 409 page that keeps the edits', async () => {
    const page = await fetch(`${host.url}/report`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const html = await page.text();
    const submission = /name="submission" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const token = cookie.split('=')[1] ?? '';
    expect(submission).not.toBe('');
    const send = (unitName: string, key = submission) =>
      fetch(`${host.url}/report`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: formBody(key, token, unitName),
      });

    const first = await send('长春市示例机械制造有限公司');
    expect(first.status).toBe(200);
    const receipt = /id="receipt">([^<]+)</.exec(await first.text())?.[1] ?? '';
    expect(receipt).toMatch(/^CC-2026-/);
    // Refresh / double click: the same answers on the same page give the same receipt, one report.
    const repeat = await send('长春市示例机械制造有限公司');
    expect(/id="receipt">([^<]+)</.exec(await repeat.text())?.[1]).toBe(receipt);

    // Back, edit the unit name, submit: not the earlier receipt, the form again with the edit kept.
    const edited = await send('长春市更正后的单位名称有限公司');
    expect(edited.status).toBe(409);
    const text = await edited.text();
    expect(text).not.toContain(receipt);
    expect(text).toContain('这张表单之前已经提交过一次');
    expect(text).toContain('value="长春市更正后的单位名称有限公司"');
    const fresh = /name="submission" value="([^"]+)"/.exec(text)?.[1] ?? '';
    expect(fresh).not.toBe(submission);
    expect(await host.deps.db.$count(reports, eq(reports.unitName, '长春市更正后的单位名称有限公司'))).toBe(0);

    // Submitting that page stores the edited report as a new one.
    const stored = await send('长春市更正后的单位名称有限公司', fresh);
    expect(stored.status).toBe(200);
    const second = /id="receipt">([^<]+)</.exec(await stored.text())?.[1];
    expect(second).toMatch(/^CC-2026-/);
    expect(second).not.toBe(receipt);
    expect(await host.deps.db.$count(reports, eq(reports.unitName, '长春市更正后的单位名称有限公司'))).toBe(1);
  });
});
