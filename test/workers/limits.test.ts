// The guarded counter behind sign-in and per-address limits, on D1: parallel takers get at most the limit, and a
// new draft is stored only with a slot.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { takeSlot } from '../../db/repo/limits';
import * as schema from '../../db/schema';
import { checkDraftLimit } from '../support/draft-limit';

describe('a new draft under the per-address limit on D1', () => {
  it('stores exactly the limit of drafts sent at once, and refuses the rest with the seconds to wait', async () => {
    await checkDraftLimit(drizzle(env.DB, { schema }) as unknown as Db, '203.0.113.9');
  });
});

describe('takeSlot on D1', () => {
  it('gives 10 of 40 parallel takers a slot, then none until the window passes', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db;
    const now = new Date('2026-11-25T02:00:00Z');
    const results = await Promise.all(Array.from({ length: 40 }, () => takeSlot(db, 'k:test', 10, 60_000, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok ? refused.retryAt.getTime() : 0).toBe(now.getTime() + 60_000);
    const later = await takeSlot(db, 'k:test', 10, 60_000, new Date(now.getTime() + 60_000));
    expect(later).toEqual({ ok: true, count: 1 });
  });
});
