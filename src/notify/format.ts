// Alert messages: one channel-neutral model built from a report (Chinese unless the channel is English),
// rendered as Telegram HTML, robot markdown, a Feishu card or plain text. All user text is masked here
// and escaped by each renderer; labels are ours. The alert carries the report's facts; every later notice on
// the case (reminder, escalation, Annex 4 filed or returned, the reporter wrote…) is one short line — what
// happened, the employer, the case's receipt and who has claimed it — since the officer has read the alert.
import type { Jurisdiction } from '../../db/repo/jurisdictions';
import type { ReportRow } from '../../db/repo/reports';
import { plainReason } from '../cases/labels';
import { bilingual, type Catalogue, textOf } from '../messages/index';
import { isItemCode, itemByCode, type Locale } from '../rules/index';
import { beijingDateTime } from '../time';
import * as z from '../zod';
import { escapeHtml, escapeMarkdown, maskMobiles, maskPhone, oneLine, truncateUtf8, utf8Length } from './text';
import type { Notice } from './types';

export interface AlertField {
  label: string;
  /** Plain text, masked and on one line; renderers escape it. */
  value: string;
}

export interface AlertMessage {
  locale: Locale;
  reportId: string;
  notice: Notice;
  urgent: boolean;
  /** The first line: what the notice is, marked 【紧急重大】 / URGENT when urgent. */
  title: string;
  fields: AlertField[];
  reasonsLabel: string;
  /** Flagged findings' explanations, one line each, masked. */
  reasons: string[];
  link: { label: string; url: string };
  /** Set once the report is claimed (the edited Telegram message). */
  claimed?: string;
  /** Offer [认领 Claim]: the alert or reminder of a report nobody has claimed yet. */
  claimable: boolean;
}

export interface AlertContext {
  locale: Locale;
  publicUrl: string;
  /** Default 'report_alert'. */
  notice?: Notice;
  /** When the message is built: the reminder says how long is left. */
  now: Date;
  jurisdiction?: Pick<Jurisdiction, 'nameZh' | 'nameEn'> | undefined;
  claimedBy?: { name: string; at: Date } | undefined;
  /** A later notice's line names whoever has claimed the case (null: nobody yet, 待认领). */
  claimant?: string | null;
  /** Coalesced notices: how many events (reporter messages) this one message stands for. */
  count?: number;
}

const MAX_VALUE = 120;
const MAX_REASONS = 5;

const textSchema = z.object({ zh: z.string(), en: z.string() });
// Lenient on purpose: an alert must still go out when an old or partial assessment lacks a part.
const assessmentViewSchema = z.object({
  findings: z.catch(z.array(z.object({ outcome: z.string(), explanation: textSchema })), []),
  severity: z.catch(z.optional(z.object({ reason: textSchema })), undefined),
  urgency: z.catch(z.optional(z.object({ reasons: z.array(textSchema) })), undefined),
  late: z.catch(z.optional(z.object({ isLate: z.boolean(), reason: z.nullable(textSchema) })), undefined),
  affected: z.catch(z.optional(z.nullable(z.number())), undefined),
});

const clean = (text: string, max = MAX_VALUE) => oneLine(maskMobiles(text), max);

export function caseUrl(publicUrl: string, reportId: string): string {
  return `${publicUrl}/console/cases/${encodeURIComponent(reportId)}`;
}

type Labels = Catalogue['alert'];

/** "认领人 张三" / "待认领": who has claimed a case, as every short line says it. */
export function claimantPhrase(locale: Locale, name: string | null | undefined): string {
  const t = textOf('alert', locale);
  return name ? t.claimant(clean(name, 20)) : t.unclaimed;
}

/** "长春市某公司，案件 CC-…，认领人 张三": the case a short line is about. */
export function caseLine(
  locale: Locale,
  c: { unitName: string; receipt: string },
  claimant: string | null | undefined,
) {
  const t = textOf('alert', locale);
  return [clean(c.unitName, 60), t.caseRef(c.receipt), claimantPhrase(locale, claimant)].join(t.lineSep);
}

