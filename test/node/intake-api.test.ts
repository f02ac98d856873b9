import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employers, inboundEvents, outbox, reportEvents, reportItems, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { inputFor, M05_ANSWERS, M09_ANSWERS, type ReplyLike } from '../support/conversation';
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

type View = { draftId: string; version: number; status: string; reply: ReplyLike & { text: string }; receipt?: string };

async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${host.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { 'x-resume-token': init.token } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function startDraft(extra: Record<string, unknown> = {}) {
  const r = await call('/api/drafts', { body: { channel: 'web', ...extra } });
  expect(r.status).toBe(201);
  return r.body as unknown as View & { token: string };
}

/** Answers every question from `answers` until the review screen. */
async function fillToReview(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const d = await startDraft(extra);
  let view: View = d;
  for (let i = 0; i < 80 && view.reply.kind !== 'review'; i++) {
    const input = inputFor(view.reply, answers);
    expect(input, `no answer for ${view.reply.field?.id}`).toBeDefined();
    const r = await call(`/api/drafts/${d.draftId}/turns`, { body: { input }, token: d.token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    view = r.body as unknown as View;
  }
  expect(view.reply.kind).toBe('review');
  return { ...d, view };
}

describe('intake API on the Node host and an embedded libSQL file', () => {
  it('walks start → turns → review → submit → status lookup, and stores the assessed report', async () => {
    const { draftId, token } = await fillToReview(M05_ANSWERS);
    const submitted = await call(`/api/drafts/${draftId}/submit`, {
      method: 'POST',
      token,
      headers: { 'idempotency-key': 'k-m05-000001' },
    });
    expect(submitted.status).toBe(200);
    const receipt = submitted.body.receipt as string;
    expect(receipt).toMatch(/^CC-2026-[2-9A-HJKMNP-Z]{6}$/);
    expect((submitted.body.reply as { text: string }).text).toContain(receipt);
    expect((submitted.body.reply as { text: string }).text).toContain(
      '接报部门：南关区协调劳动关系三方委员会办公室，联系电话 0431-12333',
    );

    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, receipt));
    expect(row).toMatchObject({
      unitName: '长春市示例机械制造有限公司',
      jurisdictionId: '220102',
      reporterPhone: '13800138000',
      items: ['M05'],
    });
    const assessment = row?.assessment as { rulesetVersion: string; findings: { item: string; outcome: string }[] };
    expect(assessment.rulesetVersion).toBe(row?.rulesetVersion);
    expect(assessment.findings).toEqual([expect.objectContaining({ item: 'M05' })]);
    expect(row?.annex4DueAt.getTime()).toBe(clock.now().getTime() + 24 * 3_600_000);
    // The same batch wrote the employer, the item row, the audit event and the outbox row.
    expect(await host.deps.db.$count(employers, eq(employers.id, row!.employerId))).toBe(1);
    expect(await host.deps.db.$count(reportItems, eq(reportItems.reportId, row!.id))).toBe(1);
    expect(await host.deps.db.$count(reportEvents, eq(reportEvents.reportId, row!.id))).toBe(1);
    expect(await host.deps.db.$count(outbox, eq(outbox.reportId, row!.id))).toBe(1);

    const status = await call('/api/reports/lookup', {
      body: { receipt: receipt.toLowerCase().replaceAll('-', ''), phone: '138 0013 8000' },
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      receipt,
      status: 'new',
      unitName: '长春市示例机械制造有限公司',
      items: ['M05'],
    });
    const wrongPhone = await call('/api/reports/lookup', { body: { receipt, phone: '13900139000' } });
    expect(wrongPhone.status).toBe(404);
  });

  it('answers a repeated submit with the same receipt and creates one report', async () => {
    const { draftId, token } = await fillToReview(M05_ANSWERS);
    const headers = { 'idempotency-key': 'k-repeat-000001' };
    const first = await call(`/api/drafts/${draftId}/submit`, { method: 'POST', token, headers });
    const again = await Promise.all([
      call(`/api/drafts/${draftId}/submit`, { method: 'POST', token, headers }),
      call(`/api/drafts/${draftId}/submit`, { method: 'POST', token, headers }),
      call(`/api/drafts/${draftId}/submit`, { method: 'POST', token }),
    ]);
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body.receipt).toBe(first.body.receipt);
    }
    expect(await host.deps.db.$count(reports, eq(reports.draftId, draftId))).toBe(1);
    expect(await host.deps.db.$count(inboundEvents, eq(inboundEvents.key, 'idem:k-repeat-000001'))).toBe(1);
  });

  it('marks an urgent report (roads blocked, 45 people) due within the hour', async () => {
    clock.set('2026-11-25T01:00:00.000Z'); // 09:00 in Changchun
    const { draftId, token } = await fillToReview(M09_ANSWERS);
    const r = await call(`/api/drafts/${draftId}/submit`, { method: 'POST', token });
    const [row] = await host.deps.db
      .select()
      .from(reports)
      .where(eq(reports.receipt, r.body.receipt as string));
    expect(row?.urgency).toBe('immediate');
    expect(row?.annex4DueAt.getTime()).toBe(clock.now().getTime() + 3_600_000);
  });

  it('resumes a draft from another device with the token, at the same question', async () => {
    const d = await startDraft();
    await call(`/api/drafts/${d.draftId}/turns`, {
      body: { input: { type: 'answer', value: '示例公司' } },
      token: d.token,
    });
    const read = await call(`/api/drafts/${d.draftId}`, { token: d.token });
    expect(read.status).toBe(200);
    expect((read.body.reply as ReplyLike).field?.id).toBe('uscc');
    expect(read.body.version).toBe(2);
  });

  it('keeps one answer when two turns race on one draft: one wins, the other gets the current question', async () => {
    const d = await startDraft();
    const [a, b] = await Promise.all([
      call(`/api/drafts/${d.draftId}/turns`, {
        body: { input: { type: 'answer', value: '甲公司' }, field: 'unit_name' },
        token: d.token,
      }),
      call(`/api/drafts/${d.draftId}/turns`, {
        body: { input: { type: 'answer', value: '乙公司' }, field: 'unit_name' },
        token: d.token,
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const error = loser.body.error as { code: string; current: { reply: ReplyLike } };
    expect(error.code).toBe('conflict');
    expect(error.current.reply.field?.id).toBe('uscc');
    const read = await call(`/api/drafts/${d.draftId}`, { token: d.token });
    expect(read.body.version).toBe(2);
  });

  it('refuses bad input with a clear error and never a 500', async () => {
    const d = await startDraft({ locale: 'en' });
    const turn = (body: unknown, token = d.token) => call(`/api/drafts/${d.draftId}/turns`, { body, token });

    expect((await call('/api/drafts/nope', { token: 'x' })).status).toBe(404);
    expect((await call(`/api/drafts/${d.draftId}`, { token: 'wrong-token' })).status).toBe(403);
    expect((await call(`/api/drafts/${d.draftId}`)).status).toBe(403);
    const badJson = await turn('{"input": ');
    expect(badJson.status).toBe(400);
    expect((badJson.body.error as { code: string }).code).toBe('invalid_json');
    const badShape = await turn({ input: { type: 'dance' } });
    expect(badShape.status).toBe(400);
    expect((badShape.body.error as { message: string }).message).toMatch(/input/);
    const huge = await turn({ input: { type: 'answer', value: 'x'.repeat(70_000) } });
    expect(huge.status).toBe(413);

    const long = await turn({ input: { type: 'answer', value: '公'.repeat(10_000) } });
    expect(long.status).toBe(200);
    expect((long.body.reply as ReplyLike).error).toBeTruthy();
    expect((long.body.reply as ReplyLike).field?.id).toBe('unit_name');

    const html = await turn({
      input: { type: 'answer', value: "<script>alert(1)</script>'; DROP TABLE reports;--\u0007" },
    });
    expect(html.status).toBe(200);
    const read = await call(`/api/drafts/${d.draftId}`, { token: d.token });
    const review = await turn({ input: { type: 'review' } });
    expect(JSON.stringify(review.body)).toContain('<script>alert(1)</script>');
    expect(read.status).toBe(200);
    expect(await host.deps.db.select({ n: count() }).from(reports)).toBeTruthy();
  });

  it('publishes the OpenAPI document', async () => {
    const r = await call('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/drafts',
        '/api/drafts/{id}',
        '/api/drafts/{id}/turns',
        '/api/drafts/{id}/submit',
        '/api/reports/lookup',
      ]),
    );
  });
});
