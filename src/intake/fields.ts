import {
  allFactFields,
  COLLECTIVE_FACTS,
  type FactField,
  INDUSTRIES,
  type ItemCode,
  isItemCode,
  MONITORING_ITEMS,
  type ReportFact,
  type Text,
} from '../rules/index';
import { beijingDate } from '../time';
import * as z from '../zod';
import {
  cleanText,
  type Normalized,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseInteger,
  parseMoney,
  parsePhone,
  toHalfWidth,
} from './normalize';
import { checkUscc } from './uscc';

// The one declarative table of questions (ARCHITECTURE.md § One field table): Annex 3 fields, then each
// chosen monitoring item's follow-ups (mapped from the rules catalogue, never copied), then event time and free text.
// Chat, widget, plain form, review screen and exports all read this table.

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'integer'
  | 'money'
  | 'phone'
  | 'uscc'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'choice'
  | 'multi'
  | 'url';
export type Section = 'employer' | 'reporter' | 'items' | 'facts' | 'collective' | 'details';
export interface Option {
  value: string;
  label: Text;
}
export interface Jurisdiction {
  id: string;
  name: Text;
}
/** Data the table needs from outside (editable, so not code). */
export interface IntakeCtx {
  jurisdictions: Jurisdiction[];
}
/** What `parse` may consult besides the raw answer: the clock is injected to keep the core pure. */
export interface ParseCtx extends IntakeCtx {
  now: Date;
}
export type RawAnswer = string | string[] | boolean | number;
export type Answers = Readonly<Record<string, unknown>>;
export type ParseResult = { ok: true; value: unknown; warning?: Text } | { ok: false; error: Text };

export interface Field {
  id: string;
  section: Section;
  kind: FieldKind;
  label: Text;
  prompt: Text;
  /** Help in a chat (Telegram, the API's text): how to type the answer. */
  help?: Text;
  /**
   * Help under a form control (the /report form, the console's form): what to enter, never how to type it.
   * Undefined: the chat help serves both; null: a form needs none (its control says it all).
   */
  formHelp?: Text | null;
  required: boolean;
  options?: Option[] | ((ctx: IntakeCtx) => Option[]);
  showIf?: (answers: Answers) => boolean;
  parse: (raw: RawAnswer, ctx: ParseCtx) => ParseResult;
  /** The catalogue entry a follow-up question was mapped from. */
  fact?: FactField;
}

const t = (zh: string, en: string): Text => ({ zh, en });

const NAME_MAX = 200;
const SHORT_TEXT_MAX = 500;
const LONG_TEXT_MAX = 2000;

const WRONG_SHAPE = t('这个问题需要文字回答，请重新输入。', 'Please answer this question with text.');

/** Raw answers for single-value kinds arrive as a string (chat) or, from forms, as a number/boolean. */
// Schemas here are built on first use: a fresh Worker builds the field table for a new draft without
// parsing any answer (README § Performance, section 7).
const scalarSchema = z.onFirstUse(() => z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String)));
const listSchema = z.onFirstUse(() => z.union([z.string(), z.array(z.string())]));

function asString(raw: RawAnswer): Normalized<string> {
  const r = scalarSchema().safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: WRONG_SHAPE };
}

function textParser(maxLength: number, multiline = false): Field['parse'] {
  return (raw) => {
    const s = asString(raw);
    return s.ok ? cleanText(s.value, { maxLength, multiline }) : s;
  };
}

function integerParser(min: number, max: number): Field['parse'] {
  const range = z.onFirstUse(() => z.number().check(z.int(), z.minimum(min), z.maximum(max)));
  return (raw) => {
    const n = typeof raw === 'number' ? { ok: true as const, value: raw } : parseNumberText(raw, parseInteger);
    if (!n.ok) return n;
    if (!range().safeParse(n.value).success) {
      return {
        ok: false,
        error: t(`请输入 ${min} 到 ${max} 之间的整数。`, `Please enter a whole number from ${min} to ${max}.`),
      };
    }
    return n;
  };
}

function moneyParser(min: number, max: number): Field['parse'] {
  const range = z.onFirstUse(() => z.number().check(z.minimum(min), z.maximum(max)));
  return (raw) => {
    const n = typeof raw === 'number' ? { ok: true as const, value: raw } : parseNumberText(raw, parseMoney);
    if (!n.ok) return n;
    if (!range().safeParse(n.value).success) {
      return {
        ok: false,
        error: t(`金额应在 ${min} 到 ${max} 元之间。`, `The amount must be between ${min} and ${max} yuan.`),
      };
    }
    return { ok: true, value: Math.round(n.value * 100) / 100 };
  };
}

