// An officer's message to a reporter who filed by Telegram: the console writes an outbox row of kind
// 'reporter_message' with payload { chatId, text } (db/repo/cases.ts) and the dispatcher sends it to that
// private chat. A header line names the report by its receipt and a last line invites a reply; the reply
// path in src/bot recognises both (`回执号 CC-YYYY-XXXXXX` / `receipt CC-YYYY-XXXXXX`), so keep them stable.
import type { ReportRow } from '../../db/repo/reports';
import type { Locale } from '../rules/index';
import * as z from '../zod';
import { escapeHtml } from './text';

export const REPORTER_MESSAGE_KIND = 'reporter_message';

/** The chat id as stored without its 'tg:' prefix. */
export const reporterMessagePayloadSchema = z.object({
  chatId: z.string().check(z.regex(/^-?\d{1,20}$/)),
  text: z.string().check(z.minLength(1)),
});

export const REPORTER_MESSAGE_TEXT = {
  zh: {
    header: (receipt: string) => `【长春市劳动关系风险监测预警】关于回执号 ${receipt} 的报告，接报部门回复：`,
    footer: '如需回复，请直接回复本条消息。',
  },
  en: {
    header: (receipt: string) =>
      `[Changchun labour-relations risk early warning] About your report with receipt ${receipt}, the receiving office replies:`,
    footer: 'To answer, reply directly to this message.',
  },
} as const satisfies Record<Locale, { header: (receipt: string) => string; footer: string }>;

/** The message as Telegram HTML: the officer's text escaped, line breaks kept. */
export function reporterMessageHtml(report: Pick<ReportRow, 'receipt' | 'locale'>, text: string): string {
  const t = REPORTER_MESSAGE_TEXT[report.locale];
  return [escapeHtml(t.header(report.receipt)), escapeHtml(text.trim()), '', escapeHtml(t.footer)].join('\n');
}
