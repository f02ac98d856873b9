// Officers' free text (case notes, reasons, messages to reporters, Annex 4 fields, account and channel names …)
// is cleaned once, where every console request body enters, before any handler reads it: the same rule as the
// reporters' text (src/cases/reporter-messages.ts, src/intake/normalize.ts). Control characters and format
// characters — zero-width ones, the byte-order mark, bidirectional overrides and isolates (U+202A–202E,
// U+2066–2069) — are removed: they are never typed on purpose and can make what an officer or a reporter
// reads differ from what is stored. Line breaks (as \n) and tabs stay, for multi-line fields; a browser's
// single-line inputs cannot carry them anyway. The zero-width joiner stays: emoji sequences need it.
import type { MiddlewareHandler } from 'hono';

const UNWANTED = /(?![\t\n\u200D])[\p{Cc}\p{Cf}]/gu;

/** Fields whose value must reach the handler exactly as typed: passwords are compared, never displayed. */
const VERBATIM_FIELDS = new Set(['password', 'current', 'confirm']);

/** Line ends unified to \n; control and format characters (but tab, newline and ZWJ) removed. */
export function cleanOfficerText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(UNWANTED, '');
}

/** Every string in a parsed JSON value cleaned (keys too), the structure kept. */
export function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanOfficerText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [cleanOfficerText(k), VERBATIM_FIELDS.has(k) ? v : cleanJson(v)]),
    );
  }
  return value;
}

async function cleanedBody(req: Request, mediaType: string): Promise<BodyInit | undefined> {
  if (mediaType === 'application/x-www-form-urlencoded') {
    const params = new URLSearchParams(await req.text());
    const out = new URLSearchParams();
    for (const [k, v] of params) out.append(k, VERBATIM_FIELDS.has(k) ? v : cleanOfficerText(v));
    return out.toString();
  }
  if (mediaType === 'multipart/form-data') {
    const form = await req.formData();
    const out = new FormData();
    for (const [k, v] of form)
      out.append(k, typeof v === 'string' && !VERBATIM_FIELDS.has(k) ? cleanOfficerText(v) : v);
    return out;
  }
  if (mediaType === 'application/json') {
    const text = await req.text();
    try {
      return JSON.stringify(cleanJson(JSON.parse(text)));
    } catch {
      return text; // not JSON: the route's own validation answers 400
    }
  }
  return undefined;
}

/**
 * Replaces the request body with its cleaned copy (urlencoded and multipart forms, JSON); other bodies pass
 * untouched. Mount after the body limit, before anything parses the body (the session's CSRF check does).
 */
export function cleanOfficerInput(): MiddlewareHandler {
  return async (c, next) => {
    const req = c.req.raw;
    if (!req.body || req.method === 'GET' || req.method === 'HEAD') return next();
    const mediaType = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    const body = await cleanedBody(req, mediaType);
    if (body === undefined) return next();
    const headers = new Headers(req.headers);
    headers.delete('content-length');
    // A rebuilt multipart body has a new boundary: the Request sets its own content type.
    if (body instanceof FormData) headers.delete('content-type');
    c.req.raw = new Request(req.url, { method: req.method, headers, body, signal: req.signal });
    await next();
  };
}
