// [认领 Claim] pressed under an alert in Telegram. Plain inputs and outputs (no Telegraf types): the bot
// routes callback data 'claim:<reportId>' here, answers the callback query with `answer` and, when given,
// edits the message with `editedText` (parse_mode HTML) and `editedKeyboard`.
import { claimStatements } from '../../db/repo/cases';
import { telegramChannelByChat } from '../../db/repo/channels';
import { getJurisdiction } from '../../db/repo/jurisdictions';
import { type OfficerIdentity, officerById, officerByTelegramUser } from '../../db/repo/officers';
import { findReport, type ReportRow } from '../../db/repo/reports';
import { caseScope } from '../auth/roles';
import { publicUrl } from '../config';
import type { AppDeps } from '../deps';
import { textOf } from '../messages/index';
import type { Locale } from '../rules/index';
import { beijingDateTime } from '../time';
import { buildAlert, type InlineKeyboard, renderTelegramHtml, telegramKeyboard } from './format';
import type { Notice } from './types';

export interface TelegramClaimInput {
  telegramUserId: string | number;
  reportId: string;
  chatId: string | number;
  /** Absent when Telegram no longer gives the message (too old): the claim still works, nothing is edited. */
  messageId?: number | undefined;
  /** The notice whose button was pressed: the edited message stays that notice (default: the alert). */
  notice?: Notice;
}

export interface TelegramClaimResult {
  /** For answerCallbackQuery (≤ 200 characters). */
  answer: string;
  /** The alert showing who claimed it: edit the message with parse_mode 'HTML'. */
  editedText?: string;
  /** The keyboard for the edited message (View only), or undefined to remove the buttons. */
  editedKeyboard?: InlineKeyboard | undefined;
}

/** The hint an unlinked Telegram user gets (also for the bot's own replies). */
export const LINK_HINT = textOf('telegramClaim', 'zh').unlinked;

export async function claimFromTelegram(deps: AppDeps, input: TelegramClaimInput): Promise<TelegramClaimResult> {
  const { db } = deps;
  const channel = await telegramChannelByChat(db, String(input.chatId));
  const locale: Locale = channel?.locale ?? 'zh';
  const t = textOf('telegramClaim', locale);

  const officer = await officerByTelegramUser(db, String(input.telegramUserId));
  if (!officer) return { answer: t.unlinked };
  if (officer.disabled) return { answer: t.disabled };
  // The console's own rule (src/auth/roles.ts): admins work no cases, district officers their district only.
  const scope = caseScope(officer);
  if (!scope) return { answer: officer.role === 'admin' ? t.noCases : t.noScope };
  const report = await findReport(db, input.reportId);
  if (!report) return { answer: t.notFound };
  const jurisdiction = await getJurisdiction(db, report.jurisdictionId);
  if (scope.jurisdictionId !== null && scope.jurisdictionId !== report.jurisdictionId) {
    const name = jurisdiction ? (locale === 'zh' ? jurisdiction.nameZh : jurisdiction.nameEn) : report.jurisdictionId;
    return { answer: t.otherDistrict(name) };
  }

  if (report.status === 'closed') return { answer: t.closed };

  let current: ReportRow = report;
  if (!report.claimedBy) {
    // The same guarded claim as the console's (db/repo/cases.ts): one batch, the event only if it won.
    const at = deps.clock();
    const [first, ...rest] = claimStatements(db, report.id, officer.id, at);
    if (first) await db.batch([first, ...rest]);
    current = (await findReport(db, report.id)) ?? report;
    if (current.claimedBy === officer.id && current.claimedAt?.getTime() === at.getTime()) {
      return { answer: t.claimed, ...edited(deps, current, officer, locale, jurisdiction, input.notice) };
    }
  }
  // Claimed before (or by someone faster a moment ago): say by whom, and bring the message up to date.
  if (!current.claimedBy) return { answer: current.status === 'closed' ? t.closed : t.notFound };
  const claimant = await officerById(db, current.claimedBy);
  const name = claimant?.displayName ?? current.claimedBy;
  const at = current.claimedAt ? beijingDateTime(current.claimedAt) : '';
  const answer = current.claimedBy === officer.id ? t.mine : t.taken(name, at);
  return { answer, ...(claimant ? edited(deps, current, claimant, locale, jurisdiction, input.notice) : {}) };
}

function edited(
  deps: AppDeps,
  report: ReportRow,
  claimant: OfficerIdentity,
  locale: Locale,
  jurisdiction: Awaited<ReturnType<typeof getJurisdiction>>,
  notice: Notice | undefined,
): Pick<TelegramClaimResult, 'editedText' | 'editedKeyboard'> {
  const message = buildAlert(report, {
    locale,
    ...(notice ? { notice } : {}),
    publicUrl: publicUrl(deps.config),
    jurisdiction,
    now: deps.clock(),
    claimedBy: { name: claimant.displayName, at: report.claimedAt ?? deps.clock() },
  });
  return { editedText: renderTelegramHtml(message), editedKeyboard: telegramKeyboard(message) };
}
