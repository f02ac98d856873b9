// Annex 4 notices through the dispatcher, against local robot endpoints: the reminder goes to the report's
// district, the escalation to the city office and the district, "Annex 4 submitted" to the city office;
// each with its own first line, once; a notice that no longer holds is not sent. Time moves by the manual
// clock only, and the tick (deadlines, then dispatch) is the one the hosts run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { submitAnnex4Statements } from '../../db/repo/cases';
import { recordReporterReply } from '../../db/repo/reporter-messages';
import { outbox, reports } from '../../db/schema';
import { runAnnex4Deadlines } from '../../src/cases/deadlines';
import { dispatch } from '../../src/notify/dispatcher';
import { tick } from '../../src/tick';
import { insertChannel, insertOfficer, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const HOUR = 3_600_000;
const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});
afterAll(tmp.cleanup);

/** A district robot (南关区), a city office robot and another district's robot. */
async function setup() {
  const clock = manualClock();
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now);
  cleanups.push(close);
  const robot = async (kind: 'wecom' | 'dingtalk' | 'feishu') => {
    const r = await startRobot(kind, clock.now);
    cleanups.push(r.close);
    return r;
  };
  const district = await robot('wecom');
  const city = await robot('feishu');
  const elsewhere = await robot('dingtalk');
  const districtChannel = await insertChannel(deps.db, {
    type: 'wecom',
    target: district.url,
    jurisdictionId: '220102',
  });
  const cityChannel = await insertChannel(deps.db, { type: 'feishu', target: city.url, jurisdictionId: null });
  await insertChannel(deps.db, { type: 'dingtalk', target: elsewhere.url, jurisdictionId: '220103', secret: 'SECx' });
  return { clock, deps, district, city, elsewhere, districtChannel, cityChannel };
}

const message = (r: Robot, i: number): string => {
  const body = r.received[i]?.body ?? {};
  const md = (body.markdown as { content?: string; text?: string } | undefined) ?? {};
  const card = body.card as { header?: { title?: { content?: string } } } | undefined;
  return md.content ?? md.text ?? card?.header?.title?.content ?? '';
};
/** What a notice says happened: its first line, before the case it names (a later notice is one line). */
const firstLine = (r: Robot, i: number): string => (message(r, i).split('\n')[0] ?? '').split('：')[0] ?? '';

const perChannel = (db: Db, reportId: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'report_alert')))
    .orderBy(outbox.createdAt, outbox.dedupeKey);

const setStatus = (db: Db, reportId: string, status: 'annex4_submitted' | 'closed') =>
  db.update(reports).set({ status }).where(eq(reports.id, reportId));

