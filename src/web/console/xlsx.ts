// Excel workbooks for the city desk (统计表, 台账, 问责台账) through write-excel-file's universal build: pure
// JavaScript over fflate, returning a Blob, so the same code runs on Node and in workerd (exceljs needs Node
// streams and fs; SheetJS's current releases are not on the npm registry). Every sheet has Chinese headers in
// a frozen first row, column widths, and dates as real Excel dates in Beijing wall-clock time.
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import { ACCOUNTABILITY_KINDS, type AccountabilityKind, KIND_ZH } from '../../../db/repo/accountability';
import {
  ACTION_KINDS,
  ACTION_ZH,
  type ActionKind,
  type ActionRow,
  type EmployerSummary,
  type RegisterEntry,
} from '../../../db/repo/accountability-actions';
import type { LedgerRow } from '../../../db/repo/cases';
import type { Breakdown, WeeklyTrend } from '../../../db/repo/stats';
import { dayStart } from '../../../db/repo/stats';
import { CHANNEL_ZH, itemNames, SEVERITY_ZH, STATUS_ZH, URGENCY_ZH } from '../../cases/labels';
import { INDUSTRIES } from '../../rules/index';
import { beijingWallClock, parseBeijingDate } from '../../time';
import type { StatsValues } from './stats-filters';
import { areaRows, channelRows, ITEM_KEYS, industryRows, itemRows, type NamedCount } from './stats-model';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel dates carry no time zone: write the Beijing wall-clock time officers read everywhere else. */
export const excelDate = (d: Date): Date => beijingWallClock(d);

const header = (names: string[]): Row => names.map((value) => ({ value, fontWeight: 'bold' as const }));
const date = (d: Date | null | undefined): Cell =>
  d ? { value: excelDate(d), type: Date, format: 'yyyy-mm-dd' } : null;
const dateTime = (d: Date | null | undefined): Cell =>
  d ? { value: excelDate(d), type: Date, format: 'yyyy-mm-dd hh:mm' } : null;

type Column = [name: string, width: number];

/** A sheet with its header row frozen and its column widths (in characters). */
function sheet(name: string, columns: Column[], rows: Row[]): Sheet<Blob> {
  return {
    sheet: name,
    data: [header(columns.map(([n]) => n)), ...rows],
    columns: columns.map(([, width]) => ({ width })),
    stickyRowsCount: 1,
  };
}

async function toBytes(sheets: Sheet<Blob>[]): Promise<ArrayBuffer> {
  // Loaded on the first export, like docx: the Worker does not evaluate it at start-up.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(sheets, { fontFamily: '宋体', fontSize: 11 }).toBlob();
  return blob.arrayBuffer();
}

export function xlsxHeaders(fileName: string, asciiName: string): Record<string, string> {
  return {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${asciiName}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  };
}

const countSheet = (name: string, head: string, rows: NamedCount[], total?: number) =>
  sheet(
    name,
    [
      [head, 40],
      ['案件数', 10],
    ],
    [...rows.map((r): Row => [r.name, r.value]), ...(total === undefined ? [] : [['合计', total] as Row])],
  );

export interface StatsExport {
  values: StatsValues;
  areas: { id: string; nameZh: string }[];
  breakdown: Breakdown;
  trend: WeeklyTrend;
  now: Date;
}

export function statsWorkbook(x: StatsExport): Promise<ArrayBuffer> {
  const v = x.values;
  const named = (code: string, list: { key: string; name: string }[]) =>
    list.find((k) => k.key === code)?.name ?? '全部';
  const about = sheet(
    '说明',
    [
      ['项目', 16],
      ['内容', 40],
    ],
    [
      ['统计期间开始', date(parseBeijingDate(v.from))],
      ['统计期间结束', date(parseBeijingDate(v.to))],
      [
        '县（市）区',
        x.areas.find((a) => a.id === v.district)?.nameZh ?? (x.areas.length === 1 ? x.areas[0]?.nameZh : '全市'),
      ],
      ['监测事项', named(v.item, ITEM_KEYS)],
      [
        '行业门类',
        v.industry ? `${v.industry} ${INDUSTRIES.find((i) => i.code === v.industry)?.name.zh ?? ''}` : '全部',
      ],
      ['来源', v.source ? (CHANNEL_ZH[v.source as keyof typeof CHANNEL_ZH] ?? v.source) : '全部'],
      ['案件合计', x.breakdown.total],
      ['导出时间', dateTime(x.now)],
    ],
  );
  const trend = sheet(
    '近12周趋势',
    [['周起始日', 12], ...ITEM_KEYS.map((k): Column => [k.name, Math.max(10, k.name.length * 2)])],
    x.trend.weeks.map((w, i): Row => [date(dayStart(w)), ...ITEM_KEYS.map((k) => x.trend.byItem.get(k.key)?.[i] ?? 0)]),
  );
  return toBytes([
    about,
    countSheet('按县区', '县（市）区', areaRows(x.areas, x.breakdown.byArea), x.breakdown.total),
    countSheet('按监测事项', '监测事项', itemRows(x.breakdown.byItem)),
    countSheet('按行业门类', '行业门类', industryRows(x.breakdown.byIndustry)),
    countSheet('按来源', '来源', channelRows(x.breakdown.byChannel)),
    trend,
  ]);
}

