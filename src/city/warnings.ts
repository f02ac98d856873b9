// Deciding, issuing and lifting the regional warning (seed §3, §9). One action, from the page or the JSON API:
// - issue a level-1 warning: the decision, its audit event and one outbox notice per channel of every district
//   and of the city's 上级/同级 recipients, in one batch; the banner shows it from then on;
// - level 2 or 3: the city cannot issue it — the action records the request to the province (提请), whose
//   DOCX carries the figures and reasons, and the officer later records when and to whom it went;
// - lift (level 0 with issue): notices as for issuing, the banner then says no warning is in force;
// - without issue: the decision is recorded only.

import type { Account } from '../../db/repo/accounts';
import { eventStatement, insertWarningDecision } from '../../db/repo/cases';
import { warningAudience } from '../../db/repo/channels';
import { insertOnce, OUTBOX_PRIORITY } from '../../db/repo/outbox';
import { currentWarning, type WarningAction } from '../../db/repo/warnings';
import { can } from '../auth/roles';
import { CaseError } from '../cases/case-error';
import { regionalSuggestion } from '../cases/warning-level';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { bilingual } from '../messages/index';
import { type OfficerCatalogue, officerBoth } from '../messages/officer';
import { WARNING_NOTICE_KIND, type WarningPayload } from '../notify/warning-notice';

export interface WarningInput {
  level: number;
  reason: string;
  issue: boolean;
}

export interface WarningOutcome {
  id: string;
  action: WarningAction;
  level: number;
  /** Notices queued in the outbox. */
  notices: number;
}

const REASON_MAX = 4000;
const invalid = (say: (messages: OfficerCatalogue['warningDecision']) => string) =>
  new CaseError('invalid', officerBoth('warningDecision', say));

function actionFor(level: number, issue: boolean): WarningAction {
  if (!issue) return 'recorded';
  if (level === 0) return 'lifted';
  return level === 1 ? 'issued' : 'requested';
}

export async function decideWarning(deps: AppDeps, account: Account, input: WarningInput): Promise<WarningOutcome> {
  if (!can(account, 'decide_level')) throw new CaseError('not_allowed');
  const reason = input.reason.trim();
  if (!Number.isInteger(input.level) || input.level < 0 || input.level > 3) {
    throw invalid((t) => t.chooseLevel);
  }
  if (!reason) throw invalid((t) => t.reasonMissing);
  if (reason.length > REASON_MAX) throw invalid((t) => t.reasonTooLong(REASON_MAX));
  const action = actionFor(input.level, input.issue);
  const now = deps.clock();
  const [suggestion, current] = await Promise.all([regionalSuggestion(deps.db, now), currentWarning(deps.db)]);
  const inForce = current && current.action !== 'lifted' ? current : undefined;
  if (action === 'lifted' && !inForce) {
    throw new CaseError('state_conflict', bilingual('errorDetails', 'noWarningToLift'));
  }
  // A lift names the level it ends, so notices and the record say which warning was lifted.
  const level = action === 'lifted' && inForce ? inForce.level : input.level;
  const id = newId('w', now, deps.random);
  const channels = action === 'issued' || action === 'lifted' ? await warningAudience(deps.db) : [];
  const payload: WarningPayload = {
    decisionId: id,
    action: action === 'lifted' ? 'lifted' : 'issued',
    level,
    reason,
    at: now.toISOString(),
  };
  const notices = channels.map((ch) =>
    insertOnce(deps.db, {
      id: newId('o', now, deps.random),
      kind: WARNING_NOTICE_KIND,
      reportId: null,
      channelId: ch.id,
      payload,
      dedupeKey: `warning:${id}:${ch.id}`,
      // A warning issued (or lifted) goes ahead of routine notices, like an urgent report's.
      priority: OUTBOX_PRIORITY.urgent,
      at: now,
    }),
  );
  await deps.db.batch([
    insertWarningDecision(deps.db, {
      id,
      suggestedLevel: suggestion.level,
      decidedLevel: level,
      reasons: { reasons: suggestion.reasons, metrics: suggestion.metrics, rulesetVersion: suggestion.rulesetVersion },
      note: reason,
      decidedBy: account.id,
      decidedAt: now,
      action,
      recipients: channels.map((ch) => ({
        channelId: ch.id,
        name: ch.name,
        recipient: ch.jurisdictionId ?? ch.recipient,
      })),
    }),
    eventStatement(deps.db, {
      reportId: null,
      at: now,
      actorType: 'officer',
      actorId: account.id,
      type: action === 'recorded' ? 'warning_decided' : `warning_${action}`,
      data: { decisionId: id, suggestedLevel: suggestion.level, decidedLevel: level, notices: channels.length },
    }),
    ...notices,
  ]);
  return { id, action, level, notices: channels.length };
}
