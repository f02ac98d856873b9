import type { ItemCode, Locale, ReportInput, Text } from '../rules/index';
import { displayValue } from './display';
import {
  type Answers,
  type Field,
  type FieldKind,
  fieldById,
  type IntakeCtx,
  optionsOf,
  type RawAnswer,
  selectedItems,
  visibleFields,
} from './fields';
import { MSG } from './messages';

// The conversation as a pure reducer (ARCHITECTURE.md § A pure conversation engine): no I/O, no clock, no
// randomness. State is keyed by field id; the question to ask next is derived from the table — the first visible field neither answered
// nor skipped — so adding a field to the table never breaks a stored draft.

export const STATE_VERSION = 1;
const HISTORY_MAX = 200;

export type Position = string; // a field id, or one of the states below
export const REVIEW = 'review';
export const SUBMITTED = 'submitted';
export const CANCELLED = 'cancelled';

export interface IntakeState {
  v: typeof STATE_VERSION;
  locale: Locale;
  answers: Record<string, unknown>;
  skipped: string[];
  /** Field id being asked, or 'review' | 'submitted' | 'cancelled'. */
  current: Position;
  /** Set while editing from the review screen: `back` returns there. */
  returnTo?: 'review';
  /** Fields asked before the current one, most recent last; `back` pops it. */
  history: string[];
  /** A parsed answer with a warning (e.g. USCC check character) waiting for `confirm`. */
  pendingWarning?: { field: string; value: unknown };
  /** A multi-choice selection being built with `toggle`, committed by `confirm`. */
  selection?: { field: string; values: string[] };
  /** ISO instant the draft was started. */
  startedAt: string;
}

export type Input =
  | { type: 'answer'; value: RawAnswer }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'edit'; field: string }
  | { type: 'review' }
  | { type: 'cancel' }
  | { type: 'submit' }
  | { type: 'help' }
  | { type: 'confirm' }
  | { type: 'toggle'; value: string }
  /** Several toggles at once (a chat answering a multi-choice with "1 3"); committed by `confirm`. */
  | { type: 'toggleMany'; values: string[] };

export interface ReplyField {
  id: string;
  kind: FieldKind;
  label: string;
  required: boolean;
  options?: { value: string; label: string }[];
  /** Multi-choice: the options currently selected. */
  selected?: string[];
  /** The current answer, when asking a question again (back, edit). */
  value?: unknown;
}

export interface ReviewLine {
  id: string;
  label: string;
  display: string;
}

export interface Reply {
  kind: 'question' | 'review' | 'submitted' | 'cancelled' | 'help';
  /** Localised plain text (no markup): adapters escape it for their channel. */
  text: string;
  field?: ReplyField;
  error?: string;
  /** Needs `confirm` to accept, or a new answer. */
  warning?: string;
  progress: { answered: number; total: number };
  canBack: boolean;
  canSkip: boolean;
  review?: ReviewLine[];
  /**
   * How to answer by typing ("选好后回复“完成”"), for chats only: a channel with buttons or a form leaves
   * it out. Not part of `text`.
   */
  chatHint?: string;
  /** The area the report goes to once known (preset by a portal or answered), for "将报送至…". */
  destination?: { field: 'district'; area: string };
}

/** What the caller stores and assesses. Extends the rules' ReportInput so it can be passed to `assess`. */
export interface IntakeReport extends ReportInput {
  employer: ReportInput['employer'] & { legalRep?: string; businessStatus?: string; address?: string };
  reporter: { name?: string; phone?: string };
  items: ItemCode[];
  facts: Record<string, unknown>;
  /** 事发时间: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:00+08:00'. */
  eventAt: string;
  details?: string;
  measures?: string;
  /** Every visible answer by field id (answers to questions no longer shown are left out). */
  answers: Record<string, unknown>;
  locale: Locale;
  startedAt: string;
}

export type Effect = { type: 'submit'; report: IntakeReport } | { type: 'cancelled' };

export interface StepResult {
  state: IntakeState;
  reply: Reply;
  effects: Effect[];
}

export interface StartOptions {
  locale: Locale;
  /** Answers known in advance (e.g. district from the portal embedding the widget); invalid ones are asked. */
  preset?: Record<string, unknown>;
  now: Date;
  ctx: IntakeCtx;
}

const isRaw = (v: unknown): v is RawAnswer =>
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

const isDone = (s: IntakeState, id: string) => s.answers[id] !== undefined || s.skipped.includes(id);

