// Inbound event keys (ARCHITECTURE.md § Exactly once where the world retries): the key is inserted in the
// same batch as the effects it caused.
import { eq, lt, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rawStatement } from '../client';
import { inboundEvents, reports } from '../schema';

export function recordInbound(db: Db, key: string, response: unknown, at: Date): BatchItem {
  return db.insert(inboundEvents).values({ key, response, createdAt: at });
}

/**
 * Adds to a submit's stored response the case its report joined (decided by the same batch, after the
 * response was written), so a repeated submit names the same case.
 */
export function joinedCaseInboundStatement(db: Db, key: string, reportId: string): BatchItem {
  return rawStatement(
    db,
    sql`UPDATE ${inboundEvents} SET response = json_set(response, '$.joinedCase', json((
      SELECT json_object('id', c.id, 'receipt', c.receipt) FROM ${reports} r JOIN ${reports} c ON c.id = r.case_id
      WHERE r.id = ${reportId})))
    WHERE key = ${key} AND EXISTS (SELECT 1 FROM ${reports} WHERE id = ${reportId} AND case_id IS NOT NULL)`,
  );
}

/** Whether a key is already recorded: after a failed batch that carried it, whether it was a repeat. */
export async function inboundRecorded(db: Db, key: string): Promise<boolean> {
  return (await db.$count(inboundEvents, eq(inboundEvents.key, key))) > 0;
}

export async function findInbound(db: Db, key: string): Promise<{ response: unknown } | undefined> {
  const [row] = await db
    .select({ response: inboundEvents.response })
    .from(inboundEvents)
    .where(eq(inboundEvents.key, key));
  return row;
}

/**
 * Forgets keys older than `before` (run by the tick). Telegram stops redelivering within a day and clients
 * retry an Idempotency-Key within minutes; the stored first responses hold personal data, so they go too.
 */
export async function deleteOldInbound(db: Db, before: Date): Promise<void> {
  await db.delete(inboundEvents).where(lt(inboundEvents.createdAt, before));
}
