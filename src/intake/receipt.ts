import { beijingDate } from '../time';
import { toHalfWidth } from './normalize';

// Receipt numbers: "CC-2026-7K3M9Q". Six characters from a 31-symbol alphabet without 0/O/1/I/L, so they
// survive being read over the phone; 31^6 ≈ 8.9e8 per year, paired with the reporter's phone for lookups.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;
// Largest multiple of 31 below 256: bytes at or above it are discarded so every symbol is equally likely.
const LIMIT = 256 - (256 % ALPHABET.length);

/** A new receipt; `random` is injected (pass `(n) => crypto.getRandomValues(new Uint8Array(n))`). */
export function newReceipt(now: Date, random: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < LENGTH) {
    for (const b of random(LENGTH * 2)) {
      if (b < LIMIT && code.length < LENGTH) code += ALPHABET.charAt(b % ALPHABET.length);
    }
  }
  return `CC-${beijingDate(now).slice(0, 4)}-${code}`;
}

const RECEIPT = new RegExp(`^CC-?(\\d{4})-?([${ALPHABET}]{${LENGTH}})$`);

/** The canonical form of a typed receipt (case, spaces and missing dashes tolerated), or undefined. */
export function normalizeReceipt(s: string): string | undefined {
  const m = RECEIPT.exec(toHalfWidth(s).toUpperCase().replace(/\s+/g, ''));
  return m ? `CC-${m[1]}-${m[2]}` : undefined;
}

export function isReceipt(s: string): boolean {
  return normalizeReceipt(s) !== undefined;
}
