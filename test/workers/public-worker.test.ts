// The public Worker (functions/public-worker.ts) in workerd on D1: it answers the reporter's requests itself and
// passes every other one, unchanged, to the whole app behind its FULL_APP service binding (here the test's own
// worker, SELF, which is functions/worker.ts).
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import publicWorker from '../../functions/public-worker';
import { Outbox } from '../../functions/worker';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

function withFullApp() {
  const passed: string[] = [];
  const FULL_APP = {
    fetch: (request: Request) => {
      passed.push(`${request.method} ${new URL(request.url).pathname}`);
      return SELF.fetch(request);
    },
  } as unknown as Fetcher;
  // The binding to the whole app's Outbox entrypoint, which it runs as the binding would.
  const OUTBOX = {
    dispatchSoon: async () => {
      passed.push('OUTBOX dispatchSoon');
      const ctx = createExecutionContext();
      await new Outbox(ctx, env).dispatchSoon();
      await waitOnExecutionContext(ctx);
    },
  };
  return { passed, env: { ...env, FULL_APP, OUTBOX } };
}

async function call(request: Request, e: ReturnType<typeof withFullApp>['env']) {
  const ctx = createExecutionContext();
  const res = await publicWorker.fetch(request as Parameters<typeof publicWorker.fetch>[0], e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('public Worker', () => {
  it('opens a draft itself, stored in D1, without the full app', async () => {
    const { passed, env: e } = withFullApp();
    const res = await call(
      new Request('http://x/api/drafts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.7' },
        body: '{}',
      }),
      e,
    );
    expect(res.status).toBe(201);
    const { draftId } = (await res.json()) as { draftId: string };
    const row = await env.DB.prepare('SELECT id FROM intake_drafts WHERE id = ?').bind(draftId).first();
    expect(row).toEqual({ id: draftId });
    const health = await call(new Request('http://x/healthz'), e);
    expect(health.status).toBe(200);
    expect(passed).toEqual([]);
  });

  it("hands a submit's outbox rows to the whole app's Outbox entrypoint, which gives them their first try", async () => {
    const { passed, env: e } = withFullApp();
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await call(
        new Request(`http://x${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'cf-connecting-ip': '198.51.100.9',
            ...(token ? { 'x-resume-token': token } : {}),
          },
          body: JSON.stringify(body),
        }),
        e,
      );
      return (await res.json()) as { draftId: string; token: string; reply: ReplyLike; receipt?: string };
    };
    const draft = await post('/api/drafts', { channel: 'widget' });
    let reply = draft.reply;
    for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
      reply = (await post(`/api/drafts/${draft.draftId}/turns`, { input: inputFor(reply, M05_ANSWERS) }, draft.token))
        .reply;
    }
    expect(passed).toEqual([]); // the turns wrote no outbox row
    const { receipt } = await post(`/api/drafts/${draft.draftId}/submit`, {}, draft.token);
    expect(receipt).toBeTruthy();
    expect(passed).toEqual(['OUTBOX dispatchSoon']);
    const row = await env.DB.prepare(
      "SELECT o.attempts, o.last_error FROM outbox o JOIN reports r ON r.id = o.report_id WHERE r.receipt = ? AND o.kind = 'report_submitted'",
    )
      .bind(receipt)
      .first<{ attempts: number; last_error: string | null }>();
    // Tried once by the whole app's dispatcher: this test database has no channel for the area yet.
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toContain('no enabled notification channel');
  });

  it('passes the console, sign-in and the chat webhooks to the full app, answered as the full app answers', async () => {
    const { passed, env: e } = withFullApp();
    const login = await call(new Request('http://x/login'), e);
    expect(login.status).toBe(200);
    expect(await login.text()).toBe(await (await SELF.fetch('http://x/login')).text());
    const cases = await call(new Request('http://x/console/cases'), e);
    expect(await cases.text()).toBe(await (await SELF.fetch('http://x/console/cases')).text());
    const hook = await call(new Request('http://x/telegram/webhook', { method: 'POST', body: '{}' }), e);
    expect(hook.status).toBe((await SELF.fetch('http://x/telegram/webhook', { method: 'POST', body: '{}' })).status);
    const openApi = await call(new Request('http://x/api/openapi.json'), e);
    expect(await openApi.json()).toEqual(await (await SELF.fetch('http://x/api/openapi.json')).json());
    expect(passed).toEqual(['GET /login', 'GET /console/cases', 'POST /telegram/webhook', 'GET /api/openapi.json']);
  });

  it('passes everything to the full app when the database is remote libSQL (it opens only D1 itself)', async () => {
    const { passed, env: e } = withFullApp();
    // The full app here still runs on D1 (SELF has no such setting): what matters is who answers.
    const remote = { ...e, LIBSQL_URL: 'libsql://labor-risk.example.turso.io', LIBSQL_AUTH_TOKEN: 'token' };
    const res = await call(
      new Request('http://x/api/drafts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.8' },
        body: '{}',
      }),
      remote,
    );
    expect(res.status).toBe(201);
    expect((await call(new Request('http://x/healthz'), remote)).status).toBe(200);
    expect(passed).toEqual(['POST /api/drafts', 'GET /healthz']);
  });
});
