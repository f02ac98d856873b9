// The period report (劳动关系风险监测预警情况报告, seed §4(1) 统计汇总 and 风险分析与评估): the cases of a period
// by area, monitoring item and industry section next to the previous period of equal length, the notable
// cases, and the city office's own analysis and next steps, laid out as a government document. The figures
// are drawn once and stored with each version (period_reports), so a version downloads again as it was sent.

import type { Db } from '../../db/client';
import type { Jurisdiction } from '../../db/repo/jurisdictions';
import { notableCases } from '../../db/repo/period-reports';
import { caseBreakdown, dayStart } from '../../db/repo/stats';
import { itemNames, STATUS_ZH } from '../cases/labels';
import { officerText } from '../messages/officer';
import { beijingDate } from '../time';
import { areaRows, industryRows, itemRows, type NamedCount } from '../web/console/stats-model';
import { body, centered, chineseDate, docNumber, govDocx, heading, signature, table, title } from './gov-docx';

const t = officerText('periodReport');

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
    total: { name: t.total, current: now.total, previous: before.total },
    byArea: pair(areaRows(areas, now.byArea), areaRows(areas, before.byArea)),
    byItem: pair(itemRows(now.byItem), itemRows(before.byItem)),
    // Twenty sections would be mostly zeros: only those with cases in either period.
    byIndustry: industries.filter((r) => r.current > 0 || r.previous > 0),
    notable: notable.map((c) => ({
      receipt: c.receipt,
      unitName: c.unitName,
      area: c.areaName ?? '',
      items: itemNames(c.items).join(t.list),
      people: c.people,
      why: [
        c.major && t.major,
        c.groupIncident && t.groupIncident,
        c.urgent && t.urgent,
        c.severity === 'high' && t.highSeverity,
      ]
        .filter(Boolean)
        .join(t.list),
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
  if (r.previous === 0) return t.changeFromNone(`${sign}${diff}`);
  return t.changeWithPercent(`${sign}${diff}`, `${sign}${((diff / r.previous) * 100).toFixed(1)}`);
}

function trendSentence(r: ChangeRow): string {
  const diff = r.current - r.previous;
  if (diff === 0) return t.level;
  const percent = r.previous === 0 ? '' : Math.abs((diff / r.previous) * 100).toFixed(1);
  const pct = percent === '' ? '' : diff > 0 ? t.percentUp(percent) : t.percentDown(percent);
  return diff > 0 ? t.more(diff, pct) : t.fewer(-diff, pct);
}

/** The largest rows, for the summary ("南关区 5 起、朝阳区 3 起"). */
function leaders(rows: ChangeRow[], n = 3): string {
  const top = [...rows]
    .filter((r) => r.current > 0)
    .sort((a, b) => b.current - a.current)
    .slice(0, n);
  return top.map((r) => t.leader(r.name, r.current)).join(t.list);
}

export function summary(f: PeriodFigures): string {
  const lines = [
    t.summary(
      chineseDate(f.from),
      chineseDate(f.to),
      f.total.current,
      chineseDate(f.previousFrom),
      chineseDate(f.previousTo),
      f.total.previous,
      trendSentence(f.total),
    ),
  ];
  if (f.total.current > 0) {
    lines.push(t.leaders(leaders(f.byArea), leaders(f.byItem)));
  }
  return lines.join('\n');
}

const changeTable = (head: string, rows: ChangeRow[], total?: ChangeRow) =>
  table(
    [head, t.thisPeriod, t.lastPeriod, t.change],
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
  return t.title;
}

export function periodReportDocx(f: PeriodFigures, text: PeriodReportText): Promise<Uint8Array> {
  const notable = f.notable.length
    ? [
        table(
          [t.receipt, t.unit, t.area, t.items, t.people, t.why, t.status],
          f.notable.map((c) => [c.receipt, c.unitName, c.area, c.items, c.people ?? '—', c.why, c.status]),
        ),
      ]
    : body(t.noNotable);
  return govDocx(periodTitle(), [
    docNumber(text.docNumber),
    title(periodTitle()),
    centered(t.period(chineseDate(f.from), chineseDate(f.to))),
    heading(t.overall),
    ...body(summary(f)),
    heading(t.byArea),
    changeTable(t.area, f.byArea, f.total),
    heading(t.byItem),
    changeTable(t.items, f.byItem),
    heading(t.byIndustry),
    ...(f.byIndustry.length ? [changeTable(t.industry, f.byIndustry)] : body(t.noIndustry)),
    heading(t.notable),
    ...notable,
    heading(t.analysis),
    ...body(text.analysis),
    heading(t.nextSteps),
    ...body(text.nextSteps),
    ...signature(chineseDate(beijingDate(text.at))),
  ]);
}
