// Opens a libSQL database for the Node host and tests: an embedded file (WAL on, directory created)
// or a remote libSQL/Turso URL; applies the migrations in db/migrations.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client';
import * as schema from './schema';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenedDb {
  db: Db;
  client: Client;
  close: () => void;
}

export async function openLibsql(url: string, authToken?: string): Promise<OpenedDb> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  if (isFile) {
    // WAL lets readers run beside the writer; busy_timeout waits instead of failing under contention.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, client, close: () => client.close() };
}
