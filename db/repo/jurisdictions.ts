import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { jurisdictions } from '../schema';

export type Jurisdiction = typeof jurisdictions.$inferSelect;

export function listJurisdictions(db: Db): Promise<Jurisdiction[]> {
  return db.select().from(jurisdictions).orderBy(asc(jurisdictions.sort));
}

export async function getJurisdiction(db: Db, id: string): Promise<Jurisdiction | undefined> {
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  return row;
}

/**
 * Jurisdictions change rarely (the city office edits them), yet every intake turn needs them for the
 * district question: cache per instance for a minute instead of reading them on every turn.
 */
export function jurisdictionCache(db: Db, clock: () => Date, ttlMs = 60_000) {
  let cached: { at: number; rows: Jurisdiction[] } | undefined;
  return {
    async all(): Promise<Jurisdiction[]> {
      const now = clock().getTime();
      if (!cached || now - cached.at > ttlMs || now < cached.at)
        cached = { at: now, rows: await listJurisdictions(db) };
      return cached.rows;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
export type JurisdictionCache = ReturnType<typeof jurisdictionCache>;
