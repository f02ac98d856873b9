import type { Input, Reply } from '../intake/index';
import type { Locale } from './strings';

// The intake JSON API as the widget uses it. Every call resolves to an outcome (never throws), so the
// caller can keep the reporter's answer on screen and offer a retry when the network or server fails.

export interface DraftView {
  draftId: string;
  version: number;
  status: 'active' | 'submitted' | 'cancelled';
  reply: Reply;
  receipt?: string;
  /** Only when the draft was just started. */
  token?: string;
}

export type Outcome =
  | { ok: true; view: DraftView }
  /** Network down or 5xx: nothing was changed that we know of; the same request may be retried. */
  | { ok: false; kind: 'offline' | 'server' }
  /** The draft expired or the token no longer fits: start again. */
  | { ok: false; kind: 'gone' }
  /** The draft moved on (another tab, a lost response): show the question it asks now. */
  | { ok: false; kind: 'conflict'; reply: Reply; message: string }
  /** A 4xx the reporter can read (validation, too large, origin not allowed…). */
  | { ok: false; kind: 'rejected'; message: string };

interface ErrorBody {
  error?: { code?: string; message?: string; current?: { reply?: Reply } };
}

export type ApiClient = ReturnType<typeof apiClient>;

export function apiClient(base: string, locale: Locale) {
  async function call(path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) {
    let res: Response;
    try {
      res = await fetch(`${base}api/${path}`, {
        method: init.method,
        headers: {
          'accept-language': locale,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch {
      return { ok: false, kind: 'offline' } as const;
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    return toOutcome(res.status, body);
  }

  const auth = (token: string) => ({ 'x-resume-token': token });

  return {
    start: (jurisdiction?: string) =>
      call('drafts', {
        method: 'POST',
        body: { channel: 'widget', locale, ...(jurisdiction ? { jurisdiction } : {}) },
      }),
    read: (draftId: string, token: string) =>
      call(`drafts/${encodeURIComponent(draftId)}`, { method: 'GET', headers: auth(token) }),
    turn: (draftId: string, token: string, input: Input, field?: string) =>
      call(`drafts/${encodeURIComponent(draftId)}/turns`, {
        method: 'POST',
        headers: auth(token),
        body: { input, ...(field ? { field } : {}) },
      }),
    submit: (draftId: string, token: string, idempotencyKey: string) =>
      call(`drafts/${encodeURIComponent(draftId)}/submit`, {
        method: 'POST',
        headers: { ...auth(token), 'idempotency-key': idempotencyKey },
      }),
  };
}

function toOutcome(status: number, body: unknown): Outcome {
  if (status >= 200 && status < 300 && isView(body)) return { ok: true, view: body };
  const error = (body as ErrorBody | undefined)?.error;
  if (status >= 500 || !error) return { ok: false, kind: 'server' };
  const message = error.message ?? '';
  switch (error.code) {
    case 'draft_not_found':
    case 'forbidden_token':
      return { ok: false, kind: 'gone' };
    case 'conflict':
      return error.current?.reply
        ? { ok: false, kind: 'conflict', reply: error.current.reply, message }
        : { ok: false, kind: 'server' };
    default:
      return { ok: false, kind: 'rejected', message };
  }
}

function isView(body: unknown): body is DraftView {
  const v = body as DraftView | undefined;
  return typeof v?.draftId === 'string' && typeof v.reply?.kind === 'string';
}
