// The period report (劳动关系风险监测预警情况报告, seed §4(1) 统计汇总 and 风险分析与评估): the cases of a period
// by area, monitoring item and industry section next to the previous period of equal length, the notable
// cases, and the city office's own analysis and next steps, laid out as a government document. The figures
// are drawn once and stored with each version (period_reports), so a version downloads again as it was sent.

import type { Db } from '../../db/client';
import type { Jurisdiction } from '../../db/repo/jurisdictions';
import { notableCases } from '../../db/repo/period-reports';
import { caseBreakdown, dayStart } from '../../db/repo/stats';
import { itemNames, STATUS_ZH } from '../cases/labels';
import { beijingDate } from '../time';
import { areaRows, industryRows, itemRows, type NamedCount } from '../web/console/stats-model';
import { body, centered, chineseDate, docNumber, govDocx, heading, signature, table, title } from './gov-docx';

/** Team default: the report names at most this many notable cases. */
export const NOTABLE_CASES_MAX = 15;

export interface ChangeRow {
  name: string;
  current: number;
  previous: number;
}

export interface NotableCaseFigure {
  receipt: string;
  unitName: string;
  area: string;
  items: string;
  people: number | null;
  why: string;
  status: string;
  submitted: string;
}

/** Everything the document shows besides the office's text; stored as JSON with each version. */
export interface PeriodFigures {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  total: ChangeRow;
  byArea: ChangeRow[];
  byItem: ChangeRow[];
  byIndustry: ChangeRow[];
  notable: NotableCaseFigure[];
}

const dayText = (day: number) => beijingDate(dayStart(day));

function pair(current: NamedCount[], previous: NamedCount[]): ChangeRow[] {
  const before = new Map(previous.map((r) => [r.key, r.value]));
  const rows = current.map((r) => ({ name: r.name, current: r.value, previous: before.get(r.key) ?? 0 }));
  const seen = new Set(current.map((r) => r.key));
  return [
    ...rows,
    ...previous.filter((r) => !seen.has(r.key)).map((r) => ({ name: r.name, current: 0, previous: r.value })),
  ];
}

/** The figures of [fromDay, toDay) (Beijing days) and of the equally long period just before. */
export async function periodFigures(
  db: Db,
  period: { fromDay: number; toDay: number },
  areas: readonly Jurisdiction[],
): Promise<PeriodFigures> {
  const length = period.toDay - period.fromDay;
  const previous = { fromDay: period.fromDay - length, toDay: period.fromDay };
  const [now, before, notable] = await Promise.all([
    caseBreakdown(db, period),
    caseBreakdown(db, previous),
    notableCases(db, dayStart(period.fromDay), dayStart(period.toDay), NOTABLE_CASES_MAX),
  ]);
  const industries = pair(industryRows(now.byIndustry), industryRows(before.byIndustry));
  return {
    from: dayText(period.fromDay),
    to: dayText(period.toDay - 1),
    previousFrom: dayText(previous.fromDay),
    previousTo: dayText(previous.toDay - 1),
    total: { name: '合计', current: now.total, previous: before.total },
    byArea: pair(areaRows(areas, now.byArea), areaRows(areas, before.byArea)),
    byItem: pair(itemRows(now.byItem), itemRows(before.byItem)),
    // Twenty sections would be mostly zeros: only those with cases in either period.
    byIndustry: industries.filter((r) => r.current > 0 || r.previous > 0),
    notable: notable.map((c) => ({
      receipt: c.receipt,
      unitName: c.unitName,
      area: c.areaName ?? '',
      items: itemNames(c.items).join('、'),
      people: c.people,
      why: [
        c.major && '重大风险',
        c.groupIncident && '群体性事件',
        c.urgent && '紧急重大',
        c.severity === 'high' && '严重程度高',
      ]
        .filter(Boolean)
        .join('、'),
      status: STATUS_ZH[c.status],
      submitted: beijingDate(c.submittedAt),
    })),
  };
}