/** The ledger (台账) with every column the ledger page shows, and the details behind its badges. */
export function ledgerWorkbook(rows: LedgerRow[]): Promise<ArrayBuffer> {
  const columns: Column[] = [
    ['回执号', 22],
    ['报告时间', 17],
    ['用人单位', 32],
    ['统一社会信用代码', 21],
    ['县（市）区', 16],
    ['监测事项', 30],
    ['来源', 10],
    ['紧急程度', 11],
    ['严重程度', 9],
    ['迟报', 6],
    ['漏报', 6],
    ['跟踪人', 12],
    ['状态', 12],
    ['附件4期限', 17],
    ['销号时间', 17],
    ['销号原因', 40],
  ];
  return toBytes([
    sheet(
      '台账',
      columns,
      rows.map(
        (r): Row => [
          r.receipt,
          dateTime(r.submittedAt),
          r.unitName,
          r.uscc ?? '',
          r.jurisdictionName ?? r.jurisdictionId,
          itemNames(r.items).join('、'),
          CHANNEL_ZH[r.channel],
          URGENCY_ZH[r.urgency],
          SEVERITY_ZH[r.severity],
          r.late ? '是' : '否',
          r.unreported ? '是' : '否',
          r.claimantName ?? '未落实',
          STATUS_ZH[r.status],
          dateTime(r.annex4DueAt),
          dateTime(r.closedAt),
          r.closeReason ?? '',
        ],
      ),
    ),
  ]);
}

/** The accountability register (问责台账): per employer, every confirmed entry, and every action taken. */
export function accountabilityWorkbook(
  entries: RegisterEntry[],
  actions: ActionRow[],
  summary: EmployerSummary[],
  now: Date,
): Promise<ArrayBuffer> {
  const byEntry = new Map(entries.map((e) => [e.id, e]));
  const COUNT_ZH: Record<AccountabilityKind | ActionKind, string> = { ...KIND_ZH, ...ACTION_ZH };
  const kinds = [...ACCOUNTABILITY_KINDS, ...ACTION_KINDS];
  const employers = sheet(
    '按用人单位',
    [['用人单位', 32], ['统一社会信用代码', 21], ['县（市）区', 16], ...kinds.map((k): Column => [COUNT_ZH[k], 10])],
    summary.map((s): Row => [s.name, s.uscc ?? '', s.area, ...kinds.map((k) => s.counts[k])]),
  );
  const register = sheet(
    '问责台账',
    [
      ['用人单位', 32],
      ['统一社会信用代码', 21],
      ['县（市）区', 16],
      ['类型', 8],
      ['回执号', 22],
      ['认定时间', 17],
      ['认定人', 12],
      ['认定理由', 40],
      ['信用提醒', 10],
      ['诚信约谈', 10],
    ],
    entries.map((e): Row => {
      const taken = actions.filter((a) => a.entryId === e.id);
      return [
        e.employerName,
        e.uscc ?? '',
        e.jurisdictionName ?? e.jurisdictionId,
        KIND_ZH[e.kind],
        e.receipt,
        dateTime(e.decidedAt),
        e.deciderName ?? '',
        e.reason,
        taken.filter((a) => a.kind === 'credit_reminder').length,
        taken.filter((a) => a.kind === 'integrity_interview').length,
      ];
    }),
  );
  const taken = sheet(
    '措施记录',
    [
      ['日期', 12],
      ['措施', 10],
      ['用人单位', 32],
      ['类型', 8],
      ['回执号', 22],
      ['办理人', 16],
      ['情况记录', 50],
      ['登记人', 12],
      ['登记时间', 17],
    ],
    actions.map((a): Row => {
      const e = byEntry.get(a.entryId);
      return [
        date(new Date(`${a.takenOn}T00:00:00+08:00`)),
        ACTION_ZH[a.kind],
        e?.employerName ?? '',
        e ? KIND_ZH[e.kind] : '',
        e?.receipt ?? '',
        a.takenBy,
        a.note,
        a.recorderName ?? '',
        dateTime(a.recordedAt),
      ];
    }),
  );
  const about = sheet(
    '说明',
    [
      ['项目', 16],
      ['内容', 40],
    ],
    [
      ['已认定事项', entries.length],
      ['措施记录', actions.length],
      ['导出时间', dateTime(now)],
    ],
  );
  return toBytes([employers, register, taken, about]);
}
