// Warning decisions as issued, requested or lifted (seed §3, §9): the row that says what is in force now.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { warningDecisions } from '../schema';

export type WarningAction = (typeof warningDecisions.$inferSelect)['action'];

export interface CurrentWarning {
  id: string;
  level: number;
  action: WarningAction;
  at: Date;
}

/** The latest issued, requested or lifted warning; undefined when none ever was. */
export async function currentWarning(db: Db): Promise<CurrentWarning | undefined> {
  const [row] = await db
    .select({
      id: warningDecisions.id,
      level: warningDecisions.decidedLevel,
      action: warningDecisions.action,
      at: warningDecisions.decidedAt,
    })
    .from(warningDecisions)
    .where(inArray(warningDecisions.action, ['issued', 'requested', 'lifted']))
    // rowid breaks a tie between two actions in the same millisecond: the later insert wins.
    .orderBy(desc(warningDecisions.decidedAt), desc(sql`rowid`))
    .limit(1);
  return row;
}

export async function findWarningDecision(db: Db, id: string) {
  const [row] = await db.select().from(warningDecisions).where(eq(warningDecisions.id, id));
  return row;
}

/** Records when and to whom a level-2/3 request (提请) went. */
export function recordRequestSent(db: Db, id: string, sentAt: Date, sentTo: string) {
  return db.update(warningDecisions).set({ sentAt, sentTo }).where(eq(warningDecisions.id, id));
}
