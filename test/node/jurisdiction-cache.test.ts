// The jurisdiction cache behind every intake turn (db/repo/jurisdictions.ts): one read shared by the requests
// that arrive while it runs, a failed read never kept, an edit seen after the minute.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibsql } from '../../db/libsql';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import * as schema from '../../db/schema';
import { countingClient } from '../support/counting-client';
import { manualClock, tempDir } from './helpers';

const tmp = tempDir();
let opened: Awaited<ReturnType<typeof openLibsql>>;
let counter: ReturnType<typeof countingClient>;
let db: ReturnType<typeof drizzle<typeof schema>>;

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'juris.db')}`);
  counter = countingClient(opened.client);
  db = drizzle(counter.proxy, { schema });
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

describe('jurisdiction cache', () => {
  it('reads once for the requests arriving together, and again only after the minute', async () => {
    const clock = manualClock();
    const cache = jurisdictionCache(db, clock.now);
    counter.reset();
    const [a, b] = await Promise.all([cache.all(), cache.all()]);
    expect(counter.calls).toEqual(['execute']);
    expect(a).toHaveLength(18);
    expect(b).toBe(a);

    await db.update(schema.jurisdictions).set({ nameZh: '朝阳区（改）' }).where(eq(schema.jurisdictions.id, '220104'));
    clock.advance(59_000);
    expect((await cache.all()).find((j) => j.id === '220104')?.nameZh).toBe('朝阳区');
    clock.advance(2_000);
    expect((await cache.all()).find((j) => j.id === '220104')?.nameZh).toBe('朝阳区（改）');
    await db.update(schema.jurisdictions).set({ nameZh: '朝阳区' }).where(eq(schema.jurisdictions.id, '220104'));
  });

  it('keeps no failed read: the next call reads again at once', async () => {
    const cache = jurisdictionCache(db, manualClock().now);
    await opened.client.execute('ALTER TABLE jurisdictions RENAME TO jurisdictions_away');
    try {
      await expect(cache.all()).rejects.toThrow();
    } finally {
      await opened.client.execute('ALTER TABLE jurisdictions_away RENAME TO jurisdictions');
    }
    expect(await cache.all()).toHaveLength(18);
  });
});
