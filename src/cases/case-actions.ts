// The officer workflow against the database: every action checks the officer's scope first (a case outside
// it is "not found", never "forbidden", so its existence is not revealed) and writes its change together
// with its audit event in one batch. Views of personal data are audit events too.

import type { BatchItem } from '../../db/client';
import type { NewAccountabilityEntry } from '../../db/repo/accountability';
import { type Account, handoverCandidates } from '../../db/repo/accounts';
import { followUpsOf, mergeStatements, splitStatements } from '../../db/repo/case-links';
import {
  type CaseDetail,
  claimStatements,
  closeStatements,
  eventStatement,
  findAnnex4,
  findCase,
  handOverStatements,
  officerCaseStatements,
  reporterMessageStatements,
  rowsChanged,
  saveAnnex4DraftStatements,
  submitAnnex4Statements,
  urgencyStatements,
} from '../../db/repo/cases';
import { inboundRecorded, recordInbound } from '../../db/repo/inbound';
import { listJurisdictions } from '../../db/repo/jurisdictions';
import { findReportByReceipt } from '../../db/repo/reports';
import { caseScope } from '../auth/roles';
import { type AppDeps, bindDeps } from '../deps';
import { newId } from '../ids';
import { type IntakeCtx, newReceipt } from '../intake/index';
import { bilingual, type Catalogue, textOf } from '../messages/index';
import { type OfficerCatalogue, officerText } from '../messages/officer';
import type { Assessment } from '../rules/index';
import { intakeCtxOf } from '../service/intake-service';
import { reporterSmsRow } from '../sms/outbound';
import { officeMessageText, wechatMessageRow } from '../wechat/outbound';
import { type Annex4Data, prefillAnnex4, readAnnex4 } from './annex4';
import { CaseError } from './case-error';
import { followUpSentence } from './follow-ups';
import { annex4DueAt, assessedColumns, fromOfficerAnswers, URGENT_DUE_MS } from './new-report';
import { assessOfficerCase } from './officer-case';
import { type ParsedPhoneReport, phoneReportStatements } from './phone-report';
import { combineAdvice, regionalSuggestion, reportAdvice } from './warning-level';

export const NOTE_MAX = 4000;
export const MESSAGE_MAX = 2000;

type Officer = Pick<Account, 'id' | 'role' | 'jurisdictionId' | 'displayName' | 'phone'>;

/** The officers' operations bound to one host's dependencies, for the console pages and API. */
export function caseActions(deps: AppDeps) {
  const bound = <A extends unknown[], R>(operation: (deps: AppDeps, ...args: A) => R) => bindDeps(deps, operation);
  return {
    load: bound(load),
    view: bound(view),
    claim: bound(claim),
    handOver: bound(handOver),
    addNote: bound(addNote),
    messageReporter: bound(messageReporter),
    close: bound(close),
    markUrgency: bound(markUrgency),
    splitOff: bound(splitOff),
    mergeInto: bound(mergeInto),
    recordPhoneReport: bound(recordPhoneReport),
    annex4: bound(annex4),
    saveAnnex4: bound(saveAnnex4),
    submitAnnex4: bound(submitAnnex4),
    exportAnnex4: bound(exportAnnex4),
    createCase: bound(createCase),
    intakeCtx: bound(intakeCtx),
  };
}

export async function load(deps: AppDeps, officer: Officer, reportId: string): Promise<CaseDetail> {
  const scope = caseScope(officer);
  const found = scope ? await findCase(deps.db, reportId, scope) : undefined;
  if (!found) throw new CaseError('case_not_found');
  return found;
}

const event = (deps: AppDeps, officer: Officer, reportId: string, type: string, data: unknown) =>
  eventStatement(deps.db, { reportId, at: deps.clock(), actorType: 'officer', actorId: officer.id, type, data });

/** Loads a case for display and records the view (who, when, what was seen). */
export async function view(
  deps: AppDeps,
  officer: Officer,
  reportId: string,
  what: 'case' | 'annex4' | 'api',
): Promise<CaseDetail> {
  const found = await load(deps, officer, reportId);
  await event(deps, officer, reportId, 'viewed', { what });
  return found;
}

export async function intakeCtx(deps: AppDeps): Promise<IntakeCtx> {
  return intakeCtxOf(await listJurisdictions(deps.db));
}