/** What a later notice about `report` says happened. */
function titleOf(t: Labels, notice: Notice, report: ReportRow, urgent: boolean, now: Date, count = 1): string {
  let what: string;
  if (notice === 'annex4_reminder') {
    const left = report.annex4DueAt.getTime() - now.getTime();
    // Sent late (the channel was down), a reminder must not promise time that has run out.
    // Under an hour (a short deadline's reminder, 15 min before), the minutes left.
    const hours = left < 3_600_000 ? 0 : Math.round(left / 3_600_000);
    what =
      left <= 0
        ? t.dueNow
        : hours >= 1
          ? t.reminderHours(hours)
          : t.reminderMinutes(Math.max(1, Math.round(left / 60_000)));
  } else if (notice === 'urgency_marked') {
    const due = beijingDateTime(report.annex4DueAt);
    what = urgent ? t.markedUrgent(due) : t.markedNotUrgent(due);
  } else {
    const replied = count > 1 ? t.repliedMany(count) : t.replied;
    what =
      notice === 'annex4_escalation'
        ? t.escalation
        : notice === 'reporter_replied'
          ? replied
          : notice === 'major_risk_followup'
            ? t.majorFollowUp
            : notice === 'annex4_returned'
              ? t.returned
              : t.submitted;
  }
  return urgent ? `${t.urgentMark}${what}` : what;
}

/** The channel-neutral message for one notice about a report, in one language. */
export function buildAlert(report: ReportRow, ctx: AlertContext): AlertMessage {
  const notice = ctx.notice ?? 'report_alert';
  return notice === 'report_alert' ? fullAlert(report, ctx) : shortNotice(report, notice, ctx);
}

/** A later notice on a case: one line (what happened: the case, who has claimed it) and the link. */
function shortNotice(report: ReportRow, notice: Notice, ctx: AlertContext): AlertMessage {
  const t = textOf('alert', ctx.locale);
  const urgent = report.urgency === 'immediate';
  const claimant = ctx.claimedBy?.name ?? ctx.claimant;
  const what = titleOf(t, notice, report, urgent, ctx.now, ctx.count);
  return {
    locale: ctx.locale,
    reportId: report.id,
    notice,
    urgent,
    title: `${what}${t.sep}${caseLine(ctx.locale, report, claimant)}`,
    fields: [],
    reasonsLabel: t.reasons,
    reasons: [],
    link: { label: t.link, url: caseUrl(ctx.publicUrl, report.id) },
    ...(ctx.claimedBy ? { claimed: t.claimed(clean(ctx.claimedBy.name, 40), beijingDateTime(ctx.claimedBy.at)) } : {}),
    claimable:
      notice === 'annex4_reminder' && !ctx.claimedBy && report.claimedBy === null && report.status !== 'closed',
  };
}

