// Annex 4 deadlines (seed §8: within 24 h of the report, at once for urgent ones). Each tick writes, per open
// case, a reminder at the latest useful moment before the deadline and an escalation to the city office when
// the time has passed — each exactly once per deadline, however often and on however many instances the tick
// runs: the outbox row's dedupe key is unique and its event is written only by the statement that inserted
// the row (db/repo/cases.ts).

import type { BatchItem } from '../../db/client';
import { type DeadlineCandidate, deadlineCandidates, deadlineNoticeStatements, rowsChanged } from '../../db/repo/cases';
import type { Config } from '../config';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { URGENT_DUE_MS } from './new-report';

const HOUR = 3_600_000;
/** The reminder of a day-long deadline: two hours before, time enough to gather Annex 4's facts. */
export const REMINDER_LEAD_MS = 2 * HOUR;
/**
 * Team default (the seed gives no number): a deadline shorter than this is "short" — an urgent case's hour,
 * or a short ANNEX4_DUE_HOURS — and is reminded ANNEX4_SHORT_REMINDER_MINUTES before it, not at once.
 */
export const SHORT_DEADLINE_MS = 3 * HOUR;
/** Enough for a busy minute; the rest are picked up by the next tick. */
const BATCH = 200;

/**
 * How long before the deadline the reminder comes. A deadline's length is counted from the report, or for an
 * urgent case from when it became urgent (its deadline is then at most an hour away).
 */
export function reminderLeadMs(
  c: Pick<DeadlineCandidate, 'annex4DueAt' | 'submittedAt' | 'urgency'>,
  config: Pick<Config, 'ANNEX4_SHORT_REMINDER_MINUTES'>,
): number {
  const length =
    c.urgency === 'immediate'
      ? Math.min(URGENT_DUE_MS, c.annex4DueAt.getTime() - c.submittedAt.getTime())
      : c.annex4DueAt.getTime() - c.submittedAt.getTime();
  return length < SHORT_DEADLINE_MS ? config.ANNEX4_SHORT_REMINDER_MINUTES * 60_000 : REMINDER_LEAD_MS;
}

export interface DeadlineRun {
  reminders: number;
  escalations: number;
}

export async function runAnnex4Deadlines(
  deps: Pick<AppDeps, 'db' | 'clock' | 'random'> & { config: Pick<Config, 'ANNEX4_SHORT_REMINDER_MINUTES'> },
): Promise<DeadlineRun> {
  const { db, random } = deps;
  const now = deps.clock();
  const longestLead = Math.max(REMINDER_LEAD_MS, deps.config.ANNEX4_SHORT_REMINDER_MINUTES * 60_000);
  const candidates = await deadlineCandidates(db, now, longestLead, BATCH);
  // Past the deadline only the escalation is written: a reminder then would say something false.
  const due = candidates.flatMap((r): { r: DeadlineCandidate; kind: 'annex4_reminder' | 'annex4_escalation' }[] => {
    if (r.annex4DueAt.getTime() <= now.getTime()) return [{ r, kind: 'annex4_escalation' }];
    const remindAt = r.annex4DueAt.getTime() - reminderLeadMs(r, deps.config);
    return !r.reminded && remindAt <= now.getTime() ? [{ r, kind: 'annex4_reminder' }] : [];
  });
  const statements: BatchItem[] = due.flatMap(({ r, kind }) =>
    deadlineNoticeStatements(db, {
      kind,
      reportId: r.id,
      dueAt: r.annex4DueAt,
      outboxId: newId('o', now, random),
      now,
    }),
  );
  const [first, ...rest] = statements;
  if (!first) return { reminders: 0, escalations: 0 };
  const results = await db.batch([first, ...rest]);
  // Every second statement is an event insert; it changed a row only when its outbox row was new.
  let reminders = 0;
  let escalations = 0;
  due.forEach(({ kind }, i) => {
    if (rowsChanged(results[i * 2 + 1]) === 0) return;
    if (kind === 'annex4_escalation') escalations++;
    else reminders++;
  });
  return { reminders, escalations };
}
