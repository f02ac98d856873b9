// Retention with a manual clock: RETENTION_YEARS (default 3) after closing, the tick removes the reporter's
// personal data from the case and its follow-ups, compacts view events, deletes sent notifications that
// carried chat ids and texts, records it on the case, and says so in its one JSON log line.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REMOVED_NAME } from '../../db/repo/retention';
import { outbox, reportEvents, reports } from '../../db/schema';
import { retentionCutoff } from '../../src/cases/retention';
import type { AppDeps } from '../../src/deps';
import { memoryLogger } from '../../src/log';
import { tick } from '../../src/tick';
import { insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});
afterAll(tmp.cleanup);
let n = 0;

const CLOSED_AT = new Date('2023-03-01T04:00:00.000Z');

async function setup(env: Record<string, string> = {}) {
  const clock = manualClock('2026-02-28T04:00:00.000Z');
  const { deps, close } = await openDeps(join(tmp.dir, `retention-${++n}.db`), clock.now, env);
  const log = memoryLogger();
  const withLog: AppDeps = { ...deps, log };
  cleanups.push(close);
  return { clock, deps: withLog, log };
}

/** A closed case with a follow-up, reporter details, messages, views, a note and a sent chat message. */
async function closedCase(deps: AppDeps, closedAt: Date) {
  const { db } = deps;
  const { reportId } = await insertReport(db);
  const { reportId: followUp } = await insertReport(db, { reporterPhone: '13900001111' });
  const personal = {
    reporterChat: 'tg:424242',
    answers: { unit_name: '长春市示例机械制造有限公司', reporter_name: '李协调', reporter_phone: '13812345678' },
  };
  await db
    .update(reports)
    .set({ ...personal, status: 'closed', closedAt })
    .where(eq(reports.id, reportId));
  await db
    .update(reports)
    .set({ ...personal, caseId: reportId, callerPhone: '13900001111' })
    .where(eq(reports.id, followUp));
  const at = new Date('2023-02-01T00:00:00.000Z');
  const ev = (reportIdOf: string, type: string, data: unknown, actorId: string | null = 'off_1') => ({
    reportId: reportIdOf,
    at,
    actorType: actorId ? ('officer' as const) : ('reporter' as const),
    actorId,
    type,
    data,
  });
  await db
    .insert(reportEvents)
    .values([
      ev(reportId, 'message_in', { text: '我是李协调，电话13812345678' }, null),
      ev(reportId, 'message_out', { text: '李先生您好，请明天来调度室。', chatId: '424242' }),
      ev(reportId, 'viewed', { what: 'case' }),
      ev(reportId, 'viewed', { what: 'case' }, 'off_2'),
      ev(reportId, 'viewed', { what: 'annex4' }),
      ev(followUp, 'viewed', { what: 'case' }),
      ev(reportId, 'note', { text: '已约谈企业负责人' }),
    ]);
  await db.insert(outbox).values({
    id: `o_msg_${reportId}`,
    kind: 'reporter_message',
    reportId,
    payload: { chatId: '424242', text: '李先生您好' },
    state: 'sent',
    nextAttemptAt: at,
    sentAt: at,
  });
  return { reportId, followUp };
}

const eventsOf = (deps: AppDeps, reportId: string) =>
  deps.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(reportEvents.id);

describe('retention', () => {
  it('computes the cutoff in calendar years', () => {
    expect(retentionCutoff(new Date('2026-03-01T04:00:00.000Z'), 3).toISOString()).toBe('2023-03-01T04:00:00.000Z');
  });

  it('keeps a closed case until RETENTION_YEARS (default 3) have passed, then removes the personal data once', async () => {
    const { clock, deps, log } = await setup();
    expect(deps.config.RETENTION_YEARS).toBe(3);
    const { reportId, followUp } = await closedCase(deps, CLOSED_AT);
    const { reportId: open } = await insertReport(deps.db);

    // One day short of three years: nothing changes.
    const before = await tick(deps);
    expect(before.retention).toEqual({ cases: 0, reports: 0 });
    const [untouched] = await deps.db.select().from(reports).where(eq(reports.id, reportId));
    expect(untouched).toMatchObject({ reporterName: '李协调', reporterChat: 'tg:424242', anonymisedAt: null });

    clock.set('2026-03-01T04:00:01.000Z');
    const run = await tick(deps);
    expect(run.retention).toEqual({ cases: 1, reports: 2 });

    for (const id of [reportId, followUp]) {
      const [row] = await deps.db.select().from(reports).where(eq(reports.id, id));
      expect(row).toMatchObject({
        reporterName: REMOVED_NAME,
        reporterPhone: '',
        reporterChat: null,
        callerPhone: null,
        anonymisedAt: clock.now(),
      });
      // The answers keep the employer's facts and lose the reporter's own.
      expect(row?.answers).toEqual({ unit_name: '长春市示例机械制造有限公司' });
      // What statistics and the ledger need stays.
      expect(row?.items).toEqual(['M05']);
    }

    const events = await eventsOf(deps, reportId);
    const types = events.map((e) => e.type);
    expect(types).not.toContain('viewed');
    const byType = (t: string) => events.find((e) => e.type === t)?.data as Record<string, unknown> | undefined;
    expect(byType('message_in')).toEqual({});
    expect(byType('message_out')).toEqual({});
    expect(byType('note')).toEqual({ text: '已约谈企业负责人' });
    expect(byType('views_compacted')).toMatchObject({ views: 3, officers: 2 });
    expect(byType('retention_applied')).toMatchObject({ retentionYears: 3, reports: 2 });
    expect(JSON.stringify(events)).not.toMatch(/13812345678|李协调|424242/);
    expect((await eventsOf(deps, followUp)).map((e) => e.type)).toContain('views_compacted');
    expect(await deps.db.$count(outbox, and(eq(outbox.reportId, reportId), eq(outbox.kind, 'reporter_message')))).toBe(
      0,
    );

    // An open case is never touched; a second tick finds nothing more to do.
    const [stillOpen] = await deps.db.select().from(reports).where(eq(reports.id, open));
    expect(stillOpen?.reporterName).toBe('李协调');
    clock.advance(60_000);
    expect((await tick(deps)).retention).toEqual({ cases: 0, reports: 0 });
    expect((await eventsOf(deps, reportId)).filter((e) => e.type === 'retention_applied')).toHaveLength(1);

    // Each tick logged one JSON line saying what it did.
    const ticks = log.lines.filter((l) => l.event === 'tick');
    expect(ticks).toHaveLength(3);
    expect(ticks[1]).toMatchObject({
      level: 'info',
      retention: { cases: 1, reports: 2 },
      at: '2026-03-01T04:00:01.000Z',
    });
  });

  it('follows a shorter RETENTION_YEARS', async () => {
    const { clock, deps } = await setup({ RETENTION_YEARS: '1' });
    const { reportId } = await closedCase(deps, new Date('2025-02-01T00:00:00.000Z'));
    clock.set('2026-01-31T23:59:00.000Z');
    expect((await tick(deps)).retention.cases).toBe(0);
    clock.set('2026-02-01T00:00:01.000Z');
    expect((await tick(deps)).retention.cases).toBe(1);
    const [row] = await deps.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row?.reporterPhone).toBe('');
  });
});
