import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './ids';

describe('sha256Hex', () => {
  it('gives the standard digest (FIPS 180-2 "abc") and the same as node:crypto for Chinese text and tokens', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const text of ['', 'csrf:Zx-9_q', '长春市示例机械制造有限公司|91220101MA0000000X', 'a'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
