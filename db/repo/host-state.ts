// Shared state of the host's periodic work (the last tick), read by /healthz on any instance.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { hostState } from '../schema';

/** The key of the last tick's summary (src/tick.ts writes it, /healthz reads it). */
export const TICK_STATE_KEY = 'tick';

export async function readHostState(db: Db, key: string): Promise<{ value: unknown; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ value: hostState.value, updatedAt: hostState.updatedAt })
    .from(hostState)
    .where(eq(hostState.key, key));
  return row;
}

export async function writeHostState(db: Db, key: string, value: unknown, at: Date): Promise<void> {
  await db
    .insert(hostState)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: hostState.key, set: { value, updatedAt: at } });
}
