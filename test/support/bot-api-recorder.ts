// A Bot API stand-in on loopback that records every call (method, chat, text, the caller's clock) and
// answers from a policy: by default every call succeeds. Tests use it to hold Telegram's own limits against
// the dispatcher (`telegramGroupLimits`) or to fail calls on purpose.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotCall {
  at: number;
  method: string;
  chatId: string;
  text: string;
  body: Record<string, unknown>;
}

export interface BotAnswer {
  status: number;
  body: unknown;
}

export type BotPolicy = (call: BotCall, earlier: readonly BotCall[]) => BotAnswer | undefined;

let nextMessageId = 1000;
const OK = (call: BotCall): BotAnswer => ({
  status: 200,
  body: {
    ok: true,
    result: { message_id: nextMessageId++, date: 0, chat: { id: Number(call.chatId), type: 'group' }, text: call.text },
  },
});

export function tooMany(retryAfterSeconds: number): BotAnswer {
  return {
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfterSeconds}`,
      parameters: { retry_after: retryAfterSeconds },
    },
  };
}

/** Telegram's documented limits for a group: one message a second, twenty a minute; 429 otherwise. */
export const telegramGroupLimits: BotPolicy = (call, earlier) => {
  if (call.method !== 'sendMessage') return undefined;
  const accepted = earlier.filter((c) => c.method === 'sendMessage' && c.chatId === call.chatId);
  const inLastSecond = accepted.filter((c) => c.at > call.at - 1_000).length;
  const inLastMinute = accepted.filter((c) => c.at > call.at - 60_000);
  if (inLastSecond >= 1) return tooMany(1);
  if (inLastMinute.length >= 20) {
    const oldest = inLastMinute[0]?.at ?? call.at;
    return tooMany(Math.ceil((oldest + 60_000 - call.at) / 1000));
  }
  return undefined;
};

export async function startBotApiRecorder(clock: () => Date, policy?: BotPolicy) {
  /** Calls the server accepted (answered 200). */
  const accepted: BotCall[] = [];
  /** Every call, accepted or refused. */
  const all: BotCall[] = [];
  let current = policy;
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const call: BotCall = {
        at: clock().getTime(),
        method: (req.url ?? '').split('/').at(-1) ?? '',
        chatId: String(body.chat_id ?? ''),
        text: String(body.text ?? ''),
        body,
      };
      all.push(call);
      const answer = current?.(call, accepted) ?? OK(call);
      if (answer.status === 200) accepted.push(call);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    all,
    setPolicy: (next: BotPolicy | undefined) => {
      current = next;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
