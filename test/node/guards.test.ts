// Conflict detection by what libSQL returns (the same cases run on D1 in test/workers/guards.test.ts).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type OpenedDb, openLibsql } from '../../db/libsql';
import {
  collidingReceiptIsDrawnAgain,
  officerKeysAreCheckedByTheDatabase,
  repeatedKeyAnswersTheFirstResult,
  staleTurnIsAConflict,
} from '../support/guard-cases';
import { tempDir } from './helpers';

const tmp = tempDir();
let opened: OpenedDb;

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'app.db')}`);
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

describe('conflicts recognised by the database result on libSQL', () => {
  it('a stale turn writes nothing and is a conflict with the current question', () => staleTurnIsAConflict(opened.db));
  it('a colliding receipt number is drawn again', () => collidingReceiptIsDrawnAgain(opened.db));
  it('a repeated inbound key answers the first result', () => repeatedKeyAnswersTheFirstResult(opened.db));
  it('link codes and usernames are checked by the database', () => officerKeysAreCheckedByTheDatabase(opened.db));
});
