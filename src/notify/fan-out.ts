// A submitted report's outbox row ('report_submitted') becomes one 'report_alert' row per channel: the
// jurisdiction's enabled channels and, when urgent, the city office's too. The new rows and the fan-out
// row's "sent" are one batch, and dedupe keys make a repeated fan-out add nothing.
import { z } from 'zod';
import { alertChannels } from '../../db/repo/channels';
import { insertOnce, markSent, type OutboxRow } from '../../db/repo/outbox';
import { findReport } from '../../db/repo/reports';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import type { Failure } from './outcome';

export const FAN_OUT_KIND = 'report_submitted';
export const ALERT_KIND = 'report_alert';

const payloadSchema = z.object({ reportId: z.string().min(1) });

export type FanOutOutcome = { ok: true; created: number } | { ok: false; failure: Failure };

export async function fanOut(deps: AppDeps, row: OutboxRow, owner: string, now: Date): Promise<FanOutOutcome> {
  const parsed = payloadSchema.safeParse(row.payload);
  const reportId = parsed.success ? parsed.data.reportId : row.reportId;
  if (!reportId) return { ok: false, failure: { error: 'payload names no report', permanent: true } };
  const report = await findReport(deps.db, reportId);
  if (!report) return { ok: false, failure: { error: `report ${reportId} not found`, permanent: true } };

  const channels = await alertChannels(deps.db, report.jurisdictionId, report.urgency === 'immediate');
  if (channels.length === 0) {
    // Retried on the usual schedule: the city office may add a channel, and the row shows in the console.
    return {
      ok: false,
      failure: { error: `no enabled notification channel for jurisdiction ${report.jurisdictionId}` },
    };
  }
  const inserts = channels.map((channel) =>
    insertOnce(deps.db, {
      id: newId('o', now, deps.random),
      kind: ALERT_KIND,
      reportId: report.id,
      channelId: channel.id,
      payload: { reportId: report.id, channelId: channel.id },
      dedupeKey: `${ALERT_KIND}:${report.id}:${channel.id}`,
      at: now,
    }),
  );
  await deps.db.batch([markSent(deps.db, row.id, owner, now, row.attempts + 1), ...inserts]);
  return { ok: true, created: channels.length };
}
