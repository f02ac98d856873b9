// What the Telegram bot needs beyond drafts and reports: update keys for updates that run no intake turn,
// per-chat language, and a reporter's own reports by receipt.
import { and, eq } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { chatPrefs, reports } from '../schema';
import { inboundRecorded, recordInbound } from './inbound';
import type { ReportRow } from './reports';

/**
 * Records an inbound key together with `extra` statements in one batch. False when the key was already
 * recorded (a redelivered update): then nothing of the batch is written and the caller sends nothing.
 */
export async function claimInbound(db: Db, key: string, at: Date, extra: BatchItem[] = []): Promise<boolean> {
  try {
    await db.batch([recordInbound(db, key, null, at), ...extra]);
    return true;
  } catch (err) {
    // Nothing was written; a key already recorded means the update came before.
    if (await inboundRecorded(db, key)) return false;
    throw err;
  }
}

export async function findChatLocale(db: Db, chatKey: string): Promise<'zh' | 'en' | undefined> {
  const [row] = await db.select({ locale: chatPrefs.locale }).from(chatPrefs).where(eq(chatPrefs.chatKey, chatKey));
  return row?.locale;
}

export function setChatLocale(db: Db, chatKey: string, locale: 'zh' | 'en'): BatchItem {
  return db
    .insert(chatPrefs)
    .values({ chatKey, locale })
    .onConflictDoUpdate({ target: chatPrefs.chatKey, set: { locale } });
}

/** A report by receipt, only when it was filed from this chat: one answer for "none" and "not yours". */
export async function findChatReport(db: Db, receipt: string, chatKey: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.receipt, receipt), eq(reports.reporterChat, chatKey)));
  return row;
}
