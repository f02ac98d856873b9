// Errors have one path (ARCHITECTURE.md § Errors have one path): handlers throw `ApiError`, `onError`
// answers { error: { code, message, requestId } } in Chinese, or English when the client asked for it.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CaseError } from '../cases/case-error';
import { consoleLogger } from '../log';
import { IntakeError } from '../service/intake-service';
import { requestLocale } from './locale';
import { logRequestError } from './request-log';

const MESSAGES = {
  not_found: { zh: '没有找到这个地址。', en: 'Nothing was found at this address.' },
  internal: {
    zh: '服务器内部错误，请稍后重试；如果反复出现，请把请求编号告诉我们。',
    en: 'Internal server error. Please try again; if it keeps happening, tell us the request id.',
  },
  bad_request: { zh: '请求格式不正确。', en: 'The request is malformed.' },
  invalid_json: { zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  validation: { zh: '请求内容有误：', en: 'The request is invalid: ' },
  payload_too_large: { zh: '请求内容太大', en: 'The request body is too large' },
  draft_not_found: {
    zh: '没有找到这份草稿，可能已过期，请重新开始。',
    en: 'This draft was not found; it may have expired. Please start again.',
  },
  forbidden_token: { zh: '续填凭证不正确。', en: 'The resume token is wrong.' },
  conflict: {
    zh: '这份草稿刚被另一个窗口修改过，请根据当前问题重新作答。',
    en: 'This draft was just changed elsewhere; please answer the current question again.',
  },
  draft_closed: {
    zh: '这份报告已经提交或取消，不能再修改。',
    en: 'This report was already submitted or cancelled and cannot be changed.',
  },
  idempotency_key_reused: {
    zh: '这个 Idempotency-Key 已用于另一份报告，本草稿尚未提交。请为本草稿换一个新的键后重新提交。',
    en: 'This Idempotency-Key was already used for another report; this draft was not submitted. Submit it again with a new key.',
  },
  report_not_found: {
    zh: '没有找到与回执号和联系电话相符的报告。',
    en: 'No report matches this receipt number and phone.',
  },
  origin_forbidden: { zh: '此网站未被允许使用报告接口。', en: 'This website is not allowed to use the report API.' },
  forbidden: { zh: '没有权限。', en: 'Forbidden.' },
  unauthorized: { zh: '请先登录。', en: 'Please sign in first.' },
  too_many_requests: { zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; please try again later.' },
  too_many_drafts: {
    zh: '从同一网络新建的报告过多，请稍后再试；已填写的内容不受影响。',
    en: 'Too many new reports from this network; please try again shortly. Reports in progress are not affected.',
  },
  too_many_messages: {
    zh: '留言发送过于频繁，请稍后再发；您的留言内容未丢失。',
    en: 'Messages are being sent too quickly; please send again shortly. Your text is kept.',
  },
  csrf_invalid: {
    zh: '表单已失效（安全校验未通过），请返回刷新页面后重试。',
    en: 'The form has expired (security check failed); go back, reload the page and try again.',
  },
  case_not_found: { zh: '没有找到这个案件。', en: 'This case was not found.' },
  login_throttled: {
    zh: '登录失败次数过多，请 15 分钟后再试。',
    en: 'Too many failed sign-ins; please try again in 15 minutes.',
  },
  claim_conflict: {
    zh: '案件已被其他工作人员认领或转交，页面已更新。',
    en: 'Someone else claimed or handed over this case first; the page has been updated.',
  },
  annex4_submitted_already: {
    zh: '附件4 已经报送，不能再修改。',
    en: 'Annex 4 was already submitted and can no longer be changed.',
  },
  case_closed: { zh: '案件已销号。', en: 'This case is closed.' },
  close_needs_annex4: {
    zh: '附件4 报送后才能销号；确需提前销号的，须由市协调劳动关系三方委员会办公室批准并写明理由。',
    en: 'A case is closed after its Annex 4 is filed; closing earlier needs the city office’s approval with a reason.',
  },
  not_a_follow_up: {
    zh: '这份报告不是续报，无需拆分。',
    en: 'This report is not a follow-up, so there is nothing to split off.',
  },
  not_an_open_case: {
    zh: '只有未销号的案件（不是续报）可以并入另一个案件。',
    en: 'Only an open case (not a follow-up) can be merged into another case.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof MESSAGES;

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

/** 429 with Retry-After and the wait in words, for a limit that says how long to wait. */
/** The message of an error code in a locale (pages that show a refusal inside their own form). */
export function errorMessage(code: ErrorCode, locale: 'zh' | 'en' = 'zh'): string {
  return MESSAGES[code][locale];
}

export function tooMany(code: 'too_many_requests' | 'too_many_drafts' | 'too_many_messages', seconds: number) {
  return new ApiError(
    429,
    code,
    { zh: `（约 ${seconds} 秒后可再试）`, en: ` (retry in about ${seconds} s)` },
    { retryAfter: seconds },
    { 'retry-after': String(seconds) },
  );
}

export function errorBody(c: Context, code: ErrorCode, detail?: { zh: string; en: string }) {
  const locale = requestLocale(c);
  const message = MESSAGES[code][locale] + (detail ? detail[locale] : '');
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
