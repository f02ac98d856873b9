// One HTTP POST for every robot, with a timeout, and the outcome classes all robots share: 429 waits,
// a payload the robot rejects (400, 413, 422) cannot succeed by retrying, everything else retries (a wrong
// URL or key is fixed by editing the channel, and the row then goes out).
import type { SendResult } from '../types';

/** A send never outlives this, so a lease (see dispatcher) can be sized from it. */
export const SEND_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_AFTER_MS = 60_000;

export interface HttpReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
}

export async function postJson(url: string, payload: unknown): Promise<HttpReply | { networkError: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  } catch (err) {
    return { networkError: describeNetworkError(err) };
  }
}

/** The cause without the URL: robot URLs carry their access key. */
function describeNetworkError(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `network: no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  }
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return `network: ${code ?? (err instanceof Error ? err.message : String(err))}`;
}

export function retryAfterHeaderMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  return raw && /^\d+$/.test(raw) ? Number(raw) * 1000 : undefined;
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/** HTTP-level outcome; `checkBody` reads the robot's own error code in a 2xx body. */
export function classifyReply(
  reply: HttpReply | { networkError: string },
  checkBody: (body: unknown) => SendResult,
): SendResult {
  if ('networkError' in reply) return { ok: false, error: reply.networkError };
  const { status } = reply;
  if (status === 429) {
    return {
      ok: false,
      error: `HTTP 429 ${snippet(reply.text)}`.trim(),
      retryAfterMs: retryAfterHeaderMs(reply.headers) ?? DEFAULT_RETRY_AFTER_MS,
    };
  }
  const error = `HTTP ${status} ${snippet(reply.text)}`.trim();
  if (status === 400 || status === 413 || status === 422) return { ok: false, error, permanent: true };
  if (status < 200 || status >= 300) return { ok: false, error };
  return checkBody(reply.body);
}

/** A robot's `{ errcode, errmsg }` (WeCom, DingTalk) or `{ code, msg }` (Feishu) body. */
export function robotCode(body: unknown, codeKeys: string[], messageKeys: string[]): { code: number; message: string } {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const codeKey = codeKeys.find((k) => typeof record[k] === 'number');
  const messageKey = messageKeys.find((k) => typeof record[k] === 'string');
  return {
    code: codeKey === undefined ? Number.NaN : (record[codeKey] as number),
    message: messageKey === undefined ? '' : (record[messageKey] as string),
  };
}