/** The first visible field neither answered nor skipped, or review when all are. */
export function nextPosition(s: Pick<IntakeState, 'answers' | 'skipped'>): Position {
  const f = visibleFields(s.answers).find((x) => s.answers[x.id] === undefined && !s.skipped.includes(x.id));
  return f ? f.id : REVIEW;
}

function visibleField(answers: Answers, id: string): Field | undefined {
  const f = fieldById(id);
  return f && (!f.showIf || f.showIf(answers)) ? f : undefined;
}

export function start({ locale, preset = {}, now, ctx }: StartOptions): { state: IntakeState; reply: Reply } {
  const state = startState(locale, presetAnswers(preset, now, ctx), now);
  return { state, reply: startReply(state, ctx) };
}

/** The answers a preset gives: each valid one (parsed as the reporter's answer would be); the others are asked. */
export function presetAnswers(preset: Record<string, unknown>, now: Date, ctx: IntakeCtx): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [id, raw] of Object.entries(preset)) {
    const f = fieldById(id);
    if (!f || !isRaw(raw)) continue;
    const r = f.parse(raw, { ...ctx, now });
    // A preset with a warning is asked instead, so the reporter sees the warning.
    if (r.ok && !r.warning) answers[id] = r.value;
  }
  return answers;
}

/**
 * A new conversation's state at its first question. Apart from `start`, for a host that stores the draft before
 * it has the context the first reply needs (the jurisdictions are read beside the write).
 */
export function startState(locale: Locale, answers: Record<string, unknown>, now: Date): IntakeState {
  const base: IntakeState = {
    v: 1,
    locale,
    answers,
    skipped: [],
    current: REVIEW,
    history: [],
    startedAt: now.toISOString(),
  };
  return { ...base, current: nextPosition(base) };
}

/** The first reply: the welcome and the first question. */
export function startReply(state: IntakeState, ctx: IntakeCtx): Reply {
  const reply = render(state, ctx);
  const locale = state.locale;
  const chatHint = [reply.chatHint, MSG.welcomeCommands[locale]].filter(Boolean).join('\n');
  return { ...reply, text: `${MSG.welcome[locale]}\n\n${reply.text}`, chatHint };
}

export function step(state: IntakeState, input: Input, now: Date, ctx: IntakeCtx): StepResult {
  const s = settle(state);
  const L = s.locale;
  const same = (error?: Text, warning?: Text): StepResult => ({
    state: s,
    reply: render(s, ctx, error, warning),
    effects: [],
  });
  const to = (next: IntakeState, error?: Text): StepResult => ({
    state: next,
    reply: render(next, ctx, error),
    effects: [],
  });

  // Final states answer every input the same way and emit nothing: a repeated submit cannot submit twice.
  if (s.current === SUBMITTED)
    return { state: s, reply: { ...render(s, ctx), text: MSG.alreadySubmitted[L] }, effects: [] };
  if (s.current === CANCELLED) return same();
  const field = s.current === REVIEW ? undefined : fieldById(s.current);
  const clean = { ...s, pendingWarning: undefined, selection: undefined };

  switch (input.type) {
    case 'answer': {
      if (!field) return same(MSG.answerAtReview);
      const r = field.parse(input.value, { ...ctx, now });
      if (!r.ok) return same(r.error);
      if (r.warning) return warn(s, field, r.value, r.warning, ctx);
      return to(commit(clean, field.id, r.value));
    }
    case 'confirm': {
      if (s.current === REVIEW) return submit(s, now, ctx);
      if (field && s.pendingWarning?.field === field.id) return to(commit(clean, field.id, s.pendingWarning.value));
      if (field && s.selection?.field === field.id) {
        const r = field.parse(s.selection.values, { ...ctx, now });
        return r.ok ? to(commit(clean, field.id, r.value)) : same(r.error);
      }
      return same(MSG.nothingToConfirm);
    }
    case 'toggle': {
      if (field?.kind !== 'multi') return same(MSG.notMulti);
      const opt = optionsOf(field, ctx).find((o) => o.value === input.value);
      if (!opt) return same(MSG.notAnOption);
      const current = selectionOf(s, field);
      const values = current.includes(opt.value) ? current.filter((v) => v !== opt.value) : [...current, opt.value];
      return to({ ...s, pendingWarning: undefined, selection: { field: field.id, values } });
    }
    case 'toggleMany': {
      if (field?.kind !== 'multi') return same(MSG.notMulti);
      const options = optionsOf(field, ctx);
      if (input.values.length === 0 || input.values.some((v) => !options.some((o) => o.value === v))) {
        return same(MSG.notAnOption);
      }
      const values = new Set(selectionOf(s, field));
      for (const v of input.values) values.has(v) ? values.delete(v) : values.add(v);
      const ordered = options.filter((o) => values.has(o.value)).map((o) => o.value);
      return to({ ...s, pendingWarning: undefined, selection: { field: field.id, values: ordered } });
    }
    case 'skip': {
      if (!field) return same(MSG.answerAtReview);
      if (field.required) return same(MSG.requiredNoSkip);
      const { [field.id]: _dropped, ...answers } = s.answers;
      return to(advance({ ...clean, answers, skipped: [...s.skipped, field.id] }, field.id));
    }
    case 'back': {
      if (s.returnTo === REVIEW) return to({ ...clean, current: REVIEW, returnTo: undefined });
      // Entries for questions no longer shown (an item was removed) are passed over.
      const history = [...s.history];
      for (let id = history.pop(); id !== undefined; id = history.pop()) {
        if (id !== s.current && visibleField(s.answers, id)) return to({ ...clean, current: id, history });
      }
      return same(MSG.firstQuestion);
    }
    case 'edit': {
      const target = resolveFieldRef(s, input.field);
      if (!target) return same(MSG.unknownField);
      const atReview = s.current === REVIEW;
      return to({
        ...clean,
        current: target.id,
        returnTo: atReview ? REVIEW : s.returnTo,
        history: atReview ? s.history : pushHistory(s.history, s.current),
      });
    }
    case 'review':
      return to({
        ...clean,
        current: REVIEW,
        returnTo: undefined,
        history: field ? pushHistory(s.history, field.id) : s.history,
      });
    case 'submit':
      return s.current === REVIEW ? submit(s, now, ctx) : same(MSG.submitFromReview);
    case 'cancel': {
      const next: IntakeState = { ...clean, current: CANCELLED, returnTo: undefined };
      return { state: next, reply: render(next, ctx), effects: [{ type: 'cancelled' }] };
    }
    case 'help': {
      const base = render(s, ctx);
      const help = field?.help?.[L];
      const text = [base.text, help, MSG.helpCommands[L]].filter(Boolean).join('\n\n');
      return { state: s, reply: { ...base, kind: 'help', text }, effects: [] };
    }
  }
}