/** Runs statements guarded by a form nonce: a double-submitted form changes things once. */
async function once(deps: AppDeps, nonce: string | undefined, statements: BatchItem[]): Promise<'done' | 'repeat'> {
  const now = deps.clock();
  const key = nonce && /^[\w-]{8,64}$/.test(nonce) ? `console:${nonce}` : undefined;
  const guard = key ? [recordInbound(deps.db, key, null, now)] : [];
  const [first, ...rest] = [...guard, ...statements];
  if (!first) return 'done';
  try {
    await deps.db.batch([first, ...rest]);
    return 'done';
  } catch (err) {
    if (key && (await inboundRecorded(deps.db, key))) return 'repeat';
    throw err;
  }
}

export async function claim(deps: AppDeps, officer: Officer, reportId: string): Promise<void> {
  const { report } = await load(deps, officer, reportId);
  if (report.status === 'closed') throw new CaseError('case_closed');
  const results = await deps.db.batch(
    claimStatements(deps.db, reportId, officer.id, deps.clock()) as [BatchItem, BatchItem],
  );
  if (rowsChanged(results[0]) === 0) throw new CaseError('claim_conflict');
}

export async function handOver(
  deps: AppDeps,
  officer: Officer,
  reportId: string,
  expected: string | null,
  to: string,
  note: string,
) {
  const { report } = await load(deps, officer, reportId);
  if (report.status === 'closed') throw new CaseError('case_closed');
  const target = (await handoverCandidates(deps.db, report.jurisdictionId)).find((o) => o.id === to);
  if (!target) throw new CaseError('invalid', bilingual('errorDetails', 'handoverOfficer'));
  const results = await deps.db.batch(
    handOverStatements(deps.db, {
      reportId,
      expectedClaimant: expected,
      to,
      toName: target.displayName,
      by: officer.id,
      note: note.trim().slice(0, NOTE_MAX),
      now: deps.clock(),
    }) as [BatchItem, BatchItem],
  );
  if (rowsChanged(results[0]) === 0) throw new CaseError('claim_conflict');
}

export async function addNote(deps: AppDeps, officer: Officer, reportId: string, text: string, nonce?: string) {
  await load(deps, officer, reportId);
  const clean = requireText(text, NOTE_MAX, 'note');
  await once(deps, nonce, [event(deps, officer, reportId, 'note', { text: clean })]);
}

/**
 * A message to the reporter: always a 'message_out' event (the status page shows it); for a Telegram
 * reporter also an outbox row the dispatcher sends to their chat. True when that row was written.
 */
export async function messageReporter(deps: AppDeps, officer: Officer, reportId: string, text: string, nonce?: string) {
  const { report } = await load(deps, officer, reportId);
  const clean = requireText(text, MESSAGE_MAX, 'message');
  const now = deps.clock();
  const chat = report.reporterChat?.startsWith('tg:') ? report.reporterChat.slice(3) : undefined;
  const openid = report.reporterChat?.startsWith('wx:') ? report.reporterChat.slice(3) : undefined;
  const outboxId = newId('o', now, deps.random);
  const wechat = openid
    ? wechatMessageRow(deps.db, {
        id: outboxId,
        openid,
        text: officeMessageText(report.receipt, clean),
        reportId,
        dedupeKey: `wechat_message:${outboxId}`,
        now,
      })
    : undefined;
  // A reporter without a chat (web, form, widget, phone) gets an SMS pointing to /status (at most one an hour).
  const sms = reporterSmsRow(deps, report, 'message', now);
  const written = await once(deps, nonce, [
    ...reporterMessageStatements(deps.db, {
      reportId,
      officerId: officer.id,
      text: clean,
      by: officer.displayName,
      now,
      ...(chat ? { telegram: { outboxId, chatId: chat } } : {}),
      ...(wechat ? { wechat } : {}),
    }),
    ...(sms ? [sms] : []),
  ]);
  return written === 'done' && (chat !== undefined || openid !== undefined || sms !== undefined);
}

/**
 * 销号 needs the Annex 4 filed; before that only the city office may close, its reason being the approval.
 * A follow-up (续报) is closed with its case, not on its own. A reporter without a chat is told by SMS
 * (receipt + /status): true when that outbox row was written.
 */
