// Errors have one path (ARCHITECTURE.md § Errors have one path): handlers throw `ApiError`, `onError`
// answers { error: { code, message, requestId } } in Chinese, or English when the client asked for it.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CaseError } from '../cases/case-error';
import { consoleLogger } from '../log';
import { type Catalogue, inBoth, textOf } from '../messages/index';
import { IntakeError } from '../service/intake-service';
import { requestLocale } from './locale';
import { logRequestError } from './request-log';

export type ErrorCode = keyof Catalogue['errors'];

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    /** Extra detail appended to the message, already localised by the thrower (e.g. which field). */
    readonly detail?: { zh: string; en: string },
    /** Extra JSON merged into the error body (e.g. the current question on a 409). */
    readonly extra?: Record<string, unknown>,
    /** Response headers (e.g. Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message: code });
  }
}

/** The message of an error code in a locale (pages that show a refusal inside their own form). */
export function errorMessage(code: ErrorCode, locale: 'zh' | 'en' = 'zh'): string {
  return textOf('errors', locale)[code];
}

/** 429 with Retry-After and the wait in words, for a limit that says how long to wait. */

export function tooMany(code: 'too_many_requests' | 'too_many_drafts' | 'too_many_messages', seconds: number) {
  return new ApiError(
    429,
    code,
    inBoth('errorDetails', (t) => t.retryAfter(seconds)),
    { retryAfter: seconds },
    { 'retry-after': String(seconds) },
  );
}

export function errorBody(c: Context, code: ErrorCode, detail?: { zh: string; en: string }) {
  const locale = requestLocale(c);
  const message = errorMessage(code, locale) + (detail ? detail[locale] : '');
  return { code, message, requestId: c.get('requestId') as string | undefined };
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'too_many_requests',
};

/**
 * The one place domain errors become HTTP: services throw `IntakeError` / `CaseError` with a code and know
 * nothing of statuses; the JSON API, the public pages and the console pages all answer through this.
 */
export function httpErrorOf(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof IntakeError) {
    switch (err.code) {
      case 'draft_not_found':
        return new ApiError(404, 'draft_not_found');
      case 'forbidden_token':
        return new ApiError(403, 'forbidden_token');
      case 'draft_closed':
        return new ApiError(409, 'draft_closed');
      case 'conflict':
        return new ApiError(409, 'conflict', undefined, { current: err.current });
      case 'key_reused':
        return new ApiError(409, 'idempotency_key_reused');
      case 'too_many_drafts':
        return tooMany('too_many_drafts', err.retryAfter ?? 60);
    }
  }
  if (err instanceof CaseError) {
    switch (err.code) {
      case 'case_not_found':
        return new ApiError(404, 'case_not_found');
      case 'not_allowed':
        return new ApiError(403, 'forbidden');
      case 'invalid':
        return new ApiError(400, 'validation', err.detail);
      case 'state_conflict':
        return new ApiError(409, 'conflict', err.detail);
      default:
        return new ApiError(409, err.code);
    }
  }
  return undefined;
}

export function onError(error: Error, c: Context) {
  const err = httpErrorOf(error) ?? error;
  if (err instanceof ApiError) {
    return c.json({ error: { ...errorBody(c, err.code, err.detail), ...err.extra } }, err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    // Hono's own exceptions keep their status with our message shape (bad JSON is ours: http/validate.ts).
    return c.json({ error: errorBody(c, STATUS_CODES[err.status] ?? 'bad_request') }, err.status);
  }
  logRequestError(c, c.get('log') ?? consoleLogger, err);
  return c.json({ error: errorBody(c, 'internal') }, 500);
}

export function notFound(c: Context) {
  return c.json({ error: errorBody(c, 'not_found') }, 404);
}
