// Reporters' messages on one case become few notices: thirty messages in a second were thirty group
// notices. The first message's notice goes at once; messages within REPORTER_NOTICE_COALESCE_MINUTES of the
// last notice wait until that window ends and then go as ONE notice ("the reporter sent N messages"). Each
// message keeps its own source row (written with the message); the row that goes out marks the others of the
// same case as coalesced into it, in the same batch as its fan-out.
import { and, desc, eq, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { BatchItem, Db } from '../../db/client';
import type { OutboxRow } from '../../db/repo/outbox';
import { outbox } from '../../db/schema';

const KIND = 'reporter_replied';

export type CoalescePlan = { waitUntil: Date } | { count: number; merged: string[]; statements: BatchItem[] };

export async function coalesceReplies(
  db: Db,
  row: OutboxRow,
  reportId: string,
  owner: string,
  now: Date,
  windowMs: number,
): Promise<CoalescePlan> {
  const [last] = await db
    .select({ at: outbox.sentAt })
    .from(outbox)
    .where(
      and(eq(outbox.kind, KIND), eq(outbox.reportId, reportId), eq(outbox.state, 'sent'), isNotNull(outbox.sentAt)),
    )
    .orderBy(desc(outbox.sentAt))
    .limit(1);
  if (last?.at && now.getTime() - last.at.getTime() < windowMs) {
    return { waitUntil: new Date(last.at.getTime() + windowMs) };
  }
  // Rows nobody else is sending: unleased, leased by this dispatcher, or with a lease run out.
  const free = or(isNull(outbox.leaseUntil), eq(outbox.leaseOwner, owner), lt(outbox.leaseUntil, now));
  const siblings = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, KIND),
        eq(outbox.reportId, reportId),
        eq(outbox.state, 'pending'),
        ne(outbox.id, row.id),
        free,
      ),
    );
  const merged = siblings.map((s) => s.id);
  const statements: BatchItem[] =
    merged.length === 0
      ? []
      : [
          db
            .update(outbox)
            .set({ state: 'sent', leaseOwner: null, leaseUntil: null, lastError: `coalesced into ${row.id}` })
            .where(and(inArray(outbox.id, merged), eq(outbox.state, 'pending'), free)),
        ];
  return { count: 1 + merged.length, merged, statements };
}
