// Callback data of the bot's inline buttons. Telegram allows at most 64 bytes, so buttons carry a field id
// and an option index (mapped back through the field's options), never the option's text.

export const CALLBACK_DATA_MAX_BYTES = 64;

/** Officers' alert buttons (src/notify) start with this; the rest is the report id. */
export const CLAIM_PREFIX = 'claim:';

export type CallbackAction =
  | { type: 'answer'; field: string; index: number }
  | { type: 'toggle'; field: string; index: number }
  | { type: 'confirm'; field: string }
  | { type: 'back'; field: string }
  | { type: 'skip'; field: string }
  | { type: 'edit'; field: string }
  | { type: 'submit' }
  /** `reminder`: pressed under an Annex 4 reminder, which stays a reminder when it is edited. */
  | { type: 'claim'; reportId: string; reminder?: boolean };

const FIELD = '([a-z][a-z0-9_]{0,40}|review)';
const PATTERNS: [RegExp, (m: RegExpExecArray) => CallbackAction][] = [
  [new RegExp(`^a:${FIELD}:(\\d{1,3})$`), (m) => ({ type: 'answer', field: m[1]!, index: Number(m[2]) })],
  [new RegExp(`^t:${FIELD}:(\\d{1,3})$`), (m) => ({ type: 'toggle', field: m[1]!, index: Number(m[2]) })],
  [new RegExp(`^ok:${FIELD}$`), (m) => ({ type: 'confirm', field: m[1]! })],
  [new RegExp(`^b:${FIELD}$`), (m) => ({ type: 'back', field: m[1]! })],
  [new RegExp(`^s:${FIELD}$`), (m) => ({ type: 'skip', field: m[1]! })],
  [new RegExp(`^e:${FIELD}$`), (m) => ({ type: 'edit', field: m[1]! })],
  [/^sub$/, () => ({ type: 'submit' })],
  [/^claim:([\w-]{1,58})(:r)?$/, (m) => ({ type: 'claim', reportId: m[1]!, ...(m[2] ? { reminder: true } : {}) })],
];

export function encodeCallback(action: CallbackAction): string {
  switch (action.type) {
    case 'answer':
      return `a:${action.field}:${action.index}`;
    case 'toggle':
      return `t:${action.field}:${action.index}`;
    case 'confirm':
      return `ok:${action.field}`;
    case 'back':
      return `b:${action.field}`;
    case 'skip':
      return `s:${action.field}`;
    case 'edit':
      return `e:${action.field}`;
    case 'submit':
      return 'sub';
    case 'claim':
      return `${CLAIM_PREFIX}${action.reportId}${action.reminder ? ':r' : ''}`;
  }
}

/** The action a button press asks for; undefined for data this bot never sent (old versions, forgeries). */
export function decodeCallback(data: string): CallbackAction | undefined {
  for (const [re, build] of PATTERNS) {
    const m = re.exec(data);
    if (m) return build(m);
  }
  return undefined;
}

export const utf8Length = (s: string) => new TextEncoder().encode(s).length;
