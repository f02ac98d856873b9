// What every handler knows about an update: its key (exactly once) and the chat it belongs to.
import type { Db } from '../../db/client';
import { claimInbound, findChatLocale } from '../../db/repo/telegram';
import type { Locale } from '../rules/index';

export interface ChatEvent {
  updateId: number;
  chatId: number;
  /** The sender; absent for channel posts. */
  userId: number | undefined;
}

/** Drafts, chat_prefs and reports.reporter_chat key a Telegram chat this way. */
export const chatKeyOf = (chatId: number) => `tg:${chatId}`;
export const updateKeyOf = (ev: ChatEvent) => `tg:update:${ev.updateId}`;

/**
 * For updates that run no intake turn: records the update's key before anything is sent. False for a
 * redelivered update, which then sends nothing.
 */
export function claimUpdate(db: Db, ev: ChatEvent, now: Date, extra: Parameters<typeof claimInbound>[3] = []) {
  return claimInbound(db, updateKeyOf(ev), now, extra);
}

/** The language chosen with /lang; Chinese otherwise (the intake's first language). */
export async function preferredLocale(db: Db, ev: ChatEvent): Promise<Locale> {
  return (await findChatLocale(db, chatKeyOf(ev.chatId))) ?? 'zh';
}
