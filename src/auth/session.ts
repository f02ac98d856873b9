// Console sessions: a random opaque token in an HttpOnly cookie, stored only as its SHA-256 in
// officer_sessions (a database leak does not yield usable cookies). Sessions end after 8 hours without use
// (a working day) and at the latest 12 hours after sign-in; activity slides the idle expiry.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type Account, deleteSession, findSession, insertSession, touchSession } from '../../db/repo/accounts';
import type { CurrentWarning } from '../../db/repo/warnings';
import { publicUrl } from '../config';
import type { AppDeps } from '../deps';
import { newToken, sha256Hex } from '../ids';

export const SESSION_IDLE_MS = 8 * 3_600_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
/** Sliding the expiry is a write: do it at most every five minutes, not on every page. */
const TOUCH_EVERY_MS = 5 * 60_000;
const COOKIE = 'console_session';

export interface Session {
  id: string;
  account: Account;
  /** The per-session CSRF token for hidden form fields. */
  csrf: string;
  /** The warning in force, for the banner on every console page (set by the console's routes). */
  warning?: CurrentWarning | undefined;
}

const secure = (deps: AppDeps) => publicUrl(deps.config).startsWith('https://');

/** `__Host-` cookies must be Secure, so the prefix is used only when the public URL is https. */
function cookieOptions(deps: AppDeps) {
  return secure(deps) ? ({ prefix: 'host' } as const) : ({ path: '/' } as const);
}

/** Derived from the secret cookie token, so it needs no storage and cannot be computed without the cookie. */
export function csrfToken(sessionToken: string): string {
  return sha256Hex(`csrf:${sessionToken}`);
}

export async function startSession(c: Context, deps: AppDeps, officerId: string): Promise<void> {
  const now = deps.clock();
  const token = newToken(deps.random, 32);
  await insertSession(deps.db, {
    id: sha256Hex(token),
    officerId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  setCookie(c, COOKIE, token, {
    ...cookieOptions(deps),
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(deps),
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export async function loadSession(c: Context, deps: AppDeps): Promise<Session | undefined> {
  const token = secure(deps) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
  if (!token) return undefined;
  const now = deps.clock();
  const id = sha256Hex(token);
  const found = await findSession(deps.db, id, now);
  if (!found || found.account.disabled) return undefined;
  const hardEnd = found.session.createdAt.getTime() + SESSION_MAX_MS;
  if (now.getTime() >= hardEnd) {
    await deleteSession(deps.db, id);
    return undefined;
  }
  const idleEnd = Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd);
  if (idleEnd - found.session.expiresAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, id, new Date(idleEnd));
  }
  return { id, account: found.account, csrf: csrfToken(token) };
}

export async function endSession(c: Context, deps: AppDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
  deleteCookie(c, COOKIE, cookieOptions(deps));
}
