// The per-address limit on new drafts, taken in the draft's own batch (startDraft in
// src/service/intake-service.ts): the same checks on the embedded libSQL file (test/node/rate-limits.test.ts)
// and on D1 (test/workers/limits.test.ts), since the guard is SQL both databases must run alike.
import { count } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { intakeDrafts } from '../../db/schema';
import { loadConfig } from '../../src/config';
import { cryptoRandom } from '../../src/deps';
import { createIntakeService, IntakeError } from '../../src/service/intake-service';

/** 12 parallel new drafts from one address under a limit of 3: exactly 3 stored, 9 told when to come back. */
export async function checkDraftLimit(db: Db, address: string) {
  let now = new Date('2026-11-25T02:00:00Z');
  const deps = { db, config: loadConfig({}), clock: () => now, random: cryptoRandom, defer: () => {} };
  const intake = createIntakeService(deps, jurisdictionCache(db, deps.clock));
  const limit = { key: `drafts:${address}`, perMinute: 3 };
  const stored = async () => {
    const [row] = await db.select({ n: count() }).from(intakeDrafts);
    return row?.n ?? 0;
  };
  const before = await stored();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 12 }, () => intake.startDraft({ channel: 'web', locale: 'zh', limit })),
  );
  const started = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
  expect(started).toHaveLength(3);
  expect(refused).toHaveLength(9);
  for (const err of refused) {
    expect(err).toBeInstanceOf(IntakeError);
    expect((err as IntakeError).code).toBe('too_many_drafts');
    expect((err as IntakeError).retryAfter).toBe(60);
  }
  expect(await stored()).toBe(before + 3);

  // A minute later the address has its slots again.
  now = new Date(now.getTime() + 60_000);
  const later = await intake.startDraft({ channel: 'web', locale: 'zh', limit });
  expect(later.reply.text).toBeTruthy();
  expect(await stored()).toBe(before + 4);
}
