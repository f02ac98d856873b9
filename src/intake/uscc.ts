import { toHalfWidth } from './normalize';

// Unified social credit code (统一社会信用代码), GB 32100-2015: 17 characters plus a check character,
// all from a 31-symbol alphabet without I, O, S, V, Z.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccReason = 'length' | 'charset' | 'checksum';
export type UsccResult = { ok: true; normalized: string } | { ok: false; normalized: string; reason: UsccReason };

/** The check character for the first 17 characters, or undefined if one is outside the alphabet. */
export function usccCheckChar(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const v = CHARSET.indexOf(body.charAt(i));
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Uppercases, drops spaces and dashes, then checks length, alphabet and check character. */
export function checkUscc(raw: string): UsccResult {
  const normalized = toHalfWidth(raw).toUpperCase().replace(/[\s-]/g, '');
  if (normalized.length !== 18) return { ok: false, normalized, reason: 'length' };
  if ([...normalized].some((c) => !CHARSET.includes(c))) return { ok: false, normalized, reason: 'charset' };
  if (usccCheckChar(normalized.slice(0, 17)) !== normalized.charAt(17)) {
    return { ok: false, normalized, reason: 'checksum' };
  }
  return { ok: true, normalized };
}
