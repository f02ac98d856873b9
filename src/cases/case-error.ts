// What the officers' workflow refuses, as typed values: the service says what went wrong, and
// src/http/errors.ts (the one place that knows HTTP) maps each code to a status and a message
// (ARCHITECTURE.md § Errors have one path).

export type CaseErrorCode =
  /** Not there, or outside the officer's scope: one answer, so a case's existence is not revealed. */
  | 'case_not_found'
  | 'case_closed'
  /** Someone else claimed or handed the case over first. */
  | 'claim_conflict'
  | 'annex4_submitted_already'
  /** The officer may not act here (a new case outside their jurisdiction). */
  | 'not_allowed'
  /** Input the officer must correct; `detail` says what, in both languages. */
  | 'invalid'
  /** Not possible in the current state (e.g. lifting a warning when none is in force); `detail` says why. */
  | 'state_conflict'
  /** 销号 before Annex 4 by anyone but the city office (seed: the 24-hour duty must not end silently). */
  | 'close_needs_annex4'
  /** Splitting off a report that is not a follow-up (续报). */
  | 'not_a_follow_up'
  /** Merging or closing something that is not an open case (a follow-up, or closed). */
  | 'not_an_open_case';

export class CaseError extends Error {
  constructor(
    readonly code: CaseErrorCode,
    readonly detail?: { zh: string; en: string },
  ) {
    super(code);
  }
}