function parseNumberText(raw: RawAnswer, parse: (s: string) => Normalized<number>): Normalized<number> {
  const s = asString(raw);
  return s.ok ? parse(s.value) : s;
}

function withText(parse: (s: string, ctx: ParseCtx) => ParseResult, maxLength = NAME_MAX): Field['parse'] {
  return (raw, ctx) => {
    const s = asString(raw);
    if (!s.ok) return s;
    const clean = cleanText(s.value, { maxLength });
    return clean.ok ? parse(clean.value, ctx) : clean;
  };
}

const booleanParser: Field['parse'] = (raw) => {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const s = asString(raw);
  return s.ok ? parseBoolean(s.value) : s;
};

const urlSchema = z.onFirstUse(() => z.url({ protocol: /^https?$/ }));
const urlParser = withText((s) =>
  urlSchema().safeParse(s).success
    ? { ok: true, value: s }
    : {
        ok: false,
        error: t(
          '请输入以 http:// 或 https:// 开头的完整链接。',
          'Please enter a full link starting with http:// or https://.',
        ),
      },
);

/** Options for a field, resolving context-dependent lists such as the jurisdictions. */
export function optionsOf(field: Field, ctx: IntakeCtx): Option[] {
  const o = field.options;
  return typeof o === 'function' ? o(ctx) : (o ?? []);
}

const norm = (s: string) => toHalfWidth(s).trim().toLowerCase();

/** A typed or clicked choice: the option value, its zh/en label, or its 1-based number in the list. */
function matchOption(token: string, options: Option[]): Option | undefined {
  const s = norm(token);
  if (s === '') return undefined;
  const byText = options.find((o) => norm(o.value) === s || norm(o.label.zh) === s || norm(o.label.en) === s);
  if (byText) return byText;
  return /^\d{1,2}$/.test(s) ? options[Number(s) - 1] : undefined;
}

function choiceParser(options: (ctx: IntakeCtx) => Option[]): Field['parse'] {
  return withText((s, ctx) => {
    const hit = matchOption(s, options(ctx));
    return hit
      ? { ok: true, value: hit.value }
      : {
          ok: false,
          error: t('请从列出的选项中选择一项。', 'Please pick one of the listed options.'),
        };
  });
}

function multiParser(options: (ctx: IntakeCtx) => Option[]): Field['parse'] {
  return (raw, ctx) => {
    const list = listSchema().safeParse(raw);
    if (!list.success) return { ok: false, error: WRONG_SHAPE };
    const all = options(ctx);
    // A whole label may itself contain a separator ("停工、怠工、堵门堵路"), so try it before splitting.
    const whole = typeof list.data === 'string' ? matchOption(list.data, all) : undefined;
    if (whole) return { ok: true, value: [whole.value] };
    const tokens = (typeof list.data === 'string' ? list.data.split(/[,，、;；\s]+/) : list.data).filter(
      (s) => s.trim() !== '',
    );
    const chosen = new Set<string>();
    for (const token of tokens) {
      const hit = matchOption(token, all);
      if (!hit) {
        const shown = cleanText(token, { maxLength: 40 });
        const what = shown.ok ? shown.value : '';
        return {
          ok: false,
          error: t(`无法识别“${what}”，请从列出的选项中选择。`, `"${what}" is not one of the options.`),
        };
      }
      chosen.add(hit.value);
    }
    if (chosen.size === 0) return { ok: false, error: t('请至少选择一项。', 'Please choose at least one.') };
    // Keep the table's order so the same selection always yields the same follow-up order.
    return { ok: true, value: all.filter((o) => chosen.has(o.value)).map((o) => o.value) };
  };
}

const ONE_HOUR_MS = 60 * 60 * 1000;
const TOO_LATE = t('时间不能晚于现在，请检查后重新输入。', 'That time is in the future; please check it.');
// Nothing this system monitors predates 2000: an earlier year is a typo (2002 → 2020, 1026 → 2026).
const EARLIEST_DATE = '2000-01-01';
const TOO_EARLY = t(
  '日期不能早于 2000 年 1 月 1 日，请检查年份后重新输入。',
  'The date cannot be before 1 January 2000; please check the year.',
);
// Planned dates (a promised payment, an effective date) may lie ahead, but not past the century.
const LATEST_PLANNED = '2099-12-31';
const TOO_FAR = t(
  '日期不能晚于 2099 年，请检查年份后重新输入。',
  'The date cannot be after 2099; please check the year.',
);