export async function close(deps: AppDeps, officer: Officer, reportId: string, reason: string): Promise<boolean> {
  const { report } = await load(deps, officer, reportId);
  if (report.status === 'closed') throw new CaseError('case_closed');
  if (report.caseId) throw new CaseError('not_an_open_case');
  const cityApproval = report.status !== 'annex4_submitted';
  if (cityApproval && officer.role !== 'city_officer') throw new CaseError('close_needs_annex4');
  const text = requireText(reason, NOTE_MAX, 'closeReason');
  const now = deps.clock();
  const sms = reporterSmsRow(deps, report, 'closed', now);
  const results = await deps.db.batch([
    ...(closeStatements(deps.db, reportId, officer.id, text, now, cityApproval) as [BatchItem, BatchItem]),
    ...(sms ? [sms] : []),
  ]);
  if (rowsChanged(results[0]) === 0) throw new CaseError('state_conflict');
  return sms !== undefined;
}

/**
 * The officer's judgement of urgency over the rules' (SPEC "Triage"): marked urgent, Annex 4 is due within
 * the urgent hour from now (never later than it already was); marked not urgent, the ordinary 24 hours from
 * the report (never earlier). The district and the city office are told; the reason is on the timeline.
 */
export async function markUrgency(
  deps: AppDeps,
  officer: Officer,
  reportId: string,
  urgent: boolean,
  reason: string,
): Promise<void> {
  const { report } = await load(deps, officer, reportId);
  if (report.status === 'closed') throw new CaseError('case_closed');
  if (report.caseId) throw new CaseError('not_an_open_case');
  const to = urgent ? 'immediate' : 'within_24h';
  if (report.urgency === to) {
    throw new CaseError('invalid', bilingual('errorDetails', urgent ? 'alreadyUrgent' : 'alreadyNotUrgent'));
  }
  const why = requireText(reason, NOTE_MAX, 'markReason');
  const now = deps.clock();
  const due = report.annex4DueAt.getTime();
  const dueAt = urgent
    ? new Date(Math.min(due, now.getTime() + URGENT_DUE_MS))
    : new Date(Math.max(due, annex4DueAt(report.submittedAt, 'within_24h', deps.config).getTime()));
  const results = await deps.db.batch(
    urgencyStatements(deps.db, {
      reportId,
      from: report.urgency,
      to,
      dueAt,
      officerId: officer.id,
      reason: why,
      outboxId: newId('o', now, deps.random),
      now,
    }) as [BatchItem, ...BatchItem[]],
  );
  if (rowsChanged(results[0]) === 0) throw new CaseError('state_conflict');
}

/** A follow-up (续报) that is really another incident becomes a case of its own, with the reason. */
export async function splitOff(deps: AppDeps, officer: Officer, reportId: string, reason: string) {
  const { report } = await load(deps, officer, reportId);
  if (!report.caseId) throw new CaseError('not_a_follow_up');
  const now = deps.clock();
  const [first, ...rest] = splitStatements(deps.db, {
    followUp: report,
    officerId: officer.id,
    reason: requireText(reason, NOTE_MAX, 'splitReason'),
    dueAt: annex4DueAt(now, report.urgency, deps.config),
    now,
  });
  if (first) await deps.db.batch([first, ...rest]);
}

/** Two cases about one incident: this case (and its follow-ups) joins the case with `intoReceipt`. */
export async function mergeInto(
  deps: AppDeps,
  officer: Officer,
  reportId: string,
  intoReceipt: string,
  reason: string,
) {
  const { report: from } = await load(deps, officer, reportId);
  const why = requireText(reason, NOTE_MAX, 'mergeReason');
  const into = await findReportByReceipt(deps.db, intoReceipt.trim().toUpperCase());
  const scope = caseScope(officer);
  const visible = into && scope && (scope.jurisdictionId === null || scope.jurisdictionId === into.jurisdictionId);
  if (!into || !visible || into.caseId !== null || into.status === 'closed' || into.id === from.id) {
    throw new CaseError('invalid', bilingual('errorDetails', 'mergeTarget'));
  }
  if (from.caseId !== null || from.status === 'closed') throw new CaseError('not_an_open_case');
  const [first, ...rest] = mergeStatements(deps.db, {
    from,
    into,
    officerId: officer.id,
    reason: why,
    now: deps.clock(),
  });
  if (first) await deps.db.batch([first, ...rest]);
  return into.id;
}

