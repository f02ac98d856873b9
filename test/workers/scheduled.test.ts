import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker, { workerDb } from '../../functions/worker';
import { loadConfig } from '../../src/config';
import { cryptoRandom, systemClock } from '../../src/deps';
import { memoryLogger } from '../../src/log';
import { channelSecretContext } from '../../src/notify/channel-secrets';
import { openSecret, secretsKey } from '../../src/secrets';
import { tick } from '../../src/tick';

async function cronTick() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

import { describe, expect, it } from 'vitest';

describe('the cron trigger on the Workers host', () => {
  it('creates the first admin from ADMIN_PASSWORD once, who can then sign in', async () => {
    await cronTick();
    await cronTick();
    const admins = await env.DB.prepare("SELECT username, role FROM officers WHERE role = 'admin'").all();
    expect(admins.results).toEqual([{ username: 'admin', role: 'admin' }]);

    const res = await SELF.fetch('http://x/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://x' },
      body: new URLSearchParams({ username: 'admin', password: 'workers first admin passphrase' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/console_session=/);
  });
});

describe('the tick on Workers, which have no start-up', () => {
  const insertPlain = () =>
    env.DB.prepare(
      "INSERT INTO notify_channels (id, jurisdiction_id, type, name, target, secret) VALUES ('ch_wk_secret', '220102', 'dingtalk', 'd', 'https://oapi.dingtalk.com/robot/send?access_token=x', 'SECplain-secret-value')",
    ).run();
  const remove = () => env.DB.prepare("DELETE FROM notify_channels WHERE id = 'ch_wk_secret'").run();
  const stored = async () =>
    (await env.DB.prepare("SELECT secret FROM notify_channels WHERE id = 'ch_wk_secret'").first<{ secret: string }>())
      ?.secret;

  it('seals a plain-text signing secret with SECRETS_KEY (AES-GCM in workerd) and records its run for /healthz', async () => {
    await insertPlain();
    try {
      await cronTick();
      const sealed = await stored();
      expect(sealed).toMatch(/^enc:v1:/);
      const key = await secretsKey({ SECRETS_KEY: env.SECRETS_KEY });
      expect(await openSecret(key, sealed ?? '', channelSecretContext('ch_wk_secret'))).toBe('SECplain-secret-value');
      const health = (await (await SELF.fetch('http://x/healthz')).json()) as {
        lastTick: { at: string; ageSeconds: number } | null;
        outbox: { pending: number; dead: number };
        warnings: string[];
      };
      expect(health.lastTick?.ageSeconds).toBeLessThan(60);
      expect(health.outbox).toMatchObject({ pending: expect.any(Number), dead: expect.any(Number) });
      expect(health.warnings.join('\n')).not.toContain('SECRETS_KEY');
    } finally {
      await remove();
    }
  });

  it('without SECRETS_KEY logs the problem naming the setting, keeps the secret as stored, and /healthz says so', async () => {
    await insertPlain();
    try {
      const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string'));
      const config = loadConfig({ ...vars, SECRETS_KEY: '' });
      const log = memoryLogger();
      const summary = await tick({
        db: await workerDb(env, config),
        config,
        clock: systemClock,
        random: cryptoRandom,
        defer: () => {},
        log,
      });
      expect(summary.secretsProblem).toMatch(/^SECRETS_KEY must be set: 1 robot signing secret/);
      expect(log.lines).toContainEqual(
        expect.objectContaining({ event: 'secrets.key_problem', setting: 'SECRETS_KEY' }),
      );
      expect(JSON.stringify(log.lines)).not.toContain('SECplain-secret-value');
      expect(await stored()).toBe('SECplain-secret-value');
      const health = (await (await SELF.fetch('http://x/healthz')).json()) as { warnings: string[] };
      expect(health.warnings.join('\n')).toContain('SECRETS_KEY must be set');
    } finally {
      await remove();
    }
  });
});
