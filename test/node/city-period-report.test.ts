// The period report (情况报告): the figures of the period by area, item and industry next to the previous
// period of equal length, the notable cases and the office's own paragraphs, read back from the DOCX's
// document.xml; each version kept, listed and downloadable again as sent; bad dates answered in Chinese with
// the form kept; district officers refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { itemByCode } from '../../src/rules/index';
import { storeCases } from './city-cases';
import { docxText, unzipEntry } from './console-docx-text';
import { createOfficer, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;
let city: SignedIn;
let district: SignedIn;
const M05 = itemByCode('M05').name.zh;
const M07 = itemByCode('M07').name.zh;

// The report covers 2026-11-01..2026-11-20 (20 days); the previous period is 2026-10-12..2026-10-31.
beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  const db = host.deps.db;
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer', displayName: '王主任' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  await storeCases(db, [
    {
      id: 'p1',
      area: '220102',
      items: ['M05'],
      at: '2026-11-03T02:00:00Z',
      urgent: true,
      people: 40,
      unit: '长春甲机械有限公司',
    },
    { id: 'p2', area: '220102', items: ['M05'], at: '2026-11-19T15:30:00Z' }, // 11-19 23:30 Beijing
    { id: 'p3', area: '220104', items: ['M07'], at: '2026-11-10T02:00:00Z', industry: 'F' },
    { id: 'q1', area: '220102', items: ['M05'], at: '2026-10-20T02:00:00Z' },
    { id: 'q2', area: '220184', items: ['M06'], at: '2026-10-12T00:00:00Z', industry: null }, // 08:00 Beijing
    { id: 'x1', area: '220102', items: ['M05'], at: '2026-11-20T16:30:00Z' }, // 11-21 00:30 Beijing: after
    { id: 'x2', area: '220102', items: ['M05'], at: '2026-10-11T15:00:00Z' }, // 10-11 23:00 Beijing: before
  ]);
  const f = fetcherFor(host.url);
  city = await signIn(f, 'city', PASSWORD);
  district = await signIn(f, 'ng', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const REPORT = {
  from: '2026-11-01',
  to: '2026-11-20',
  docNumber: '长劳三方办〔2026〕12号',
  analysis: '本期欠薪类风险集中在南关区。\n建筑业欠薪风险上升。',
  nextSteps: '督促南关区落实专人跟踪。',
};

async function docx(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { text: docxText(bytes), xml: unzipEntry(Buffer.from(bytes), 'word/document.xml').toString('utf8') };
}

/** The lines of a table row in the DOCX text (one line per cell paragraph), starting at its first cell. */
const row = (text: string, ...cells: (string | number)[]) => text.includes(cells.map(String).join('\n'));

describe('period report', () => {
  it('shows the period figures next to the previous period before writing', async () => {
    const res = await city.get('/console/reports/period?from=2026-11-01&to=2026-11-20');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('本期数据（2026-11-01 至 2026-11-20，上期 2026-10-12 至 2026-10-31）');
    expect(html).toMatch(/<td>南关区<\/td><td>2<\/td><td>1<\/td><td>\+1（\+100\.0%）<\/td>/);
    expect(html).toMatch(/<td>合计<\/td><td>3<\/td><td>2<\/td><td>\+1（\+50\.0%）<\/td>/);
    expect(html).toContain('action="/console/reports/period.docx?from=2026-11-01&amp;to=2026-11-20"');
    expect(html).toContain('还没有生成过情况报告');
  });

  it('downloads the DOCX with the figures, changes, notable cases and the office text, and keeps the version', async () => {
    const { text, xml } = await docx(await city.post('/console/reports/period.docx', REPORT));
    expect(text).toContain('长春市劳动关系风险监测预警情况报告');
    expect(text).toContain('长劳三方办〔2026〕12号');
    expect(text).toContain('（2026年11月1日至2026年11月20日）');
    expect(text).toContain(
      '2026年11月1日至2026年11月20日，全市共监测到劳动关系风险案件 3 起，上一期（2026年10月12日至2026年10月31日）2 起，较上一期增加 1 起，增长 50.0%。',
    );
    expect(row(text, '南关区', 2, 1, '+1（+100.0%）')).toBe(true);
    expect(row(text, '朝阳区', 1, 0, '+1（上期无）')).toBe(true);
    expect(row(text, '公主岭市', 0, 1, '-1（-100.0%）')).toBe(true);
    expect(row(text, '合计', 3, 2, '+1（+50.0%）')).toBe(true);
    expect(row(text, M05, 2, 1, '+1（+100.0%）')).toBe(true);
    expect(row(text, itemByCode('M06').name.zh, 0, 1, '-1（-100.0%）')).toBe(true);
    expect(row(text, M07, 1, 0, '+1（上期无）')).toBe(true);
    expect(text).toMatch(/F [^\n]+\n1\n0\n\+1（上期无）/);
    expect(text).toMatch(/未填报\n0\n1\n-1（-100\.0%）/);
    // The urgent 40-person case is the one notable case, with why it is named.
    expect(
      row(text, 'CC-T-p1', '长春甲机械有限公司', '南关区', M05, 40, '群体性事件、紧急重大、严重程度高', '待认领'),
    ).toBe(true);
    expect(text).not.toContain('CC-T-p2');
    expect(text).toContain('六、分析研判\n本期欠薪类风险集中在南关区。\n建筑业欠薪风险上升。\n');
    expect(text).toContain('七、下一步工作\n督促南关区落实专人跟踪。\n');
    expect(text).toContain('长春市协调劳动关系三方委员会办公室\n2026年11月25日');
    // Body in 仿宋, headings in 黑体, the title in 小标宋.
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');

    const page = await (await city.get('/console/reports/period')).text();
    expect(page).toMatch(
      /<td>2026-11-25 10:00<\/td><td>2026-11-01 至 2026-11-20<\/td><td>长劳三方办〔2026〕12号<\/td><td>王主任<\/td>/,
    );
  });

  it('keeps each version as sent: a later version with new figures leaves the first unchanged', async () => {
    clock.advance(3_600_000);
    await storeCases(host.deps.db, [{ id: 'late1', area: '220104', items: ['M07'], at: '2026-11-15T02:00:00Z' }]);
    const second = await docx(
      await city.post('/console/reports/period.docx', {
        ...REPORT,
        docNumber: '长劳三方办〔2026〕13号',
        nextSteps: '第二版。',
      }),
    );
    expect(row(second.text, '合计', 4, 2, '+2（+100.0%）')).toBe(true);

    const page = await (await city.get('/console/reports/period')).text();
    const links = [...page.matchAll(/href="(\/console\/reports\/period\/versions\/[^"]+\/report\.docx)"/g)].map(
      (m) => m[1] ?? '',
    );
    expect(links).toHaveLength(2);
    const [newest, first] = await Promise.all(links.map(async (l) => docx(await city.get(l))));
    expect(newest?.text).toContain('第二版。');
    expect(first?.text).toContain('长劳三方办〔2026〕12号');
    expect(row(first?.text ?? '', '合计', 3, 2, '+1（+50.0%）')).toBe(true);
    // The period's URL answers the latest version.
    const latest = await docx(await city.get('/console/reports/period.docx?from=2026-11-01&to=2026-11-20'));
    expect(latest.text).toContain('长劳三方办〔2026〕13号');
    // A period with no version yet leads to the form.
    const none = await city.get('/console/reports/period.docx?from=2026-10-01&to=2026-10-31');
    expect(none.status).toBe(303);
    expect(none.headers.get('location')).toBe('/console/reports/period?from=2026-10-01&to=2026-10-31');

    const events = await host.deps.db.all<{ n: number }>(
      "SELECT count(*) AS n FROM report_events WHERE type = 'period_report_sent'",
    );
    expect(events[0]?.n).toBe(2);
  });

  it('answers bad dates and missing text in Chinese with a 400 that keeps what was written', async () => {
    const bad = await city.post('/console/reports/period.docx', { ...REPORT, from: '2026-02-31' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('开始日期“2026-02-31”不是有效日期，格式应为 年-月-日');
    expect(html).toContain('本期欠薪类风险集中在南关区。\n建筑业欠薪风险上升。</textarea>');
    expect(html).toContain('value="长劳三方办〔2026〕12号"');
    expect(html).toContain('name="from" value="2026-02-31"');

    const reversed = await city.post('/console/reports/period.docx', { ...REPORT, from: '2026-11-21', analysis: ' ' });
    expect(reversed.status).toBe(400);
    const r = await reversed.text();
    expect(r).toContain('开始日期不能晚于结束日期');
    expect(r).toContain('请填写分析研判');
    expect(r).toContain('督促南关区落实专人跟踪。</textarea>');

    const future = await city.post('/console/reports/period.docx', { ...REPORT, to: '2026-12-01' });
    expect(await future.text()).toContain('结束日期不能晚于今天（2026-11-25）');

    const query = await city.get('/console/reports/period.docx?from=11/01/2026&to=2026-11-20');
    expect(query.status).toBe(400);
    expect(await query.text()).toContain('开始日期“11/01/2026”不是有效日期');
    const events = await host.deps.db.all<{ n: number }>('SELECT count(*) AS n FROM period_reports');
    expect(events[0]?.n).toBe(2);
  });

  it('is the city office’s: district officers are refused', async () => {
    expect((await district.get('/console/reports/period')).status).toBe(403);
    expect((await district.post('/console/reports/period.docx', REPORT)).status).toBe(403);
    expect((await district.get('/console/reports/period.docx?from=2026-11-01&to=2026-11-20')).status).toBe(403);
    const [first] = await host.deps.db.all<{ id: string }>('SELECT id FROM period_reports LIMIT 1');
    expect((await district.get(`/console/reports/period/versions/${first?.id}/report.docx`)).status).toBe(403);
    expect(await (await district.get('/console/stats')).text()).not.toContain('/console/reports/period');
  });
});