/**
 * Bounds every date and time answer: none before 2000; a 'past' one (when something began or was seen)
 * not after now, with an hour of slack for clocks and typing; a planned one not after 2099.
 */
function checkWhen(value: string, now: Date, past: boolean): ParseResult {
  const day = value.slice(0, 10);
  if (day < EARLIEST_DATE) return { ok: false, error: TOO_EARLY };
  if (!past) return day > LATEST_PLANNED ? { ok: false, error: TOO_FAR } : { ok: true, value };
  const horizon = new Date(now.getTime() + ONE_HOUR_MS);
  const late = value.length > 10 ? Date.parse(value) > horizon.getTime() : day > beijingDate(horizon);
  return late ? { ok: false, error: TOO_LATE } : { ok: true, value };
}

/** Event time: a date, or a date and time; at most an hour ahead of the clock (clock skew, typing). */
const eventAtParser = withText((s, { now }) => {
  const dt = parseDateTime(s, now);
  if (dt.ok) return checkWhen(dt.value, now, true);
  const d = parseDate(s, now);
  if (!d.ok) {
    return {
      ok: false,
      error: t(
        '请输入事发日期或日期时间，例如 2026-03-15、2026-03-15 14:30、今天 或 昨天 9:00。',
        'Please enter the date or date and time, e.g. 2026-03-15, 2026-03-15 14:30, today or yesterday 9:00.',
      ),
    };
  }
  return checkWhen(d.value, now, true);
});

const usccParser = withText((s) => {
  const r = checkUscc(s);
  if (r.ok) return { ok: true, value: r.normalized };
  if (r.reason === 'checksum') {
    return {
      ok: true,
      value: r.normalized,
      warning: t(
        // A statement only: how to keep it is the channel's (a chat's hint, the widget's button, the form's tick),
        // and forms put the field's label before it, so it does not start with the label.
        `${r.normalized} 的最后一位（校验位）与前 17 位不符，可能有输入错误，请对照营业执照核对。`,
        `The last character of ${r.normalized} (the check character) does not match the first 17, so it may be mistyped; please compare it with the business licence.`,
      ),
    };
  }
  return {
    ok: false,
    error: t(
      '统一社会信用代码为18位数字或大写字母（不含 I、O、S、V、Z），请核对营业执照后重新输入；不清楚可跳过。',
      'The unified social credit code has 18 digits or capital letters (no I, O, S, V, Z); check the business licence, or skip.',
    ),
  };
});

const BUSINESS_STATUS: Option[] = [
  { value: 'normal', label: t('正常经营', 'Operating normally') },
  { value: 'difficult', label: t('经营困难', 'In difficulty') },
  { value: 'suspended', label: t('停产停业', 'Production suspended') },
  { value: 'closed', label: t('歇业', 'Closed for business') },
  { value: 'liquidation', label: t('破产清算', 'Bankruptcy liquidation') },
  { value: 'other', label: t('其他', 'Other') },
];

const jurisdictionOptions = (ctx: IntakeCtx): Option[] =>
  ctx.jurisdictions.map((j) => ({ value: j.id, label: j.name }));
const industryOptions: Option[] = INDUSTRIES.map((i) => ({ value: i.code, label: i.name }));
const itemOptions: Option[] = MONITORING_ITEMS.map((m) => ({ value: m.code, label: m.name }));

/** The monitoring items chosen so far (empty until `items` is answered). */
export function selectedItems(answers: Answers): ItemCode[] {
  const v = answers.items;
  return Array.isArray(v) ? v.filter(isItemCode) : [];
}

