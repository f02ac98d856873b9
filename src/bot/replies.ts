// Reporters answering the receiving office from Telegram: a reply to one of the bot's messages that names a
// receipt number (the office's messages carry "回执号 CC-…" in their first line), or `/reply <receipt> <text>`
// for clients that cannot reply to a message. Only the chat the report was filed from may write to it. The
// message is recorded by db/repo (shared with the status page) in one batch with the update's key, so a
// redelivered update records nothing and answers nothing.
import { recordReporterReply } from '../../db/repo/reporter-messages';
import { findChatReport } from '../../db/repo/telegram';
import { cleanReporterMessage, REPORTER_MESSAGE_MAX } from '../cases/reporter-messages';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { normalizeReceipt } from '../intake/index';
import { textOf } from '../messages/index';
import { type ChatEvent, chatKeyOf, claimUpdate, preferredLocale, updateKeyOf } from './chat';
import type { Outcome } from './conversation';
import { renderText } from './render';

/** Receipt-shaped words; normalizeReceipt decides (its alphabet has no 0, O, 1, I or L). */
const RECEIPT_LIKE = /CC-?\d{4}-?[0-9A-Z]{6}/gi;

/** The first receipt number in a text, canonical. */
export function receiptIn(text: string): string | undefined {
  for (const m of text.matchAll(RECEIPT_LIKE)) {
    const receipt = normalizeReceipt(m[0]);
    if (receipt) return receipt;
  }
  return undefined;
}

/** The message a private-chat text replies to, as much of it as matters here. */
export interface RepliedTo {
  from?: { id: number } | undefined;
  text?: string | undefined;
}

/** The receipt named by the message replied to, when that message is this bot's own. */
export function quotedReceipt(repliedTo: RepliedTo | undefined, botId: number): string | undefined {
  if (!repliedTo?.text || repliedTo.from?.id !== botId) return undefined;
  return receiptIn(repliedTo.text);
}

/** `/reply <receipt> <text>`: the receipt and the rest, or undefined when either is missing. */
export function parseReplyCommand(payload: string): { receipt: string; text: string } | undefined {
  const m = /^\s*(\S+)\s+(\S[\s\S]*)$/.exec(payload);
  const receipt = m?.[1] ? normalizeReceipt(m[1]) : undefined;
  return receipt && m?.[2] ? { receipt, text: m[2] } : undefined;
}

export function createReplies(deps: AppDeps, onOutbox?: (ev: ChatEvent) => void) {
  const { db, clock } = deps;

  /** Answers without recording a message; the update's key is still recorded, so a copy stays silent. */
  async function refuse(ev: ChatEvent, text: (L: 'zh' | 'en') => string): Outcome {
    if (!(await claimUpdate(db, ev, clock()))) return null;
    return { messages: renderText(text(await preferredLocale(db, ev))) };
  }

  async function pass(ev: ChatEvent, receipt: string, raw: string): Outcome {
    // Same answer for "no such receipt" and "not filed from this chat": a chat learns nothing of others' reports.
    const report = await findChatReport(db, receipt, chatKeyOf(ev.chatId));
    if (!report) return refuse(ev, (L) => textOf('bot', L).replyNotYours);
    const cleaned = cleanReporterMessage(raw);
    if (!cleaned.ok) {
      return refuse(ev, (L) =>
        cleaned.error === 'empty' ? textOf('bot', L).replyEmpty : textOf('bot', L).replyTooLong(REPORTER_MESSAGE_MAX),
      );
    }
    const now = clock();
    const recorded = await recordReporterReply(
      db,
      { reportId: report.id, text: cleaned.text, channel: 'telegram', at: now, noticeId: newId('o', now, deps.random) },
      updateKeyOf(ev),
    );
    if (!recorded) return null;
    // The reply's notice to the receiving office is in the outbox: it can go out at once.
    onOutbox?.(ev);
    return { messages: renderText(textOf('bot', report.locale).replyPassedOn(report.receipt)) };
  }

  return {
    /** A text replying to the bot's message that named `receipt`. */
    reply(ev: ChatEvent, receipt: string, text: string): Outcome {
      return pass(ev, receipt, text);
    },

    /** `/reply <receipt> <text>`. */
    command(ev: ChatEvent, payload: string): Outcome {
      const parsed = parseReplyCommand(payload);
      if (!parsed) return refuse(ev, (L) => textOf('bot', L).replyUsage);
      return pass(ev, parsed.receipt, parsed.text);
    },
  };
}

export type Replies = ReturnType<typeof createReplies>;
