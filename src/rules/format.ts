import { toHalfWidth } from './coerce';

// Number and text formatting for explanations. Grouping digits ("13,800,138,000") also keeps a
// junk amount from reading like an 11-digit mobile number.

function groupInteger(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567.5 → "1,234,567.5"; at most two decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  if (abs >= 1e13) return sign + groupInteger(BigInt(Math.round(abs)).toString());
  const cents = Math.round(abs * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return sign + groupInteger(String(whole)) + fraction;
}

/**
 * part/whole as a percentage with one decimal, rounded down, for integer inputs: "9.9%" never shows as
 * "10.0%" next to "below 10 %".
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const tenths = Math.floor((part * 1000) / whole);
  return `${formatNumber(tenths / 10)}${tenths % 10 === 0 ? '.0' : ''}%`;
}

/** 0.1 → "10%". */
export function formatRatio(ratio: number): string {
  return `${formatNumber(Math.round(ratio * 10_000) / 100)}%`;
}

// Mobiles, landlines and long digit runs (half- or full-width, with spaces, hyphens, brackets or +86),
// but not an ISO date.
const D = '[0-9\\uFF10-\\uFF19]';
const PHONE_LIKE = new RegExp(`(?:[+\\uFF0B]\\s*)?${D}(?:[\\s\\-()\\uFF08\\uFF09\\uFF0D]*${D}){6,}`, 'g');
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** Replace anything that could be a phone number with ***; explanations must never carry one. */
export function maskPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => (DATE_LIKE.test(toHalfWidth(match)) ? match : '***'));
}

/** Free text for an explanation: phones masked, one line, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const line = maskPhones(text).replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}
