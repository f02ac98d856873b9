// Commands that run no intake turn — /status, /lang, /link — and officers' claim buttons. Each records
// the update's key before answering, so a redelivered update answers nothing twice.
import { findChatReport, setChatLocale } from '../../db/repo/telegram';
import type { AppDeps } from '../deps';
import { normalizeReceipt } from '../intake/index';
import { textOf } from '../messages/index';
import { type ChatEvent, chatKeyOf, claimUpdate, preferredLocale } from './chat';
import type { Outcome } from './conversation';
import type { OfficerActions } from './officers';
import { renderText } from './render';
import { statusText } from './status';

export function createCommands(deps: AppDeps, officers: OfficerActions) {
  const { db, clock } = deps;

  return {
    /** Only reports filed from this chat; any other receipt gets the same "not found". */
    async status(ev: ChatEvent, arg: string): Outcome {
      if (!(await claimUpdate(db, ev, clock()))) return null;
      const L = await preferredLocale(db, ev);
      if (arg.trim() === '') return { messages: renderText(textOf('bot', L).statusUsage) };
      const receipt = normalizeReceipt(arg.trim());
      const report = receipt ? await findChatReport(db, receipt, chatKeyOf(ev.chatId)) : undefined;
      return { messages: renderText(report ? statusText(report, L) : textOf('bot', L).statusNotFound) };
    },

    /** The language of new reports in this chat; stored in the same batch as the update's key. */
    async lang(ev: ChatEvent, arg: string): Outcome {
      const wanted = arg.trim().toLowerCase();
      if (wanted !== 'zh' && wanted !== 'en') {
        if (!(await claimUpdate(db, ev, clock()))) return null;
        return { messages: renderText(textOf('bot', await preferredLocale(db, ev)).langUsage) };
      }
      if (!(await claimUpdate(db, ev, clock(), [setChatLocale(db, chatKeyOf(ev.chatId), wanted)]))) return null;
      return { messages: renderText(`${textOf('bot', wanted).langSet}\n${textOf('bot', wanted).langCurrentDraft}`) };
    },

    async link(ev: ChatEvent, code: string): Outcome {
      if (!(await claimUpdate(db, ev, clock()))) return null;
      const L = await preferredLocale(db, ev);
      if (code.trim() === '' || ev.userId === undefined) return { messages: renderText(textOf('bot', L).linkUsage) };
      const { answer } = await officers.link({ telegramUserId: String(ev.userId), code: code.trim() });
      return { messages: renderText(answer) };
    },

    /** An officer's "claim" button on an alert (any chat, usually a group). */
    async claim(
      ev: ChatEvent,
      action: { reportId: string; reminder?: boolean },
      messageId: number | undefined,
    ): Outcome {
      if (ev.userId === undefined || !(await claimUpdate(db, ev, clock()))) return null;
      const out = await officers.claim({
        telegramUserId: String(ev.userId),
        reportId: action.reportId,
        chatId: ev.chatId,
        messageId,
        ...(action.reminder ? { notice: 'annex4_reminder' as const } : {}),
      });
      const edit =
        messageId !== undefined && (out.editedText !== undefined || out.editedKeyboard)
          ? {
              messageId,
              ...(out.editedText !== undefined ? { html: out.editedText } : {}),
              ...(out.editedKeyboard ? { markup: out.editedKeyboard } : {}),
            }
          : undefined;
      return { answer: out.answer, ...(edit ? { edit } : {}) };
    },
  };
}

export type Commands = ReturnType<typeof createCommands>;
