// WeCom (企业微信) group robot: markdown, at most 4096 bytes, 20 messages a minute per robot.
import type { NotifyChannel } from '../../../db/repo/channels';
import { type AlertMessage, renderMarkdown } from '../format';
import type { SendResult } from '../types';
import { classifyReply, postJson, robotCode } from './http';

export const WECOM_MARKDOWN_MAX_BYTES = 4096;
/** "api freq out of limit": the robot's per-minute quota is used up. */
const RATE_LIMITED = 45009;

export function wecomPayload(message: AlertMessage) {
  return {
    msgtype: 'markdown',
    markdown: { content: renderMarkdown(message, { lineBreak: '\n', maxBytes: WECOM_MARKDOWN_MAX_BYTES }) },
  };
}

export async function sendWecom(channel: NotifyChannel, message: AlertMessage): Promise<SendResult> {
  const reply = await postJson(channel.target, wecomPayload(message));
  return classifyReply(reply, (body) => {
    const { code, message: text } = robotCode(body, ['errcode'], ['errmsg']);
    if (code === 0) return { ok: true };
    const error = `WeCom errcode ${Number.isNaN(code) ? '?' : code}: ${text}`;
    return code === RATE_LIMITED ? { ok: false, error, retryAfterMs: 60_000 } : { ok: false, error };
  });
}
