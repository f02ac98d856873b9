// accountability_entries: suggestions stay out of the accountability list until an officer confirms them;
// a dismissed entry never reaches it; two decisions on one suggestion leave exactly one.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountabilityStatement,
  confirmedEntries,
  decideStatements,
  entriesForCase,
  findEntry,
} from '../../db/repo/accountability';
import { caseEvents } from '../../db/repo/cases';
import { findReport } from '../../db/repo/reports';
import { insertOfficer, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

describe('accountability entries', () => {
  const clock = manualClock();
  const tmp = tempDir();
  let opened: Awaited<ReturnType<typeof openDeps>>;
  beforeAll(async () => {
    opened = await openDeps(join(tmp.dir, 'acc.db'), clock.now);
  });
  afterAll(() => {
    opened.close();
    tmp.cleanup();
  });

  async function suggest(kind: 'late' | 'unreported', jurisdictionId = '220102') {
    const db = opened.deps.db;
    const { reportId } = await insertReport(db, { jurisdictionId });
    const report = await findReport(db, reportId);
    if (!report) throw new Error('no report');
    const id = `ae_${kind}_${reportId}`;
    await db.batch([
      accountabilityStatement(db, {
        id,
        caseId: reportId,
        employerId: report.employerId,
        kind,
        status: 'suggested',
        reason: '事发后 60 小时才报告',
        createdAt: clock.now(),
      }),
    ]);
    return { id, reportId };
  }

  async function decide(id: string, status: 'confirmed' | 'dismissed', officerId: string, reason: string) {
    const db = opened.deps.db;
    const entry = await findEntry(db, id);
    if (!entry) throw new Error('no entry');
    const [first, ...rest] = decideStatements(db, { entry, status, officerId, reason, at: clock.now() });
    if (!first) throw new Error('no statements');
    await db.batch([first, ...rest]);
  }

  it('lists only confirmed entries, in scope, with the deciding officer and reason', async () => {
    const db = opened.deps.db;
    const officer = await insertOfficer(db, {
      displayName: '王科长',
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    const confirmed = await suggest('late');
    const dismissed = await suggest('late');
    const pending = await suggest('unreported');
    const elsewhere = await suggest('late', '220104');
    await decide(confirmed.id, 'confirmed', officer, '核实：单位 11 月 20 日即已停发工资，25 日才报告');
    await decide(dismissed.id, 'dismissed', officer, '欠薪持续累积，达到报告情形当日即已报告');
    await decide(elsewhere.id, 'confirmed', officer, '核实属实');

    const district = await confirmedEntries(db, { jurisdictionId: '220102', limit: 50 });
    expect(district.map((e) => e.caseId)).toEqual([confirmed.reportId]);
    expect(district[0]).toMatchObject({ kind: 'late', deciderName: '王科长', jurisdictionName: '南关区' });
    expect(district[0]?.reason).toContain('11 月 20 日');

    const city = await confirmedEntries(db, { jurisdictionId: null, limit: 50 });
    expect(city.map((e) => e.caseId).sort()).toEqual([confirmed.reportId, elsewhere.reportId].sort());
    expect(city.some((e) => e.caseId === pending.reportId || e.caseId === dismissed.reportId)).toBe(false);
  });

  it('keeps the first decision when two officers decide the same suggestion', async () => {
    const db = opened.deps.db;
    const a = await insertOfficer(db, { displayName: '甲', role: 'district_officer', jurisdictionId: '220102' });
    const b = await insertOfficer(db, { displayName: '乙', role: 'district_officer', jurisdictionId: '220102' });
    const s = await suggest('late');
    const entry = await findEntry(db, s.id);
    if (!entry) throw new Error('no entry');
    const first = decideStatements(db, { entry, status: 'confirmed', officerId: a, reason: '属实', at: clock.now() });
    const second = decideStatements(db, {
      entry,
      status: 'dismissed',
      officerId: b,
      reason: '不属实',
      at: clock.now(),
    });
    const [x, ...xs] = first;
    const [y, ...ys] = second;
    if (!x || !y) throw new Error('no statements');
    await db.batch([x, ...xs]);
    await db.batch([y, ...ys]);
    const [row] = await entriesForCase(db, s.reportId);
    expect(row).toMatchObject({ status: 'confirmed', decidedBy: a, reason: '属实' });
    const events = (await caseEvents(db, s.reportId)).filter((e) => e.type.startsWith('accountability_'));
    expect(events.map((e) => e.type)).toEqual(['accountability_confirmed']);
  });

  it('stores one entry per case and kind, however often it is suggested', async () => {
    const db = opened.deps.db;
    const s = await suggest('late');
    const report = await findReport(db, s.reportId);
    await db.batch([
      accountabilityStatement(db, {
        id: 'ae_other',
        caseId: s.reportId,
        employerId: report?.employerId ?? '',
        kind: 'late',
        status: 'suggested',
        reason: 'again',
        createdAt: clock.now(),
      }),
    ]);
    expect(await entriesForCase(db, s.reportId)).toHaveLength(1);
  });
});