function warn(s: IntakeState, field: Field, value: unknown, warning: Text, ctx: IntakeCtx): StepResult {
  const next = { ...s, pendingWarning: { field: field.id, value } };
  return { state: next, reply: render(next, ctx, undefined, warning), effects: [] };
}

function pushHistory(history: string[], id: Position): string[] {
  if (id === REVIEW || id === SUBMITTED || id === CANCELLED || history.at(-1) === id) return history;
  return [...history, id].slice(-HISTORY_MAX);
}

function commit(s: IntakeState, id: string, value: unknown): IntakeState {
  return advance({ ...s, answers: { ...s.answers, [id]: value }, skipped: s.skipped.filter((x) => x !== id) }, id);
}

/** Leave `from` for the next open question; review once none is left (also ends an edit). */
function advance(s: IntakeState, from: string): IntakeState {
  const current = nextPosition(s);
  return {
    ...s,
    current,
    returnTo: current === REVIEW ? undefined : s.returnTo,
    history: pushHistory(s.history, from),
  };
}

/** Repairs a position the table no longer supports (field removed, or hidden by an item change). */
export function settle(s: IntakeState): IntakeState {
  if (s.current === SUBMITTED || s.current === CANCELLED || s.current === REVIEW) return s;
  if (visibleField(s.answers, s.current)) return s;
  return { ...s, current: nextPosition(s), pendingWarning: undefined, selection: undefined };
}

/** An edit target: field id, label in either language, or its number on the review screen. */
function resolveFieldRef(s: IntakeState, ref: string): Field | undefined {
  const visible = visibleFields(s.answers);
  const r = ref.trim().toLowerCase();
  if (/^\d{1,3}$/.test(r)) return visible[Number(r) - 1];
  return visible.find((f) => f.id === r || f.label.zh === ref.trim() || f.label.en.toLowerCase() === r);
}

