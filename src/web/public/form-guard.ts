import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config';
import type { AppDeps } from '../../deps';
import { newToken } from '../../ids';
import { isOwnOrigin } from './origins';

// Cross-site request forgery check for the public forms (/report, /status). The rule, kept simple:
//  1. A post whose Origin header is present must come from the app's own origin ("null" does not count).
//  2. Browsers that send no usable Origin fall back to the Referer's origin, the same way.
//  3. With neither (old or privacy-hardened browsers, no JavaScript needed), the post must carry the form
//     token that matches the SameSite=Strict cookie set when the form was shown (double-submit token):
//     another site can neither read that cookie nor make the browser send it with a cross-site post.
// The forms are public and unauthenticated, so this stops another site from driving a visitor's browser;
// it is not access control.

const COOKIE = 'cc_form';
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The form token for this browser (the cookie's value, set now if missing), for a hidden input. */
export function formToken(c: Context, deps: AppDeps): string {
  const existing = getCookie(c, COOKIE);
  if (existing && TOKEN.test(existing)) return existing;
  const token = newToken(deps.random, 18);
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
  });
  return token;
}

export function isSameOriginPost(c: Context, config: Config, postedToken: unknown): boolean {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') return isOwnOrigin(origin, c, config);
  const referer = c.req.header('referer');
  if (referer) {
    try {
      return isOwnOrigin(new URL(referer).origin, c, config);
    } catch {
      return false;
    }
  }
  const cookie = getCookie(c, COOKIE);
  return typeof postedToken === 'string' && !!cookie && TOKEN.test(cookie) && postedToken === cookie;
}
