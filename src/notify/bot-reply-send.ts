// Sending a bot's reply through the outbox from the bot itself: the row is written leased to this handler
// (so no dispatcher takes it meanwhile), sent at once and marked sent. A failed Bot API call leaves the row
// pending on the retry ladder (the dispatcher sends it, 5 s later first) — the reply is not lost. A
// redelivered update finds its reply row: still pending, it is sent now; sent, nothing is sent again.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { leaseOne, markSent, nextDueAt, OUTBOX_PRIORITY, type OutboxRow } from '../../db/repo/outbox';
import { joinedOrPlain } from '../../db/repo/reports';
import { outbox } from '../../db/schema';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { BOT_REPLY_KIND, type BotReply, botReplyKey, type ReplyTransport } from './bot-reply';
import { NOTIFY_KINDS } from './dispatcher';
import { logEvent } from './log';
import { recordFailure } from './outcome';

/** Long enough for one reply's calls (each at most 10 s); a crashed handler's reply goes out soon after. */
const REPLY_LEASE_MS = 30_000;

/** The reply row for one update, leased to `owner`: for the update's own batch (see conversation.ts). */
export function replyRowValues(deps: AppDeps, updateKey: string, reply: BotReply, owner: string) {
  const now = deps.clock();
  return {
    id: newId('o', now, deps.random),
    kind: BOT_REPLY_KIND,
    reportId: null,
    channelId: null,
    payload: reply,
    dedupeKey: botReplyKey(updateKey),
    priority: OUTBOX_PRIORITY.reply,
    nextAttemptAt: now,
    createdAt: now,
    leaseOwner: owner,
    leaseUntil: new Date(now.getTime() + REPLY_LEASE_MS),
  } satisfies typeof outbox.$inferInsert;
}

export function insertReplyRow(db: Db, values: ReturnType<typeof replyRowValues>) {
  return db.insert(outbox).values(values).onConflictDoNothing();
}

/** A submit's reply row for the submission's own batch: `joined` names the case if the report joins one. */
export function insertSubmitReplyRow(
  db: Db,
  values: ReturnType<typeof replyRowValues>,
  joined: BotReply,
  reportId: string,
) {
  return db
    .insert(outbox)
    .values({ ...values, payload: joinedOrPlain(joined, values.payload, reportId) })
    .onConflictDoNothing();
}

/** Writes the reply row (if the update has none yet) and sends it. */
export async function deliverReply(
  deps: AppDeps,
  transport: ReplyTransport,
  updateKey: string,
  reply: BotReply,
  stored?: { id: string; owner: string },
): Promise<void> {
  if (stored) {
    // Written in the update's batch a moment ago: not tried yet.
    await sendLeased(deps, transport, { id: stored.id, attempts: 0, payload: reply }, stored.owner);
    return;
  }
  const owner = newId('bot', deps.clock(), deps.random);
  const [row] = await insertReplyRow(deps.db, replyRowValues(deps, updateKey, reply, owner)).returning();
  // No row: this update's reply exists already (a copy of the update being handled elsewhere).
  if (row) await sendLeased(deps, transport, row, owner);
}

/** A redelivered update: its reply is sent if it is still pending (and nobody is sending it right now). */
export async function resendReply(deps: AppDeps, transport: ReplyTransport, updateKey: string): Promise<void> {
  const [found] = await deps.db
    .select()
    .from(outbox)
    .where(eq(outbox.dedupeKey, botReplyKey(updateKey)));
  if (found?.state !== 'pending') return;
  const now = deps.clock();
  const owner = newId('bot', now, deps.random);
  const row = await leaseOne(deps.db, found.id, owner, now, new Date(now.getTime() + REPLY_LEASE_MS));
  if (row) await sendLeased(deps, transport, row, owner);
}

async function sendLeased(
  deps: AppDeps,
  transport: ReplyTransport,
  row: Pick<OutboxRow, 'id' | 'attempts' | 'payload'>,
  owner: string,
) {
  const now = deps.clock();
  const reply = row.payload as BotReply;
  const { result, remaining } = await transport(reply).catch((err: unknown) => ({
    result: { ok: false as const, error: `sender failed: ${String(err)}` },
    remaining: reply,
  }));
  if (result.ok) {
    await markSent(deps.db, row.id, owner, now, row.attempts + 1);
    return;
  }
  const outcome = await recordFailure(deps.db, deps.random, row, owner, now, result, remaining);
  logEvent(outcome === 'dead' ? 'error' : 'warn', 'bot_reply_failed', {
    id: row.id,
    chatId: reply.chatId,
    attempts: row.attempts + (outcome === 'deferred' ? 0 : 1),
    outcome,
    error: result.error,
  });
  // The Node host's timer learns of the retry (Workers: the cron).
  deps.wake?.(await nextDueAt(deps.db, NOTIFY_KINDS));
}