const head: Field[] = [
  {
    id: 'unit_name',
    section: 'employer',
    kind: 'text',
    label: t('用人单位名称', 'Employer name'),
    prompt: t('请输入用人单位名称（与营业执照一致）。', "What is the employer's name (as on the business licence)?"),
    required: true,
    parse: textParser(NAME_MAX),
  },
  {
    id: 'uscc',
    section: 'employer',
    kind: 'uscc',
    label: t('统一社会信用代码', 'Unified social credit code'),
    prompt: t(
      '请输入统一社会信用代码（18位）。不清楚可跳过。',
      'What is its unified social credit code (18 characters)? You may skip this.',
    ),
    help: t(
      '统一社会信用代码印在营业执照上，共18位，例如 91110000600037341L。',
      'The 18-character code printed on the business licence.',
    ),
    required: false,
    parse: usccParser,
  },
  {
    id: 'legal_rep',
    section: 'employer',
    kind: 'text',
    label: t('法定代表人', 'Legal representative'),
    prompt: t('请输入法定代表人姓名。', "What is the legal representative's name?"),
    required: true,
    parse: textParser(NAME_MAX),
  },
  {
    id: 'business_status',
    section: 'employer',
    kind: 'choice',
    label: t('经营状况', 'Business status'),
    prompt: t('单位目前的经营状况是？', 'What is the current business status?'),
    required: true,
    options: BUSINESS_STATUS,
    parse: choiceParser(() => BUSINESS_STATUS),
  },
  {
    id: 'headcount',
    section: 'employer',
    kind: 'integer',
    label: t('用工人数', 'Headcount'),
    prompt: t('单位目前用工人数是多少？', 'How many people does the employer employ?'),
    required: true,
    parse: integerParser(1, 1_000_000),
  },
  {
    id: 'district',
    section: 'employer',
    kind: 'choice',
    label: t('所在县（市）区/开发区', 'District or development zone'),
    prompt: t('单位位于哪个县（市）区或开发区？', 'Which district or development zone is the employer in?'),
    help: t(
      '报告将发送至该县（市）区或开发区的协调劳动关系三方委员会办公室。',
      'The report goes to that area’s tripartite committee office.',
    ),
    required: true,
    options: jurisdictionOptions,
    parse: choiceParser(jurisdictionOptions),
  },
  {
    id: 'address',
    section: 'employer',
    kind: 'text',
    label: t('用人单位地址', 'Employer address'),
    prompt: t('请输入用人单位地址。', "What is the employer's address?"),
    required: true,
    parse: textParser(NAME_MAX),
  },
  {
    id: 'industry',
    section: 'employer',
    kind: 'choice',
    label: t('行业', 'Industry'),
    prompt: t('单位所属行业是？', 'Which industry is the employer in?'),
    required: true,
    options: industryOptions,
    parse: choiceParser(() => industryOptions),
  },
  {
    id: 'reporter_name',
    section: 'reporter',
    kind: 'text',
    label: t('报告人', 'Reporter'),
    prompt: t('请输入报告人姓名。', 'What is your name?'),
    required: true,
    parse: textParser(NAME_MAX),
  },
  {
    id: 'reporter_phone',
    section: 'reporter',
    kind: 'phone',
    label: t('联系电话', 'Contact phone'),
    prompt: t(
      '请输入报告人联系电话（手机或长春固定电话）。',
      'What phone number can we reach you on (mobile or Changchun landline)?',
    ),
    required: true,
    parse: withText((s) => parsePhone(s)),
  },
  {
    id: 'items',
    section: 'items',
    kind: 'multi',
    label: t('监测事项', 'Monitoring items'),
    prompt: t(
      '本次报告涉及哪些监测事项？可多选。',
      'Which monitoring items does this report concern? Choose one or more.',
    ),
    // How to finish a choice in a chat ("选好后回复“完成”") is Reply.chatHint; forms say "可多选" once.
    help: t('可回复序号，多个用逗号分隔，例如“5,7”。', 'Reply with numbers separated by commas, e.g. "5,7".'),
    formHelp: t('可多选。', 'Choose one or more.'),
    required: true,
    options: itemOptions,
    parse: multiParser(() => itemOptions),
  },
];

const tail: Field[] = [
  {
    id: 'event_at',
    section: 'details',
    kind: 'datetime',
    label: t('事发时间', 'When it happened'),
    prompt: t('事情发生在什么时间？（日期，或日期和时间）', 'When did it happen? (date, or date and time)'),
    help: t(
      '例如 2026-03-15、2026-03-15 14:30、今天、昨天 9:00。',
      'For example 2026-03-15, 2026-03-15 14:30, today, yesterday 9:00.',
    ),
    formHelp: t('选择事情发生的日期；知道具体时间的，请一并选择时间。', 'Pick the date; add the time if you know it.'),
    required: true,
    parse: eventAtParser,
  },
  {
    id: 'details',
    section: 'details',
    kind: 'longtext',
    label: t('监测事项详情', 'Details'),
    prompt: t('请描述监测事项详情。', 'Please describe what happened.'),
    help: t(
      '请写明时间、地点、经过、涉及人数、劳动者诉求及影响。',
      'Include time, place, what happened, people involved, their demands and the impact.',
    ),
    required: true,
    parse: textParser(LONG_TEXT_MAX, true),
  },
  {
    id: 'measures',
    section: 'details',
    kind: 'longtext',
    label: t('具体应对措施', 'Measures taken'),
    prompt: t(
      '单位已采取或拟采取哪些应对措施？可跳过。',
      'What has the employer done or planned in response? You may skip this.',
    ),
    required: false,
    parse: textParser(LONG_TEXT_MAX, true),
  },
];

