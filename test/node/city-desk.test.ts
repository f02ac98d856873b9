// The city desk's overview, statistics and Excel exports over cases laid out across areas and weeks: every
// area listed with zeros, charts with titles, text alternatives and their tables, the figures right for
// filtered and unfiltered periods, the workbooks read back cell by cell with exceljs, and district officers
// seeing only their own area in every one of these.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { excelDate } from '../../src/web/console/xlsx';
import { otherEmployer } from '../support/conversation';
import { storeCases } from './city-cases';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z'); // 10:00 in Beijing
const PASSWORD = 'correct horse battery staple';
const H = 3_600_000;
const ago = (hours: number) => new Date(clock.now().getTime() - hours * H);
let host: NodeHost;
let city: SignedIn;
let nanguan: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  const db = host.deps.db;
  await createOfficer(db, { username: 'city', password: PASSWORD, role: 'city_officer' });
  await createOfficer(db, { username: 'ng', password: PASSWORD, role: 'district_officer', jurisdictionId: '220102' });
  await storeCases(db, [
    { id: 'n1', area: '220102', items: ['M05'], at: ago(1) },
    { id: 'n2', area: '220102', items: ['M05', 'M09'], at: ago(23), urgent: true },
    { id: 'n3', area: '220102', items: ['M01'], at: ago(30), status: 'claimed' },
    {
      id: 'c1',
      area: '220104',
      items: ['M07'],
      at: ago(24 * 10),
      industry: 'F',
      channel: 'telegram',
      status: 'closed',
    },
    { id: 'c2', area: '220104', items: ['M05'], at: ago(24 * 40), industry: 'F' },
    {
      id: 'g1',
      area: '220184',
      items: ['M06'],
      at: ago(24 * 3),
      industry: null,
      channel: 'officer',
      status: 'annex4_submitted',
    },
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

/** The cells of the first table row whose first cell reads `name`. */
function rowCells(html: string, name: string): string[] | undefined {
  for (const row of html.match(/<tr[^>]*>.*?<\/tr>/gs) ?? []) {
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => text(m[1] ?? ''));
    if (cells[0] === name) return cells;
  }
  return undefined;
}

/** The HTML of the table under a caption. */
const tableOf = (html: string, caption: string) =>
  new RegExp(`<caption[^>]*>${caption}</caption>.*?</table>`, 's').exec(html)?.[0] ?? '';

async function workbook(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('overview', () => {
  it('counts per area, all 18 listed with zeros, with charts, refresh and the time drawn', async () => {
    const res = await city.get('/console');
    expect(res.status).toBe(200);
    const html = await res.text();
    const counts = tableOf(html, '各县（市）区待办案件数（点击县区名查看案件）');
    // unclaimed, due within 2 h, overdue, urgent, open
    expect(rowCells(counts, '南关区')).toEqual(['南关区', '2', '1', '1', '1', '3']);
    expect(rowCells(counts, '公主岭市')).toEqual(['公主岭市', '0', '0', '0', '0', '1']);
    expect(rowCells(counts, '朝阳区')).toEqual(['朝阳区', '1', '0', '1', '0', '1']); // c2: 40 days old, open, overdue
    expect(rowCells(counts, '莲花山生态旅游度假区')).toEqual(['莲花山生态旅游度假区', '0', '0', '0', '0', '0']);
    expect(rowCells(counts, '合计')).toEqual(['合计', '3', '1', '2', '1', '5']);
    expect(counts.match(/<tr[ >]/g)?.length).toBe(1 + 18 + 1);

    expect(res.headers.get('refresh')).toBe('300');
    expect(html).toContain('每 5 分钟自动刷新');
    const still = await city.get('/console?refresh=0');
    expect(still.headers.get('refresh')).toBeNull();
    expect(await still.text()).toContain('已停止自动刷新');
    expect(html).toContain('绘制于 <time datetime="2026-11-25T02:00:00.000Z">2026-11-25 10:00</time>');
    expect(html).toContain('当前未发布劳动关系风险预警');
    const figures = html.match(/<figure[^>]*>.*?<\/figure>/gs) ?? [];
    expect(figures).toHaveLength(3);
    for (const fig of figures) {
      const id = /<figcaption id="([^"]+)-t">/.exec(fig)?.[1];
      expect(id).toBeTruthy();
      expect(fig).toContain(`role="img" aria-labelledby="${id}-t ${id}-d"`);
      expect(fig).toMatch(new RegExp(`<p id="${id}-d" class="muted">[^<]+</p>`));
      expect(fig).toMatch(/<svg[^>]*><title>[^<]+<\/title>/);
      expect(fig).toContain('<table>');
    }
    const [map, trend, industry] = figures as [string, string, string];
    expect(map).toContain('各县（市）区未销号案件');
    expect(map.match(/<rect x="\d+" y="\d+" width="106"/g)).toHaveLength(18);
    expect(rowCells(map, '莲花山生态旅游度假区')).toEqual(['莲花山生态旅游度假区', '0']);
    expect(rowCells(map, '南关区')).toEqual(['南关区', '3']);
    // 12 weeks: c2 (40 days ago) is inside, so 拖欠工资 has 3 cases in the trend.
    expect(trend).toContain('近 12 周各监测事项案件数（全市）');
    const arrears = rowCells(trend, '拖欠工资');
    expect(arrears).toHaveLength(13);
    expect(arrears?.slice(1).reduce((a, b) => a + Number(b), 0)).toBe(3);
    expect(rowCells(industry, 'F 批发和零售业')).toEqual(['F 批发和零售业', '2']);
    expect(rowCells(industry, '未填报')).toEqual(['未填报', '1']);
    expect(rowCells(industry, 'A 农、林、牧、渔业')).toEqual(['A 农、林、牧、渔业', '0']);
  });

  it('district officers see their own area only', async () => {
    const html = await (await nanguan.get('/console')).text();
    expect(html).toContain('概览 · 南关区');
    const counts = tableOf(html, '各县（市）区待办案件数（点击县区名查看案件）');
    expect(rowCells(counts, '南关区')).toEqual(['南关区', '2', '1', '1', '1', '3']);
    expect(counts).not.toContain('朝阳区');
    expect(html).not.toContain('各县（市）区未销号案件'); // no city map
    expect(rowCells(html, 'F 批发和零售业')).toEqual(['F 批发和零售业', '0']);
    expect(rowCells(html, '未填报')).toEqual(['未填报', '0']);
  });

  it('the inbox lives at /console/cases, and sign-in lands on the overview', async () => {
    const inbox = await (await city.get('/console/cases')).text();
    expect(inbox).toContain('待办案件 · 全市');
    expect(inbox).toContain('CC-T-n2');
  });
});

