// Annex 4 deadlines with an injected clock: the reminder at T−2h (T−15 min for a short deadline) and the
// escalation at T+0 are written once each, however often the tick runs and even when two instances (two database connections) run it at once.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDb, openLibsql } from '../../db/libsql';
import { outbox, reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { reminderLeadMs, runAnnex4Deadlines } from '../../src/cases/deadlines';
import { tick } from '../../src/tick';
import { M05_ANSWERS, M09_ANSWERS, otherEmployer } from '../support/conversation';
import { fetcherFor, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const HOUR = 3_600_000;
let host: NodeHost;
let second: OpenedDb;
const url = () => `file:${join(tmp.dir, 'app.db')}`;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  second = await openLibsql(url());
});
afterAll(async () => {
  second.close();
  await host.stop();
  tmp.cleanup();
});

const instanceA = () => ({ db: host.deps.db, clock: clock.now, random: host.deps.random, config: host.deps.config });
const instanceB = () => ({ db: second.db, clock: clock.now, random: host.deps.random, config: host.deps.config });

async function rows(reportId: string, kind: string) {
  const out = await host.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, kind)));
  const events = await host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, kind)));
  return { out, events };
}

async function runMany(times: number) {
  for (let i = 0; i < times; i++) await runAnnex4Deadlines(instanceA());
  await Promise.all([
    runAnnex4Deadlines(instanceA()),
    runAnnex4Deadlines(instanceB()),
    runAnnex4Deadlines(instanceB()),
  ]);
}

