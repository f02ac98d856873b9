// A consistent copy of the live embedded database while the server runs: SQLite's VACUUM INTO reads one
// snapshot (the main file and everything committed to the WAL) and writes a new, compact database file.
// Copying data/app.db alone would miss what still sits in data/app.db-wal.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient } from '@libsql/client';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Writes a backup of the embedded database at `url` (file:…) to `target`, which must not exist yet. */
export async function backupDatabase(url: string, target: string): Promise<{ path: string; bytes: number }> {
  if (!url.startsWith('file:')) {
    throw new BackupError(
      `备份只适用于内嵌数据库文件 Only an embedded file: database can be backed up this way (LIBSQL_URL is remote: use Turso's point-in-time restore or \`turso db shell … .dump\`; on D1 use Time Travel).`,
    );
  }
  const path = resolve(target);
  if (existsSync(path))
    throw new BackupError(`备份文件已存在 The backup file ${path} already exists; choose a new name.`);
  mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url });
  try {
    // Wait for a writer instead of failing while the server is busy.
    await client.execute('PRAGMA busy_timeout = 10000');
    await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
  } finally {
    client.close();
  }
  return { path, bytes: statSync(path).size };
}
