// What a chat channel without reply-to (WeChat) needs in one round trip: the stored first answer to an
// inbound key (a redelivered push) and the chat's active draft, read in ONE batch.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { inboundEvents, intakeDrafts, reports } from '../schema';
import type { DraftRow } from './drafts';
import type { ReportRow } from './reports';

export interface TurnContext {
  /** Set when this key was handled before: its stored response. */
  stored: { response: unknown } | undefined;
  draft: DraftRow | undefined;
}

export async function readTurnContext(db: Db, inboundKey: string, chatKey: string): Promise<TurnContext> {
  const [stored, drafts] = await db.batch([
    db.select({ response: inboundEvents.response }).from(inboundEvents).where(eq(inboundEvents.key, inboundKey)),
    db.select().from(intakeDrafts).where(eq(intakeDrafts.chatKey, chatKey)),
  ]);
  return { stored: stored[0], draft: drafts[0] };
}

/** The chat's most recent report that is still open: where a message typed outside a report goes. */
export async function latestOpenChatReport(db: Db, chatKey: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.reporterChat, chatKey), ne(reports.status, 'closed')))
    .orderBy(desc(reports.submittedAt))
    .limit(1);
  return row;
}
