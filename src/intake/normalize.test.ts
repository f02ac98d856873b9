import { describe, expect, it } from 'vitest';
import { beijingDate } from '../time';
import { cleanText, parseBoolean, parseDate, parseDateTime, parseInteger, parseMoney, parsePhone } from './normalize';

// 2026-03-15 00:30 in Shanghai is still 03-14 in UTC: the calendar must follow Shanghai.
const now = new Date('2026-03-14T16:30:00Z');

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);

describe('cleanText', () => {
  it('trims, drops control and bidi characters, collapses blanks', () => {
    expect(value(cleanText('  ACME\u0000\u202E  有限\t公司\n ', { maxLength: 200 }))).toBe('ACME 有限 公司');
  });
  it('keeps line breaks in long text, at most one blank line', () => {
    expect(value(cleanText('第一行\r\n\r\n\r\n\r\n第二行  \n', { maxLength: 2000, multiline: true }))).toBe(
      '第一行\n\n第二行',
    );
  });
  it('rejects empty and over-long text with a message', () => {
    expect(cleanText(' \u0007 ', { maxLength: 10 }).ok).toBe(false);
    const long = cleanText('字'.repeat(10_000), { maxLength: 2000 });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.zh).toContain('2000');
  });
  it('leaves markup as plain text', () => {
    expect(value(cleanText('<script>alert(1)</script>', { maxLength: 200 }))).toBe('<script>alert(1)</script>');
  });
});

describe('parseInteger', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['１２００', 1200],
    ['1200人', 1200],
    ['约 1.2万人', 12000],
    ['3个月', 3],
    ['0', 0],
  ])('%s → %d', (raw, n) => expect(value(parseInteger(raw))).toBe(n));
  it.each(['', 'abc', '1.5', '1,2', '-3', '12 00 0x'])('rejects %j', (raw) => expect(parseInteger(raw).ok).toBe(false));
});

describe('parseMoney', () => {
  it.each([
    ['120,000.50', 120000.5],
    ['１２００００．５', 120000.5],
    ['¥120000', 120000],
    ['12.5万', 125000],
    ['12.5万元', 125000],
    ['1.15万', 11500],
    ['300元', 300],
  ])('%s → %d', (raw, n) => expect(value(parseMoney(raw))).toBe(n));
  it('rejects words', () => expect(parseMoney('很多').ok).toBe(false));
});

describe('parsePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['８６１３８００１３８０００', '13800138000'],
    ['0431-88886666', '0431-88886666'],
    ['043188886666', '0431-88886666'],
    ['88886666', '0431-88886666'],
    ['(0431) 8888 6666', '0431-88886666'],
    ['+86 431 8888 6666', '0431-88886666'],
  ])('%s → %s', (raw, out) => expect(value(parsePhone(raw))).toBe(out));
  it.each(['12345', '12800138000', '010-88886666', '08886666', '1380013800'])('rejects %s', (raw) =>
    expect(parsePhone(raw).ok).toBe(false),
  );
});

describe('dates in Asia/Shanghai', () => {
  it('knows the Shanghai day', () => expect(beijingDate(now)).toBe('2026-03-15'));
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026/3/5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６年３月５号', '2026-03-05'],
    ['今天', '2026-03-15'],
    ['昨天', '2026-03-14'],
    ['Yesterday', '2026-03-14'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (raw, out) => expect(value(parseDate(raw, now))).toBe(out));
  it.each(['2026-02-30', '2025-02-29', '3/5', 'next week', ''])('rejects %j', (raw) =>
    expect(parseDate(raw, now).ok).toBe(false),
  );
  it.each([
    ['2026-03-15 14:30', '2026-03-15T14:30:00+08:00'],
    ['2026-03-15T14:30', '2026-03-15T14:30:00+08:00'],
    ['2026-03-15T14:30:00', '2026-03-15T14:30:00+08:00'],
    ['2026/3/1 9:05', '2026-03-01T09:05:00+08:00'],
    ['2026年3月1日14时30分', '2026-03-01T14:30:00+08:00'],
    ['昨天 9:00', '2026-03-14T09:00:00+08:00'],
    ['今天9点', '2026-03-15T09:00:00+08:00'],
  ])('%s → %s', (raw, out) => expect(value(parseDateTime(raw, now))).toBe(out));
  it.each(['2026-03-15', '2026-03-15 24:00', '2026-03-15 12:60'])('rejects datetime %j', (raw) =>
    expect(parseDateTime(raw, now).ok).toBe(false),
  );
});

describe('parseBoolean', () => {
  it.each(['是', 'YES', 'y', '有', '是的。'])('%s → true', (raw) => expect(value(parseBoolean(raw))).toBe(true));
  it.each(['否', 'no', 'N', '没有', '无'])('%s → false', (raw) => expect(value(parseBoolean(raw))).toBe(false));
  it('passes booleans and rejects anything else', () => {
    expect(value(parseBoolean(false))).toBe(false);
    expect(parseBoolean('也许').ok).toBe(false);
  });
});
