// One database type for both hosts: drizzle over libSQL (Node, Turso) and over D1 (Workers) share the
// async SQLite query builder and `batch`, which is the transaction on D1 (it has no BEGIN).

import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Schema = typeof schema;
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> & Pick<LibSQLDatabase<Schema>, 'batch'>;
/** One statement of a write batch. */
export type BatchItem = Parameters<Db['batch']>[0][number];
