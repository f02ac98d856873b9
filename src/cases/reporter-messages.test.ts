import { describe, expect, it } from 'vitest';
import { cleanReporterMessage, REPORTER_MESSAGE_MAX, reporterEvents } from './reporter-messages';

describe("a reporter's message", () => {
  it('is trimmed, with line ends unified and control and bidi characters removed', () => {
    expect(cleanReporterMessage('  第一行\r\n第二行\u0007\u202E\u200B\u0000\t完  ')).toEqual({
      ok: true,
      text: '第一行\n第二行\t完',
    });
    // The zero-width joiner stays (emoji sequences).
    expect(cleanReporterMessage('👩\u200D👩')).toEqual({ ok: true, text: '👩\u200D👩' });
  });

  it('is refused when empty after cleaning or longer than the limit', () => {
    expect(cleanReporterMessage(' \u0000\r\n\u200B ')).toEqual({ ok: false, error: 'empty' });
    expect(cleanReporterMessage('字'.repeat(REPORTER_MESSAGE_MAX))).toMatchObject({ ok: true });
    expect(cleanReporterMessage('字'.repeat(REPORTER_MESSAGE_MAX + 1))).toEqual({ ok: false, error: 'too_long' });
  });
});

describe('the reporter-visible timeline', () => {
  it("keeps the words of messages, never the officer's name", () => {
    const at = new Date(0);
    expect(
      reporterEvents([
        { at, type: 'submitted', data: { channel: 'web', severity: 'high' } },
        { at, type: 'message_out', data: { text: '请补充。', by: '张伟' } },
        { at, type: 'message_in', data: { text: '好的。', channel: 'telegram' } },
        { at, type: 'message_out', data: null },
      ]),
    ).toEqual([
      { at, type: 'submitted' },
      { at, type: 'message_out', message: { text: '请补充。', from: 'office' } },
      { at, type: 'message_in', message: { text: '好的。', from: 'reporter', channel: 'telegram' } },
      { at, type: 'message_out' },
    ]);
  });
});
