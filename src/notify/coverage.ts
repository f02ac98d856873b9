// Is every report going to reach someone? The city office and each jurisdiction need at least one enabled
// channel, and each receiving department a real phone (the seed ships the 12333 hotline as a placeholder,
// and reporters are told to call that number). Shown on the channels page and in /healthz until fixed.

import type { Db } from '../../db/client';
import { listChannels } from '../../db/repo/accounts';
import { listJurisdictions } from '../../db/repo/jurisdictions';
import { textOf } from '../messages/index';

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
  const t = textOf('coverage', 'zh');
  const list = (names: string[]) =>
    names.length > 6 ? t.andMore(names.slice(0, 6).join(t.list), names.length) : names.join(t.list);
  return [
    ...(c.cityUncovered ? [t.cityUncovered] : []),
    ...(c.uncovered.length > 0 ? [t.uncovered(list(c.uncovered))] : []),
    ...(c.placeholderPhones.length > 0 ? [t.placeholderPhone(list(c.placeholderPhones), PLACEHOLDER_PHONE)] : []),
  ];
}
