import type { Db } from '../../../db/client';
import { type ReportRow, reporterTimeline } from '../../../db/repo/reports';
import { findReportForReporter, type ReporterEvent, reporterEvents } from '../../cases/reporter-messages';

// A report as its reporter may see it: found only with both the receipt number and the phone given in
// the report (the same rule as POST /api/reports/lookup), so one without the other reveals nothing.

export interface ReporterView {
  receipt: string;
  status: string;
  unitName: string;
  items: string[];
  submittedAt: Date;
  /** Status changes (submitted, claimed, filed, closed). */
  timeline: ReporterEvent[];
  /** The conversation with the receiving office, oldest first. */
  messages: (ReporterEvent & { message: NonNullable<ReporterEvent['message']> })[];
}

export async function lookupForReporter(db: Db, receipt: string, phone: string): Promise<ReporterView | undefined> {
  const report = await findReportForReporter(db, receipt, phone);
  return report ? reporterView(db, report) : undefined;
}

/** The view of a report already verified by receipt + phone. */
export async function reporterView(db: Db, report: ReportRow): Promise<ReporterView> {
  const events = reporterEvents(await reporterTimeline(db, report.id));
  return {
    receipt: report.receipt,
    status: report.status,
    unitName: report.unitName,
    items: report.items,
    submittedAt: report.submittedAt,
    timeline: events.filter((e) => !e.type.startsWith('message')),
    messages: events.flatMap((e) => (e.message ? [{ ...e, message: e.message }] : [])),
  };
}