function factParser(f: FactField): Field['parse'] {
  switch (f.kind) {
    case 'text':
      return textParser(f.maxLength ?? SHORT_TEXT_MAX, (f.maxLength ?? SHORT_TEXT_MAX) > NAME_MAX);
    case 'integer':
      return integerParser(f.min ?? 0, f.max ?? 10_000_000);
    case 'money':
      return moneyParser(f.min ?? 0, f.max ?? 1e12);
    case 'date':
    case 'datetime': {
      const parse = f.kind === 'date' ? parseDate : parseDateTime;
      return withText((s, { now }) => {
        const r = parse(s, now);
        return r.ok ? checkWhen(r.value, now, f.when === 'past') : r;
      });
    }
    case 'boolean':
      return booleanParser;
    case 'choice': {
      const options = f.options ?? [];
      return choiceParser(() => options);
    }
    case 'url':
      return urlParser;
  }
}

function factKind(f: FactField): FieldKind {
  if (f.kind === 'text') return (f.maxLength ?? SHORT_TEXT_MAX) > NAME_MAX ? 'longtext' : 'text';
  return f.kind;
}

/** Follow-up questions for every item; a fact shared by several items is asked once. */
function factFields(): Field[] {
  // The items asking each fact, in one pass over the catalogue (this table is built at start-up).
  const ownersOf = new Map<string, Set<ItemCode>>();
  for (const x of allFactFields()) ownersOf.set(x.id, (ownersOf.get(x.id) ?? new Set<ItemCode>()).add(x.item));
  const seen = new Set<string>();
  const out: Field[] = [];
  for (const f of allFactFields()) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const owners = ownersOf.get(f.id) ?? new Set<ItemCode>();
    out.push({
      id: f.id,
      section: 'facts',
      kind: factKind(f),
      label: f.label,
      prompt: f.prompt,
      required: f.required,
      ...(f.options ? { options: f.options } : {}),
      // Facts the Annex 3 part already answered (headcount) are not asked twice.
      showIf: (answers) =>
        selectedItems(answers).some((c) => owners.has(c)) && !(f.answeredBy && answers[f.answeredBy] !== undefined),
      parse: factParser(f),
      fact: f,
    });
  }
  return out;
}

/**
 * Asked once per report after the items' follow-ups (ruleset 2026.2): is a collective action happening or
 * announced, in what form, and how many take part. Assessed with the facts (section 'collective').
 */
function collectiveFields(): Field[] {
  return COLLECTIVE_FACTS.map((f: ReportFact): Field => {
    const options = f.options ?? [];
    const asked = f.askedWhen;
    return {
      id: f.id,
      section: 'collective',
      kind: f.kind,
      label: f.label,
      prompt: f.prompt,
      required: f.required,
      ...(f.options ? { options } : {}),
      ...(asked ? { showIf: (answers: Answers) => asked.includes(String(answers.collective_action)) } : {}),
      parse:
        f.kind === 'multi'
          ? multiParser(() => options)
          : f.kind === 'choice'
            ? choiceParser(() => options)
            : integerParser(f.min ?? 0, f.max ?? 10_000_000),
    };
  });
}

export const FIELDS: readonly Field[] = [...head, ...factFields(), ...collectiveFields(), ...tail];

const BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldById(id: string): Field | undefined {
  return BY_ID.get(id);
}

/** The help a channel shows for a field: chat help in chats, form help (or none) under form controls. */
export function helpFor(field: Pick<Field, 'help' | 'formHelp'>, channel: 'chat' | 'form'): Text | undefined {
  if (channel === 'chat' || field.formHelp === undefined) return field.help;
  return field.formHelp ?? undefined;
}

/** The questions that apply given the answers so far, in asking order. */
export function visibleFields(answers: Answers): Field[] {
  return FIELDS.filter((f) => !f.showIf || f.showIf(answers));
}