/** "+3（+50.0%）", "-2（-40.0%）", "0", "+4（上期无）". */
export function changeText(r: Pick<ChangeRow, 'current' | 'previous'>): string {
  const diff = r.current - r.previous;
  if (diff === 0) return '0';
  const sign = diff > 0 ? '+' : '';
  if (r.previous === 0) return `${sign}${diff}（上期无）`;
  return `${sign}${diff}（${sign}${((diff / r.previous) * 100).toFixed(1)}%）`;
}

function trendSentence(t: ChangeRow): string {
  const diff = t.current - t.previous;
  if (diff === 0) return `与上一期持平`;
  const pct =
    t.previous === 0 ? '' : `，${diff > 0 ? '增长' : '下降'} ${Math.abs((diff / t.previous) * 100).toFixed(1)}%`;
  return `较上一期${diff > 0 ? '增加' : '减少'} ${Math.abs(diff)} 起${pct}`;
}

/** The largest rows, for the summary ("南关区 5 起、朝阳区 3 起"). */
function leaders(rows: ChangeRow[], n = 3): string {
  const top = [...rows]
    .filter((r) => r.current > 0)
    .sort((a, b) => b.current - a.current)
    .slice(0, n);
  return top.map((r) => `${r.name} ${r.current} 起`).join('、');
}

export function summary(f: PeriodFigures): string {
  const lines = [
    `${chineseDate(f.from)}至${chineseDate(f.to)}，全市共监测到劳动关系风险案件 ${f.total.current} 起，` +
      `上一期（${chineseDate(f.previousFrom)}至${chineseDate(f.previousTo)}）${f.total.previous} 起，${trendSentence(f.total)}。`,
  ];
  if (f.total.current > 0) {
    lines.push(
      `案件较多的县（市）区是${leaders(f.byArea)}；较多的监测事项是${leaders(f.byItem)}。` +
        '一起案件涉及多个监测事项的，在各事项下分别计数。',
    );
  }
  return lines.join('\n');
}

const changeTable = (head: string, rows: ChangeRow[], total?: ChangeRow) =>
  table(
    [head, '本期（起）', '上期（起）', '增减'],
    [...rows, ...(total ? [total] : [])].map((r) => [r.name, r.current, r.previous, changeText(r)]),
  );

export interface PeriodReportText {
  docNumber: string;
  analysis: string;
  nextSteps: string;
  /** When the version was made: the date under the signature. */
  at: Date;
}

export function periodTitle(): string {
  return '长春市劳动关系风险监测预警情况报告';
}

export function periodReportDocx(f: PeriodFigures, t: PeriodReportText): Promise<Uint8Array> {
  const notable = f.notable.length
    ? [
        table(
          ['回执号', '用人单位', '县（市）区', '监测事项', '涉及人数', '关注原因', '状态'],
          f.notable.map((c) => [c.receipt, c.unitName, c.area, c.items, c.people ?? '—', c.why, c.status]),
        ),
      ]
    : body('本期无群体性事件、紧急重大或重大风险案件。');
  return govDocx(periodTitle(), [
    docNumber(t.docNumber),
    title(periodTitle()),
    centered(`（${chineseDate(f.from)}至${chineseDate(f.to)}）`),
    heading('一、总体情况'),
    ...body(summary(f)),
    heading('二、分县（市）区情况'),
    changeTable('县（市）区', f.byArea, f.total),
    heading('三、分监测事项情况'),
    changeTable('监测事项', f.byItem),
    heading('四、分行业门类情况'),
    ...(f.byIndustry.length ? [changeTable('行业门类', f.byIndustry)] : body('本期和上期均无案件。')),
    heading('五、需要关注的案件'),
    ...notable,
    heading('六、分析研判'),
    ...body(t.analysis),
    heading('七、下一步工作'),
    ...body(t.nextSteps),
    ...signature(chineseDate(beijingDate(t.at))),
  ]);
}
