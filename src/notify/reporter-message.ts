// An officer's message to a reporter who filed by Telegram: the console writes an outbox row of kind
// 'reporter_message' with payload { chatId, text } (db/repo/cases.ts) and the dispatcher sends it to that
// private chat. A header line names the report by its receipt and a last line invites a reply; the reply
// path in src/bot recognises both (`回执号 CC-YYYY-XXXXXX` / `receipt CC-YYYY-XXXXXX`), so keep them stable.
import type { ReportRow } from '../../db/repo/reports';
import { textOf } from '../messages/index';
import * as z from '../zod';
import { escapeHtml } from './text';

export const REPORTER_MESSAGE_KIND = 'reporter_message';

/** The chat id as stored without its 'tg:' prefix. */
export const reporterMessagePayloadSchema = z.object({
  chatId: z.string().check(z.regex(/^-?\d{1,20}$/)),
  text: z.string().check(z.minLength(1)),
});

/** The message as Telegram HTML: the officer's text escaped, line breaks kept. */
export function reporterMessageHtml(report: Pick<ReportRow, 'receipt' | 'locale'>, text: string): string {
  const t = textOf('reporterMessage', report.locale);
  return [escapeHtml(t.header(report.receipt)), escapeHtml(text.trim()), '', escapeHtml(t.footer)].join('\n');
}
