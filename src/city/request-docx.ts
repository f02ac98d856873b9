// The request to the province (提请) for a level-2 or level-3 warning (seed §3: level 2 is decided by the
// province, level 3 by the national conference): the figures of the window, the criteria table and the city
// office's reasons, laid out as a 请示.

import { officerText } from '../messages/officer';
import type { LevelMetrics, LevelSuggestion } from '../rules/index';
import { beijingDate } from '../time';
import { criteriaRows } from './criteria';
import { body, chineseDate, docNumber, govDocx, heading, OFFICE, plain, signature, table, title } from './gov-docx';

const t = officerText('warningRequest');
const LEVEL = officerText('warningLevels');

export interface RequestInput {
  level: 2 | 3;
  reason: string;
  decidedAt: Date;
  suggestion: Pick<LevelSuggestion, 'criteria' | 'metrics' | 'rulesetVersion' | 'level'>;
  windowDays: number;
}

export function requestTitle(level: 2 | 3): string {
  return t.title(LEVEL[level]);
}

function figures(m: LevelMetrics, days: number): string {
  const c = officerText('criteria');
  const previous = m.trend.previous === null ? c.noData : c.cases(m.trend.previous);
  return t.figures(
    days,
    m.employers,
    m.industries,
    m.districts,
    m.people,
    m.groupIncidents,
    t.trend(m.trend.current, previous),
  );
}

export function requestDocx(r: RequestInput): Promise<Uint8Array> {
  const date = beijingDate(r.decidedAt);
  const year = date.slice(0, 4);
  const addressee = r.level === 2 ? t.addresseeLevel2 : t.addresseeLevel3;
  const rows = criteriaRows({ ...r.suggestion, reasons: [] }).map((c) => [c.standard, c.current, c.met ? t.yes : t.no]);
  return govDocx(requestTitle(r.level), [
    docNumber(t.docNumber(year)),
    title(requestTitle(r.level)),
    plain(addressee),
    ...body(t.opening(OFFICE, LEVEL[r.level])),
    heading(t.monitoring),
    ...body(figures(r.suggestion.metrics, r.windowDays)),
    heading(t.criteria),
    table([t.standard, t.current, t.met], rows),
    heading(t.opinion),
    ...body(r.reason),
    ...body(t.closing),
    ...signature(chineseDate(date)),
  ]);
}
