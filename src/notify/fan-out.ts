// Notices to officers' channels. A source row — a submitted report, an Annex 4 reminder or escalation from
// the tick, an Annex 4 submitted from the console — becomes one 'report_alert' row per channel of its
// audience (FAN_OUTS). The new rows and the source row's "sent" are one batch, and dedupe keys make a
// repeated fan-out add nothing. A report's urgency gives its notices their queue priority, and reporters'
// messages on one case are coalesced (see coalesce.ts).
import type { BatchItem } from '../../db/client';
import { type Audience, audienceChannels } from '../../db/repo/channels';
import {
  insertOnce,
  markSent,
  markSkipped,
  OUTBOX_PRIORITY,
  type OutboxRow,
  priorityOfUrgency,
} from '../../db/repo/outbox';
import { findReport, type ReportRow } from '../../db/repo/reports';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import * as z from '../zod';
import { coalesceReplies } from './coalesce';
import type { Failure } from './outcome';
import { NOTICES, type Notice } from './types';

export const ALERT_KIND = 'report_alert';

interface FanOutRule {
  /** What the per-channel message says (its first line; see buildAlert). */
  notice: Notice;
  audience: (report: ReportRow) => Audience;
}

/** Source kind → who hears of it and what they are told. */
const FAN_OUTS = {
  // Urgent reports also go to the city office at once (issue 8).
  report_submitted: {
    notice: 'report_alert',
    audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: r.urgency === 'immediate' }),
  },
  annex4_reminder: { notice: 'annex4_reminder', audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: false }) },
  // A missed deadline is escalated to the city office, and the district hears of it too.
  annex4_escalation: {
    notice: 'annex4_escalation',
    audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: true }),
  },
  annex4_submitted: { notice: 'annex4_submitted', audience: () => ({ jurisdictionId: null, city: true }) },
  // The city office returned Annex 4 for more (退回补充): the district fills it in again.
  annex4_returned: { notice: 'annex4_returned', audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: false }) },
  // 重大风险 special ledger: the regular follow-up reminder to the district, copied to the city office.
  major_risk_followup: {
    notice: 'major_risk_followup',
    audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: true }),
  },
  // An officer marked the case urgent or not urgent: the district and the city office hear of it.
  urgency_marked: { notice: 'urgency_marked', audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: true }) },
  // The reporter answered: the district hears that there is a message (its words stay in the console).
  reporter_replied: {
    notice: 'reporter_replied',
    audience: (r) => ({ jurisdictionId: r.jurisdictionId, city: false }),
  },
} as const satisfies Record<string, FanOutRule>;

export type FanOutKind = keyof typeof FAN_OUTS;
// A deadline notice's source row is one per case and deadline (an officer may move the deadline), so its
// per-channel rows are keyed by the source row too.
const REPEATING: ReadonlySet<string> = new Set([
  'reporter_replied',
  'urgency_marked',
  'annex4_returned',
  'major_risk_followup',
  'annex4_reminder',
  'annex4_escalation',
]);
export const FAN_OUT_KINDS = Object.keys(FAN_OUTS) as FanOutKind[];

export function isFanOutKind(kind: string): kind is FanOutKind {
  return Object.hasOwn(FAN_OUTS, kind);
}

const OPEN_STATUSES: readonly ReportRow['status'][] = ['new', 'claimed'];

/**
 * Stale: a deadline notice ("Annex 4 due soon", "Annex 4 overdue, not filed") about a case that was filed
 * or closed before the notice went out would say something false, so it is marked sent without being sent
 * — at fan-out, and again for each channel's row at send time (the case may change between the two).
 */
export function isStale(notice: Notice, report: Pick<ReportRow, 'status'>): boolean {
  return isDeadlineNotice(notice) && !OPEN_STATUSES.includes(report.status);
}

const isDeadlineNotice = (notice: Notice) => notice === 'annex4_reminder' || notice === 'annex4_escalation';

/** The row's last_error for a stale notice: why it was not sent. */
export const staleNote = (report: Pick<ReportRow, 'status'>) => `stale: case is ${report.status}, not sent`;

const sourcePayloadSchema = z.object({
  reportId: z.string().check(z.minLength(1)),
  /** A deadline notice: the deadline it is about (the case's may have moved since). */
  dueAt: z.optional(z.string()),
});
/** A per-channel row's payload; rows written before notices existed have none and are alerts. */
export const alertPayloadSchema = z.object({
  notice: z._default(z.enum(NOTICES), 'report_alert'),
  /** A coalesced notice: how many reporter messages it stands for. */
  count: z.optional(z.number()),
});

