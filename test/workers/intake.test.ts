import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

type View = { draftId: string; token: string; version: number; reply: ReplyLike; receipt?: string };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await SELF.fetch(`http://x${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function fillToReview() {
  const started = await post('/api/drafts', { channel: 'widget' });
  expect(started.status).toBe(201);
  const d = started.body as unknown as View;
  let reply = d.reply;
  for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
    const r = await post(
      `/api/drafts/${d.draftId}/turns`,
      { input: inputFor(reply, M05_ANSWERS) },
      { 'x-resume-token': d.token },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    reply = (r.body as unknown as View).reply;
  }
  expect(reply.kind).toBe('review');
  return d;
}

describe('intake API in workerd on D1', () => {
  it('start → turns → submit → status lookup; the report row is read back from D1', async () => {
    const d = await fillToReview();
    const headers = { 'x-resume-token': d.token, 'idempotency-key': 'workers-key-0001' };
    const first = await post(`/api/drafts/${d.draftId}/submit`, {}, headers);
    expect(first.status).toBe(200);
    const receipt = first.body.receipt as string;
    expect(receipt).toMatch(/^CC-\d{4}-[A-Z2-9]{6}$/);

    const again = await post(`/api/drafts/${d.draftId}/submit`, {}, headers);
    expect(again.body.receipt).toBe(receipt);

    const rows = await env.DB.prepare(
      'SELECT receipt, unit_name, ruleset_version, assessment FROM reports WHERE draft_id = ?',
    )
      .bind(d.draftId)
      .all<{ receipt: string; unit_name: string; ruleset_version: string; assessment: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]).toMatchObject({ receipt, unit_name: '长春市示例机械制造有限公司' });
    expect(JSON.parse(rows.results[0]!.assessment).rulesetVersion).toBe(rows.results[0]!.ruleset_version);
    const outbox = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'report_submitted'").first<{
      n: number;
    }>();
    expect(outbox?.n).toBeGreaterThanOrEqual(1);

    const status = await post('/api/reports/lookup', { receipt, phone: '13800138000' });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ receipt, status: 'new' });
  });

  it('two racing turns on D1: one wins, the other gets 409 with the current question', async () => {
    const started = await post('/api/drafts', {});
    const d = started.body as unknown as View;
    const h = { 'x-resume-token': d.token };
    const [a, b] = await Promise.all([
      post(`/api/drafts/${d.draftId}/turns`, { input: { type: 'answer', value: '甲' }, field: 'unit_name' }, h),
      post(`/api/drafts/${d.draftId}/turns`, { input: { type: 'answer', value: '乙' }, field: 'unit_name' }, h),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
