// One database type for both hosts: drizzle over libSQL (Node, Turso) and over D1 (Workers) share the
// async SQLite query builder and `batch`, which is the transaction on D1 (it has no BEGIN).

import type { SQL } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Schema = typeof schema;
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> & Pick<LibSQLDatabase<Schema>, 'batch'>;
/** One statement of a write batch. */
export type BatchItem = Parameters<Db['batch']>[0][number];

/**
 * A raw SQL statement that can go into `db.batch` on both drivers. drizzle's D1 batch binds parameters on
 * the statement's `stmt` (a D1 prepared statement), which `db.run(sql…)` does not create, so a raw statement
 * with parameters would crash on Workers; here it is prepared on the D1 binding up front. On libSQL
 * (`$client` has no `prepare`) it is the plain `db.run`.
 */
export function rawStatement(db: Db, query: SQL): BatchItem {
  const raw = db.run(query);
  const client = (db as { $client?: unknown }).$client as { prepare?: (sql: string) => unknown } | undefined;
  if (typeof client?.prepare === 'function') {
    Object.defineProperty(raw, 'stmt', { value: client.prepare(raw.getQuery().sql) });
  }
  return raw;
}

/** Rows a write changed, from libSQL (`rowsAffected`) or D1 (`meta.changes`): how a guarded update reports a lost race. */
export function rowsChanged(result: unknown): number {
  const r = result as { rowsAffected?: number; meta?: { changes?: number } } | undefined;
  return r?.rowsAffected ?? r?.meta?.changes ?? 0;
}
