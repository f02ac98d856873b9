// DingTalk (钉钉) custom robot: markdown, URL signed with HMAC-SHA256 over `${timestampMs}\n${secret}`.
// 20 messages a minute; a robot that exceeds it is blocked for 10 minutes.
import type { NotifyChannel } from '../../../db/repo/channels';
import { type AlertMessage, renderMarkdown } from '../format';
import type { SendResult } from '../types';
import { classifyReply, postJson, robotCode } from './http';
import { hmacSha256Base64 } from './sign';

/** "send too fast, exceed 20 times per minute". */
const RATE_LIMITED = 130101;
const BLOCKED_MS = 10 * 60_000;

/** The webhook URL with `&timestamp=…&sign=…` when the robot has a signing secret. */
export async function signedDingtalkUrl(webhook: string, secret: string | null, now: Date): Promise<string> {
  if (!secret) return webhook;
  const timestamp = now.getTime();
  const sign = await hmacSha256Base64(secret, `${timestamp}\n${secret}`);
  return `${webhook}${webhook.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

export function dingtalkPayload(message: AlertMessage) {
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: renderMarkdown(message, { lineBreak: '\n\n' }) },
  };
}

export function dingtalkSender(clock: () => Date) {
  return async (channel: NotifyChannel, message: AlertMessage): Promise<SendResult> => {
    const url = await signedDingtalkUrl(channel.target, channel.secret, clock());
    const reply = await postJson(url, dingtalkPayload(message));
    return classifyReply(reply, (body) => {
      const { code, message: text } = robotCode(body, ['errcode'], ['errmsg']);
      if (code === 0) return { ok: true };
      const error = `DingTalk errcode ${Number.isNaN(code) ? '?' : code}: ${text}`;
      return code === RATE_LIMITED ? { ok: false, error, retryAfterMs: BLOCKED_MS } : { ok: false, error };
    });
  };
}
