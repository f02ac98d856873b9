import { describe, expect, it } from 'vitest';
import { parseReplyCommand, quotedReceipt, receiptIn } from './replies';

const BOT = 123456;
// The header and last line the dispatcher puts on an office message (src/notify/reporter-message.ts).
const zh =
  '【长春市劳动关系风险监测预警】关于回执号 CC-2026-7K3M9Q 的报告，接报部门回复：\n请补充 CC-2026-AB2CDE。\n\n如需回复，请直接回复本条消息。';
const en =
  '[Changchun labour-relations risk early warning] About your report with receipt CC-2026-7K3M9Q, the receiving office replies:\nPlease call us.';

describe('replies to the receiving office', () => {
  it('finds the first receipt number in a message (the header comes first)', () => {
    expect(receiptIn(zh)).toBe('CC-2026-7K3M9Q');
    expect(receiptIn(en)).toBe('CC-2026-7K3M9Q');
    expect(receiptIn('回执号：cc20267k3m9q')).toBe('CC-2026-7K3M9Q');
    // Not a receipt: 0, O, 1, I and L are outside its alphabet.
    expect(receiptIn('CC-2026-OOOOOO and CC-2026-7K3M9Q')).toBe('CC-2026-7K3M9Q');
    expect(receiptIn('请回答下一个问题')).toBeUndefined();
  });

  it("reads the receipt only from the bot's own messages", () => {
    expect(quotedReceipt({ from: { id: BOT }, text: zh }, BOT)).toBe('CC-2026-7K3M9Q');
    expect(quotedReceipt({ from: { id: 42 }, text: zh }, BOT)).toBeUndefined();
    expect(quotedReceipt({ from: { id: BOT } }, BOT)).toBeUndefined();
    expect(quotedReceipt(undefined, BOT)).toBeUndefined();
  });

  it('parses /reply <receipt> <text>', () => {
    expect(parseReplyCommand('cc-2026-7k3m9q  工资已发放\n谢谢')).toEqual({
      receipt: 'CC-2026-7K3M9Q',
      text: '工资已发放\n谢谢',
    });
    expect(parseReplyCommand('CC-2026-7K3M9Q')).toBeUndefined();
    expect(parseReplyCommand('CC-2026-7K3M9Q   ')).toBeUndefined();
    expect(parseReplyCommand('not-a-receipt hello')).toBeUndefined();
    expect(parseReplyCommand('')).toBeUndefined();
  });
});
