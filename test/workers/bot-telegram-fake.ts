// A fake Bot API for the workers project, installed as miniflare's outboundService (it runs in the Vitest
// process): it answers the worker's calls to FAKE_TELEGRAM_ROOT and lists them at /__calls for the tests.
// Every other outbound request passes through unchanged.

export const FAKE_TELEGRAM_ROOT = 'http://telegram.fake/';
export const FAKE_BOT_TOKEN = '654321:WORKERS-fake_token';
export const FAKE_WEBHOOK_SECRET = 'workers-webhook-secret_1';

export interface FakeCall {
  method: string;
  payload: Record<string, unknown>;
  /** message_id given to a sent message. */
  messageId?: number;
}

const calls: FakeCall[] = [];
let nextMessageId = 1000;

const ok = (result: unknown) => Response.json({ ok: true, result });

export async function telegramFake(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin !== new URL(FAKE_TELEGRAM_ROOT).origin) return fetch(request);
  if (url.pathname === '/__calls') return Response.json(calls);
  const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
  if (!m || m[1] !== FAKE_BOT_TOKEN) {
    return Response.json({ ok: false, error_code: 401, description: 'Unauthorized' }, { status: 401 });
  }
  const method = m[2]!;
  const payload = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  if (method === 'sendMessage') {
    const messageId = nextMessageId++;
    calls.push({ method, payload, messageId });
    const chat = { id: Number(payload.chat_id), type: 'private', first_name: 'Li' };
    return ok({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat, text: payload.text });
  }
  calls.push({ method, payload });
  return ok(true);
}
