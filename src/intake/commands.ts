import type { Locale } from '../rules/index';
import type { Input } from './engine';
import { FIELDS } from './fields';

// Chat text that means a command rather than an answer. Slash commands and Chinese words always count;
// bare English words only in an English conversation, where they cannot be mistaken for an answer's text.

type Command = Exclude<Input, { type: 'answer' | 'edit' | 'toggle' | 'toggleMany' }>['type'];

const ALWAYS: Record<string, Command> = {
  '/back': 'back',
  返回: 'back',
  上一步: 'back',
  上一题: 'back',
  '/skip': 'skip',
  跳过: 'skip',
  '/review': 'review',
  核对: 'review',
  查看: 'review',
  修改: 'review',
  '/edit': 'review',
  '/submit': 'submit',
  提交: 'submit',
  确认提交: 'submit',
  '/cancel': 'cancel',
  取消: 'cancel',
  '/help': 'help',
  帮助: 'help',
  '?': 'help',
  '？': 'help',
  '/confirm': 'confirm',
  确认: 'confirm',
  确定: 'confirm',
  完成: 'confirm',
};

const ENGLISH: Record<string, Command> = {
  back: 'back',
  skip: 'skip',
  review: 'review',
  edit: 'review',
  submit: 'submit',
  cancel: 'cancel',
  help: 'help',
  confirm: 'confirm',
  done: 'confirm',
};

const EDIT = /^(?:\/edit|修改|edit)(?:\s*[:：]\s*|\s+|(?<=修改))(.+)$/i;

/** A field named in an edit command: review number, field id, or label in either language. */
function isFieldRef(ref: string): boolean {
  const r = ref.toLowerCase();
  return /^\d{1,3}$/.test(r) || FIELDS.some((f) => f.id === r || f.label.zh === ref || f.label.en.toLowerCase() === r);
}

/** Maps chat text to an engine input, or undefined when the text is an answer. */
export function parseTextCommand(text: string, locale: Locale): Input | undefined {
  const raw = text.trim();
  const s = raw.toLowerCase();
  // Only a known field counts, so an answer like "修改考勤制度……" stays an answer.
  const ref = EDIT.exec(raw)?.[1]?.trim();
  if (ref && isFieldRef(ref) && (locale === 'en' || !s.startsWith('edit'))) return { type: 'edit', field: ref };
  const type = ALWAYS[s] ?? (locale === 'en' ? ENGLISH[s] : undefined);
  return type ? { type } : undefined;
}
