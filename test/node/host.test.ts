import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { jurisdictions } from '../../db/schema';
import { startNodeHost } from '../../functions/node';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { memoryLogger } from '../../src/log';
import { tempDir, testConfig } from './helpers';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('Node host on an embedded libSQL file', () => {
  const file = join(tmp.dir, 'nested', 'app.db');

  it('creates the directory, migrates, seeds 18 jurisdictions and reports them in /healthz', async () => {
    const host = await startNodeHost(testConfig(file));
    try {
      const res = await fetch(`${host.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, database: 'reachable', jurisdictions: 18 });
      // An officer's edit to the receiving department must survive restarts (seeded once, not re-seeded).
      await host.deps.db
        .update(jurisdictions)
        .set({ receivingDeptPhone: '0431-88776655' })
        .where(eq(jurisdictions.id, '220102'));
    } finally {
      await host.stop();
    }
  });

  it('keeps the data across a restart and does not seed twice', async () => {
    const host = await startNodeHost(testConfig(file));
    try {
      const body = (await (await fetch(`${host.url}/healthz`)).json()) as { jurisdictions: number };
      expect(body.jurisdictions).toBe(18);
      const [row] = await host.deps.db.select().from(jurisdictions).where(eq(jurisdictions.id, '220102'));
      expect(row?.receivingDeptPhone).toBe('0431-88776655');
    } finally {
      await host.stop();
    }
  });

  it('answers a thrown error with 500 in the JSON shape, with the request id, and logs it', async () => {
    const log = memoryLogger();
    const host = await startNodeHost(testConfig(join(tmp.dir, 'err.db')), { log });
    const app = createApp(host.deps);
    app.get('/boom', () => {
      throw new Error('kaput');
    });
    try {
      const res = await app.request('/boom');
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('internal');
      expect(body.error.message).toMatch(/服务器内部错误/);
      expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
      expect(log.lines).toContainEqual(
        expect.objectContaining({
          level: 'error',
          event: 'http.error',
          requestId: body.error.requestId,
          error: 'kaput',
        }),
      );
      expect(log.lines).toContainEqual(
        expect.objectContaining({ event: 'http.request', requestId: body.error.requestId, status: 500 }),
      );
    } finally {
      await host.stop();
    }
  });
});

describe('configuration', () => {
  it('names the variable and what is expected', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /PORT must be an integer between 1 and 65535 \(the value set is not\)/,
    );
    expect(() => loadConfig({ LIBSQL_URL: 'libsql://x.turso.io' })).toThrow(/LIBSQL_AUTH_TOKEN/);
    expect(loadConfig({}).PORT).toBe(8787);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' }).ALLOWED_ORIGINS).toEqual([
      'https://a.gov.cn',
      'https://b.gov.cn',
    ]);
  });

  it('`PORT=abc npm start` stops at once with one clear line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'functions/node.ts'], {
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      '配置错误 Invalid configuration: PORT must be an integer between 1 and 65535 (the value set is not).',
    );
  });

  it('never repeats a bad value, which may be a secret', () => {
    const secret = 'not-a-token-but-secret-7f3a9c';
    for (const env of [
      { TELEGRAM_BOT_TOKEN: secret },
      { TELEGRAM_WEBHOOK_SECRET: `${secret}!` },
      { ADMIN_PASSWORD: 'short-pw' },
    ]) {
      const message = (() => {
        try {
          loadConfig(env);
          return '';
        } catch (err) {
          return (err as Error).message;
        }
      })();
      const [name, value] = Object.entries(env)[0] as [string, string];
      expect(message).toContain(name);
      expect(message).not.toContain(value);
      expect(message).not.toContain(value.slice(0, 6));
    }
  });
});
