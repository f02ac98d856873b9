// A new case is opened through two doors — a reporter's submit (src/service/intake-service.ts) and an officer's
// entry of a phoned-in or discovered case (case-actions.ts createCase) — and both store it with the same
// statement list (db/repo/reports.ts reportRecordStatements). What both derive goes here, computed one way:
// the employer's identity, the Annex 4 deadline, and the assessment's columns on the report row.
import { employerKey } from '../../db/repo/reports';
import type { Config } from '../config';
import { sha256Hex } from '../ids';
import type { Assessment } from '../rules/index';

/** "Report immediately" (seed §8) for urgent cases, read as one hour to file Annex 4 and report upward. */
export const URGENT_DUE_MS = 3_600_000;

/** The employer's row key (by USCC, else district + name) and the id derived from it. */
export function employerIdentity(
  uscc: string | null | undefined,
  jurisdictionId: string,
  name: string,
): { id: string; key: string } {
  const key = employerKey(uscc, jurisdictionId, name);
  return { id: `e_${sha256Hex(key).slice(0, 24)}`, key };
}

/** When Annex 4 is due: within the hour for an urgent case, else ANNEX4_DUE_HOURS after the report. */
export function annex4DueAt(
  submittedAt: Date,
  urgency: Assessment['urgency']['level'],
  config: Pick<Config, 'ANNEX4_DUE_HOURS'>,
): Date {
  return new Date(
    submittedAt.getTime() + (urgency === 'immediate' ? URGENT_DUE_MS : config.ANNEX4_DUE_HOURS * 3_600_000),
  );
}

/** The report row's columns that come from its assessment. */
export function assessedColumns(assessment: Assessment) {
  return {
    assessment,
    rulesetVersion: assessment.rulesetVersion,
    severity: assessment.severity.level,
    urgency: assessment.urgency.level,
    late: assessment.late.isLate,
    lateHours: assessment.late.delayHours === null ? null : Math.round(assessment.late.delayHours),
    peopleInvolved: assessment.peopleInvolved,
    groupIncident: assessment.groupIncident,
  };
}
