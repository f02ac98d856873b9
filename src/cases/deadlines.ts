// Annex 4 deadlines (seed §8: within 24 h of the report, at once for urgent ones). Each tick writes, per open
// case, a reminder when two hours are left and an escalation to the city office when the time has passed —
// each exactly once, however often and on however many instances the tick runs: the outbox row's dedupe key
// is unique and its event is written only by the statement that inserted the row (db/repo/cases.ts).
import { deadlineCandidates, deadlineNoticeStatements, rowsChanged } from '../../db/repo/cases';
import type { AppDeps } from '../deps';
import { newId } from '../ids';

export const REMINDER_LEAD_MS = 2 * 3_600_000;
/** Enough for a busy minute; the rest are picked up by the next tick. */
const BATCH = 200;

export interface DeadlineRun {
  reminders: number;
  escalations: number;
}

export async function runAnnex4Deadlines(deps: Pick<AppDeps, 'db' | 'clock' | 'random'>): Promise<DeadlineRun> {
  const { db, random } = deps;
  const now = deps.clock();
  const due = await deadlineCandidates(db, now, REMINDER_LEAD_MS, BATCH);
  const statements = due.flatMap((r) => {
    // Past the deadline only the escalation is written: a reminder then would say something false.
    const kind = r.annex4DueAt.getTime() <= now.getTime() ? 'annex4_escalation' : 'annex4_reminder';
    return deadlineNoticeStatements(db, {
      kind,
      reportId: r.id,
      dueAt: r.annex4DueAt,
      outboxId: newId('o', now, random),
      now,
    });
  });
  const [first, ...rest] = statements;
  if (!first) return { reminders: 0, escalations: 0 };
  const results = await db.batch([first, ...rest]);
  // Every second statement is an event insert; it changed a row only when its outbox row was new.
  let reminders = 0;
  let escalations = 0;
  due.forEach((r, i) => {
    if (rowsChanged(results[i * 2 + 1]) === 0) return;
    if (r.annex4DueAt.getTime() <= now.getTime()) escalations++;
    else reminders++;
  });
  return { reminders, escalations };
}