/** The first notice of a report: its facts, the rules' findings and the deadline. */
function fullAlert(report: ReportRow, ctx: AlertContext): AlertMessage {
  const t = textOf('alert', ctx.locale);
  const notice = 'report_alert';
  const parsed = assessmentViewSchema.safeParse(report.assessment);
  const a = parsed.success
    ? parsed.data
    : { findings: [], severity: undefined, urgency: undefined, late: undefined, affected: undefined };
  // 2026.1 counted everyone involved; from 2026.2 the count is of people taking part in a collective action.
  const countsTakingPart = report.rulesetVersion !== '2026.1';
  const urgent = report.urgency === 'immediate';
  // Each reason's own full stop goes before the clause separator (never "。；").
  const withReason = (head: string, reasons: string[]) =>
    reasons.length > 0 ? `${head} — ${reasons.map((r) => r.trim().replace(/[。；;.]+$/, '')).join(t.clause)}` : head;

  const items = report.items.map((code) => (isItemCode(code) ? itemByCode(code).name[ctx.locale] : code));
  const people =
    report.peopleInvolved === null
      ? countsTakingPart
        ? t.noAction
        : t.unknown
      : t.persons(report.peopleInvolved) + (report.groupIncident ? t.group : '');
  const urgencyReasons = (a.urgency?.reasons ?? []).map((r) => plainReason(r[ctx.locale]));
  const severityLabel = t.severityLevel[report.severity];
  // The rules open the reason with the level ("高：", "Medium: "): the label says it already.
  const severityReason = a.severity
    ? plainReason(a.severity.reason[ctx.locale]).replace(/^(?:high|medium|low)[:：]\s*/i, '')
    : undefined;
  const district = ctx.jurisdiction ? (ctx.locale === 'zh' ? ctx.jurisdiction.nameZh : ctx.jurisdiction.nameEn) : '';

  const fields: AlertField[] = [
    { label: t.unit, value: clean(report.unitName) },
    { label: t.district, value: clean(district || report.jurisdictionId) },
    { label: t.items, value: clean(items.join(t.list), 200) },
    { label: countsTakingPart ? t.takingPart : t.people, value: people },
    ...(typeof a.affected === 'number' ? [{ label: t.affected, value: t.persons(a.affected) }] : []),
    { label: t.urgency, value: clean(withReason(urgent ? t.immediate : t.within24h, urgencyReasons), 200) },
    {
      label: t.severity,
      // One vocabulary with the pages: "高 — reason" (plainReason drops the rules' leading "高：" and notation).
      value: clean(withReason(severityLabel, severityReason ? [severityReason] : []), 200),
    },
  ];
  if (report.late && a.late?.reason) fields.push({ label: t.late, value: clean(a.late.reason[ctx.locale], 200) });
  fields.push(
    { label: t.reporter, value: clean(`${report.reporterName} ${maskPhone(report.reporterPhone)}`) },
    { label: t.due, value: beijingDateTime(report.annex4DueAt) + t.dueSuffix },
    { label: t.receipt, value: clean(report.receipt) },
  );

  const flagged = a.findings
    .filter((f) => f.outcome === 'flagged')
    .map((f) => clean(plainReason(f.explanation[ctx.locale]), 160));
  const reasons = flagged.slice(0, MAX_REASONS);
  if (flagged.length > MAX_REASONS) reasons.push(t.more(flagged.length - MAX_REASONS));

  return {
    locale: ctx.locale,
    reportId: report.id,
    notice,
    urgent,
    title: urgent ? t.urgentTitle : t.title,
    fields,
    reasonsLabel: t.reasons,
    reasons,
    link: { label: t.link, url: caseUrl(ctx.publicUrl, report.id) },
    ...(ctx.claimedBy ? { claimed: t.claimed(clean(ctx.claimedBy.name, 40), beijingDateTime(ctx.claimedBy.at)) } : {}),
    claimable: !ctx.claimedBy && report.claimedBy === null && report.status !== 'closed',
  };
}

const sepOf = (m: AlertMessage) => textOf('alert', m.locale).sep;

/** Plain text (Feishu text messages, logs, tests). */
export function renderPlain(m: AlertMessage): string {
  return [
    m.title,
    ...m.fields.map((f) => `${f.label}${sepOf(m)}${f.value}`),
    ...(m.reasons.length > 0 ? [`${m.reasonsLabel}${sepOf(m)}`, ...m.reasons.map((r) => `- ${r}`)] : []),
    ...(m.claimed ? [m.claimed] : []),
    `${m.link.label}${sepOf(m)}${m.link.url}`,
  ].join('\n');
}

/** Telegram, parse_mode HTML. */
export function renderTelegramHtml(m: AlertMessage): string {
  return [
    `<b>${escapeHtml(m.title)}</b>`,
    ...m.fields.map((f) => `<b>${escapeHtml(f.label)}${sepOf(m)}</b>${escapeHtml(f.value)}`),
    ...(m.reasons.length > 0
      ? [`<b>${escapeHtml(m.reasonsLabel)}${sepOf(m)}</b>`, ...m.reasons.map((r) => `• ${escapeHtml(r)}`)]
      : []),
    ...(m.claimed ? [`<b>${escapeHtml(m.claimed)}</b>`] : []),
    `<a href="${escapeHtml(m.link.url)}">${escapeHtml(m.link.label)}</a>`,
  ].join('\n');
}

/** Plain shapes, assignable to Telegraf's InlineKeyboardMarkup without importing it. */
export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** Telegram allows at most 64 bytes of callback data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
export const CLAIM_PREFIX = 'claim:';