/** The stored Annex 4, or a fresh prefill from the report, with whether it was already submitted. */
export async function annex4(
  deps: AppDeps,
  officer: Officer,
  found: CaseDetail,
): Promise<{ data: Annex4Data; submitted: boolean; saved: boolean; submittedAt: Date | null }> {
  const stored = await findAnnex4(deps.db, found.report.id);
  const data = stored ? readAnnex4(stored.data) : undefined;
  if (stored && data) {
    return { data, submitted: stored.status === 'submitted', saved: true, submittedAt: stored.submittedAt };
  }
  const now = deps.clock();
  const regional = await regionalSuggestion(deps.db, now, found.report.jurisdictionId);
  const advice = combineAdvice(reportAdvice(found.report), regional, found.jurisdiction?.nameZh ?? '本辖区');
  return {
    data: prefillAnnex4({
      report: found.report,
      jurisdiction: found.jurisdiction,
      officer,
      advice,
      ctx: await intakeCtx(deps),
      now,
    }),
    submitted: false,
    saved: false,
    submittedAt: null,
  };
}

export async function saveAnnex4(deps: AppDeps, officer: Officer, reportId: string, data: Annex4Data) {
  await load(deps, officer, reportId);
  const results = await deps.db.batch(
    saveAnnex4DraftStatements(deps.db, reportId, data, officer.id, deps.clock()) as [BatchItem, BatchItem],
  );
  if (rowsChanged(results[0]) === 0) throw new CaseError('annex4_submitted_already');
}

export async function submitAnnex4(deps: AppDeps, officer: Officer, reportId: string, data: Annex4Data) {
  const { report } = await load(deps, officer, reportId);
  if (report.status === 'closed') throw new CaseError('case_closed');
  const now = deps.clock();
  const results = await deps.db.batch(
    submitAnnex4Statements(deps.db, {
      reportId,
      data,
      officerId: officer.id,
      outboxId: newId('o', now, deps.random),
      now,
    }) as [BatchItem, ...BatchItem[]],
  );
  if (rowsChanged(results[0]) === 0) throw new CaseError('annex4_submitted_already');
}

/** The DOCX of the saved (or prefilled) form; the export is an audit event. */
export async function exportAnnex4(
  deps: AppDeps,
  officer: Officer,
  reportId: string,
): Promise<{ bytes: Uint8Array; receipt: string }> {
  const found = await load(deps, officer, reportId);
  const [{ data, submittedAt }, followUps] = await Promise.all([
    annex4(deps, officer, found),
    followUpsOf(deps.db, reportId),
  ]);
  const lines = followUps.map((f) => followUpSentence(f, submittedAt));
  // docx is a quarter of the worker bundle and only this export needs it: a dynamic import keeps it out of
  // start-up (the bundler wraps it to be evaluated on the first export, not when the isolate starts).
  const { annex4Docx } = await import('./annex4-docx');
  const bytes = await annex4Docx(data, lines);
  await event(deps, officer, reportId, 'exported', { what: 'annex4_docx' });
  return { bytes, receipt: found.report.receipt };
}

export async function createCase(
  deps: AppDeps,
  officer: Officer,
  answers: Record<string, unknown>,
  origin: CaseOrigin,
  nonce?: string,
): Promise<string | undefined> {
  const { unreported } = origin;
  const fromEmployer = origin.source === 'phone' || origin.source === 'wechat';
  const scope = caseScope(officer);
  const district = String(answers.district ?? '');
  if (!scope || (scope.jurisdictionId !== null && scope.jurisdictionId !== district))
    throw new CaseError('not_allowed');
  const now = deps.clock();
  // A phoned or written report is the employer's: its lateness runs to when the employer called.
  const assessment = assessOfficerCase(answers, origin.employerReportedAt ?? now);
  const typed = fromOfficerAnswers(answers, now);
  const employerId = typed.employer.id;
  const reportId = newId('r', now, deps.random);
  const result = await once(
    deps,
    nonce,
    officerCaseStatements(deps.db, {
      officerId: officer.id,
      employer: typed.employer,
      report: {
        ...typed.report,
        id: reportId,
        receipt: newReceipt(now, deps.random),
        channel: 'officer',
        ...assessedColumns(assessment),
        source: origin.source,
        employerReportedAt: origin.employerReportedAt,
        // Lateness is the employer's delay in reporting (a suggestion); a case the employer never reported is
        // 'unreported', which only the officer's word makes it.
        ...(fromEmployer ? {} : { late: false, lateHours: null }),
        unreported,
        submittedAt: now,
        annex4DueAt: annex4DueAt(now, assessment.urgency.level, deps.config),
      },
      accountability: accountabilityOf(origin, assessment, { reportId, employerId, officerId: officer.id, now }),
      // Urgent cases alert the district and the city office like any urgent report (fan-out on urgency).
      ...(assessment.urgency.level === 'immediate' ? { outboxId: newId('o', now, deps.random) } : {}),
    }),
  );
  return result === 'done' ? reportId : undefined;
}

