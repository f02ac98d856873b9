// Inbound event keys (DESIGN idea 5): the key is inserted in the same batch as the effects it caused.
import { eq, lt } from 'drizzle-orm';
import type { BatchItem, Db } from '../client';
import { inboundEvents } from '../schema';

export function recordInbound(db: Db, key: string, response: unknown, at: Date): BatchItem {
  return db.insert(inboundEvents).values({ key, response, createdAt: at });
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
