// Turns the stats repo's maps into the named rows the charts, tables and exports show: every item, section,
// source and area listed (zeros included) in the catalogue's order, unknown codes kept under their code.
import { dayStart } from '../../../db/repo/stats';
import { CHANNEL_ZH } from '../../cases/labels';
import { officerText } from '../../messages/officer';
import { INDUSTRIES, MONITORING_ITEMS } from '../../rules/index';
import { beijingDate } from '../../time';
import type { Series } from './charts';

export interface NamedCount {
  key: string;
  name: string;
  value: number;
}

const { notGiven } = officerText('deskShared');

/** Known keys in order with their names, then any other key found in the data. */
function named(known: readonly { key: string; name: string }[], counts: Map<string, number>): NamedCount[] {
  const seen = new Set(known.map((k) => k.key));
  return [
    ...known.map((k) => ({ ...k, value: counts.get(k.key) ?? 0 })),
    ...[...counts].filter(([k]) => !seen.has(k)).map(([key, value]) => ({ key, name: key || notGiven, value })),
  ];
}

export const ITEM_KEYS = MONITORING_ITEMS.map((i) => ({ key: i.code as string, name: i.name.zh }));
export const INDUSTRY_KEYS = [...INDUSTRIES.map((i) => ({ key: i.code as string, name: `${i.code} ${i.name.zh}` }))];
export const CHANNEL_KEYS = Object.entries(CHANNEL_ZH).map(([key, name]) => ({ key, name }));

export const itemRows = (m: Map<string, number>) => named(ITEM_KEYS, m);
export const industryRows = (m: Map<string, number>) => named([...INDUSTRY_KEYS, { key: '', name: notGiven }], m);
export const channelRows = (m: Map<string, number>) => named(CHANNEL_KEYS, m);
export const areaRows = (areas: readonly { id: string; nameZh: string }[], m: Map<string, number>) =>
  named(
    areas.map((a) => ({ key: a.id, name: a.nameZh })),
    m,
  );

/** "11-02" for the week starting on that Beijing day. */
export const weekLabels = (weeks: number[]) => weeks.map((d) => beijingDate(dayStart(d)).slice(5));

/** One series per monitoring item (all of them, so the table shows zeros too). */
export function itemSeries(byItem: Map<string, number[]>, weeks = 12): Series[] {
  return named(ITEM_KEYS, new Map([...byItem].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0)]))).map((r) => ({
    name: r.name,
    values: byItem.get(r.key) ?? new Array<number>(weeks).fill(0),
  }));
}
