// The transactional outbox (DESIGN idea 6): rows are written in the same batch as what caused them and
// sent by the dispatcher. Every outcome write is guarded by the lease owner, so an instance whose lease
// ran out cannot overwrite the outcome recorded by the instance that took the row over.
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { notifyChannels, outbox } from '../schema';
import type { ChannelType } from './channels';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxState = OutboxRow['state'];
export const OUTBOX_STATES = ['pending', 'sent', 'dead'] as const satisfies readonly OutboxState[];

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
  /** Only kinds this dispatcher can handle: rows of other kinds stay pending for their own handler. */
  kinds: readonly string[];
}

/**
 * Leases up to `limit` due rows in ONE statement (UPDATE … WHERE id IN (SELECT … LIMIT) RETURNING): SQLite
 * and D1 run a statement atomically, so two dispatchers never lease the same row.
 */
export function claimDue(db: Db, o: ClaimOptions): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'pending'),
        lte(outbox.nextAttemptAt, o.now),
        or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, o.now)),
        inArray(outbox.kind, [...o.kinds]),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(o.limit);
  return db
    .update(outbox)
    .set({ leaseOwner: o.owner, leaseUntil: o.leaseUntil })
    .where(inArray(outbox.id, due))
    .returning();
}

const leased = (id: string, owner: string) => and(eq(outbox.id, id), eq(outbox.leaseOwner, owner));
const released = { leaseOwner: null, leaseUntil: null } as const;

/**
 * Delivered. `nextAttemptAt` takes the send time too, so the recent-sends query below is served by the
 * (state, next_attempt_at) index instead of scanning every sent row.
 */
export function markSent(db: Db, id: string, owner: string, at: Date, attempts: number) {
  return db
    .update(outbox)
    .set({ ...released, state: 'sent', sentAt: at, nextAttemptAt: at, attempts, lastError: null })
    .where(leased(id, owner));
}

/** Back to pending for a later try; `attempts` and `lastError` are left alone unless given. */
export function reschedule(
  db: Db,
  id: string,
  owner: string,
  at: Date,
  outcome: { attempts?: number; lastError?: string } = {},
) {
  return db
    .update(outbox)
    .set({ ...released, nextAttemptAt: at, ...outcome })
    .where(leased(id, owner));
}

/**
 * Done without sending: the notice no longer holds (a reminder for a case filed or closed meanwhile). The
 * row counts as handled, but has no sent_at, so the rate limiter does not count it; `note` says why.
 */
export function markSkipped(db: Db, id: string, owner: string, attempts: number, note: string) {
  return db
    .update(outbox)
    .set({ ...released, state: 'sent', attempts, lastError: note })
    .where(leased(id, owner));
}

export function markDead(db: Db, id: string, owner: string, attempts: number, lastError: string) {
  return db
    .update(outbox)
    .set({ ...released, state: 'dead', attempts, lastError })
    .where(leased(id, owner));
}

export interface NewOutboxRow {
  id: string;
  kind: string;
  reportId: string | null;
  channelId: string | null;
  payload: unknown;
  dedupeKey: string;
  at: Date;
}

/** Inserts a row unless its dedupe key exists already (a repeated fan-out adds nothing). */
export function insertOnce(db: Db, row: NewOutboxRow): BatchItem {
  const { at, ...values } = row;
  return db
    .insert(outbox)
    .values({ ...values, nextAttemptAt: at, createdAt: at })
    .onConflictDoNothing();
}

export interface SendLogEntry {
  id: string;
  at: number;
}

/**
 * Rows delivered since `since` to one destination (channel type + target), whichever channel row or
 * instance sent them: seeds the in-memory rate limiter after a restart or in a fresh Worker isolate.
 */
export async function recentSends(db: Db, type: ChannelType, target: string, since: Date): Promise<SendLogEntry[]> {
  const rows = await db
    .select({ id: outbox.id, at: outbox.sentAt })
    .from(outbox)
    .innerJoin(notifyChannels, eq(notifyChannels.id, outbox.channelId))
    .where(
      and(
        eq(outbox.state, 'sent'),
        gt(outbox.nextAttemptAt, since),
        eq(notifyChannels.type, type),
        eq(notifyChannels.target, target),
      ),
    );
  return rows.flatMap((r) => (r.at ? [{ id: r.id, at: r.at.getTime() }] : []));
}

/**
 * Messages delivered since `since` to one reporter's Telegram chat (rows that name their chat in the payload
 * instead of a channel): seeds the per-chat limit like `recentSends`.
 */
export async function recentChatSends(db: Db, kind: string, chatId: string, since: Date): Promise<SendLogEntry[]> {
  const rows = await db
    .select({ id: outbox.id, at: outbox.sentAt })
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'sent'),
        gt(outbox.nextAttemptAt, since),
        eq(outbox.kind, kind),
        sql`json_extract(${outbox.payload}, '$.chatId') = ${chatId}`,
      ),
    );
  return rows.flatMap((r) => (r.at ? [{ id: r.id, at: r.at.getTime() }] : []));
}

export interface OutboxListItem {
  id: string;
  kind: string;
  reportId: string | null;
  channelId: string | null;
  channelName: string | null;
  channelType: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The officers' view: rows in one state, newest first (dead and pending rows are what needs attention). */
export function listOutbox(db: Db, state: OutboxState, limit: number): Promise<OutboxListItem[]> {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      reportId: outbox.reportId,
      channelId: outbox.channelId,
      channelName: notifyChannels.name,
      channelType: notifyChannels.type,
      state: outbox.state,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      leaseUntil: outbox.leaseUntil,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .leftJoin(notifyChannels, eq(notifyChannels.id, outbox.channelId))
    .where(eq(outbox.state, state))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** Counts by state, for the view's summary line. */
export async function countOutbox(db: Db): Promise<Record<OutboxState, number>> {
  const rows = await db.select({ state: outbox.state, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.state);
  const counts: Record<OutboxState, number> = { pending: 0, sent: 0, dead: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}
