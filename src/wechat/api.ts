// The platform's HTTP API as far as we use it: the access token (stable_token, stored in the database and
// shared by every instance) and customer-service text messages (客服消息). A token the API calls invalid
// (40001) or expired (42001) is fetched again once, forced if the API hands back the same one.
import { findApiToken, saveApiToken } from '../../db/repo/api-tokens';
import type { AppDeps } from '../deps';
import type { WechatSettings } from './settings';

const TOKEN_NAME = 'wechat';
/** Refresh this long before the stated expiry, so a token never dies in the middle of a send. */
const EARLY_REFRESH_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;
/** 40001 invalid credential, 42001 expired, 40014 invalid token: fetch a new one and try again. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/**
 * 45015: the user has not written within 48 hours; 45047: too many messages without an answer from the user;
 * 43004 / 43019: not following the account / blocked it. Retrying cannot help: the officer should call.
 */
export const UNREACHABLE_ERRORS = new Set([45015, 45047, 43004, 43019]);

export type SendOutcome =
  | { ok: true }
  | { ok: false; error: string; errcode?: number; unreachable?: boolean; permanent?: boolean };

interface ApiAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

export function wechatApi(deps: Pick<AppDeps, 'db' | 'clock'>, settings: WechatSettings) {
  const { db, clock } = deps;

  async function call(path: string, body: unknown): Promise<ApiAnswer> {
    const res = await fetch(`${settings.apiRoot}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as ApiAnswer;
  }

  async function fetchToken(force: boolean): Promise<string> {
    const answer = await call('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: settings.appId,
      secret: settings.appSecret,
      force_refresh: force,
    });
    if (!answer.access_token) throw new Error(`stable_token: ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim());
    const now = clock();
    const expiresIn = (answer.expires_in ?? 7200) * 1000;
    await saveApiToken(db, {
      name: TOKEN_NAME,
      token: answer.access_token,
      expiresAt: new Date(now.getTime() + expiresIn),
      updatedAt: now,
    });
    return answer.access_token;
  }

  /** The stored token while it has time left; a fresh one otherwise. */
  async function token(): Promise<string> {
    const stored = await findApiToken(db, TOKEN_NAME);
    if (stored && stored.expiresAt.getTime() - EARLY_REFRESH_MS > clock().getTime()) return stored.token;
    return fetchToken(false);
  }

  async function sendWith(accessToken: string, openid: string, text: string): Promise<ApiAnswer> {
    return call(`/cgi-bin/message/custom/send?access_token=${encodeURIComponent(accessToken)}`, {
      touser: openid,
      msgtype: 'text',
      text: { content: text },
    });
  }

  /** One customer-service text message. Never throws: a tagged outcome for the outbox. */
  async function sendText(openid: string, text: string): Promise<SendOutcome> {
    try {
      let current = await token();
      let answer = await sendWith(current, openid, text);
      if (answer.errcode !== undefined && TOKEN_ERRORS.has(answer.errcode)) {
        let fresh = await fetchToken(false);
        if (fresh === current) fresh = await fetchToken(true);
        current = fresh;
        answer = await sendWith(current, openid, text);
      }
      const code = answer.errcode ?? 0;
      if (code === 0) return { ok: true };
      const error = `wechat ${code} ${answer.errmsg ?? ''}`.trim();
      if (UNREACHABLE_ERRORS.has(code)) return { ok: false, error, errcode: code, unreachable: true };
      // 40003 (not an openid of this account) and other request errors will not change on a retry.
      const permanent = code === 40003 || code === 40008 || code === 44002;
      return { ok: false, error, errcode: code, permanent };
    } catch (err) {
      return { ok: false, error: `wechat send failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  return { token, sendText };
}

export type WechatApi = ReturnType<typeof wechatApi>;
