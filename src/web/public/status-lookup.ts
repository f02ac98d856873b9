import type { Db } from '../../../db/client';
import { findReportByReceipt, reporterTimeline } from '../../../db/repo/reports';
import { normalizeReceipt, parsePhone } from '../../intake/index';

// A report as its reporter may see it: found only with both the receipt number and the phone given in
// the report (the same rule as POST /api/reports/lookup), so one without the other reveals nothing.

export interface ReporterView {
  receipt: string;
  status: string;
  unitName: string;
  items: string[];
  submittedAt: Date;
  timeline: { at: Date; type: string; text?: string }[];
}

export async function lookupForReporter(db: Db, receipt: string, phone: string): Promise<ReporterView | undefined> {
  const canonical = normalizeReceipt(receipt);
  const typed = parsePhone(phone);
  const report = canonical ? await findReportByReceipt(db, canonical) : undefined;
  if (!report || !typed.ok || typed.value !== report.reporterPhone) return undefined;
  const events = await reporterTimeline(db, report.id);
  return {
    receipt: report.receipt,
    status: report.status,
    unitName: report.unitName,
    items: report.items,
    submittedAt: report.submittedAt,
    timeline: events.map((e) => {
      const text = messageText(e.data);
      return { at: e.at, type: e.type, ...(text !== undefined && e.type.startsWith('message') ? { text } : {}) };
    }),
  };
}

/** The words of a message event (`{ text }`), whatever else its data holds. */
function messageText(data: unknown): string | undefined {
  const text = (data as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : undefined;
}
