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
import { officerText } from '../../messages/officer';
import { INDUSTRIES } from '../../rules/index';
import { beijingWallClock, parseBeijingDate } from '../../time';
import type { StatsValues } from './stats-filters';
import { areaRows, channelRows, ITEM_KEYS, industryRows, itemRows, type NamedCount } from './stats-model';

const t = officerText('workbooks');
const words = officerText('deskShared');

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
      [words.caseCount, 10],
    ],
    [...rows.map((r): Row => [r.name, r.value]), ...(total === undefined ? [] : [[words.total, total] as Row])],
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
    list.find((k) => k.key === code)?.name ?? words.all;
  const about = sheet(
    t.about,
    [
      [t.aboutKey, 16],
      [t.aboutValue, 40],
    ],
    [
      [t.periodStart, date(parseBeijingDate(v.from))],
      [t.periodEnd, date(parseBeijingDate(v.to))],
      [
        words.area,
        x.areas.find((a) => a.id === v.district)?.nameZh ??
          (x.areas.length === 1 ? x.areas[0]?.nameZh : words.wholeCity),
      ],
      [words.item, named(v.item, ITEM_KEYS)],
      [
        words.industry,
        v.industry ? `${v.industry} ${INDUSTRIES.find((i) => i.code === v.industry)?.name.zh ?? ''}` : words.all,
      ],
      [words.source, v.source ? (CHANNEL_ZH[v.source as keyof typeof CHANNEL_ZH] ?? v.source) : words.all],
      [t.casesTotal, x.breakdown.total],
      [t.exportedAt, dateTime(x.now)],
    ],
  );
  const trend = sheet(
    t.trendSheet,
    [[t.weekStart, 12], ...ITEM_KEYS.map((k): Column => [k.name, Math.max(10, k.name.length * 2)])],
    x.trend.weeks.map((w, i): Row => [date(dayStart(w)), ...ITEM_KEYS.map((k) => x.trend.byItem.get(k.key)?.[i] ?? 0)]),
  );
  return toBytes([
    about,
    countSheet(t.byArea, words.area, areaRows(x.areas, x.breakdown.byArea), x.breakdown.total),
    countSheet(t.byItem, words.item, itemRows(x.breakdown.byItem)),
    countSheet(t.byIndustry, words.industry, industryRows(x.breakdown.byIndustry)),
    countSheet(t.bySource, words.source, channelRows(x.breakdown.byChannel)),
    trend,
  ]);
}

/** The ledger (台账) with every column the ledger page shows, and the details behind its badges. */
export function ledgerWorkbook(rows: LedgerRow[]): Promise<ArrayBuffer> {
  const columns: Column[] = [
    [t.receipt, 22],
    [t.reportedAt, 17],
    [words.employer, 32],
    [t.uscc, 21],
    [words.area, 16],
    [words.item, 30],
    [words.source, 10],
    [t.urgency, 11],
    [t.severity, 9],
    [t.late, 6],
    [t.unreported, 6],
    [t.claimant, 12],
    [t.status, 12],
    [t.annex4Due, 17],
    [t.closedAt, 17],
    [t.closeReason, 40],
  ];
  return toBytes([
    sheet(
      t.ledger,
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
          r.late ? t.yes : t.no,
          r.unreported ? t.yes : t.no,
          r.claimantName ?? t.unassigned,
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
    t.byEmployer,
    [[words.employer, 32], [t.uscc, 21], [words.area, 16], ...kinds.map((k): Column => [COUNT_ZH[k], 10])],
    summary.map((s): Row => [s.name, s.uscc ?? '', s.area, ...kinds.map((k) => s.counts[k])]),
  );
  const register = sheet(
    t.register,
    [
      [words.employer, 32],
      [t.uscc, 21],
      [words.area, 16],
      [t.kind, 8],
      [t.receipt, 22],
      [t.decidedAt, 17],
      [t.decider, 12],
      [t.decisionReason, 40],
      [ACTION_ZH.credit_reminder, 10],
      [ACTION_ZH.integrity_interview, 10],
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
    t.actions,
    [
      [t.actionDate, 12],
      [t.action, 10],
      [words.employer, 32],
      [t.kind, 8],
      [t.receipt, 22],
      [t.takenBy, 16],
      [t.note, 50],
      [t.recorder, 12],
      [t.recordedAt, 17],
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
    t.about,
    [
      [t.aboutKey, 16],
      [t.aboutValue, 40],
    ],
    [
      [t.confirmedEntries, entries.length],
      [t.actions, actions.length],
      [t.exportedAt, dateTime(now)],
    ],
  );
  return toBytes([employers, register, taken, about]);
}
