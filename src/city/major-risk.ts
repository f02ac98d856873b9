// 重大风险 cases (seed §4(2)): marking a case for the special ledger, and the tick's follow-up reminders
// every MAJOR_FOLLOW_UP_DAYS days (team default 7, editable per case) until the case is closed.

import type { Account } from '../../db/repo/accounts';
import { findCase } from '../../db/repo/cases';
import { dueFollowUps, followUpStatements, markMajorStatements } from '../../db/repo/major-risks';
import { caseScope } from '../auth/roles';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/errors';
import { newId } from '../ids';
import { bilingual } from '../messages/index';

/** Team default: a major-risk case is followed up every 7 days. */
export const MAJOR_FOLLOW_UP_DAYS = 7;

export async function markMajorRisk(
  deps: AppDeps,
  officer: Pick<Account, 'id' | 'role' | 'jurisdictionId'>,
  reportId: string,
  input: { trackerName: string; trackerPhone: string; note: string; intervalDays: string },
): Promise<void> {
  const scope = caseScope(officer);
  const found = scope ? await findCase(deps.db, reportId, scope) : undefined;
  if (!found) throw new ApiError(404, 'case_not_found');
  const trackerName = input.trackerName.trim().slice(0, 50);
  const days = input.intervalDays.trim() === '' ? MAJOR_FOLLOW_UP_DAYS : Number(input.intervalDays);
  if (!trackerName || !Number.isInteger(days) || days < 1 || days > 90) {
    throw new ApiError(400, 'validation', bilingual('errorDetails', 'majorRiskTracking'));
  }
  const now = deps.clock();
  const [first, ...rest] = markMajorStatements(deps.db, {
    reportId,
    trackerName,
    trackerPhone: input.trackerPhone.trim().slice(0, 30) || null,
    note: input.note.trim().slice(0, 2000) || null,
    officerId: officer.id,
    intervalDays: days,
    now,
  });
  if (first) await deps.db.batch([first, ...rest]);
}

/** The tick's step: one reminder per due major-risk case, each once. */
export async function runMajorFollowUps(deps: Pick<AppDeps, 'db' | 'clock' | 'random'>): Promise<number> {
  const now = deps.clock();
  const due = await dueFollowUps(deps.db, now, 200);
  const statements = due.flatMap((d) =>
    followUpStatements(deps.db, { ...d, outboxId: newId('o', now, deps.random), now }),
  );
  const [first, ...rest] = statements;
  if (!first) return 0;
  await deps.db.batch([first, ...rest]);
  return due.length;
}
