// Feishu/Lark custom robot: an interactive card; with a secret the body carries timestamp (seconds) and
// sign = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = '')). 5 a second, 100 a minute.
import type { NotifyChannel } from '../../../db/repo/channels';
import { type AlertMessage, renderFeishuCard } from '../format';
import type { SendResult } from '../types';
import { classifyReply, postJson, robotCode } from './http';
import { hmacSha256Base64 } from './sign';

/** "frequency limited". */
const RATE_LIMITED = 11232;

export async function feishuSignature(secret: string, timestampSeconds: string): Promise<string> {
  return hmacSha256Base64(`${timestampSeconds}\n${secret}`, '');
}

export async function feishuPayload(message: AlertMessage, secret: string | null, now: Date) {
  const body = { msg_type: 'interactive', card: renderFeishuCard(message) };
  if (!secret) return body;
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: await feishuSignature(secret, timestamp), ...body };
}

export function feishuSender(clock: () => Date) {
  return async (channel: NotifyChannel, message: AlertMessage): Promise<SendResult> => {
    const reply = await postJson(channel.target, await feishuPayload(message, channel.secret, clock()));
    return classifyReply(reply, (body) => {
      // Newer robots answer { code, msg }, older ones { StatusCode, StatusMessage }.
      const { code, message: text } = robotCode(body, ['code', 'StatusCode'], ['msg', 'StatusMessage']);
      if (code === 0) return { ok: true };
      const error = `Feishu code ${Number.isNaN(code) ? '?' : code}: ${text}`;
      return code === RATE_LIMITED ? { ok: false, error, retryAfterMs: 60_000 } : { ok: false, error };
    });
  };
}