describe('Annex 4 notices', () => {
  it('reminder at T−2h to the district only, escalation at T+0 to the city office and the district, once each', async () => {
    const { clock, deps, district, city, elsewhere, districtChannel, cityChannel } = await setup();
    const { reportId } = await insertReport(deps.db);
    await tick(deps);
    expect(district.received).toHaveLength(1); // the alert
    expect(firstLine(district, 0)).toBe('### 【监测预警】劳动关系风险报告');
    const due = clock.now().getTime() + 24 * HOUR;

    clock.set(new Date(due - 2 * HOUR).toISOString());
    await tick(deps);
    expect(district.received).toHaveLength(2);
    expect(firstLine(district, 1)).toBe('### 附件4即将到期（剩余约 2 小时）');
    expect(city.received).toHaveLength(0);
    expect(elsewhere.received).toHaveLength(0);
    const reminderRow = (await perChannel(deps.db, reportId)).find((r) => r.dedupeKey?.startsWith('annex4_reminder'));
    expect(reminderRow).toMatchObject({
      state: 'sent',
      channelId: districtChannel.id,
      // Keyed by its source row too: a deadline an officer moves gets notices of its own.
      dedupeKey: expect.stringMatching(new RegExp(`^annex4_reminder:${reportId}:${districtChannel.id}:o_`)),
      payload: { reportId, channelId: districtChannel.id, notice: 'annex4_reminder' },
    });

    // Ticks in between send nothing more.
    for (let i = 0; i < 3; i++) {
      clock.advance(30 * 60_000);
      await tick(deps);
    }
    expect(district.received).toHaveLength(2);

    clock.set(new Date(due).toISOString());
    await tick(deps);
    clock.advance(HOUR);
    await tick(deps);
    expect(district.received).toHaveLength(3);
    expect(firstLine(district, 2)).toBe('### 附件4已超时未报送');
    expect(city.received).toHaveLength(1);
    expect(firstLine(city, 0)).toBe('附件4已超时未报送');
    expect(elsewhere.received).toHaveLength(0);
    const keys = (await perChannel(deps.db, reportId)).map((r) => r.dedupeKey?.split(':').slice(0, 3).join(':')).sort();
    expect(keys).toEqual(
      [
        `report_alert:${reportId}:${districtChannel.id}`,
        `annex4_reminder:${reportId}:${districtChannel.id}`,
        `annex4_escalation:${reportId}:${districtChannel.id}`,
        `annex4_escalation:${reportId}:${cityChannel.id}`,
      ].sort(),
    );
  });

  it('an urgent report’s escalation keeps the urgency marker', async () => {
    const { clock, deps, district, city } = await setup();
    await insertReport(deps.db, { urgent: true });
    await tick(deps); // the alert (district and city); due in one hour, so no reminder yet
    expect(district.received).toHaveLength(1);
    clock.advance(45 * 60_000); // the reminder 15 minutes before (team default)
    await tick(deps);
    clock.advance(15 * 60_000);
    await tick(deps);
    expect(district.received.map((_, i) => firstLine(district, i))).toEqual([
      '### 【紧急重大】劳动关系风险报告，请立即处置',
      '### 【紧急重大】附件4即将到期（剩余约 15 分钟）',
      '### 【紧急重大】附件4已超时未报送',
    ]);
    expect(city.received.map((_, i) => firstLine(city, i))).toEqual([
      '【紧急重大】劳动关系风险报告，请立即处置',
      '【紧急重大】附件4已超时未报送',
    ]);
  });

  it('Annex 4 submitted goes to the city office only', async () => {
    const { clock, deps, district, city, cityChannel } = await setup();
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    expect(district.received).toHaveLength(1);
    clock.advance(3 * HOUR);
    const now = clock.now();
    const [first, ...rest] = submitAnnex4Statements(deps.db, {
      reportId,
      data: { title: 'x' },
      officerId: 'off_1',
      outboxId: 'o_annex4_submitted_1',
      now,
    });
    await deps.db.batch([first!, ...rest]);

    expect(await dispatch(deps)).toMatchObject({ fannedOut: 1, retried: 0, dead: 0 });
    expect(city.received).toHaveLength(1);
    expect(firstLine(city, 0)).toBe('附件4已报送市协调劳动关系三方委员会办公室');
    expect(district.received).toHaveLength(1);
    const row = (await perChannel(deps.db, reportId)).find((r) => r.channelId === cityChannel.id);
    expect(row).toMatchObject({
      state: 'sent',
      dedupeKey: `annex4_submitted:${reportId}:${cityChannel.id}`,
      payload: { reportId, channelId: cityChannel.id, notice: 'annex4_submitted' },
    });
  });

  it('a reporter’s message tells the district (not the city office) that there is a message, not its words', async () => {
    const { clock, deps, district, city } = await setup();
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    expect(district.received).toHaveLength(1);
    clock.advance(HOUR);
    const now = clock.now();
    await recordReporterReply(deps.db, {
      reportId,
      text: '工资已部分发放，电话 13912345678',
      channel: 'web',
      at: now,
      noticeId: 'o_reply_1',
    });
    expect(await dispatch(deps)).toMatchObject({ fannedOut: 1, retried: 0, dead: 0 });
    expect(district.received).toHaveLength(2);
    expect(firstLine(district, 1)).toBe('### 报告人发来新消息，请在控制台查看并答复');
    expect(JSON.stringify(district.received[1]?.body)).not.toContain('工资已部分发放');
    expect(city.received).toHaveLength(0);
  });

  it('every later notice is one short line naming the case and who has claimed it (待认领 before)', async () => {
    const { clock, deps, district } = await setup();
    const officer = await insertOfficer(deps.db, {
      displayName: '王科长',
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    const { reportId } = await insertReport(deps.db);
    await tick(deps);
    const [report] = await deps.db.select().from(reports).where(eq(reports.id, reportId));
    const alert = message(district, 0);
    expect(alert.split('\n').length).toBeGreaterThan(5); // the alert carries the facts

    const reply = (n: number) =>
      recordReporterReply(deps.db, { reportId, text: '补充', channel: 'web', at: clock.now(), noticeId: `o_r${n}` });
    clock.advance(HOUR);
    await reply(1);
    await dispatch(deps);
    const [line, link, ...rest] = message(district, 1).split('\n').filter(Boolean);
    expect(line).toBe(
      `### 报告人发来新消息，请在控制台查看并答复：${report?.unitName}，案件 ${report?.receipt}，待认领`,
    );
    expect(link).toContain(`/console/cases/${reportId}`);
    expect(rest).toEqual([]);

    await deps.db
      .update(reports)
      .set({ status: 'claimed', claimedBy: officer, claimedAt: clock.now() })
      .where(eq(reports.id, reportId));
    clock.set(new Date((report?.annex4DueAt.getTime() ?? 0) - 2 * HOUR).toISOString());
    await tick(deps);
    expect(message(district, 2).split('\n')[0]).toBe(
      `### 附件4即将到期（剩余约 2 小时）：${report?.unitName}，案件 ${report?.receipt}，认领人 王科长`,
    );
  });

  it('no city office channel: "Annex 4 submitted" waits with a visible error', async () => {
    const clock = manualClock();
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now);
    cleanups.push(close);
    const district = await startRobot('wecom', clock.now);
    cleanups.push(district.close);
    await insertChannel(deps.db, { type: 'wecom', target: district.url, jurisdictionId: '220102' });
    const { reportId } = await insertReport(deps.db);
    const [first, ...rest] = submitAnnex4Statements(deps.db, {
      reportId,
      data: {},
      officerId: 'off_1',
      outboxId: 'o_annex4_submitted_2',
      now: clock.now(),
    });
    await deps.db.batch([first!, ...rest]);
    await dispatch(deps);
    const [row] = await deps.db.select().from(outbox).where(eq(outbox.id, 'o_annex4_submitted_2'));
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'no enabled notification channel for the city office',
    });
    expect(district.received).toHaveLength(1); // the alert only
  });

  it('a reminder for a case filed before the reminder went out is marked sent without sending', async () => {
    const { clock, deps, district } = await setup();
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    clock.advance(22 * HOUR);
    // The tick wrote the reminder row; the case is filed before any dispatcher picks it up.
    await runAnnex4Deadlines(deps);
    await setStatus(deps.db, reportId, 'annex4_submitted');
    expect(await dispatch(deps)).toMatchObject({ skipped: 1, fannedOut: 0 });
    const [source] = await deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.reportId, reportId), eq(outbox.kind, 'annex4_reminder')));
    expect(source).toMatchObject({
      state: 'sent',
      sentAt: null,
      lastError: 'stale: case is annex4_submitted, not sent',
    });
    expect(district.received).toHaveLength(1); // the alert only
  });

  it('a reminder already fanned out but held back is not sent once the case is closed', async () => {
    const { clock, deps, district } = await setup();
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    clock.advance(22 * HOUR);
    await district.down();
    await tick(deps);
    const held = (await perChannel(deps.db, reportId)).find((r) => r.dedupeKey?.startsWith('annex4_reminder'));
    expect(held).toMatchObject({ state: 'pending', attempts: 1, lastError: 'network: ECONNREFUSED' });

    await setStatus(deps.db, reportId, 'closed');
    await district.up();
    clock.set(held!.nextAttemptAt.toISOString());
    expect(await dispatch(deps)).toMatchObject({ skipped: 1, sent: 0 });
    const [after] = (await perChannel(deps.db, reportId)).filter((r) => r.id === held!.id);
    expect(after).toMatchObject({ state: 'sent', sentAt: null, lastError: 'stale: case is closed, not sent' });
    expect(district.received).toHaveLength(1); // the alert only
  });

  it('per-channel rows written before notices existed are still alerts', async () => {
    const { deps, district, districtChannel, clock } = await setup();
    const { reportId } = await insertReport(deps.db);
    // The fan-out row done, and an old-style alert row without a notice in its payload.
    await deps.db.update(outbox).set({ state: 'sent' }).where(eq(outbox.reportId, reportId));
    await deps.db.insert(outbox).values({
      id: 'o_old_alert',
      kind: 'report_alert',
      reportId,
      channelId: districtChannel.id,
      payload: { reportId, channelId: districtChannel.id },
      dedupeKey: `report_alert:${reportId}:${districtChannel.id}`,
      nextAttemptAt: clock.now(),
    });
    expect(await dispatch(deps)).toMatchObject({ sent: 1 });
    expect(firstLine(district, 0)).toBe('### 【监测预警】劳动关系风险报告');
  });
});
