// The transactional outbox (ARCHITECTURE.md § The outbox): rows are written in the same batch as what caused
// them and sent by the dispatcher. Every outcome write is guarded by the lease owner, so an instance whose lease
// ran out cannot overwrite the outcome recorded by the instance that took the row over.
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { notifyChannels, outbox } from '../schema';
import type { ChannelType } from './channels';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxState = OutboxRow['state'];
export const OUTBOX_STATES = ['pending', 'sent', 'dead'] as const satisfies readonly OutboxState[];

/**
 * Queue order among due rows: lower first. Urgent (紧急重大) reports' notices overtake any backlog; a bot's
 * reply to someone waiting in a chat comes next; everything else after.
 */
export const OUTBOX_PRIORITY = { urgent: 0, reply: 1, normal: 2 } as const;
export type OutboxPriority = (typeof OUTBOX_PRIORITY)[keyof typeof OUTBOX_PRIORITY];

/** A report's notices are urgent when the rules said "report at once". */
export const priorityOfUrgency = (urgency: string | null | undefined): OutboxPriority =>
  urgency === 'immediate' ? OUTBOX_PRIORITY.urgent : OUTBOX_PRIORITY.normal;

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
  /** Only kinds this dispatcher can handle: rows of other kinds stay pending for their own handler. */
  kinds: readonly string[];
  /** Channels known to be waiting for a rate-limit token: their rows are left where they are. */
  skipChannels?: readonly string[];
}

/**
 * Leases up to `limit` due rows in ONE statement (UPDATE … WHERE id IN (SELECT … LIMIT) RETURNING): SQLite
 * and D1 run a statement atomically, so two dispatchers never lease the same row.
 */
export async function claimDue(db: Db, o: ClaimOptions): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'pending'),
        lte(outbox.nextAttemptAt, o.now),
        or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, o.now)),
        inArray(outbox.kind, [...o.kinds]),
        o.skipChannels?.length
          ? or(isNull(outbox.channelId), notInArray(outbox.channelId, [...o.skipChannels]))
          : undefined,
      ),
    )
    // Urgent first, then oldest due first; created_at and id keep rows released to the same moment in order.
    .orderBy(asc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.createdAt), sql`rowid`)
    .limit(o.limit);
  const rows = await db
    .update(outbox)
    .set({ leaseOwner: o.owner, leaseUntil: o.leaseUntil })
    .where(inArray(outbox.id, due))
    .returning({ ...getTableColumns(outbox), seq: sql<number>`rowid` });
  // RETURNING gives the rows in table order, not the subquery's: put them back in queue order (rowid last:
  // rows written in one batch at one instant keep the order they were written in).
  return rows.sort(queueOrder).map(({ seq: _seq, ...row }) => row);
}

type Queued = Pick<OutboxRow, 'priority' | 'nextAttemptAt' | 'createdAt'> & { seq: number };

/** Queue order: priority, then due time, then creation, then insertion. */
function queueOrder(a: Queued, b: Queued): number {
  return (
    a.priority - b.priority ||
    a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.seq - b.seq
  );
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
  outcome: { attempts?: number; lastError?: string; payload?: unknown } = {},
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
/** Hands several leased rows back at once, all due at `at` (a destination out of tokens until then). */
export function releaseAll(db: Db, ids: readonly string[], owner: string, at: Date) {
  return db
    .update(outbox)
    .set({ ...released, nextAttemptAt: at })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.leaseOwner, owner)));
}

/**
 * Leases one row by id when it is pending and nobody holds it (the bot sending its own reply at once, or
 * again for a redelivered update). Undefined when it is sent, dead or someone else's.
 */
export async function leaseOne(db: Db, id: string, owner: string, now: Date, leaseUntil: Date) {
  const [row] = await db
    .update(outbox)
    .set({ leaseOwner: owner, leaseUntil })
    .where(
      and(eq(outbox.id, id), eq(outbox.state, 'pending'), or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, now))),
    )
    .returning();
  return row;
}

/**
 * When the next row of these kinds comes due (a leased row: when its lease runs out), or undefined when
 * none is pending. The Node host sets its dispatcher timer to it.
 */
export async function nextDueAt(db: Db, kinds: readonly string[]): Promise<Date | undefined> {
  const [row] = await db
    .select({
      at: sql<number | null>`min(max(${outbox.nextAttemptAt}, coalesce(${outbox.leaseUntil}, 0)))`,
    })
    .from(outbox)
    .where(and(eq(outbox.state, 'pending'), inArray(outbox.kind, [...kinds])));
  return row?.at === null || row?.at === undefined ? undefined : new Date(Number(row.at));
}

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
  priority?: OutboxPriority;
  /** Inserted already leased: the writer sends it at once itself (a bot reply), others leave it alone. */
  lease?: { owner: string; until: Date };
}

/** Inserts a row unless its dedupe key exists already (a repeated fan-out adds nothing). */
export function insertOnce(db: Db, row: NewOutboxRow): BatchItem {
  const { at, lease, ...values } = row;
  return db
    .insert(outbox)
    .values({
      ...values,
      nextAttemptAt: at,
      createdAt: at,
      ...(lease ? { leaseOwner: lease.owner, leaseUntil: lease.until } : {}),
    })
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

export interface OutboxHealth {
  pending: number;
  dead: number;
  /** When the oldest row still pending was written (undefined: nothing pending). */
  oldestPendingAt: Date | undefined;
}

/** /healthz's view of the queue: three index reads (outbox_due_idx), never a scan of the sent rows. */
export async function outboxHealth(db: Db): Promise<OutboxHealth> {
  const [row] = await db
    .select({
      pending: sql<number>`(SELECT count(*) FROM ${outbox} WHERE ${outbox.state} = 'pending')`,
      dead: sql<number>`(SELECT count(*) FROM ${outbox} WHERE ${outbox.state} = 'dead')`,
      oldest: sql<number | null>`(SELECT min(${outbox.createdAt}) FROM ${outbox} WHERE ${outbox.state} = 'pending')`,
    })
    .from(sql`(SELECT 1)`);
  const oldest = row?.oldest;
  return {
    pending: Number(row?.pending ?? 0),
    dead: Number(row?.dead ?? 0),
    oldestPendingAt: oldest === null || oldest === undefined ? undefined : new Date(Number(oldest)),
  };
}
