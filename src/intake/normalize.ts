import { bilingual, inBoth, type SentenceKey } from '../messages/index';
import type { Text } from '../rules/index';
import { beijingDate } from '../time';

// Input normalisers shared by every channel. Each returns a tagged result with a bilingual message
// that says what to fix, so the engine can re-ask the same question without interpreting codes.

export type Normalized<T> = { ok: true; value: T } | { ok: false; error: Text };

/** A refused answer with the catalogue's sentence (group `answers`) saying what to fix. */
const fail = (why: SentenceKey<'answers'>): { ok: false; error: Text } => ({
  ok: false,
  error: bilingual('answers', why),
});

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// C0/C1 controls and DEL (line breaks are handled separately), zero-width and bidi-override characters:
// invisible, and bidi overrides can make a stored name render differently from what an officer reads.
const INVISIBLE = /(?!\n)\p{Cc}|[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export interface TextOptions {
  maxLength: number;
  /** Keep line breaks (long free text); otherwise every line break becomes a space. */
  multiline?: boolean;
}

/** Trim, drop control characters, collapse blank runs, and enforce a length limit (in code points). */
export function cleanText(raw: string, { maxLength, multiline = false }: TextOptions): Normalized<string> {
  let s = raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, ' ');
  if (multiline) {
    s = s
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    s = s.replace(/\n/g, ' ').replace(/ {2,}/g, ' ');
  }
  s = s.trim();
  if (s === '') return fail('empty');
  const length = [...s].length;
  if (length > maxLength) {
    return { ok: false, error: inBoth('answers', (t) => t.tooLong(length, maxLength)) };
  }
  return { ok: true, value: s };
}

// Unit words people append to counts ("1200人", "3个月"); stripped before parsing the number.
const COUNT_SUFFIX = /(?:个月|人次|人|名|个|位|户|家|次|天|日|月|people|persons?|employees?|workers?|months?|days?)$/i;
const APPROX_PREFIX = /^(?:约|大约|近|about|approx\.?|approximately|~)\s*/i;

/** Digits with optional thousands separators (`,` or `，`) and decimals; `万` multiplies by 10,000. */
function parseDecimal(raw: string, suffix: RegExp): number | undefined {
  let s = toHalfWidth(raw).trim().replace(APPROX_PREFIX, '').replace(/\s+/g, '').replace(suffix, '');
  let factor = 1;
  if (/万$/.test(s)) {
    factor = 10_000;
    s = s.slice(0, -1);
  }
  if (/^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/[,，]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(s)) return undefined;
  const n = Number(s) * factor;
  return Number.isFinite(n) ? n : undefined;
}

/** Whole numbers such as "1,200", "1，200", "１２００", "1200人", "约1.2万人". Range checks are the caller's. */
export function parseInteger(raw: string): Normalized<number> {
  const n = parseDecimal(raw, COUNT_SUFFIX);
  if (n === undefined || !Number.isInteger(n)) {
    return fail('integer');
  }
  return { ok: true, value: n };
}

const MONEY_AFFIX = /(?:元|块|人民币|rmb|cny|yuan)$/i;

/** Yuan amounts: "120,000.50", full-width digits, "¥120000", "12.5万元"; rounded to fen. */
export function parseMoney(raw: string): Normalized<number> {
  const stripped = toHalfWidth(raw)
    .trim()
    .replace(/^(?:¥|￥|rmb|cny|人民币)\s*/i, '');
  const n = parseDecimal(stripped, MONEY_AFFIX);
  if (n === undefined) {
    return fail('money');
  }
  return { ok: true, value: Math.round(n * 100) / 100 };
}

/**
 * Mobile numbers (`1[3-9]` + 9 digits) or Changchun landlines (8 digits, area code 0431).
 * Spaces, dashes, dots, brackets and a +86/0086 country prefix are accepted.
 * Output: "13800138000" or "0431-88886666".
 */
export function parsePhone(raw: string): Normalized<string> {
  let d = toHalfWidth(raw).replace(/[\s\-.()（）]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  else if (/^86(?:1[3-9]\d{9}|431\d{8})$/.test(d)) d = d.slice(2);
  if (/^1[3-9]\d{9}$/.test(d)) return { ok: true, value: d };
  // International format drops the trunk 0: +86 431 8888 6666.
  const landline = /^(?:0?431)?([2-9]\d{7})$/.exec(d);
  if (landline?.[1]) return { ok: true, value: `0431-${landline[1]}` };
  return fail('phone');
}

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const RELATIVE_DAYS: Record<string, number> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: -1,
  昨日: -1,
  yesterday: -1,
  前天: -2,
};

function matchDate(s: string, now: Date): string | undefined {
  const rel = RELATIVE_DAYS[s.toLowerCase()];
  if (rel !== undefined) return addDays(beijingDate(now), rel);
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$/.exec(s);
  if (!m) return undefined;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Dates as YYYY-MM-DD from "2026-03-15", "2026/3/15", "2026年3月15日", "今天", "yesterday". */
export function parseDate(raw: string, now: Date): Normalized<string> {
  const value = matchDate(toHalfWidth(raw).trim(), now);
  return value ? { ok: true, value } : fail('date');
}

/** A Shanghai wall-clock time, stored as ISO 8601 with its offset: "2026-03-15T14:30:00+08:00". */
export function parseDateTime(raw: string, now: Date): Normalized<string> {
  const s = toHalfWidth(raw).trim();
  const m = /^(.+?)(?:\s*T\s*|\s+|(?<=[日号天]))(\d{1,2})\s*(?::|时|点)\s*(\d{1,2})?\s*(?:分|:\d{2})?$/i.exec(s);
  const date = m?.[1] ? matchDate(m[1].trim(), now) : undefined;
  const hour = Number(m?.[2]);
  const minute = m?.[3] === undefined ? 0 : Number(m[3]);
  if (!date || !(hour >= 0 && hour <= 23) || !(minute >= 0 && minute <= 59)) {
    return fail('dateTime');
  }
  return { ok: true, value: `${date}T${pad(hour)}:${pad(minute)}:00+08:00` };
}

const YES = new Set(['是', '是的', '对', '有', '已', '已经', '需要', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', '不是', '不', '没有', '无', '未', '没', '不需要', 'no', 'n', 'false', '0']);

/** Yes/no answers: 是/否, 有/没有, yes/no, y/n (a boolean passes through). */
export function parseBoolean(raw: string | boolean): Normalized<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const s = toHalfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/[。.!！]$/, '');
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return fail('yesNo');
}
