// Inbound event keys (DESIGN idea 5): the key is inserted in the same batch as the effects it caused.
import { eq } from 'drizzle-orm';
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
