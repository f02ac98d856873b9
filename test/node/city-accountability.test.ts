// The accountability register: confirmed 迟报 / 漏报 / 瞒报 only, per employer, with 信用提醒 and 诚信约谈 recorded
// (day, who, notes) and audited on the case's timeline; wrong input answered in Chinese with what was typed
// kept; the XLSX read back cell by cell with exceljs; district officers see and act on their own area only.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountabilityStatement, type NewAccountabilityEntry } from '../../db/repo/accountability';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { excelDate } from '../../src/web/console/xlsx';
import { storeCases } from './city-cases';
import { createOfficer, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;
let city: SignedIn;
let nanguan: SignedIn;

const entry = (
  id: string,
  caseId: string,
  kind: NewAccountabilityEntry['kind'],
  status: NewAccountabilityEntry['status'],
  reason: string,
): NewAccountabilityEntry => ({
  id,
  caseId,
  employerId: `e_${caseId}`,
  kind,
  status,
  reason,
  decidedBy: null,
  decidedAt: status === 'suggested' ? null : new Date('2026-11-20T02:00:00Z'),
  createdAt: new Date('2026-11-19T02:00:00Z'),
});

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  const db = host.deps.db;
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer', displayName: '市办李' });
  await createOfficer(db, {
    username: 'ng',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
    displayName: '南关张',
  });
  await storeCases(db, [
    { id: 'a1', area: '220102', items: ['M05'], at: '2026-11-18T02:00:00Z', unit: '长春甲建筑有限公司' },
    { id: 'a2', area: '220102', items: ['M07'], at: '2026-11-19T02:00:00Z', unit: '长春乙商贸有限公司' },
    { id: 'b1', area: '220104', items: ['M05'], at: '2026-11-18T02:00:00Z', unit: '长春丙物流有限公司' },
  ]);
  await db.batch([
    accountabilityStatement(db, entry('ac1', 'a1', 'late', 'confirmed', '事发 11 月 10 日，18 日才报告')),
    accountabilityStatement(db, entry('ac2', 'a2', 'unreported', 'confirmed', '走访摸排发现，未报告')),
    accountabilityStatement(db, entry('ac3', 'b1', 'concealed', 'confirmed', '隐瞒涉及人数')),
    accountabilityStatement(db, entry('ac4', 'a2', 'late', 'suggested', '疑似迟报-待核实')),
    accountabilityStatement(db, entry('ac5', 'b1', 'late', 'dismissed', '已排除-不列入')),
  ]);
  const f = fetcherFor(host.url);
  city = await signIn(f, 'city', PASSWORD);
  nanguan = await signIn(f, 'ng', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
function rowCells(html: string, first: string): string[] | undefined {
  for (const row of html.match(/<tr[^>]*>.*?<\/tr>/gs) ?? []) {
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => text(m[1] ?? ''));
    if (cells[0]?.startsWith(first)) return cells;
  }
  return undefined;
}

async function sheets(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const out: unknown[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return { ws, out };
  };
  return rows;
}

describe('accountability register', () => {
  it('lists confirmed entries only, per employer, for the whole city', async () => {
    const html = await (await city.get('/console/accountability')).text();
    for (const receipt of ['CC-T-a1', 'CC-T-a2', 'CC-T-b1']) expect(html).toContain(receipt);
    expect(html).not.toContain('疑似迟报-待核实');
    expect(html).not.toContain('已排除-不列入');
    // 用人单位, 县区, 迟报, 漏报, 瞒报, 信用提醒, 诚信约谈
    expect(rowCells(html, '长春乙商贸有限公司')).toEqual(['长春乙商贸有限公司', '南关区', '0', '1', '0', '0', '0']);
    expect(rowCells(html, '长春丙物流有限公司')).toEqual(['长春丙物流有限公司', '朝阳区', '0', '0', '1', '0', '0']);
    const only = await (await city.get('/console/accountability?kind=late')).text();
    expect(only).toContain('CC-T-a1');
    expect(only).not.toContain('CC-T-b1');
  });

  it('records 信用提醒 and 诚信约谈 with day, who and notes, audited on the case timeline', async () => {
    const form = await (await nanguan.get('/console/accountability/ac1')).text();
    expect(form).toContain('name="takenOn" value="2026-11-25"');
    expect(form).toContain('name="takenBy" value="南关张"');
    const first = await nanguan.post('/console/accountability/ac1/actions', {
      kind: 'credit_reminder',
      takenOn: '2026-11-21',
      takenBy: '南关区人社局 张三',
      note: '书面提醒按时报告，企业负责人签收',
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/console/accountability/ac1?done=1');
    clock.advance(60_000);
    await city.post('/console/accountability/ac1/actions', {
      kind: 'integrity_interview',
      takenOn: '2026-11-24',
      takenBy: '市劳动关系处 李四',
      note: '约谈法定代表人，承诺整改',
    });
    const page = await (await nanguan.get('/console/accountability/ac1?done=1')).text();
    expect(page).toContain('措施已登记。');
    expect(page).toContain('2026-11-21 信用提醒（南关区人社局 张三）：书面提醒按时报告，企业负责人签收');
    expect(page).toContain('2026-11-24 诚信约谈（市劳动关系处 李四）：约谈法定代表人，承诺整改');
    expect(page).toContain('南关张 2026-11-25 10:00 登记');
    const list = await (await city.get('/console/accountability')).text();
    expect(rowCells(list, '长春甲建筑有限公司')).toEqual(['长春甲建筑有限公司', '南关区', '1', '0', '0', '1', '1']);

    const events = await host.deps.db.all<{ type: string; actor_id: string; data: string }>(
      "SELECT type, actor_id, data FROM report_events WHERE report_id = 'a1' AND type LIKE 'accountability_%' ORDER BY id",
    );
    expect(events.map((e) => e.type)).toEqual(['accountability_credit_reminder', 'accountability_integrity_interview']);
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({
      entryId: 'ac1',
      takenOn: '2026-11-21',
      takenBy: '南关区人社局 张三',
      note: '书面提醒按时报告，企业负责人签收',
    });
    const timeline = await (await city.get('/console/cases/a1')).text();
    expect(timeline).toContain('信用提醒');
    expect(timeline).toContain('约谈法定代表人，承诺整改');
  });

  it('answers wrong input in Chinese with a 400 that keeps what was typed', async () => {
    const res = await city.post('/console/accountability/ac2/actions', {
      kind: 'fine',
      takenOn: '2026-13-01',
      takenBy: '市劳动关系处 李四',
      note: '电话提醒',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请选择信用提醒或诚信约谈');
    expect(html).toContain('日期“2026-13-01”不是有效日期');
    expect(html).toContain('value="市劳动关系处 李四"');
    expect(html).toContain('电话提醒</textarea>');
    const future = await city.post('/console/accountability/ac2/actions', {
      kind: 'credit_reminder',
      takenOn: '2026-11-26',
      takenBy: ' ',
      note: '',
    });
    expect(future.status).toBe(400);
    const f = await future.text();
    expect(f).toContain('日期不能晚于今天（2026-11-25）');
    expect(f).toContain('请填写办理人');
    expect(f).toContain('请填写情况记录');
    expect(f).toMatch(/value="credit_reminder" checked/);
    const [{ n } = { n: -1 }] = await host.deps.db.all<{ n: number }>(
      "SELECT count(*) AS n FROM accountability_actions WHERE entry_id = 'ac2'",
    );
    expect(n).toBe(0);
  });

  it('exports the register to XLSX, read back cell by cell', async () => {
    const rows = await sheets(await city.get('/console/accountability.xlsx'));
    const register = rows('问责台账');
    expect(register.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(register.out[0]).toEqual([
      '用人单位',
      '统一社会信用代码',
      '县（市）区',
      '类型',
      '回执号',
      '认定时间',
      '认定人',
      '认定理由',
      '信用提醒',
      '诚信约谈',
    ]);
    const a1 = register.out.find((r) => r[4] === 'CC-T-a1');
    expect(a1).toEqual([
      '长春甲建筑有限公司',
      undefined, // no USCC: an empty cell
      '南关区',
      '迟报',
      'CC-T-a1',
      excelDate(new Date('2026-11-20T02:00:00Z')),
      undefined,
      '事发 11 月 10 日，18 日才报告',
      1,
      1,
    ]);
    expect(register.out).toHaveLength(4);
    const taken = rows('措施记录');
    expect(taken.out.slice(1).map((r) => [r[0], r[1], r[2], r[5], r[6], r[7]])).toEqual([
      [
        excelDate(new Date('2026-11-21T00:00:00+08:00')),
        '信用提醒',
        '长春甲建筑有限公司',
        '南关区人社局 张三',
        '书面提醒按时报告，企业负责人签收',
        '南关张',
      ],
      [
        excelDate(new Date('2026-11-24T00:00:00+08:00')),
        '诚信约谈',
        '长春甲建筑有限公司',
        '市劳动关系处 李四',
        '约谈法定代表人，承诺整改',
        '市办李',
      ],
    ]);
    expect(taken.ws.getColumn(7).width).toBe(50);
    const employers = rows('按用人单位');
    expect(employers.out.find((r) => r[0] === '长春丙物流有限公司')).toEqual([
      '长春丙物流有限公司',
      undefined,
      '朝阳区',
      0,
      0,
      1,
      0,
      0,
    ]);
  });

  it('shows district officers their own area only, in the page, the entry pages and the export', async () => {
    const html = await (await nanguan.get('/console/accountability')).text();
    expect(html).toContain('CC-T-a1');
    expect(html).not.toContain('CC-T-b1');
    expect(html).not.toContain('长春丙物流有限公司');
    expect((await nanguan.get('/console/accountability/ac3')).status).toBe(404);
    const refused = await nanguan.post('/console/accountability/ac3/actions', {
      kind: 'credit_reminder',
      takenOn: '2026-11-21',
      takenBy: '南关张',
      note: '越权',
    });
    expect(refused.status).toBe(404);
    expect((await nanguan.get('/console/accountability/ac4')).status).toBe(404); // suggested: not in the register
    const rows = await sheets(await nanguan.get('/console/accountability.xlsx'));
    const receipts = rows('问责台账')
      .out.slice(1)
      .map((r) => r[4]);
    expect(receipts.sort()).toEqual(['CC-T-a1', 'CC-T-a2']);
    expect(rows('按用人单位').out.some((r) => r[0] === '长春丙物流有限公司')).toBe(false);
  });
});
