// Conflict detection by what D1 returns, in workerd (the same cases run on libSQL in test/node/guards.test.ts).
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, it } from 'vitest';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import {
  collidingReceiptIsDrawnAgain,
  officerKeysAreCheckedByTheDatabase,
  repeatedKeyAnswersTheFirstResult,
  staleTurnIsAConflict,
} from '../support/guard-cases';

const db = () => drizzle(env.DB, { schema }) as unknown as Db;

describe('conflicts recognised by the database result on D1', () => {
  it('a stale turn writes nothing and is a conflict with the current question', () => staleTurnIsAConflict(db()));
  it('a colliding receipt number is drawn again', () => collidingReceiptIsDrawnAgain(db()));
  it('a repeated inbound key answers the first result', () => repeatedKeyAnswersTheFirstResult(db()));
  it('link codes and usernames are checked by the database', () => officerKeysAreCheckedByTheDatabase(db()));
});
