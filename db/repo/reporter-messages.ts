// The reporter's side of the conversation with the receiving office: what a reporter writes on the status
// page, through the API or in reply to the bot becomes a 'message_in' event on the case timeline. Shared
// by the web and Telegram paths; with an inbound key the event is written in the same batch as the key, so
// a resent form or a redelivered update records it once.
import type { BatchItem, Db } from '../client';
import { outbox } from '../schema';
import { eventStatement } from './cases';
import { claimInbound } from './telegram';

export type ReporterChannel = 'web' | 'telegram' | 'wechat';

export interface ReporterReply {
  reportId: string;
  /** Already cleaned (see cleanReporterMessage). */
  text: string;
  channel: ReporterChannel;
  at: Date;
  /** Id of the outbox row that tells the receiving office a message arrived (sent with the event). */
  noticeId: string;
}

/** The timeline event and the notice to the receiving office's channels, for one batch. */
export function reporterReplyStatements(db: Db, m: ReporterReply): BatchItem[] {
  return [
    eventStatement(db, {
      reportId: m.reportId,
      at: m.at,
      actorType: 'reporter',
      actorId: null,
      type: 'message_in',
      data: { text: m.text, channel: m.channel },
    }),
    db.insert(outbox).values({
      id: m.noticeId,
      kind: 'reporter_replied',
      reportId: m.reportId,
      payload: { reportId: m.reportId },
      nextAttemptAt: m.at,
      createdAt: m.at,
    }),
  ];
}

/**
 * Records the reporter's message. With `inboundKey`, at most once per key: false when the key was already
 * recorded (a repeat), and then nothing is written.
 */
export async function recordReporterReply(db: Db, m: ReporterReply, inboundKey?: string): Promise<boolean> {
  const [event, notice] = reporterReplyStatements(db, m) as [BatchItem, BatchItem];
  if (inboundKey === undefined) {
    await db.batch([event, notice]);
    return true;
  }
  return claimInbound(db, inboundKey, m.at, [event, notice]);
}