/** A report an employer phoned in, typed in by the officer; undefined when the same form was posted before. */
export async function recordPhoneReport(
  deps: AppDeps,
  officer: Officer,
  parsed: ParsedPhoneReport,
  nonce?: string,
): Promise<string | undefined> {
  const scope = caseScope(officer);
  const district = String(parsed.answers.district ?? '');
  if (!scope || (scope.jurisdictionId !== null && scope.jurisdictionId !== district))
    throw new CaseError('not_allowed');
  const built = phoneReportStatements(deps, officer, parsed);
  return (await once(deps, nonce, built.statements)) === 'done' ? built.reportId : undefined;
}

export type CaseActions = ReturnType<typeof caseActions>;

/** Where an officer-entered case came from (seed §4(4), §8) and what the officer says about reporting. */
export interface CaseOrigin {
  source: 'phone' | 'wechat' | 'visit' | 'opinion' | 'referral';
  /** When the employer phoned or wrote (电话 / 微信): the employer's own report. */
  employerReportedAt: Date | null;
  /** 漏报: the officer says the employer did not report it (never for a call or message from the employer). */
  unreported: boolean;
}

/** 漏报 as the officer's confirmed word; 迟报 as a suggestion to confirm or dismiss on the case page. */
function accountabilityOf(
  origin: CaseOrigin,
  assessment: Assessment,
  ids: { reportId: string; employerId: string; officerId: string; now: Date },
): NewAccountabilityEntry[] {
  const base = { caseId: ids.reportId, employerId: ids.employerId, createdAt: ids.now };
  if (origin.unreported) {
    return [
      {
        ...base,
        id: `ae_unreported_${ids.reportId}`,
        kind: 'unreported',
        status: 'confirmed',
        reason: ENTRY.unreportedAtEntry(SOURCE_ZH[origin.source]),
        decidedBy: ids.officerId,
        decidedAt: ids.now,
      },
    ];
  }
  // Lateness is the employer's delay: only a call or message from the employer can be late.
  const fromEmployer = origin.source === 'phone' || origin.source === 'wechat';
  if (fromEmployer && assessment.late.isLate && assessment.late.reason) {
    return [
      { ...base, id: `ae_late_${ids.reportId}`, kind: 'late', status: 'suggested', reason: assessment.late.reason.zh },
    ];
  }
  return [];
}

/** The entry's wording: Chinese, as it is stored with the accountability entry. */
const ENTRY = officerText('caseEntry');
export const SOURCE_ZH: Record<CaseOrigin['source'], string> = ENTRY.sources;

type OfficerTextName = keyof OfficerCatalogue['caseEntry']['texts'];

/** An officer's text, trimmed; refused empty or over `max`, naming the field in each locale. */
function requireText(text: string, max: number, what: OfficerTextName): string {
  const clean = text.replace(/\r\n/g, '\n').trim();
  const refuse = (say: (messages: Catalogue['errorDetails'], name: string) => string) =>
    new CaseError('invalid', {
      zh: say(textOf('errorDetails', 'zh'), officerText('caseEntry', 'zh').texts[what]),
      en: say(textOf('errorDetails', 'en'), officerText('caseEntry', 'en').texts[what]),
    });
  if (!clean) throw refuse((t, name) => t.textEmpty(name));
  if (clean.length > max) throw refuse((t, name) => t.textTooLong(name, max));
  return clean;
}
