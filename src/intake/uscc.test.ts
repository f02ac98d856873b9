import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar } from './uscc';

describe('checkUscc (GB 32100-2015)', () => {
  it.each(['91110000600037341L', '91110108551385082Q', '91350200776049653A'])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, normalized: code });
  });
  it('uppercases and drops spaces and dashes', () => {
    expect(checkUscc(' 9111 0000-6000 3734 1l ')).toEqual({ ok: true, normalized: '91110000600037341L' });
  });
  it('reports a wrong check character', () => {
    expect(checkUscc('91110000600037341A')).toEqual({
      ok: false,
      normalized: '91110000600037341A',
      reason: 'checksum',
    });
  });
  it('reports length and alphabet errors', () => {
    expect(checkUscc('9111000060003734')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkUscc('91110000600037341I')).toMatchObject({ ok: false, reason: 'charset' });
  });
  it('computes the check character', () => expect(usccCheckChar('91350200776049653')).toBe('A'));
});