describe('statistics', () => {
  it('breaks the default 30 days down by area, item, industry and source', async () => {
    const html = await (await city.get('/console/stats')).text();
    expect(html).toContain('统计分析 · 全市 · 2026-10-27 至 2026-11-25');
    expect(rowCells(tableOf(html, '按县（市）区'), '南关区')).toEqual(['南关区', '3']);
    expect(rowCells(tableOf(html, '按县（市）区'), '朝阳区')).toEqual(['朝阳区', '1']);
    expect(rowCells(tableOf(html, '按县（市）区'), '双阳区')).toEqual(['双阳区', '0']);
    expect(rowCells(tableOf(html, '按县（市）区'), '合计')).toEqual(['合计', '5']);
    expect(rowCells(tableOf(html, '按监测事项'), '拖欠工资')).toEqual(['拖欠工资', '2']);
    expect(rowCells(tableOf(html, '按行业门类'), 'C 制造业')).toEqual(['C 制造业', '3']);
    expect(rowCells(tableOf(html, '按来源'), 'Telegram')).toEqual(['Telegram', '1']);
    expect(rowCells(tableOf(html, '按来源'), '走访摸排')).toEqual(['走访摸排', '1']);
    expect(html.match(/<figure/g)).toHaveLength(3);
  });

  it('filters by item, industry, source and period (the case-level path)', async () => {
    const m05 = await (await city.get('/console/stats?item=M05&from=2026-10-01&to=2026-11-25')).text();
    expect(rowCells(tableOf(m05, '按县（市）区'), '合计')).toEqual(['合计', '3']);
    expect(rowCells(tableOf(m05, '按监测事项'), '停工、怠工、堵门堵路')?.[1]).toBe('1');
    const retail = await (await city.get('/console/stats?industry=F&from=2026-10-01&to=2026-11-25')).text();
    expect(rowCells(tableOf(retail, '按县（市）区'), '朝阳区')).toEqual(['朝阳区', '2']);
    expect(rowCells(tableOf(retail, '按县（市）区'), '南关区')).toEqual(['南关区', '0']);
    const tg = await (await city.get('/console/stats?source=telegram')).text();
    expect(rowCells(tableOf(tg, '按县（市）区'), '合计')).toEqual(['合计', '1']);
    const bad = await (await city.get('/console/stats?from=2026-13-01&to=2026-11-01&item=X99')).text();
    expect(bad).toContain('已按默认值统计：开始日期格式应为 年-月-日');
  });

  it('a report filed through intake is counted at once (the rollup grows in the submit batch)', async () => {
    const before = await (await city.get('/console/stats?district=220102')).text();
    expect(rowCells(tableOf(before, '按县（市）区'), '合计')).toEqual(['合计', '3']);
    // Another employer: with one incident one case, a report on an employer with an open case is a 续报.
    await submitReport(fetcherFor(host.url), host.deps.db, otherEmployer('长春市统计测试有限公司'));
    const after = await (await city.get('/console/stats?district=220102')).text();
    expect(rowCells(tableOf(after, '按县（市）区'), '合计')).toEqual(['合计', '4']);
    expect(rowCells(tableOf(after, '按来源'), '网页')).toEqual(['网页', '4']);
  });

  it('district officers get their own area whatever they ask for', async () => {
    const html = await (await nanguan.get('/console/stats?district=220104')).text();
    expect(html).toContain('统计分析 · 南关区');
    expect(tableOf(html, '按县（市）区')).not.toContain('朝阳区');
    expect(html).not.toContain('name="district"');
  });
});

