// A report an employer made by telephone, typed in by the officer who took the call (seed §8: "立即通过电话、
// 微信等便捷方式"). It is the employer's own report — source 电话, never 漏报 — so it is stored like any
// submission (the intake's submit batch: report, items, audit event, the alert's outbox row), with the call
// time as the report time: lateness, urgency and the Annex 4 deadline all run from the call.

import type { Account } from '../../db/repo/accounts';
import { eventStatement } from '../../db/repo/cases';
import { submissionStatements } from '../../db/repo/reports';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { type IntakeCtx, newReceipt, parseDateTime, parsePhone } from '../intake/index';
import { annex4DueAt, assessedColumns, fromOfficerAnswers, lateSuggestion } from './new-report';
import { assessOfficerCase, parseOfficerCase, type RawForm } from './officer-case';

/** A call typed in more than this long after it happened is most likely a typo in the date. */
const MAX_CALL_AGE_MS = 30 * 86_400_000;

export interface ParsedPhoneReport {
  answers: Record<string, unknown>;
  callerPhone: string;
  callAt: Date;
  errors: Record<string, string>;
}

/** The Annex 3 form (the officer form's parsers) plus the caller's number and the time of the call. */
export function parsePhoneReport(form: RawForm, ctx: IntakeCtx, now: Date): ParsedPhoneReport {
  const base = parseOfficerCase(
    // The caller's number answers 报告人联系电话 when the officer left it empty.
    { ...form, reporter_phone: emptyOr(form.reporter_phone) ?? form.caller_phone },
    ctx,
    now,
  );
  const errors = { ...base.errors };
  const caller = parsePhone(String(form.caller_phone ?? ''));
  if (!caller.ok) errors.caller_phone = emptyOr(form.caller_phone) ? caller.error.zh : '必填';
  const rawCall = String(form.call_at ?? '').replace('T', ' ');
  const call = rawCall.trim() ? parseDateTime(rawCall, now) : undefined;
  let callAt = now;
  if (!call) errors.call_at = '必填';
  else if (!call.ok) errors.call_at = call.error.zh;
  else {
    callAt = new Date(call.value);
    if (callAt.getTime() > now.getTime() + 60_000) errors.call_at = '来电时间不能晚于现在。';
    else if (now.getTime() - callAt.getTime() > MAX_CALL_AGE_MS) errors.call_at = '来电时间早于 30 天前，请核对。';
  }
  return { answers: base.answers, callerPhone: caller.ok ? caller.value : '', callAt, errors };
}

function emptyOr(v: string | string[] | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

type Officer = Pick<Account, 'id'>;

/** The statements of a phone report, for one batch; its id and receipt. */
export function phoneReportStatements(deps: AppDeps, officer: Officer, p: ParsedPhoneReport) {
  const { db, random, config } = deps;
  const now = deps.clock();
  const assessment = assessOfficerCase(p.answers, p.callAt);
  const typed = fromOfficerAnswers(p.answers, now);
  const reportId = newId('r', now, random);
  const receipt = newReceipt(p.callAt, random);
  const statements = [
    ...submissionStatements(db, {
      employer: typed.employer,
      report: {
        ...typed.report,
        id: reportId,
        receipt,
        channel: 'phone',
        reporterPhone: typed.report.reporterPhone || p.callerPhone,
        callerPhone: p.callerPhone,
        ...assessedColumns(assessment),
        unreported: false,
        // The employer reported it (by telephone): the officer-entered source, and when the employer called.
        source: 'phone',
        employerReportedAt: p.callAt,
        submittedAt: p.callAt,
        annex4DueAt: annex4DueAt(p.callAt, assessment.urgency.level, config),
      },
      outboxId: newId('o', now, random),
    }),
    ...lateSuggestion(db, assessment, { caseId: reportId, employerId: typed.employer.id, now, random }),
    eventStatement(db, {
      reportId,
      at: now,
      actorType: 'officer',
      actorId: officer.id,
      type: 'phone_recorded',
      data: { callerPhone: p.callerPhone, callAt: p.callAt.toISOString() },
    }),
  ];
  return { statements, reportId, receipt };
}
