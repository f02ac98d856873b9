// `npm run backup -- FILE` on a live server: a backup taken during a burst of submissions holds every report
// that was acknowledged before it started (the WAL included), and opens as a working database.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup';
import { openLibsql } from '../../db/libsql';
import { reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { fetcherFor, submitReport } from './console-fixtures';
import { tempDir, testConfig } from './helpers';

const tmp = tempDir();
const dbFile = join(tmp.dir, 'app.db');
let host: NodeHost;

beforeAll(async () => {
  host = await startNodeHost(testConfig(dbFile, { DRAFTS_PER_MINUTE: '1000' }));
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('backup of the live embedded database', () => {
  it('restores every report acknowledged before a backup taken during a write burst', async () => {
    const f = fetcherFor(host.url);
    const acknowledged: string[] = [];
    let fourIn: () => void = () => {};
    const someIn = new Promise<void>((ok) => {
      fourIn = ok;
    });
    const burst = Array.from({ length: 12 }, async () => {
      const { receipt } = await submitReport(f, host.deps.db, M05_ANSWERS);
      acknowledged.push(receipt);
      if (acknowledged.length === 4) fourIn();
    });
    // Take the backup once some reports are in and others are still being written.
    await someIn;
    const before = [...acknowledged];
    expect(before.length).toBeLessThan(12);
    const target = join(tmp.dir, 'backups', 'during-burst.db');
    const done = await backupDatabase(`file:${dbFile}`, target);
    await Promise.all(burst);
    expect(done.bytes).toBeGreaterThan(0);
    // The server kept its data in the WAL all along: the copy has it anyway.
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    const restored = await openLibsql(`file:${target}`);
    try {
      const rows = await restored.db
        .select({ receipt: reports.receipt })
        .from(reports)
        .where(inArray(reports.receipt, before));
      expect(rows.map((r) => r.receipt).sort()).toEqual([...before].sort());
    } finally {
      restored.close();
    }
  });

  it('runs as `npm run backup -- FILE` and refuses to overwrite', () => {
    const target = join(tmp.dir, 'cli.db');
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', target], {
        env: { ...process.env, LIBSQL_URL: `file:${dbFile}` },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('备份完成');
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
  });
});
