// /healthz on the Node host: the outbox queue (pending, dead, age of the oldest pending row), the last tick
// (written by the tick to the database, so any instance sees it) and the Telegram polling loop's state from
// the handle the host keeps.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '../../db/schema';
import { startNodeHost } from '../../functions/node';
import { memoryLogger } from '../../src/log';
import { tick } from '../../src/tick';
import { insertReport } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);

interface Health {
  ok: boolean;
  outbox: { pending: number; dead: number; oldestPendingAgeSeconds: number | null };
  lastTick: { at: string; ageSeconds: number } | null;
  bot: { mode: string; state?: string; since?: string; failures?: number };
  warnings: string[];
}

/** A Bot API that holds getUpdates open until told how to answer it (a 409 here), and accepts the rest. */
async function holdingBotApi() {
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.endsWith('/getUpdates')) {
        held.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"result":true}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    conflict: () => {
      for (const res of held.splice(0)) {
        res.writeHead(409, { 'content-type': 'application/json' });
        res.end('{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}');
      }
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('/healthz', () => {
  it('reports the outbox queue, the last tick and the polling state, and the tick logs one line', async () => {
    const api = await holdingBotApi();
    const clock = manualClock('2026-11-25T02:00:00.000Z');
    const log = memoryLogger();
    const host = await startNodeHost(
      testConfig(join(tmp.dir, 'health.db'), { TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_ROOT: api.root }),
      { clock: clock.now, log },
    );
    try {
      const health = async () => (await (await fetch(`${host.url}/healthz`)).json()) as Health;
      const first = await health();
      expect(first.outbox).toEqual({ pending: 0, dead: 0, oldestPendingAgeSeconds: null });
      expect(first.lastTick).toBeNull();
      await vi.waitFor(() => expect(api.held.length).toBe(1));
      expect(first.bot).toMatchObject({ mode: 'polling', state: 'polling', failures: 0 });

      // Two reports wait (written 10 and 4 minutes ago), one row is dead.
      const { outboxId: older } = await insertReport(host.deps.db);
      const { outboxId: newer } = await insertReport(host.deps.db);
      await host.deps.db
        .update(outbox)
        .set({ createdAt: new Date('2026-11-25T01:50:00.000Z'), nextAttemptAt: new Date('2026-11-25T03:00:00.000Z') })
        .where(eq(outbox.id, older));
      await host.deps.db
        .update(outbox)
        .set({ createdAt: new Date('2026-11-25T01:56:00.000Z'), nextAttemptAt: new Date('2026-11-25T03:00:00.000Z') })
        .where(eq(outbox.id, newer));
      await host.deps.db.insert(outbox).values({
        id: 'o_dead',
        kind: 'report_alert',
        payload: {},
        state: 'dead',
        nextAttemptAt: clock.now(),
        lastError: 'WeCom errcode 93000: invalid webhook url',
      });
      expect((await health()).outbox).toEqual({ pending: 2, dead: 1, oldestPendingAgeSeconds: 600 });

      // A tick (the rows are not due yet: nothing is sent) is seen with its time, and logs one JSON line.
      await tick(host.deps);
      clock.advance(90_000);
      expect((await health()).lastTick).toEqual({ at: '2026-11-25T02:00:00.000Z', ageSeconds: 90 });
      const lines = log.lines.filter((l) => l.event === 'tick');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'info',
        at: '2026-11-25T02:00:00.000Z',
        dispatch: { sent: 0, dead: 0 },
        retention: { cases: 0, reports: 0 },
      });

      // Telegram answers 409 (another instance polls): the loop backs off and /healthz shows it.
      api.conflict();
      await vi.waitFor(async () => expect((await health()).bot).toMatchObject({ state: 'conflict', failures: 1 }));
    } finally {
      await host.stop();
      api.close();
    }
  });

  it('says the bot is off without a token', async () => {
    const host = await startNodeHost(testConfig(join(tmp.dir, 'off.db')));
    try {
      expect(((await (await fetch(`${host.url}/healthz`)).json()) as Health).bot).toEqual({ mode: 'off' });
    } finally {
      await host.stop();
    }
  });
});