/**
 * `skipped`: a stale notice, done without creating anything. `waitUntil`: not yet (a reporter's message
 * inside the coalescing window of the last notice), the row is handed back for then — not an attempt.
 */
export type FanOutOutcome =
  | { ok: true; created: number; skipped?: boolean; merged?: string[] }
  | { ok: true; created: 0; waitUntil: Date }
  | { ok: false; failure: Failure };

function describeAudience(a: Audience): string {
  const city = 'the city office';
  if (a.jurisdictionId === null) return city;
  return a.city ? `jurisdiction ${a.jurisdictionId} or ${city}` : `jurisdiction ${a.jurisdictionId}`;
}

export async function fanOut(
  deps: AppDeps,
  row: OutboxRow & { kind: FanOutKind },
  owner: string,
  now: Date,
): Promise<FanOutOutcome> {
  const rule: FanOutRule = FAN_OUTS[row.kind];
  const parsed = sourcePayloadSchema.safeParse(row.payload);
  const reportId = parsed.success ? parsed.data.reportId : row.reportId;
  if (!reportId) return { ok: false, failure: { error: 'payload names no report', permanent: true } };
  const report = await findReport(deps.db, reportId);
  if (!report) return { ok: false, failure: { error: `report ${reportId} not found`, permanent: true } };
  // A deadline notice about a deadline an officer has since moved would say something false as well.
  const dueAt = parsed.success ? parsed.data.dueAt : undefined;
  const moved = dueAt !== undefined && Date.parse(dueAt) !== report.annex4DueAt.getTime();
  if (isStale(rule.notice, report) || (moved && isDeadlineNotice(rule.notice))) {
    await markSkipped(deps.db, row.id, owner, row.attempts, moved ? 'stale: the deadline moved' : staleNote(report));
    return { ok: true, created: 0, skipped: true };
  }

  // One incident, one case: a submitted report that joined an open case is told to the case's office (and
  // the city when the follow-up itself is urgent) as one short 续报 line instead of a new full alert.
  const followUp = row.kind === 'report_submitted' && report.caseId !== null;
  const caseRow = followUp && report.caseId ? await findReport(deps.db, report.caseId) : undefined;
  const notice: Notice = followUp ? 'case_follow_up' : rule.notice;
  const audience: Audience = followUp
    ? { jurisdictionId: caseRow?.jurisdictionId ?? report.jurisdictionId, city: report.urgency === 'immediate' }
    : rule.audience(report);
  const channels = await audienceChannels(deps.db, audience);
  if (channels.length === 0) {
    // Retried on the usual schedule: the city office may add a channel, and the row shows in the console.
    return { ok: false, failure: { error: `no enabled notification channel for ${describeAudience(audience)}` } };
  }
  let count: number | undefined;
  const mergedIds: string[] = [];
  const merged: BatchItem[] = [];
  if (row.kind === 'reporter_replied') {
    const windowMs = deps.config.REPORTER_NOTICE_COALESCE_MINUTES * 60_000;
    const plan = await coalesceReplies(deps.db, row, report.id, owner, now, windowMs);
    if ('waitUntil' in plan) return { ok: true, created: 0, waitUntil: plan.waitUntil };
    count = plan.count;
    merged.push(...plan.statements);
    mergedIds.push(...plan.merged);
  }
  // Each reporter message, each Annex 4 return and each major-risk follow-up reminder has its own source
  // row; the other notices happen once per case.
  const once = REPEATING.has(row.kind) ? `:${row.id}` : '';
  const priority =
    rule.notice === 'reporter_replied' || rule.notice === 'annex4_submitted'
      ? OUTBOX_PRIORITY.normal
      : priorityOfUrgency(report.urgency);
  const inserts = channels.map((channel) =>
    insertOnce(deps.db, {
      id: newId('o', now, deps.random),
      kind: ALERT_KIND,
      reportId: report.id,
      channelId: channel.id,
      payload: { reportId: report.id, channelId: channel.id, notice, ...(count ? { count } : {}) },
      // For the alert this is `report_alert:<report>:<channel>`, as before notices existed.
      dedupeKey: `${notice}:${report.id}:${channel.id}${once}`,
      priority,
      at: now,
    }),
  );
  await deps.db.batch([markSent(deps.db, row.id, owner, now, row.attempts + 1), ...merged, ...inserts]);
  return { ok: true, created: channels.length, merged: mergedIds };
}
