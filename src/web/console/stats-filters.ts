// The statistics filters (period, area, item, industry section, source) read from the query string and
// checked against the known values; a district officer's area is forced to their own, whatever is asked.
import type { Context } from 'hono';
import type { Jurisdiction } from '../../../db/repo/jurisdictions';
import { beijingDay, type StatsFilter } from '../../../db/repo/stats';
import { CHANNEL_ZH } from '../../cases/labels';
import { officerText } from '../../messages/officer';
import { INDUSTRIES, isItemCode } from '../../rules/index';
import { beijingDate, parseBeijingDate } from '../../time';

export interface StatsValues {
  from: string;
  to: string;
  district: string;
  item: string;
  industry: string;
  source: string;
}

/** Team default: without dates, the statistics cover the last 30 days including today. */
export const DEFAULT_PERIOD_DAYS = 30;
/** Longest period one request may ask for (ten years): bounds the rollup read. */
const MAX_DAYS = 3660;

const t = officerText('stats');

export interface ReadStats {
  values: StatsValues;
  filter: StatsFilter;
  /** What was wrong with the query, in Chinese; the defaults were used instead. */
  problems: string[];
}

export function readStatsFilters(c: Context, areas: readonly Jurisdiction[], now: Date, ownArea?: string): ReadStats {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 40);
  const problems: string[] = [];
  const today = beijingDay(now);
  const from = parseBeijingDate(q('from'));
  const to = parseBeijingDate(q('to'));
  if (q('from') && !from) problems.push(t.badFrom);
  if (q('to') && !to) problems.push(t.badTo);
  let toDay = to ? beijingDay(to) + 1 : today + 1;
  let fromDay = from ? beijingDay(from) : toDay - DEFAULT_PERIOD_DAYS;
  if (fromDay >= toDay) {
    problems.push(officerText('deskShared').fromAfterTo);
    toDay = today + 1;
    fromDay = toDay - DEFAULT_PERIOD_DAYS;
  }
  if (toDay - fromDay > MAX_DAYS) {
    problems.push(t.tooLong);
    fromDay = toDay - MAX_DAYS;
  }
  const district = ownArea ?? (areas.some((a) => a.id === q('district')) ? q('district') : '');
  const item = isItemCode(q('item')) ? q('item') : '';
  const industry = INDUSTRIES.some((i) => i.code === q('industry')) ? q('industry') : '';
  const source = Object.hasOwn(CHANNEL_ZH, q('source')) ? q('source') : '';
  const dayText = (d: number) => beijingDate(new Date(d * 86_400_000));
  return {
    values: { from: dayText(fromDay), to: dayText(toDay - 1), district, item, industry, source },
    filter: {
      fromDay,
      toDay,
      ...(district ? { jurisdictionId: district } : {}),
      ...(item ? { item } : {}),
      ...(industry ? { industry } : {}),
      ...(source ? { channel: source } : {}),
    },
    problems,
  };
}

/** The same selection as a query string (links to the exports and the period report). */
export function statsQuery(v: StatsValues): string {
  const p = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) if (val) p.set(k, val);
  return p.toString();
}
