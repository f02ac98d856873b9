import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../functions/worker';

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
  it('records its run for /healthz, and reports stored secrets without SECRETS_KEY there (naming the setting)', async () => {
    await env.DB.prepare(
      "INSERT INTO notify_channels (id, jurisdiction_id, type, name, target, secret) VALUES ('ch_wk_secret', '220102', 'dingtalk', 'd', 'https://oapi.dingtalk.com/robot/send?access_token=x', 'SECplain-secret-value')",
    ).run();
    try {
      await cronTick();
      const health = (await (await SELF.fetch('http://x/healthz')).json()) as {
        lastTick: { at: string; ageSeconds: number } | null;
        outbox: { pending: number; dead: number };
        warnings: string[];
      };
      expect(health.lastTick?.ageSeconds).toBeLessThan(60);
      expect(health.outbox).toMatchObject({ pending: expect.any(Number), dead: expect.any(Number) });
      expect(health.warnings.join('\n')).toContain('SECRETS_KEY must be set: 1 robot signing secret');
      expect(JSON.stringify(health)).not.toContain('SECplain-secret-value');
      // Without a key nothing is sealed (and nothing is lost): the stored value is as it was.
      const row = await env.DB.prepare("SELECT secret FROM notify_channels WHERE id = 'ch_wk_secret'").first();
      expect(row).toEqual({ secret: 'SECplain-secret-value' });
    } finally {
      await env.DB.prepare("DELETE FROM notify_channels WHERE id = 'ch_wk_secret'").run();
    }
  });
});
