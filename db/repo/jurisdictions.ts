import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { jurisdictions } from '../schema';

export type Jurisdiction = typeof jurisdictions.$inferSelect;

/** A started read: async, because a drizzle query only runs when awaited, and the cache below starts it early. */
export async function listJurisdictions(db: Db): Promise<Jurisdiction[]> {
  return await db.select().from(jurisdictions).orderBy(asc(jurisdictions.sort));
}

export async function getJurisdiction(db: Db, id: string): Promise<Jurisdiction | undefined> {
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  return row;
}

/**
 * Jurisdictions change rarely (the city office edits them), yet every intake turn needs them for the
 * district question: cache per instance for a minute instead of reading them on every turn. The cache holds
 * the read itself, so requests arriving while it runs share it, and a caller can start it early (beside
 * another statement) and find it done when it needs the rows. A failed read is not kept.
 */
export function jurisdictionCache(db: Db, clock: () => Date, ttlMs = 60_000) {
  let cached: { at: number; rows: Promise<Jurisdiction[]> } | undefined;
  return {
    all(): Promise<Jurisdiction[]> {
      const now = clock().getTime();
      if (!cached || now - cached.at > ttlMs || now < cached.at) {
        const entry = { at: now, rows: listJurisdictions(db) };
        entry.rows.catch(() => {
          if (cached === entry) cached = undefined;
        });
        cached = entry;
      }
      return cached.rows;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
export type JurisdictionCache = ReturnType<typeof jurisdictionCache>;
