import { describe, expect, it } from 'vitest';
import { isReceipt, newReceipt, normalizeReceipt } from './receipt';

const bytes =
  (...values: number[]) =>
  (n: number) =>
    Uint8Array.from({ length: n }, (_, i) => values[i % values.length] ?? 0);

describe('receipts', () => {
  it('uses the Shanghai year and an unambiguous alphabet', () => {
    // 2025-12-31 17:00 UTC is already 2026 in Changchun.
    const r = newReceipt(new Date('2025-12-31T17:00:00Z'), bytes(0, 1, 2, 3, 4, 5));
    expect(r).toBe('CC-2026-234567');
  });
  it('discards biased bytes instead of wrapping them', () => {
    // 248..255 would over-represent the first symbols; only 30 is used → 30 % 31 = 'Z'.
    expect(newReceipt(new Date('2026-05-01T00:00:00Z'), bytes(250, 30))).toBe('CC-2026-ZZZZZZ');
  });
  it('never contains 0, O, 1, I or L', () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    for (let i = 0; i < 200; i++) {
      const r = newReceipt(new Date(), random);
      expect(r.slice(8)).not.toMatch(/[0O1IL]/);
      expect(isReceipt(r)).toBe(true);
    }
  });
  it('normalises typed receipts', () => {
    expect(normalizeReceipt(' cc2026 7k3m9q ')).toBe('CC-2026-7K3M9Q');
    expect(normalizeReceipt('CC-2026-7K3M9Q')).toBe('CC-2026-7K3M9Q');
    expect(normalizeReceipt('CC-2026-7K3M90')).toBeUndefined();
    expect(isReceipt('hello')).toBe(false);
  });
});
