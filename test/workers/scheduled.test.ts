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
