// The reporter's side of "reply to the reporter" (issue 9): a report is theirs only with both its receipt
// number and the phone given in it; what they write is cleaned and recorded as a 'message_in' event; and
// what they may read of the timeline never names the officer (the office speaks as "接报部门").
import type { Db } from '../../db/client';
import { recordReporterReply } from '../../db/repo/reporter-messages';
import { findReportByReceipt, type ReportRow } from '../../db/repo/reports';
import type { AppDeps } from '../deps';
import type { Locale } from '../http/locale';
import { newId } from '../ids';
import { normalizeReceipt, parsePhone } from '../intake/index';
import { textOf } from '../messages/index';

export const REPORTER_MESSAGE_MAX = 1000;

/** Who speaks for the officers in what the reporter reads. */
export const officeLabel = (locale: Locale): string => textOf('reporterMessage', locale).office;

// Control characters (C0 but tab and newline, DEL, C1) and format characters: zero-width ones, the byte-order
// mark and the bidirectional overrides and isolates, which can make the text an officer reads differ from
// what is stored. The zero-width joiner stays: emoji sequences need it.
const UNWANTED = /(?![\t\n\u200D])[\p{Cc}\p{Cf}]/gu;

export type CleanedMessage = { ok: true; text: string } | { ok: false; error: 'empty' | 'too_long' };

/** Line ends unified, unwanted characters removed, trimmed; empty or longer than the limit is refused. */
export function cleanReporterMessage(raw: string): CleanedMessage {
  const text = raw.replace(/\r\n?/g, '\n').replace(UNWANTED, '').trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (text.length > REPORTER_MESSAGE_MAX) return { ok: false, error: 'too_long' };
  return { ok: true, text };
}

/** The report with this receipt whose reporter gave this phone; one answer (none) for "no such" and "wrong phone". */
export async function findReportForReporter(db: Db, receipt: string, phone: string): Promise<ReportRow | undefined> {
  const canonical = normalizeReceipt(receipt);
  const typed = parsePhone(phone);
  if (!canonical || !typed.ok) return undefined;
  const report = await findReportByReceipt(db, canonical);
  return report && report.reporterPhone === typed.value ? report : undefined;
}

export type PostOutcome =
  | { kind: 'not_found' }
  | { kind: 'invalid'; report: ReportRow; error: 'empty' | 'too_long' }
  /** `repeated`: the key was seen before, nothing new was written. */
  | { kind: 'recorded'; report: ReportRow; repeated: boolean };

/**
 * A web reporter's message (status page, API): verified by receipt + phone, then recorded once per `key`
 * (the form's nonce, the API's Idempotency-Key). Keys are the client's choice, so they count per report:
 * another reporter using the same key cannot silence this one.
 */
export async function postReporterMessage(
  deps: Pick<AppDeps, 'db' | 'clock' | 'random'>,
  a: { receipt: string; phone: string; text: string; key?: string },
): Promise<PostOutcome> {
  const { db } = deps;
  const now = deps.clock();
  const report = await findReportForReporter(db, a.receipt, a.phone);
  if (!report) return { kind: 'not_found' };
  const cleaned = cleanReporterMessage(a.text);
  if (!cleaned.ok) return { kind: 'invalid', report, error: cleaned.error };
  const recorded = await recordReporterReply(
    db,
    { reportId: report.id, text: cleaned.text, channel: 'web', at: now, noticeId: newId('o', now, deps.random) },
    a.key === undefined ? undefined : `reporter-message:${report.id}:${a.key}`,
  );
  return { kind: 'recorded', report, repeated: !recorded };
}

export interface ReporterEvent {
  at: Date;
  type: string;
  /** Message events only: the words and who wrote them, never the officer's name. */
  message?: { text: string; from: 'office' | 'reporter'; channel?: string };
  /** 'closed' only: the officer's reason, which the 销号 form tells the officer the reporter will read. */
  reason?: string;
}

const FROM = { message_out: 'office', message_in: 'reporter' } as const;

/** Reporter-visible events (db/repo/reports reporterTimeline) with their data reduced to what the reporter may see. */
export function reporterEvents(rows: readonly { at: Date; type: string; data: unknown }[]): ReporterEvent[] {
  return rows.map((e) => {
    const from = e.type === 'message_out' || e.type === 'message_in' ? FROM[e.type] : undefined;
    const data = (e.data ?? {}) as { text?: unknown; channel?: unknown; reason?: unknown };
    if (e.type === 'closed' && typeof data.reason === 'string') return { at: e.at, type: e.type, reason: data.reason };
    if (!from || typeof data.text !== 'string') return { at: e.at, type: e.type };
    const channel = from === 'reporter' && typeof data.channel === 'string' ? { channel: data.channel } : {};
    return { at: e.at, type: e.type, message: { text: data.text, from, ...channel } };
  });
}
