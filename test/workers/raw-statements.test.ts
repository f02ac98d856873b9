// Raw SQL statements inside D1 batches (claims, deadline notices): drizzle's D1 batch needs them prepared
// on the binding (db/client.ts rawStatement). This runs them for real in workerd against D1.
import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { claimStatements, deadlineNoticeStatements, urgencyStatements } from '../../db/repo/cases';
import * as schema from '../../db/schema';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

async function post(path: string, body: unknown, token?: string) {
  const res = await SELF.fetch(`http://x${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { draftId: string; token: string; reply: ReplyLike; receipt?: string };
}

async function submittedReportId(): Promise<string> {
  const d = await post('/api/drafts', {});
  let r = d;
  while (!r.receipt)
    r = await post(`/api/drafts/${d.draftId}/turns`, { input: inputFor(r.reply, M05_ANSWERS) }, d.token);
  const row = await env.DB.prepare('SELECT id FROM reports WHERE receipt = ?').bind(r.receipt).first<{ id: string }>();
  return row!.id;
}

describe('raw statements in D1 batches', () => {
  it('claim: the first officer wins and gets one event; the second changes nothing', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db;
    const reportId = await submittedReportId();
    const now = new Date();
    await db.batch(claimStatements(db, reportId, 'of_a', now) as [never]);
    await db.batch(claimStatements(db, reportId, 'of_b', now) as [never]);
    const report = await env.DB.prepare('SELECT claimed_by, status FROM reports WHERE id = ?').bind(reportId).first();
    expect(report).toEqual({ claimed_by: 'of_a', status: 'claimed' });
    const events = await env.DB.prepare("SELECT actor_id FROM report_events WHERE report_id = ? AND type = 'claimed'")
      .bind(reportId)
      .all();
    expect(events.results).toEqual([{ actor_id: 'of_a' }]);
  });

  it('deadline notice: one outbox row and one event however often it runs', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db;
    const reportId = await submittedReportId();
    const now = new Date();
    // The notice is about the case's current deadline (one an officer has since moved is not written).
    const due = await env.DB.prepare('SELECT annex4_due_at AS at FROM reports WHERE id = ?')
      .bind(reportId)
      .first<{ at: number }>();
    const dueAt = new Date(due!.at);
    const moved = { kind: 'annex4_reminder' as const, reportId, dueAt: now, outboxId: 'o_0', now };
    await db.batch(deadlineNoticeStatements(db, moved) as [never]);
    for (const outboxId of ['o_1', 'o_2', 'o_3']) {
      const notice = { kind: 'annex4_reminder' as const, reportId, dueAt, outboxId, now };
      await db.batch(deadlineNoticeStatements(db, notice) as [never]);
    }
    const rows = await env.DB.prepare("SELECT id FROM outbox WHERE kind = 'annex4_reminder' AND report_id = ?")
      .bind(reportId)
      .all();
    expect(rows.results).toEqual([{ id: 'o_1' }]);
  });

  it('urgency mark: the case, the event and the notice change together, once, only from the urgency seen', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db;
    // The same employer's reports in this file joined one case (续报): mark the case itself.
    await submittedReportId();
    const found = await env.DB.prepare(
      'SELECT id FROM reports WHERE case_id IS NULL ORDER BY submitted_at LIMIT 1',
    ).first<{ id: string }>();
    const reportId = found!.id;
    const now = new Date();
    const dueAt = new Date(now.getTime() + 3_600_000);
    const mark = (outboxId: string, from: 'immediate' | 'within_24h') =>
      db.batch(
        urgencyStatements(db, {
          reportId,
          from,
          to: 'immediate',
          dueAt,
          officerId: 'of_a',
          reason: '现场聚集',
          outboxId,
          now,
        }) as [never],
      );
    const before = await env.DB.prepare('SELECT urgency FROM reports WHERE id = ?')
      .bind(reportId)
      .first<{ urgency: string }>();
    // A mark from an urgency the case no longer has (another officer was faster) changes nothing.
    const stale = before?.urgency === 'immediate' ? 'within_24h' : 'immediate';
    await mark('o_mark_stale', stale);
    await mark('o_mark_1', before!.urgency as 'immediate' | 'within_24h');
    await mark('o_mark_2', before!.urgency as 'immediate' | 'within_24h');
    const row = await env.DB.prepare('SELECT urgency, annex4_due_at AS due FROM reports WHERE id = ?')
      .bind(reportId)
      .first();
    expect(row).toEqual({ urgency: 'immediate', due: dueAt.getTime() });
    const events = await env.DB.prepare(
      "SELECT actor_id FROM report_events WHERE report_id = ? AND type = 'marked_urgent'",
    )
      .bind(reportId)
      .all();
    const notices = await env.DB.prepare("SELECT id FROM outbox WHERE kind = 'urgency_marked' AND report_id = ?")
      .bind(reportId)
      .all();
    // o_mark_2 saw 'within_24h' too, but o_mark_1 had already changed it: one event, one notice.
    expect(before?.urgency).toBe('within_24h');
    expect(events.results).toEqual([{ actor_id: 'of_a' }]);
    expect(notices.results).toEqual([{ id: 'o_mark_1' }]);
  });
});
