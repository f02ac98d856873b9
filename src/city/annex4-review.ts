// The city office's answer to a submitted Annex 4 (seed §8): 签收 (accepted, with an optional note) or 退回补充
// (returned, with the reason the district reads and fills in). Only city officers answer; only a form that is
// submitted and not yet answered changes, once.

import type { Account } from '../../db/repo/accounts';
import { findAnnex4, findCase, reviewAnnex4Statements, rowsChanged } from '../../db/repo/cases';
import { can, caseScope } from '../auth/roles';
import { CaseError } from '../cases/case-error';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { bilingual } from '../messages/index';

export const REVIEW_NOTE_MAX = 2000;

export async function reviewAnnex4(
  deps: AppDeps,
  officer: Pick<Account, 'id' | 'role' | 'jurisdictionId'>,
  reportId: string,
  decision: 'accepted' | 'returned',
  note: string,
): Promise<void> {
  const scope = caseScope(officer);
  const found = scope ? await findCase(deps.db, reportId, scope) : undefined;
  if (!found) throw new CaseError('case_not_found');
  if (!can(officer, 'all_jurisdictions')) throw new CaseError('not_allowed');
  const text = note.trim().slice(0, REVIEW_NOTE_MAX);
  if (decision === 'returned' && !text) {
    throw new CaseError('invalid', bilingual('errorDetails', 'returnNeedsReason'));
  }
  const stored = await findAnnex4(deps.db, reportId);
  const notYet = new CaseError('state_conflict', bilingual('errorDetails', 'annex4NotAwaitingReview'));
  if (stored?.status !== 'submitted') throw notYet;
  const now = deps.clock();
  const [first, ...rest] = reviewAnnex4Statements(deps.db, {
    reportId,
    decision,
    note: text,
    officerId: officer.id,
    outboxId: newId('o', now, deps.random),
    now,
  });
  if (!first) return;
  const results = await deps.db.batch([first, ...rest]);
  if (rowsChanged(results[0]) === 0) throw notYet;
}
