// Warning levels (seed §3). The regional level is suggested by the rules from the open cases of the last
// 30 days, with the 30 days before as the trend baseline (all cases reported then, closed or not); the city
// office confirms or overrides it. Annex 4's 预警级别 gets a per-report suggestion: the higher of what the
// report alone indicates and the regional suggestion for its jurisdiction.

import type { Db } from '../../db/client';
import { regionalMetrics } from '../../db/repo/regional';
import type { ReportRow } from '../../db/repo/reports';
import { type LevelSuggestion, levelFromMetrics, type WarningLevel } from '../rules/index';
import { assessmentOf } from './annex4';
import { joinSentences, LEVEL_ZH, plainReason, SEVERITY_ZH } from './labels';

export const LEVEL_WINDOW_DAYS = 30;
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
    reasons.push(
      // Ruleset 2026.2 stores the number TAKING PART here (2026.1: everyone involved).
      `本案已经或可能发生群体性事件或集体停工${report.peopleInvolved ? `（${report.rulesetVersion === '2026.1' ? '涉及' : '参与'}约 ${report.peopleInvolved} 人）` : ''}。`,
    );
  }
  if (report.urgency === 'immediate')
    reasons.push(
      `属紧急重大事项：${joinSentences((a?.urgency.reasons ?? []).map((r) => plainReason(r.zh))) || '需立即报告。'}`,
    );
  if (report.severity === 'high') reasons.push(`严重程度高：${plainReason(a?.severity.reason.zh ?? '')}`);
  if (reasons.length > 0) return { level: 1, reasons };
  const why = a ? `严重程度${SEVERITY_ZH[report.severity]}，${plainReason(a.severity.reason.zh)}` : '';
  return { level: 0, reasons: [`本案未达到一级预警情形${why ? `：${why}` : '。'}`] };
}

export function combineAdvice(report: LevelAdvice, regional: LevelSuggestion, jurisdictionName: string): LevelAdvice {
  const level = Math.max(report.level, regional.level) as WarningLevel;
  return {
    level,
    // Sentences an officer can sign: what this case shows, and the area's open cases only when they matter.
    reasons: [
      ...report.reasons,
      ...(regional.level > 0
        ? [`${jurisdictionName}近 ${LEVEL_WINDOW_DAYS} 天未结案件已达到${LEVEL_ZH[regional.level]}情形。`]
        : []),
    ],
  };
}
