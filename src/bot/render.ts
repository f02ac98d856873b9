// Engine replies → Telegram messages (HTML parse mode). Pure: every text that came from a person or the
// engine is escaped, messages stay within Telegram's 4096 characters, callback data within 64 bytes.
import type {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'telegraf/types';
import type { Reply } from '../intake/index';
import { textOf } from '../messages/index';
import type { Locale } from '../rules/index';
import { splitAtLineEnds } from '../split-lines';
import { CALLBACK_DATA_MAX_BYTES, type CallbackAction, encodeCallback, utf8Length } from './callbacks';

export const MESSAGE_MAX_CHARS = 4096;
/** Long option labels make unreadable buttons; the full text is in the question or the review lines. */
const BUTTON_LABEL_MAX = 40;
/** Labels up to this display width (a Chinese character counts two) sit two to a row. */
const SHORT_LABEL_WIDTH = 16;

export type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface OutgoingMessage {
  /** HTML for parse_mode 'HTML', already escaped. */
  html: string;
  markup?: Markup;
}

export interface RenderOptions {
  locale: Locale;
  /** A plain-text line shown above the reply (e.g. "continuing your report"). */
  notice?: string;
  /** A plain-text line shown below the reply (e.g. how to check progress). */
  footer?: string;
  /** The question before this one showed the share-contact keyboard: take it away. */
  removeReplyKeyboard?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function renderReply(reply: Reply, opts: RenderOptions): OutgoingMessage[] {
  const parts: string[] = [];
  if (opts.notice) parts.push(escapeHtml(opts.notice));
  if (reply.error) parts.push(`⚠️ ${escapeHtml(reply.error)}`);
  if (reply.warning) parts.push(`⚠️ ${escapeHtml(reply.warning)}`);
  parts.push(escapeHtml(reply.chatHint ? `${reply.text}\n${reply.chatHint}` : reply.text) + progressOf(reply));
  if (opts.footer) parts.push(escapeHtml(opts.footer));
  return attach(splitHtml(parts.join('\n\n')), keyboardFor(reply, opts.locale), opts);
}

/** A plain-text message (hints, command answers). */
export function renderText(text: string, markup?: Markup): OutgoingMessage[] {
  return attach(splitHtml(escapeHtml(text)), markup, {});
}

/** "(3/18)" under a question; not while editing a finished report (everything is answered then). */
function progressOf(reply: Reply): string {
  const { answered, total } = reply.progress;
  if (reply.kind !== 'question' || answered >= total) return '';
  return `\n<i>(${answered + 1}/${total})</i>`;
}

/** The keyboard goes on the last chunk, where the reader's eye ends. */
function attach(chunks: string[], markup: Markup | undefined, opts: Partial<RenderOptions>): OutgoingMessage[] {
  const messages: OutgoingMessage[] = chunks.map((html) => ({ html }));
  const last = messages[messages.length - 1]!;
  if (markup) last.markup = markup;
  if (opts.removeReplyKeyboard && !(markup && 'keyboard' in markup)) {
    // A message carries one markup: when it needs inline buttons, a short note takes the keyboard away first.
    if (markup)
      messages.unshift({
        html: escapeHtml(textOf('bot', opts.locale ?? 'zh').noted),
        markup: { remove_keyboard: true },
      });
    else last.markup = { remove_keyboard: true };
  }
  return messages;
}

function button(label: string, action: CallbackAction): InlineKeyboardButton.CallbackButton | undefined {
  const data = encodeCallback(action);
  if (utf8Length(data) > CALLBACK_DATA_MAX_BYTES) return undefined; // never for our field ids; typing still works
  const text = label.length > BUTTON_LABEL_MAX ? `${label.slice(0, BUTTON_LABEL_MAX - 1)}…` : label;
  return { text, callback_data: data };
}

/** Two to a row when every label is short, else one per row. */
function rows(buttons: (InlineKeyboardButton | undefined)[]): InlineKeyboardButton[][] {
  const present = buttons.filter((b): b is InlineKeyboardButton => b !== undefined);
  const perRow = present.every((b) => displayWidth(b.text) <= SHORT_LABEL_WIDTH) ? 2 : 1;
  const out: InlineKeyboardButton[][] = [];
  for (let i = 0; i < present.length; i += perRow) out.push(present.slice(i, i + perRow));
  return out;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function keyboardFor(reply: Reply, L: Locale): Markup | undefined {
  if (reply.kind === 'review') return reviewKeyboard(reply, L);
  const field = reply.field;
  if (!field || (reply.kind !== 'question' && reply.kind !== 'help')) return undefined;
  const nav = [
    reply.canBack ? button(textOf('bot', L).back, { type: 'back', field: field.id }) : undefined,
    reply.canSkip ? button(textOf('bot', L).skip, { type: 'skip', field: field.id }) : undefined,
  ].filter((b): b is InlineKeyboardButton.CallbackButton => b !== undefined);

  if (field.kind === 'phone') {
    // Sharing a contact needs a reply keyboard; "back" there is a word the text parser understands.
    const keyboard: ReplyKeyboardMarkup['keyboard'] = [
      [{ text: textOf('bot', L).shareContact, request_contact: true }],
    ];
    if (reply.canBack) keyboard.push([{ text: textOf('bot', L).backWord }]);
    return { keyboard, resize_keyboard: true, one_time_keyboard: true };
  }

  const grid: InlineKeyboardButton[][] = [];
  const options = field.options ?? [];
  if (field.kind === 'choice') {
    grid.push(
      ...rows(
        options.map((o, index) =>
          button(`${field.value === o.value ? '✓ ' : ''}${o.label}`, { type: 'answer', field: field.id, index }),
        ),
      ),
    );
  } else if (field.kind === 'multi') {
    const selected = new Set(field.selected ?? []);
    grid.push(
      ...rows(
        options.map((o, index) =>
          button(`${selected.has(o.value) ? '✓ ' : ''}${o.label}`, { type: 'toggle', field: field.id, index }),
        ),
      ),
    );
    const done = button(textOf('bot', L).done, { type: 'confirm', field: field.id });
    if (done) grid.push([done]);
  } else if (field.kind === 'boolean') {
    grid.push(
      rows([
        button(textOf('bot', L).yes, { type: 'answer', field: field.id, index: 0 }),
        button(textOf('bot', L).no, { type: 'answer', field: field.id, index: 1 }),
      ]).flat(),
    );
  }
  if (reply.warning) {
    const keep = button(textOf('bot', L).keep, { type: 'confirm', field: field.id });
    if (keep) grid.push([keep]);
  }
  if (nav.length > 0) grid.push(nav);
  return grid.length > 0 ? { inline_keyboard: grid } : undefined;
}

/** One edit button per answer (by field id), then back and submit. */
function reviewKeyboard(reply: Reply, L: Locale): InlineKeyboardMarkup {
  const edits = (reply.review ?? []).map((line, i) =>
    button(`✏️ ${i + 1}. ${line.label}`, { type: 'edit', field: line.id }),
  );
  const last = [
    reply.canBack ? button(textOf('bot', L).back, { type: 'back', field: 'review' }) : undefined,
    button(textOf('bot', L).submit, { type: 'submit' }),
  ].filter((b): b is InlineKeyboardButton.CallbackButton => b !== undefined);
  const grid = [];
  // Review labels are short enough to pair up, whatever the per-label rule says.
  for (let i = 0; i < edits.length; i += 2) {
    grid.push(edits.slice(i, i + 2).filter((b): b is InlineKeyboardButton.CallbackButton => b !== undefined));
  }
  grid.push(last);
  return { inline_keyboard: grid };
}

/**
 * Splits HTML into messages of at most `max` characters, at line ends where possible. A line longer than
 * `max` is cut without splitting an entity (&amp;), a tag or a surrogate pair. Our own markup never spans lines.
 */
export function splitHtml(html: string, max = MESSAGE_MAX_CHARS): string[] {
  return splitAtLineEnds(
    html,
    (message) => message.length <= max,
    (line) => {
      const pieces: string[] = [];
      let rest = line;
      while (rest.length > max) {
        const cut = safeCut(rest, max);
        pieces.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      return [...pieces, rest];
    },
  );
}

function safeCut(text: string, max: number): number {
  let cut = max;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && amp > cut - 10 && !text.slice(amp, cut).includes(';')) cut = amp;
  const lt = text.lastIndexOf('<', cut - 1);
  if (lt !== -1 && text.indexOf('>', lt) >= cut) cut = lt;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut > 0 ? cut : max;
}
