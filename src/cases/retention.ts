// Retention of reporters' personal data (issue 14): RETENTION_YEARS after a case is closed (销号), the tick
// removes the reporter's name, phone, chat id and the words exchanged with them from the case and its
// follow-ups, compacts the officers' view events, and records a 'retention_applied' event on the case.
// What stays is what statistics, the ledger and the accountability register need: the employer, the
// monitoring items, the assessment, the dates, the Annex 4 form and the officers' own actions.
// The seed gives no period: 3 years after closing is a team default (RETENTION_YEARS).
import { anonymiseStatements, casesPastRetention, reportsOfCase } from '../../db/repo/retention';
import type { AppDeps } from '../deps';
import { FIELDS } from '../intake/index';

/** Cases handled per run; the rest wait for the next tick (each case is one batch). */
const BATCH = 50;

/** The answers that are the reporter's own details. */
const REPORTER_ANSWERS = FIELDS.filter((f) => f.section === 'reporter').map((f) => f.id);

/** The closing time before which a case's personal data goes: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export interface RetentionRun {
  /** Cases whose personal data was removed in this run. */
  cases: number;
  /** Reports touched (cases and their follow-ups). */
  reports: number;
}

export async function applyRetention(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): Promise<RetentionRun> {
  const now = deps.clock();
  const years = deps.config.RETENTION_YEARS;
  const due = await casesPastRetention(deps.db, retentionCutoff(now, years), BATCH);
  let reports = 0;
  for (const found of due) {
    const reportIds = await reportsOfCase(deps.db, found.id);
    const [first, ...rest] = anonymiseStatements(deps.db, {
      caseId: found.id,
      reportIds,
      answerKeys: REPORTER_ANSWERS,
      now,
      record: {
        retentionYears: years,
        closedAt: found.closedAt.toISOString(),
        reports: reportIds.length,
        removed: ['reporter_name', 'reporter_phone', 'reporter_chat', 'caller_phone', 'message_text', 'views'],
      },
    });
    if (first) await deps.db.batch([first, ...rest]);
    reports += reportIds.length;
  }
  return { cases: due.length, reports };
}
