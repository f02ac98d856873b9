import { parseDateOnly, parseInstant } from '../time';
import type { FactField } from './types';

// Facts reach assess() from chat, forms, old drafts and imports, so any value may be junk. Each kind is
// read strictly: a value is either clearly usable or `undefined` (→ needs_info). Guessing a number out
// of "about 40 or 50" would put a made-up figure in front of an officer.

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// Unit words people type after a figure; only at the end, only these.
const UNIT_SUFFIX = /\s*(?:个月|人|名|位|元|月)$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A finite number ≥ 0 from a number or a numeric string ("1,200", "１２", "40人"); undefined otherwise. */
export function toNonNegativeNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw + 0 : undefined; // + 0 turns -0 into 0
  if (typeof raw !== 'string') return undefined;
  const s = toHalfWidth(raw).trim().replace(UNIT_SUFFIX, '');
  if (!PLAIN_NUMBER.test(s) && !GROUPED_NUMBER.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** A whole number ≥ 0 (safe integer) or undefined. "12.0" is 12; "12.5" people is not a count. */
export function toCount(raw: unknown): number | undefined {
  const value = toNonNegativeNumber(raw);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '是', '是的', '已', '有']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '否', '不是', '未', '没有', '无']);

export function toBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const s = toHalfWidth(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

export function toText(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  return s === '' ? undefined : s;
}

const URL_RE = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/**
 * The usable value of one fact, normalised for its kind, or undefined when it is missing or unusable.
 * Form bounds (min/max/maxLength) are not applied here: they guard typing, and refusing a real large
 * number would hide the very risk the report is about.
 */
export function coerceFact(field: FactField, raw: unknown): unknown {
  switch (field.kind) {
    case 'integer':
      return toCount(raw);
    case 'money':
      return toNonNegativeNumber(raw);
    case 'boolean':
      return toBoolean(raw);
    case 'text':
      return toText(raw);
    case 'date':
      return parseDateOnly(raw) ?? undefined;
    case 'datetime': {
      const ms = parseInstant(raw);
      return ms === null ? undefined : new Date(ms).toISOString();
    }
    case 'choice': {
      const s = typeof raw === 'string' ? toHalfWidth(raw).trim() : undefined;
      if (s === undefined) return undefined;
      const lower = s.toLowerCase();
      // The option value, or its label as shown on a button (some channels echo the label back).
      const option = field.options?.find(
        (o) => o.value === lower || toHalfWidth(o.label.zh) === s || o.label.en.toLowerCase() === lower,
      );
      return option?.value;
    }
    case 'url': {
      const s = toText(raw);
      return s !== undefined && s.length <= 2048 && URL_RE.test(s) ? s : undefined;
    }
  }
}
