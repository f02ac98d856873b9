// Warning levels (seed §3). The regional level is suggested by the rules from the open cases of the last
// 30 days, with the 30 days before as the trend baseline (all cases reported then, closed or not); the city
// office confirms or overrides it. Annex 4's 预警级别 gets a per-report suggestion: the higher of what the
// report alone indicates and the regional suggestion for its jurisdiction.

import type { Db } from '../../db/client';
import { regionalMetrics } from '../../db/repo/regional';
import type { ReportRow } from '../../db/repo/reports';
import { officerText } from '../messages/officer';
import { type LevelSuggestion, levelFromMetrics, type WarningLevel } from '../rules/index';
import { assessmentOf } from './annex4';
import { joinSentences, LEVEL_ZH, plainReason, SEVERITY_ZH } from './labels';

export const LEVEL_WINDOW_DAYS = 30;
/** Annex 4 is a Chinese form: its prefilled reasons are Chinese whatever the console's language. */
const say = officerText('levelAdvice');
const DAY_MS = 86_400_000;

export interface LevelAdvice {
  level: WarningLevel;
  reasons: string[];
}

/** The rules' suggestion over open cases of the window ending now (one jurisdiction, or the whole city). */
export async function regionalSuggestion(db: Db, now: Date, jurisdictionId?: string): Promise<LevelSuggestion> {
  const to = now;
  const from = new Date(to.getTime() - LEVEL_WINDOW_DAYS * DAY_MS);
  const before = new Date(from.getTime() - LEVEL_WINDOW_DAYS * DAY_MS);
  return levelFromMetrics(
    await regionalMetrics(db, { from, to, before, ...(jurisdictionId ? { jurisdictionId } : {}) }),
  );
}

/**
 * What this report alone suggests: level 1 when it is, or may become, a group incident or stoppage, is
 * urgent, or is severe (§3 level 1: few employers, few people, within the city); otherwise no warning.
 */
export function reportAdvice(report: ReportRow): LevelAdvice {
  const a = assessmentOf(report);
  const reasons: string[] = [];
  if (report.groupIncident) {
    // Ruleset 2026.2 stores the number TAKING PART here (2026.1: everyone involved).
    const who = report.rulesetVersion === '2026.1' ? say.involved : say.takingPart;
    reasons.push(report.peopleInvolved ? say.groupIncidentPeople(who, report.peopleInvolved) : say.groupIncident);
  }
  if (report.urgency === 'immediate') {
    const why = joinSentences((a?.urgency.reasons ?? []).map((r) => plainReason(r.zh)));
    reasons.push(say.urgent(why || say.reportAtOnce));
  }
  if (report.severity === 'high') reasons.push(say.severe(plainReason(a?.severity.reason.zh ?? '')));
  if (reasons.length > 0) return { level: 1, reasons };
  const below = a
    ? say.belowLevel1Because(SEVERITY_ZH[report.severity], plainReason(a.severity.reason.zh))
    : say.belowLevel1;
  return { level: 0, reasons: [below] };
}

export function combineAdvice(report: LevelAdvice, regional: LevelSuggestion, jurisdictionName: string): LevelAdvice {
  const level = Math.max(report.level, regional.level) as WarningLevel;
  return {
    level,
    // Sentences an officer can sign: what this case shows, and the area's open cases only when they matter.
    reasons: [
      ...report.reasons,
      ...(regional.level > 0
        ? [say.regional(jurisdictionName, LEVEL_WINDOW_DAYS, LEVEL_ZH[regional.level] ?? '')]
        : []),
    ],
  };
}
