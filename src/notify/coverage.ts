// Is every report going to reach someone? The city office and each jurisdiction need at least one enabled
// channel, and each receiving department a real phone (the seed ships the 12333 hotline as a placeholder,
// and reporters are told to call that number). Shown on the channels page and in /healthz until fixed.

import type { Db } from '../../db/client';
import { listChannels } from '../../db/repo/accounts';
import { listJurisdictions } from '../../db/repo/jurisdictions';

/** The number db/migrations/0001_seed_jurisdictions.sql puts in until the city office enters the real one. */
export const PLACEHOLDER_PHONE = '0431-12333';

export interface Coverage {
  /** The city office (urgent reports, escalations) has no enabled channel. */
  cityUncovered: boolean;
  /** Jurisdictions whose new reports would reach nobody (Chinese names, in the seed's order). */
  uncovered: string[];
  /** Jurisdictions whose receiving department still shows the placeholder phone. */
  placeholderPhones: string[];
}

export async function notificationCoverage(db: Db): Promise<Coverage> {
  const [channels, jurisdictions] = await Promise.all([listChannels(db), listJurisdictions(db)]);
  // 上级/同级 recipients hear only of warnings: they do not cover the city office's alerts.
  const working = channels.filter((c) => c.enabled && (c.jurisdictionId !== null || c.recipient === 'office'));
  const covered = new Set(working.map((c) => c.jurisdictionId));
  return {
    cityUncovered: !covered.has(null),
    uncovered: jurisdictions.filter((j) => !covered.has(j.id)).map((j) => j.nameZh),
    placeholderPhones: jurisdictions
      .filter((j) => j.receivingDeptPhone.trim() === PLACEHOLDER_PHONE)
      .map((j) => j.nameZh),
  };
}

/** One sentence per problem, in Chinese, for the page and /healthz; empty when everything is set up. */
export function coverageWarnings(c: Coverage): string[] {
  const list = (names: string[]) =>
    names.length > 6 ? `${names.slice(0, 6).join('、')} 等 ${names.length} 个辖区` : names.join('、');
  return [
    ...(c.cityUncovered ? ['市办（全市）没有启用的通知渠道：紧急重大报告和逾期上报不会通知到市办。'] : []),
    ...(c.uncovered.length > 0 ? [`${list(c.uncovered)}没有启用的通知渠道：新报告不会通知到接报部门。`] : []),
    ...(c.placeholderPhones.length > 0
      ? [`${list(c.placeholderPhones)}的接报部门电话仍是默认的 ${PLACEHOLDER_PHONE}，请在“辖区”页面填写实际电话。`]
      : []),
  ];
}
