// A receipt number is random; in the rare case it already exists, the submit batch fails as a whole and
// the turn is run again with a new number instead of answering 500.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { fetcherFor, submitReport } from './console-fixtures';
import { tempDir, testConfig } from './helpers';

const tmp = tempDir();
let host: NodeHost;
let receiptDraws = 0;
/** The first two receipt draws (12 random bytes each) are the same; everything else is random. */
const random = (n: number) =>
  n === 12 && receiptDraws++ < 2 ? new Uint8Array(12).fill(7) : crypto.getRandomValues(new Uint8Array(n));

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { random });
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

describe('receipt numbers', () => {
  it('a colliding receipt is drawn again, and both reports are stored', async () => {
    const f = fetcherFor(host.url);
    const first = await submitReport(f, host.deps.db, M05_ANSWERS);
    const second = await submitReport(f, host.deps.db, M05_ANSWERS);
    expect(receiptDraws).toBe(3);
    expect(first.receipt).toBe('CC-2026-999999');
    expect(second.receipt).not.toBe(first.receipt);
    expect(await host.deps.db.$count(reports)).toBe(2);
  });
});