/** [认领 Claim] while claimable, and [查看 View] when the console has a public address Telegram accepts. */
export function telegramKeyboard(m: AlertMessage): InlineKeyboard | undefined {
  const row: InlineButton[] = [];
  // ':r' marks a reminder's button, so the message edited after the claim is still that reminder.
  const data = `${CLAIM_PREFIX}${m.reportId}${m.notice === 'annex4_reminder' ? ':r' : ''}`;
  if (m.claimable && !m.claimed && utf8Length(data) <= CALLBACK_DATA_MAX_BYTES) {
    row.push({ text: bothLanguages('claimButton'), callback_data: data });
  }
  if (isPublicUrl(m.link.url)) row.push({ text: bothLanguages('viewButton'), url: m.link.url });
  return row.length > 0 ? { inline_keyboard: [row] } : undefined;
}

/** A button's label in both languages, "认领 Claim": an officers' chat may read either. */
function bothLanguages(key: 'claimButton' | 'viewButton'): string {
  const { zh, en } = bilingual('alert', key);
  return `${zh} ${en}`;
}

/** Telegram refuses buttons that point at localhost or a bare intranet host name. */
export function isPublicUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return false;
    if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]') return false;
    if (/^(127\.|0\.0\.0\.0$)/.test(hostname)) return false;
    return hostname.includes('.');
  } catch {
    return false;
  }
}

export interface MarkdownOptions {
  /** WeCom breaks lines on '\n'; DingTalk needs a blank line between paragraphs. */
  lineBreak: string;
  /** WeCom refuses markdown over 4096 bytes. */
  maxBytes?: number;
}

/**
 * WeCom / DingTalk markdown. When over `maxBytes`, lines are dropped from the end and the last one cut on a
 * character boundary, but the console link always stays.
 */
export function renderMarkdown(m: AlertMessage, o: MarkdownOptions): string {
  const lines = [
    `### ${escapeMarkdown(m.title)}`,
    ...m.fields.map((f) => `**${f.label}${sepOf(m)}**${escapeMarkdown(f.value)}`),
    ...(m.reasons.length > 0
      ? [`**${m.reasonsLabel}${sepOf(m)}**`, ...m.reasons.map((r) => `> ${escapeMarkdown(r)}`)]
      : []),
    ...(m.claimed ? [`**${escapeMarkdown(m.claimed)}**`] : []),
  ];
  const tail = `[${m.link.label}](${m.link.url})`;
  const full = [...lines, tail].join(o.lineBreak);
  if (o.maxBytes === undefined || utf8Length(full) <= o.maxBytes) return full;
  let budget = o.maxBytes - utf8Length(tail) - utf8Length(o.lineBreak);
  const kept: string[] = [];
  for (const line of lines) {
    const cost = utf8Length(line) + (kept.length > 0 ? utf8Length(o.lineBreak) : 0);
    if (cost <= budget) {
      kept.push(line);
      budget -= cost;
      continue;
    }
    const room = budget - (kept.length > 0 ? utf8Length(o.lineBreak) : 0);
    if (room > 16) kept.push(truncateUtf8(line, room));
    break;
  }
  return [...kept, tail].join(o.lineBreak);
}

/** Feishu/Lark interactive card: user text only in plain_text elements, so nothing needs escaping. */
export function renderFeishuCard(m: AlertMessage) {
  const plain = (content: string) => ({ tag: 'plain_text' as const, content });
  const elements: unknown[] = [
    { tag: 'div', text: plain(m.fields.map((f) => `${f.label}${sepOf(m)}${f.value}`).join('\n')) },
  ];
  if (m.reasons.length > 0) {
    elements.push({ tag: 'hr' });
    elements.push({
      tag: 'div',
      text: plain([`${m.reasonsLabel}${sepOf(m)}`, ...m.reasons.map((r) => `• ${r}`)].join('\n')),
    });
  }
  if (m.claimed) elements.push({ tag: 'div', text: plain(m.claimed) });
  elements.push({
    tag: 'action',
    actions: [{ tag: 'button', text: plain(m.link.label), type: 'primary', url: m.link.url }],
  });
  return {
    config: { wide_screen_mode: true },
    header: { title: plain(m.title), template: headerColour(m) },
    elements,
  };
}

function headerColour(m: AlertMessage): 'red' | 'orange' | 'green' {
  if (m.urgent || m.notice === 'annex4_escalation') return 'red';
  return m.notice === 'annex4_submitted' ? 'green' : 'orange';
}