function selectionOf(s: IntakeState, field: Field): string[] {
  if (s.selection?.field === field.id) return s.selection.values;
  const v = s.answers[field.id];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function submit(s: IntakeState, now: Date, ctx: IntakeCtx): StepResult {
  const missing = visibleFields(s.answers).find((f) => f.required && s.answers[f.id] === undefined);
  if (missing) {
    const next: IntakeState = {
      ...s,
      current: missing.id,
      returnTo: REVIEW,
      pendingWarning: undefined,
      selection: undefined,
    };
    return { state: next, reply: render(next, ctx, MSG.missingRequired(missing.label)), effects: [] };
  }
  const next: IntakeState = {
    ...s,
    current: SUBMITTED,
    returnTo: undefined,
    pendingWarning: undefined,
    selection: undefined,
  };
  return { state: next, reply: render(next, ctx), effects: [{ type: 'submit', report: buildReport(s, now) }] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The report handed to the caller: only answers to questions that still apply. */
export function buildReport(s: IntakeState, now: Date): IntakeReport {
  const answers: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  for (const f of visibleFields(s.answers)) {
    const v = s.answers[f.id];
    if (v === undefined) continue;
    answers[f.id] = v;
    if (f.section === 'facts' || f.section === 'collective') facts[f.id] = v;
  }
  const a = answers;
  return {
    employer: {
      name: str(a.unit_name),
      uscc: str(a.uscc),
      headcount: typeof a.headcount === 'number' ? a.headcount : undefined,
      industry: str(a.industry),
      district: str(a.district),
      legalRep: str(a.legal_rep),
      businessStatus: str(a.business_status),
      address: str(a.address),
    },
    reporter: { name: str(a.reporter_name), phone: str(a.reporter_phone) },
    items: selectedItems(a),
    facts,
    eventAt: str(a.event_at) ?? '',
    details: str(a.details),
    measures: str(a.measures),
    reportedAt: now.toISOString(),
    answers,
    locale: s.locale,
    startedAt: s.startedAt,
  };
}

function progressOf(s: IntakeState): Reply['progress'] {
  const visible = visibleFields(s.answers);
  return { answered: visible.filter((f) => isDone(s, f.id)).length, total: visible.length };
}

/** How to answer by typing, for chats only: finishing a multi-choice, keeping a doubtful answer. */
function chatHintFor(field: Field, warning: Text | undefined, L: Locale): Pick<Reply, 'chatHint'> {
  const hints = [field.kind === 'multi' ? MSG.selectionHint[L] : '', warning ? MSG.keepOrRetype[L] : ''];
  const hint = hints.filter(Boolean).join('\n');
  return hint ? { chatHint: hint } : {};
}

/** The reply for the state's current position. */
export function render(s: IntakeState, ctx: IntakeCtx, error?: Text, warning?: Text): Reply {
  const L = s.locale;
  const progress = progressOf(s);
  const districtField = fieldById('district');
  const district = s.answers.district;
  const common = {
    progress,
    ...(districtField && district !== undefined
      ? { destination: { field: 'district' as const, area: displayValue(districtField, district, L, ctx) } }
      : {}),
    ...(error ? { error: error[L] } : {}),
    ...(warning ? { warning: warning[L] } : {}),
  };
  if (s.current === SUBMITTED) {
    return { kind: 'submitted', text: MSG.submitted[L], canBack: false, canSkip: false, ...common };
  }
  if (s.current === CANCELLED)
    return { kind: 'cancelled', text: MSG.cancelled[L], canBack: false, canSkip: false, ...common };
  const field = s.current === REVIEW ? undefined : fieldById(s.current);
  if (!field) {
    const review = visibleFields(s.answers).map((f) => ({
      id: f.id,
      label: f.label[L],
      display:
        s.answers[f.id] === undefined
          ? (f.required ? MSG.requiredMark : MSG.skippedMark)[L]
          : displayValue(f, s.answers[f.id], L, ctx),
    }));
    const colon = L === 'zh' ? '：' : ': ';
    const lines = review.map((r, i) => `${i + 1}. ${r.label}${colon}${r.display}`);
    const text = [MSG.reviewHeader[L], ...lines, '', MSG.reviewFooter[L]].join('\n');
    return { kind: 'review', text, review, canBack: s.history.length > 0, canSkip: false, ...common };
  }
  const options = optionsOf(field, ctx).map((o) => ({ value: o.value, label: o.label[L] }));
  const value = s.answers[field.id];
  const replyField: ReplyField = {
    id: field.id,
    kind: field.kind,
    label: field.label[L],
    required: field.required,
    ...(options.length > 0 ? { options } : {}),
    ...(field.kind === 'multi' ? { selected: selectionOf(s, field) } : {}),
    ...(value !== undefined ? { value } : {}),
  };
  return {
    kind: 'question',
    text: field.prompt[L],
    ...chatHintFor(field, warning, L),
    field: replyField,
    canBack: s.returnTo === REVIEW || s.history.some((id) => id !== field.id && visibleField(s.answers, id)),
    canSkip: !field.required,
    ...common,
  };
}
