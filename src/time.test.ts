import { describe, expect, it } from 'vitest';
import { beijingDate, beijingDateTime, parseBeijingDate, parseDateOnly, parseInstant } from './time';

describe('Asia/Shanghai time', () => {
  it('formats an instant as Beijing wall-clock time across the UTC day boundary', () => {
    const at = new Date('2026-11-24T16:30:00.000Z');
    expect(beijingDateTime(at)).toBe('2026-11-25 00:30');
    expect(beijingDate(at)).toBe('2026-11-25');
    expect(beijingDateTime(at.getTime() - 60 * 60_000)).toBe('2026-11-24 23:30');
  });

  it('parses a bare date as Beijing midnight and rejects what is not a calendar date', () => {
    expect(parseBeijingDate('2026-11-25')?.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(parseBeijingDate('2026-02-30')).toBeUndefined();
    expect(parseBeijingDate('2026-11-25T08:00')).toBeUndefined();
    expect(parseBeijingDate(undefined)).toBeUndefined();
    expect(parseInstant('2026-11-25 08:30')).toBe(Date.parse('2026-11-25T00:30:00Z'));
    expect(parseInstant('2026-11-25T08:30:00+08:00')).toBe(Date.parse('2026-11-25T00:30:00Z'));
    expect(parseDateOnly(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
  });
});
