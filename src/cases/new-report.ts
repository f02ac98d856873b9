// A new case is opened through two doors — a reporter's submit (src/service/intake-service.ts) and an officer's
// entry of a phoned-in or discovered case (case-actions.ts createCase) — and both store it with the same
// statement list (db/repo/reports.ts reportRecordStatements). What both derive goes here, computed one way:
// the employer's identity, the Annex 4 deadline, and the assessment's columns on the report row.
import type { BatchItem, Db } from '../../db/client';
import { accountabilityStatement } from '../../db/repo/accountability';
import { employerKey, nameKeyOf } from '../../db/repo/reports';
import type { Config } from '../config';
import { newId, sha256Hex } from '../ids';
import { type Assessment, isItemCode, parseInstant } from '../rules/index';

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

/**
 * What a report typed in by an officer (a case they open, a phone report) stores from its Annex 3 answers:
 * the employer row and the report's columns that come from the answers alone.
 */
export function fromOfficerAnswers(answers: Record<string, unknown>, updatedAt: Date) {
  const str = (id: string) => (typeof answers[id] === 'string' ? (answers[id] as string) : null);
  const district = String(answers.district ?? '');
  const unitName = String(answers.unit_name ?? '');
  const uscc = str('uscc');
  const { id, key } = employerIdentity(uscc, district, unitName);
  const eventMs = parseInstant(answers.event_at);
  return {
    employer: {
      id,
      key,
      uscc,
      name: unitName,
      jurisdictionId: district,
      legalRep: str('legal_rep'),
      industry: str('industry'),
      headcount: typeof answers.headcount === 'number' ? answers.headcount : null,
      address: str('address'),
      updatedAt,
    },
    report: {
      draftId: null,
      employerId: id,
      jurisdictionId: district,
      locale: 'zh' as const,
      unitName,
      nameKey: nameKeyOf(district, unitName),
      uscc,
      industry: str('industry'),
      reporterName: str('reporter_name') ?? '',
      reporterPhone: str('reporter_phone') ?? '',
      reporterChat: null,
      answers,
      items: Array.isArray(answers.items) ? answers.items.filter(isItemCode) : [],
      eventAt: eventMs === null ? null : new Date(eventMs),
    },
  };
}

/** A late report is only a suggestion (疑似迟报, ruleset 2026.2) for the officer to confirm or dismiss. */
export function lateSuggestion(
  db: Db,
  assessment: Assessment,
  ids: { caseId: string; employerId: string; now: Date; random: (bytes: number) => Uint8Array },
): BatchItem[] {
  if (!assessment.late.isLate || !assessment.late.reason) return [];
  return [
    accountabilityStatement(db, {
      id: newId('ae', ids.now, ids.random),
      caseId: ids.caseId,
      employerId: ids.employerId,
      kind: 'late',
      status: 'suggested',
      reason: assessment.late.reason.zh,
      createdAt: ids.now,
    }),
  ];
}
