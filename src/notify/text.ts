// Text safety for group messages: mobiles masked, user text escaped for each markup, byte-safe truncation.

const FULL_WIDTH_DIGIT = /[０-９＋]/g;
// An 11-digit mainland mobile, optionally with +86 and spaces or hyphens between the groups.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;

function halfWidthDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Every mobile number in free text becomes 138****5678 (group messages are seen by many people). */
export function maskMobiles(text: string): string {
  return halfWidthDigits(text).replace(MOBILE, '$1****$3');
}

/** The reporter's phone for a group message: a mobile as 138****5678, any other number keeps 3 + 4 digits. */
export function maskPhone(phone: string): string {
  let digits = halfWidthDigits(phone).replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 0 ? `****${digits.slice(-2)}` : '';
}

/** User text on one line, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For Telegram's HTML parse mode (text and href attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ENTITY[c] ?? c);
}

// Robot markdown renderers differ in whether a backslash escapes anything, and WeCom also reads HTML tags.
// Full-width look-alikes are read the same by people and cannot be parsed as markup by any renderer.
const MARKDOWN_LOOKALIKE: Record<string, string> = {
  '*': '＊',
  _: '＿',
  '`': '｀',
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '#': '＃',
  '~': '～',
  '|': '｜',
  '\\': '＼',
  '&': '＆',
};

/** User text inside WeCom / DingTalk markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[*_`[\]<>#~|\\&]/g, (c) => MARKDOWN_LOOKALIKE[c] ?? c);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Cuts `text` to at most `maxBytes` of UTF-8 on a character boundary, marking the cut with an ellipsis. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  const ellipsis = '…'; // 3 bytes
  let cut = Math.max(0, maxBytes - 3);
  // Back up over continuation bytes (10xxxxxx) so no character is split.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return decoder.decode(bytes.subarray(0, cut)) + (maxBytes >= 3 ? ellipsis : '');
}