describe('Excel exports', () => {
  it('stats.xlsx: the same tables, Chinese headers, frozen header row, widths, dates as dates', async () => {
    const wb = await workbook(await city.get('/console/stats.xlsx?from=2026-10-01&to=2026-11-25'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '按县区',
      '按监测事项',
      '按行业门类',
      '按来源',
      '近12周趋势',
    ]);
    const areas = wb.getWorksheet('按县区')!;
    expect(areas.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(areas.getColumn(1).width).toBe(40);
    const rows = sheetRows(areas);
    expect(rows[0]).toEqual(['县（市）区', '案件数']);
    expect(rows).toHaveLength(1 + 18 + 1);
    expect(rows).toContainEqual(['南关区', 4]);
    expect(rows).toContainEqual(['朝阳区', 2]);
    expect(rows).toContainEqual(['莲花山生态旅游度假区', 0]);
    expect(rows.at(-1)).toEqual(['合计', 7]);
    const about = wb.getWorksheet('说明')!;
    expect(about.getCell('B2').value).toEqual(excelDate(new Date('2026-10-01T00:00:00+08:00')));
    expect(about.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    const trend = wb.getWorksheet('近12周趋势')!;
    expect(trend.getCell('A1').value).toBe('周起始日');
    expect(trend.getCell('A13').value).toBeInstanceOf(Date);
    expect(trend.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('ledger.xlsx: every column of the ledger, one row per case, district-scoped', async () => {
    const wb = await workbook(await city.get('/console/ledger.xlsx'));
    const ws = wb.getWorksheet('台账')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual([
      '回执号',
      '报告时间',
      '用人单位',
      '统一社会信用代码',
      '县（市）区',
      '监测事项',
      '来源',
      '紧急程度',
      '严重程度',
      '迟报',
      '漏报',
      '跟踪人',
      '状态',
      '附件4期限',
      '销号时间',
      '销号原因',
    ]);
    expect(rows).toHaveLength(1 + 7);
    const n2 = rows.find((r) => r[0] === 'CC-T-n2')!;
    expect(n2[1]).toEqual(excelDate(ago(23)));
    expect(n2.slice(2, 13)).toEqual([
      '长春测试企业n2有限公司',
      undefined, // no USCC: an empty cell
      '南关区',
      '拖欠工资、停工、怠工、堵门堵路',
      '网页',
      '紧急重大',
      '高', // 严重程度 高/中/低, as on every page
      '否',
      '否',
      '未落实',
      '待认领',
    ]);
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');

    const own = sheetRows((await workbook(await nanguan.get('/console/ledger.xlsx'))).worksheets[0]!);
    expect(own.slice(1).map((r) => r[4])).toEqual(['南关区', '南关区', '南关区', '南关区']);
    // Asking for another area yields nothing of it.
    const other = sheetRows((await workbook(await nanguan.get('/console/ledger.xlsx?district=220104'))).worksheets[0]!);
    expect(other).toHaveLength(1);
    const ownStats = sheetRows((await workbook(await nanguan.get('/console/stats.xlsx'))).getWorksheet('按县区')!);
    expect(ownStats.map((r) => r[0])).toEqual(['县（市）区', '南关区', '合计']);
  });
});
