import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { FIELDS, type IntakeCtx, type IntakeState, type Reply, render, start, step } from '../intake/index';
import { CALLBACK_DATA_MAX_BYTES, decodeCallback, utf8Length } from './callbacks';
import { escapeHtml, MESSAGE_MAX_CHARS, type OutgoingMessage, renderReply, splitHtml } from './render';

const ctx: IntakeCtx = {
  jurisdictions: [
    { id: '220102', name: { zh: '南关区', en: 'Nanguan District' } },
    { id: '220171', name: { zh: '长春经济技术开发区', en: 'Changchun Economic and Technological Development Zone' } },
  ],
};
const now = new Date('2026-03-15T06:00:00Z');

/** The engine's reply when asking `field` (with every item chosen so each follow-up is visible). */
function askingAt(field: string, extra: Partial<IntakeState> = {}): Reply {
  const { state } = start({ locale: 'zh', now, ctx });
  const items = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11'];
  return render({ ...state, answers: { items }, current: field, history: ['unit_name'], ...extra }, ctx);
}

const inline = (m: OutgoingMessage | undefined) =>
  (m?.markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
const buttons = (m: OutgoingMessage | undefined) => inline(m).flat() as InlineKeyboardButton.CallbackButton[];

describe('renderReply', () => {
  it('escapes every text that came from a person or the engine', () => {
    const reply: Reply = {
      ...askingAt('unit_name'),
      text: 'Name <b>A & B</b>',
      error: '“<script>” is not allowed & more',
    };
    const [msg] = renderReply(reply, { locale: 'zh', notice: 'x < y' });
    expect(msg!.html).toContain('Name &lt;b&gt;A &amp; B&lt;/b&gt;');
    expect(msg!.html).toContain('&lt;script&gt;');
    expect(msg!.html).toContain('x &lt; y');
    expect(msg!.html).not.toMatch(/<(?!\/?i>)/); // only our own <i> progress tag
  });

  it('renders a choice as inline buttons a:<field>:<index>, with back and skip when allowed', () => {
    const msgs = renderReply(askingAt('business_status'), { locale: 'zh' });
    const data = buttons(msgs.at(-1)).map((b) => b.callback_data);
    expect(data.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `a:business_status:${i}`));
    expect(data).toContain('b:business_status');
    expect(data).not.toContain('s:business_status'); // required
    const optional = buttons(renderReply(askingAt('uscc'), { locale: 'zh' }).at(-1)).map((b) => b.callback_data);
    expect(optional).toEqual(['b:uscc', 's:uscc']);
  });

  it('renders multi-choice as ✓ toggles plus a Done button', () => {
    const { state } = start({ locale: 'zh', now, ctx });
    const at = { ...state, current: 'items', history: ['unit_name'] };
    const toggled = step(at, { type: 'toggle', value: 'M05' }, now, ctx);
    const bs = buttons(renderReply(toggled.reply, { locale: 'zh' }).at(-1));
    const m05 = bs.find((b) => b.callback_data === 't:items:4');
    expect(m05?.text.startsWith('✓ ')).toBe(true);
    expect(bs.filter((b) => b.text.startsWith('✓ '))).toHaveLength(1);
    expect(bs.find((b) => b.callback_data === 'ok:items')?.text).toBe('✅ 完成');
    expect(buttons(renderReply(toggled.reply, { locale: 'en' }).at(-1)).at(-2)?.text).toBe('✅ Done');
  });

  it('asks yes/no with two buttons mapped to indexes 0 and 1', () => {
    const data = buttons(renderReply(askingAt('m09_still_going'), { locale: 'zh' }).at(-1)).map((b) => b.callback_data);
    expect(data.slice(0, 2)).toEqual(['a:m09_still_going:0', 'a:m09_still_going:1']);
  });

  it('offers a share-contact reply keyboard for the phone question, with "back" as a word', () => {
    const [msg] = renderReply(askingAt('reporter_phone'), { locale: 'zh' });
    const kb = msg!.markup as ReplyKeyboardMarkup;
    expect(kb.keyboard[0]).toEqual([{ text: '📱 发送我的手机号', request_contact: true }]);
    expect(kb.keyboard[1]).toEqual([{ text: '返回' }]);
    expect(kb.one_time_keyboard).toBe(true);
  });

  it('takes the contact keyboard away after the phone question', () => {
    const plain = renderReply(askingAt('unit_name', { history: [] }), { locale: 'zh', removeReplyKeyboard: true });
    expect(plain).toHaveLength(1);
    expect(plain[0]!.markup).toEqual({ remove_keyboard: true });
    // A question with inline buttons cannot carry the removal too: a short note goes first.
    const withButtons = renderReply(askingAt('items'), { locale: 'zh', removeReplyKeyboard: true });
    expect(withButtons).toHaveLength(2);
    expect(withButtons[0]!.markup).toEqual({ remove_keyboard: true });
    expect(inline(withButtons[1]).length).toBeGreaterThan(0);
  });

  it('offers "keep it" when the answer has a warning', () => {
    const { state } = start({ locale: 'zh', now, ctx });
    const warned = step({ ...state, current: 'uscc' }, { type: 'answer', value: '91110108551385083Q' }, now, ctx);
    expect(warned.reply.warning).toBeDefined();
    expect(buttons(renderReply(warned.reply, { locale: 'zh' }).at(-1)).map((b) => b.callback_data)).toContain(
      'ok:uscc',
    );
  });

  it('renders the review as one message with an edit button per answer and a submit button', () => {
    const { state } = start({ locale: 'zh', now, ctx });
    const review = render(
      { ...state, answers: { unit_name: 'A & B <Ltd>', items: ['M05'] }, current: 'review', history: ['details'] },
      ctx,
    );
    const msgs = renderReply(review, { locale: 'zh' });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.html).toContain('A &amp; B &lt;Ltd&gt;');
    const data = buttons(msgs[0]).map((b) => b.callback_data);
    expect(data.filter((d) => d.startsWith('e:'))).toEqual(review.review!.map((l) => `e:${l.id}`));
    expect(data.slice(-2)).toEqual(['b:review', 'sub']);
  });

  it('keeps callback data within 64 bytes for every field, and every button decodes', () => {
    for (const f of FIELDS) {
      for (const msg of renderReply(askingAt(f.id), { locale: 'en' })) {
        for (const b of buttons(msg)) {
          expect(utf8Length(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
          expect(decodeCallback(b.callback_data), b.callback_data).toBeDefined();
        }
      }
    }
  });

  it('splits a long reply into messages of at most 4096 characters, keyboard on the last', () => {
    const long = Array.from({ length: 400 }, (_, i) => `${i + 1}. 职工 & 工资 <拖欠> 情况说明`).join('\n');
    const msgs = renderReply({ ...askingAt('business_status'), text: long }, { locale: 'zh' });
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) expect(m.html.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(msgs.slice(0, -1).every((m) => m.markup === undefined)).toBe(true);
    expect(inline(msgs.at(-1)).length).toBeGreaterThan(0);
    expect(msgs.map((m) => m.html).join('\n')).toContain(escapeHtml(long));
  });
});

describe('splitHtml', () => {
  it('cuts a single over-long line without breaking an entity or a surrogate pair', () => {
    const line = escapeHtml('a&'.repeat(3000)) + '😀'.repeat(10);
    const chunks = splitHtml(line, 100);
    expect(chunks.join('')).toBe(line);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(100);
      expect(c).not.toMatch(/&[a-z]{0,3}$/); // no half "&amp;"
      expect(c.charCodeAt(c.length - 1) >= 0xd800 && c.charCodeAt(c.length - 1) <= 0xdbff).toBe(false);
    }
  });

  it('keeps short text as one message', () => {
    expect(splitHtml('one\ntwo')).toEqual(['one\ntwo']);
  });
});
