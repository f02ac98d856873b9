// Intake drafts: one read per turn, one guarded write in the turn's batch
// (ARCHITECTURE.md § One read, one batch).
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rawStatement } from '../client';
import { intakeDrafts } from '../schema';

export type DraftRow = typeof intakeDrafts.$inferSelect;
export type NewDraft = typeof intakeDrafts.$inferInsert;

// The read of every turn, prepared once per database handle: building the query each time cost as much as
// running it (measured in `npm run bench`).
const preparedFind = new WeakMap<Db, ReturnType<typeof prepareFind>>();
const prepareFind = (db: Db) =>
  db
    .select()
    .from(intakeDrafts)
    .where(eq(intakeDrafts.id, sql.placeholder('id')))
    .prepare();

export async function findDraft(db: Db, id: string): Promise<DraftRow | undefined> {
  let find = preparedFind.get(db);
  if (!find) {
    find = prepareFind(db);
    preparedFind.set(db, find);
  }
  return find.get({ id });
}

export async function findActiveDraftByChat(db: Db, chatKey: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(intakeDrafts).where(eq(intakeDrafts.chatKey, chatKey));
  return row;
}

export function insertDraft(db: Db, draft: NewDraft) {
  return db.insert(intakeDrafts).values(draft);
}

/** A new draft's columns, as startDraft writes them. */
export type StartedDraft = Pick<
  DraftRow,
  'id' | 'tokenHash' | 'channel' | 'chatKey' | 'state' | 'version' | 'createdAt' | 'updatedAt' | 'expiresAt'
>;

/**
 * The new draft's insert, for a batch, made only while `condition` holds (a rate limit's open slot, checked in the
 * same batch): the result's changed rows say whether it was.
 */
export function insertDraftWhile(db: Db, draft: StartedDraft, condition: SQL): BatchItem {
  const c = intakeDrafts;
  // Each column with its value as stored (JSON text, milliseconds), in one list so the two cannot drift apart.
  const stored: [{ name: string }, unknown][] = [
    [c.id, draft.id],
    [c.tokenHash, draft.tokenHash],
    [c.channel, draft.channel],
    [c.chatKey, draft.chatKey],
    [c.state, JSON.stringify(draft.state)],
    [c.version, draft.version],
    [c.createdAt, draft.createdAt.getTime()],
    [c.updatedAt, draft.updatedAt.getTime()],
    [c.expiresAt, draft.expiresAt.getTime()],
  ];
  const names = sql.join(
    stored.map(([col]) => sql.identifier(col.name)),
    sql`, `,
  );
  const values = sql.join(
    stored.map(([, v]) => sql`${v}`),
    sql`, `,
  );
  return rawStatement(db, sql`INSERT INTO ${c} (${names}) SELECT ${values} WHERE ${condition}`);
}

export interface DraftChange {
  state: unknown;
  status?: DraftRow['status'];
  reportId?: string;
  receipt?: string;
  /** Released when the draft closes, so the chat can start a new one. */
  chatKey?: string | null;
  updatedAt: Date;
  expiresAt: Date;
}

/**
 * The version-guarded write. When another turn already moved the draft past `expectedVersion`, the CASE
 * yields NULL into a NOT NULL column: the statement fails and with it the whole batch (D1 has no BEGIN,
 * so the batch is the transaction), so nothing of a stale turn is written. The failure only aborts; what
 * it means is asked of the database afterwards (the draft's version now), never read from the error's wording.
 */
export function guardedDraftUpdate(db: Db, id: string, expectedVersion: number, change: DraftChange): BatchItem {
  // Plain SQL rather than the update builder: this runs on every turn, and building it was a quarter of the
  // turn's own CPU. Column names still come from the schema.
  const col = (c: { name: string }) => sql.identifier(c.name);
  const sets = [
    sql`${col(intakeDrafts.state)} = ${JSON.stringify(change.state)}`,
    sql`${col(intakeDrafts.updatedAt)} = ${change.updatedAt.getTime()}`,
    sql`${col(intakeDrafts.expiresAt)} = ${change.expiresAt.getTime()}`,
    sql`${col(intakeDrafts.version)} = CASE WHEN ${col(intakeDrafts.version)} = ${expectedVersion} THEN ${expectedVersion + 1} ELSE NULL END`,
  ];
  if (change.status !== undefined) sets.push(sql`${col(intakeDrafts.status)} = ${change.status}`);
  if (change.reportId !== undefined) sets.push(sql`${col(intakeDrafts.reportId)} = ${change.reportId}`);
  if (change.receipt !== undefined) sets.push(sql`${col(intakeDrafts.receipt)} = ${change.receipt}`);
  if (change.chatKey !== undefined) sets.push(sql`${col(intakeDrafts.chatKey)} = ${change.chatKey}`);
  return rawStatement(
    db,
    sql`UPDATE ${intakeDrafts} SET ${sql.join(sets, sql`, `)} WHERE ${col(intakeDrafts.id)} = ${id}`,
  );
}

/**
 * Removes drafts idle past their expiry (run by the tick), whatever their status: a submitted report lives
 * on in `reports`, and personal data should not linger in abandoned conversations. Returns how many went.
 */
export async function deleteExpiredDrafts(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(intakeDrafts).where(lt(intakeDrafts.expiresAt, now)).returning({ id: intakeDrafts.id });
  return gone.length;
}
