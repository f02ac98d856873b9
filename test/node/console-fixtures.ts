// Shared by the console, deadline and browser tests: real reports through the intake API, officer accounts,
// and a signed-in session (cookie + CSRF token) driven over HTTP.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { insertAccount, type Role } from '../../db/repo/accounts';
import { reports } from '../../db/schema';
import { hashPassword } from '../../src/auth/password';
import { cryptoRandom } from '../../src/deps';
import { usccCheckChar } from '../../src/intake/uscc';
import { inputFor, M05_ANSWERS, type ReplyLike } from '../support/conversation';

type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

/** Fetch against a running host (`http://localhost:…`). */
export const fetcherFor =
  (base: string): Fetcher =>
  (path, init) =>
    fetch(`${base}${path}`, { redirect: 'manual', ...init });

/** Files a report through the intake API exactly as a reporter would; returns its id and receipt. */
let employerSeq = 0;

/** A valid USCC of its own: each call is another employer, so another case (not a 续报). */
export function uniqueUscc(): string {
  const body = `9122010100${String(++employerSeq + 1_000_000).slice(-7)}`;
  return `${body}${usccCheckChar(body) ?? '0'}`;
}

/**
 * Files a report through the intake API. Each call with the shared default USCC reports another employer
 * (a USCC of its own) unless `sameEmployer` is set, so tests that file several reports get several cases, as they did before one
 * incident became one case.
 */
export async function submitReport(
  f: Fetcher,
  db: Db,
  given: Record<string, unknown>,
  opts: { sameEmployer?: boolean } = {},
): Promise<{ reportId: string; receipt: string; joinedCase?: { receipt: string } }> {
  // A test that picked its own USCC keeps it; the shared default would make every report one employer's.
  const shared = given.uscc === M05_ANSWERS.uscc;
  const answers = opts.sameEmployer || !shared ? given : { ...given, uscc: uniqueUscc() };
  const json = async (path: string, body: unknown, token?: string) => {
    const res = await f(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-resume-token': token } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status, path).toBeLessThan(300);
    return (await res.json()) as {
      draftId: string;
      token: string;
      receipt?: string;
      reply: ReplyLike;
      submitted?: { joinedCase?: { receipt: string } };
    };
  };
  const draft = await json('/api/drafts', { channel: 'web' });
  let reply = draft.reply;
  for (let i = 0; i < 80 && reply.kind !== 'submitted'; i++) {
    const input = inputFor(reply, answers);
    expect(input, `no answer for ${reply.field?.id}`).toBeDefined();
    const turn = await json(`/api/drafts/${draft.draftId}/turns`, { input }, draft.token);
    reply = turn.reply;
    if (turn.receipt) {
      const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.receipt, turn.receipt));
      const joinedCase = turn.submitted?.joinedCase;
      return { reportId: row!.id, receipt: turn.receipt, ...(joinedCase ? { joinedCase } : {}) };
    }
  }
  throw new Error('the conversation did not reach a receipt');
}

let counter = 0;

export async function createOfficer(
  db: Db,
  o: {
    username: string;
    password: string;
    role: Role;
    jurisdictionId?: string | null;
    displayName?: string;
    phone?: string;
  },
): Promise<string> {
  const id = `of_test_${++counter}_${o.username}`;
  await insertAccount(db, {
    id,
    username: o.username,
    displayName: o.displayName ?? o.username,
    role: o.role,
    jurisdictionId: o.jurisdictionId ?? null,
    phone: o.phone ?? null,
    passwordHash: await hashPassword(o.password, cryptoRandom),
    mustChangePassword: false,
    createdAt: new Date(),
  });
  return id;
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  get: (path: string) => Promise<Response>;
  post: (path: string, form: Record<string, string>, opts?: { csrf?: string | null }) => Promise<Response>;
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF field on the page');
  return m[1];
}

export async function signIn(f: Fetcher, username: string, password: string): Promise<SignedIn> {
  const res = await f('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  expect(res.status, 'sign-in redirects').toBe(303);
  const set = res.headers.get('set-cookie') ?? '';
  const cookie = set.split(';')[0] ?? '';
  expect(cookie).toMatch(/^(__Host-)?console_session=/);
  const get = (path: string) => f(path, { headers: { cookie } });
  // The profile page is there for every role (the inbox redirects admins elsewhere).
  const csrf = csrfFrom(await (await get('/console/profile')).text());
  return {
    cookie,
    csrf,
    get,
    post: (path, form, opts = {}) => {
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      const body = new URLSearchParams({ ...form, ...(token === null ? {} : { _csrf: token }) });
      return f(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    },
  };
}
