import { describe, expect, it } from 'vitest';
import { isRealDate } from './annex4';

describe('Annex 4 填报时间 is a real date', () => {
  it.each([
    ['2026-11-25', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['1999-12-31', false],
    ['2026-1-5', false],
  ])('%s → %s', (value, ok) => {
    expect(isRealDate(value)).toBe(ok);
  });
});