describe('Annex 4 deadlines in the tick', () => {
  it('reminds at T−2h and escalates at T+0, each exactly once', async () => {
    clock.set('2026-11-25T02:00:00.000Z');
    const { reportId } = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS);
    const [report] = await host.deps.db.select().from(reports).where(eq(reports.id, reportId));
    const due = report!.annex4DueAt.getTime();
    expect(due - clock.now().getTime()).toBe(24 * HOUR);

    clock.set(new Date(due - 2 * HOUR - 60_000).toISOString());
    await runMany(3);
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(0);

    clock.set(new Date(due - 2 * HOUR).toISOString());
    await runMany(5);
    await tick(host.deps);
    const reminder = await rows(reportId, 'annex4_reminder');
    expect(reminder.out).toHaveLength(1);
    expect(reminder.events).toHaveLength(1);
    expect(reminder.out[0]).toMatchObject({
      kind: 'annex4_reminder',
      channelId: null,
      dedupeKey: `annex4_reminder:${reportId}:${due}`,
      payload: { reportId, dueAt: new Date(due).toISOString() },
    });
    expect((await rows(reportId, 'annex4_escalation')).out).toHaveLength(0);

    clock.set(new Date(due - 1).toISOString());
    await runMany(2);
    expect((await rows(reportId, 'annex4_escalation')).out).toHaveLength(0);

    clock.set(new Date(due).toISOString());
    await runMany(5);
    clock.advance(HOUR);
    await runMany(3);
    const escalation = await rows(reportId, 'annex4_escalation');
    expect(escalation.out).toHaveLength(1);
    expect(escalation.events).toHaveLength(1);
    expect(escalation.out[0]).toMatchObject({
      dedupeKey: `annex4_escalation:${reportId}:${due}`,
      payload: { reportId },
    });
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(1);
  });

  it('reminds an urgent report (due in 1 h) 15 minutes before, not at once, and escalates an hour later', async () => {
    clock.set('2026-11-26T08:00:00.000Z');
    // Another employer than the earlier tests' (whose case is still open): a case of its own.
    const answers = otherEmployer('长春市紧急测试有限公司', M09_ANSWERS);
    const { reportId } = await submitReport(fetcherFor(host.url), host.deps.db, answers);
    const [report] = await host.deps.db.select().from(reports).where(eq(reports.id, reportId));
    expect(report!.urgency).toBe('immediate');
    const due = report!.annex4DueAt.getTime();
    expect(due - clock.now().getTime()).toBe(HOUR);
    await Promise.all([runAnnex4Deadlines(instanceA()), runAnnex4Deadlines(instanceB())]);
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(0);
    // The latest useful moment: ANNEX4_SHORT_REMINDER_MINUTES (team default 15) before the deadline.
    expect(host.deps.config.ANNEX4_SHORT_REMINDER_MINUTES).toBe(15);
    clock.set(new Date(due - 15 * 60_000 - 1).toISOString());
    await runMany(2);
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(0);
    clock.set(new Date(due - 15 * 60_000).toISOString());
    await runMany(3);
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(1);
    expect((await rows(reportId, 'annex4_reminder')).events).toHaveLength(1);
    clock.set(new Date(due).toISOString());
    await Promise.all([runAnnex4Deadlines(instanceA()), runAnnex4Deadlines(instanceB())]);
    await runMany(2);
    expect((await rows(reportId, 'annex4_escalation')).out).toHaveLength(1);
    expect((await rows(reportId, 'annex4_escalation')).events).toHaveLength(1);
    expect((await rows(reportId, 'annex4_reminder')).out).toHaveLength(1);
  });

  it('reminds a short routine deadline (ANNEX4_DUE_HOURS under 3 h) 15 minutes before as well', () => {
    const submittedAt = new Date('2026-11-26T08:00:00.000Z');
    const lead = (hours: number, urgency: 'immediate' | 'within_24h' = 'within_24h') =>
      reminderLeadMs(
        { submittedAt, urgency, annex4DueAt: new Date(submittedAt.getTime() + hours * HOUR) },
        { ANNEX4_SHORT_REMINDER_MINUTES: 15 },
      );
    expect(lead(24)).toBe(2 * HOUR);
    expect(lead(3)).toBe(2 * HOUR);
    expect(lead(2.99)).toBe(15 * 60_000);
    expect(lead(1, 'immediate')).toBe(15 * 60_000);
    // Marked urgent long after the report: its deadline is the hour from the mark, still a short one.
    expect(lead(20, 'immediate')).toBe(15 * 60_000);
  });

  it('a notice written before deadlines could move (key without the due time) still counts, once', async () => {
    clock.set('2026-11-28T02:00:00.000Z');
    const f = fetcherFor(host.url);
    const reminded = await submitReport(f, host.deps.db, otherEmployer('长春市旧提醒测试有限公司'));
    const escalated = await submitReport(f, host.deps.db, otherEmployer('长春市旧上报测试有限公司'));
    const oldRow = (reportId: string, kind: 'annex4_reminder' | 'annex4_escalation') =>
      host.deps.db.insert(outbox).values({
        id: `o_old_${kind}_${reportId}`,
        kind,
        reportId,
        payload: { reportId },
        dedupeKey: `${kind}:${reportId}`,
        state: 'sent',
        nextAttemptAt: clock.now(),
        createdAt: clock.now(),
      });
    await oldRow(reminded.reportId, 'annex4_reminder');
    await oldRow(escalated.reportId, 'annex4_reminder');
    await oldRow(escalated.reportId, 'annex4_escalation');

    clock.advance(23 * HOUR); // an hour before the deadline: the reminder time has passed
    await runMany(2);
    expect((await rows(reminded.reportId, 'annex4_reminder')).out.map((r) => r.dedupeKey)).toEqual([
      `annex4_reminder:${reminded.reportId}`,
    ]);
    clock.advance(2 * HOUR); // past the deadline
    await runMany(2);
    const [report] = await host.deps.db.select().from(reports).where(eq(reports.id, reminded.reportId));
    expect((await rows(reminded.reportId, 'annex4_escalation')).out.map((r) => r.dedupeKey)).toEqual([
      `annex4_escalation:${reminded.reportId}:${report!.annex4DueAt.getTime()}`,
    ]);
    expect((await rows(escalated.reportId, 'annex4_escalation')).out).toHaveLength(1);
    expect((await rows(escalated.reportId, 'annex4_escalation')).events).toHaveLength(0);
  });

  it('sends neither for a case whose Annex 4 was submitted or that was closed', async () => {
    clock.set('2026-11-27T02:00:00.000Z');
    const filed = await submitReport(fetcherFor(host.url), host.deps.db, otherEmployer('长春市已报送测试有限公司'));
    const closed = await submitReport(fetcherFor(host.url), host.deps.db, otherEmployer('长春市已销号测试有限公司'));
    await host.deps.db.update(reports).set({ status: 'annex4_submitted' }).where(eq(reports.id, filed.reportId));
    await host.deps.db.update(reports).set({ status: 'closed' }).where(eq(reports.id, closed.reportId));
    clock.advance(30 * HOUR);
    await runMany(3);
    for (const id of [filed.reportId, closed.reportId]) {
      expect((await rows(id, 'annex4_reminder')).out).toHaveLength(0);
      expect((await rows(id, 'annex4_escalation')).out).toHaveLength(0);
    }
  });
});
