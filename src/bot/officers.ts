// Officers' actions from Telegram (claim a report from an alert, link an account). The bot only routes
// them; the work lives in src/notify.
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { AppDeps } from '../deps';
import { claimFromTelegram, linkTelegramOfficer } from '../notify/index';

export interface ClaimInput {
  telegramUserId: string;
  reportId: string;
  chatId: number;
  messageId: number | undefined;
  /** The notice the pressed button was under (default: the report alert). */
  notice?: 'annex4_reminder';
}

export interface ClaimOutcome {
  /** Shown as the callback answer toast. */
  answer: string;
  /** New HTML text of the alert message (e.g. "claimed by …"). */
  editedText?: string;
  editedKeyboard?: InlineKeyboardMarkup;
}

export interface OfficerActions {
  claim(input: ClaimInput): Promise<ClaimOutcome>;
  link(input: { telegramUserId: string; code: string }): Promise<{ answer: string }>;
}

/** The notify module's claim and link flows. */
export function notifyOfficerActions(deps: AppDeps): OfficerActions {
  return {
    async claim(input) {
      const out = await claimFromTelegram(deps, input);
      return {
        answer: out.answer,
        ...(out.editedText !== undefined ? { editedText: out.editedText } : {}),
        // Their buttons (callback or URL) are Telegram's inline buttons as they are.
        ...(out.editedKeyboard ? { editedKeyboard: out.editedKeyboard } : {}),
      };
    },
    async link(input) {
      const { answer } = await linkTelegramOfficer(deps, input);
      return { answer };
    },
  };
}
