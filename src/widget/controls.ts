import type { Reply, ReplyField } from '../intake/index';
import { button, h } from './dom';
import type { Strings } from './strings';

// The controls under the conversation for one engine reply: option buttons, a typed input, the review
// list with an edit button per answer. Built from the Reply the API sent — the questions themselves live
// only in the engine's field table.

export type AnswerValue = string | string[] | boolean;

export interface ControlActions {
  answer: (field: string, value: AnswerValue, echo: string) => void;
  command: (type: 'back' | 'skip' | 'confirm', echo: string) => void;
  edit: (field: string, echo: string) => void;
  submit: () => void;
  restart: () => void;
}

export interface Controls {
  el: HTMLElement;
  /** What focus moves to when this reply appears. */
  focus?: HTMLElement;
}

const ERROR_ID = 'cc-error';
const WARNING_ID = 'cc-warning';
const INPUT_ID = 'cc-input';

const TEXT_INPUT: Partial<Record<ReplyField['kind'], Record<string, string>>> = {
  text: { type: 'text' },
  integer: { type: 'text', inputmode: 'numeric' },
  money: { type: 'text', inputmode: 'decimal' },
  phone: { type: 'tel', autocomplete: 'tel' },
  uscc: { type: 'text', autocapitalize: 'characters', spellcheck: 'false' },
  url: { type: 'url', inputmode: 'url' },
  date: { type: 'date' },
  datetime: { type: 'datetime-local' },
};

/** A stored answer as the input shows it again (back, edit): dates in the forms the date inputs take. */
function inputValue(field: ReplyField): string {
  const v = field.value;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return '';
  if (field.kind === 'datetime') return /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(v)?.slice(1, 3).join('T') ?? '';
  return v;
}

function notes(reply: Reply, t: Strings, act: ControlActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (reply.error) out.push(h('p', { class: 'field-error', id: ERROR_ID }, reply.error));
  if (reply.warning) {
    out.push(
      h(
        'div',
        { class: 'warning' },
        h('p', { id: WARNING_ID }, reply.warning),
        button(t.confirm, () => act.command('confirm', t.confirm), { class: 'primary' }),
      ),
    );
  }
  return out;
}

function describedBy(reply: Reply): string | undefined {
  const ids = [reply.error ? ERROR_ID : '', reply.warning ? WARNING_ID : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function navRow(reply: Reply, t: Strings, act: ControlActions): HTMLElement | undefined {
  const row = h('div', { class: 'row nav' });
  if (reply.canBack) row.append(button(t.back, () => act.command('back', t.back)));
  if (reply.canSkip) row.append(button(t.skip, () => act.command('skip', t.skip)));
  return row.childElementCount ? row : undefined;
}

function choiceButtons(
  field: ReplyField,
  reply: Reply,
  act: ControlActions,
  options: { value: string; label: string }[],
) {
  const group = h('div', {
    class: 'options',
    role: 'group',
    'aria-label': field.label,
    'aria-describedby': describedBy(reply),
  });
  for (const o of options) {
    group.append(
      button(o.label, () => act.answer(field.id, o.value, o.label), { class: 'option', 'data-value': o.value }),
    );
  }
  return group;
}

function multiButtons(field: ReplyField, reply: Reply, t: Strings, act: ControlActions) {
  const options = field.options ?? [];
  const initial = field.selected ?? (Array.isArray(field.value) ? field.value : []);
  const chosen = new Set(initial.filter((v): v is string => typeof v === 'string'));
  const group = h('div', {
    class: 'options',
    role: 'group',
    'aria-label': field.label,
    'aria-describedby': describedBy(reply),
  });
  for (const o of options) {
    const b = button(
      o.label,
      () => {
        if (chosen.has(o.value)) chosen.delete(o.value);
        else chosen.add(o.value);
        b.setAttribute('aria-pressed', String(chosen.has(o.value)));
      },
      { class: 'option toggle', 'data-value': o.value, 'aria-pressed': String(chosen.has(o.value)) },
    );
    group.append(b);
  }
  const done = button(
    t.done,
    () => {
      // Keep the table's order, so the echo reads like the review screen.
      const picked = options.filter((o) => chosen.has(o.value));
      act.answer(
        field.id,
        picked.map((o) => o.value),
        picked.map((o) => o.label).join(t.listSeparator),
      );
    },
    { class: 'primary done' },
  );
  return { group, done };
}

function typedInput(field: ReplyField, reply: Reply, t: Strings, act: ControlActions, kept: string | undefined) {
  const attrs = {
    id: INPUT_ID,
    name: field.id,
    'aria-invalid': reply.error ? 'true' : undefined,
    'aria-describedby': describedBy(reply),
    'aria-required': field.required ? 'true' : undefined,
  };
  const input =
    field.kind === 'longtext'
      ? h('textarea', { ...attrs, rows: '4' })
      : h('input', { ...attrs, ...(TEXT_INPUT[field.kind] ?? { type: 'text' }) });
  input.value = kept ?? inputValue(field);
  const form = h(
    'form',
    { class: 'answer', 'data-field': field.id },
    h('label', { for: INPUT_ID }, field.label),
    input,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t.send)),
  );
  const send = () => act.answer(field.id, input.value, input.value);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  // Enter makes a new line in long answers; Ctrl/⌘+Enter sends them.
  input.addEventListener('keydown', (e) => {
    if (e instanceof KeyboardEvent && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && field.kind === 'longtext') {
      e.preventDefault();
      send();
    }
  });
  return { form, input };
}

export function questionControls(reply: Reply, t: Strings, act: ControlActions, kept?: string): Controls {
  const field = reply.field;
  const el = h('div', { class: 'question', 'data-field': field?.id, 'data-kind': field?.kind });
  if (!field) return { el };
  let focus: HTMLElement | undefined;
  if (field.kind === 'multi') {
    const { group, done } = multiButtons(field, reply, t, act);
    el.append(group, h('div', { class: 'row' }, done));
    focus = group.querySelector('button') ?? undefined;
  } else if (field.kind === 'choice' || field.kind === 'boolean') {
    const options =
      field.kind === 'boolean'
        ? [
            { value: 'true', label: t.yes },
            { value: 'false', label: t.no },
          ]
        : (field.options ?? []);
    const group = choiceButtons(
      field,
      reply,
      { ...act, answer: (id, v, echo) => act.answer(id, field.kind === 'boolean' ? v === 'true' : v, echo) },
      options,
    );
    el.append(h('p', { class: 'group-label', 'aria-hidden': 'true' }, field.label), group);
    focus = group.querySelector('button') ?? undefined;
  } else {
    const { form, input } = typedInput(field, reply, t, act, kept);
    el.append(form);
    focus = input;
  }
  el.append(...notes(reply, t, act));
  const nav = navRow(reply, t, act);
  if (nav) el.append(nav);
  return { el, ...(focus ? { focus } : {}) };
}

/** Where the report goes, with a way to change it (the district may have been preset by the portal). */
function destinationBox(reply: Reply, t: Strings, act: ControlActions): HTMLElement | null {
  const district = reply.review?.find((l) => l.id === 'district');
  if (!district) return null;
  return h(
    'div',
    { class: 'destination' },
    h('p', {}, t.destination(district.display)),
    button(t.changeDestination, () => act.edit('district', t.edit(district.label)), {
      'aria-label': `${t.changeDestination}：${district.label}`,
    }),
  );
}

export function reviewControls(reply: Reply, t: Strings, act: ControlActions): Controls {
  const heading = h('h3', { class: 'review-title', tabindex: '-1' }, t.reviewIntro);
  const list = h('ul', { class: 'review' });
  for (const line of reply.review ?? []) {
    list.append(
      h(
        'li',
        { 'data-field': line.id },
        h(
          'div',
          { class: 'line' },
          h('span', { class: 'label' }, line.label),
          h('span', { class: 'value' }, line.display),
        ),
        button(t.editButton, () => act.edit(line.id, t.edit(line.label)), {
          class: 'edit',
          'aria-label': t.edit(line.label),
        }),
      ),
    );
  }
  const submit = button(t.submit, () => act.submit(), { class: 'primary submit' });
  const where = destinationBox(reply, t, act);
  const el = h(
    'div',
    { class: 'review-box' },
    heading,
    where,
    list,
    ...notes(reply, t, act),
    // Said again beside the submit button: the last thing read before sending.
    destinationBox(reply, t, act),
    h('div', { class: 'row' }, submit),
  );
  const nav = navRow(reply, t, act);
  if (nav) el.append(nav);
  // The review opens at its top (the heading and where the report goes), not at the submit button.
  return { el, focus: heading };
}

export function submittedControls(
  receipt: string | undefined,
  statusUrl: string,
  t: Strings,
  act: ControlActions,
): Controls {
  // The status page takes the receipt from the URL; the phone is typed there (never put in a URL).
  const href = receipt ? `${statusUrl}?receipt=${encodeURIComponent(receipt)}` : statusUrl;
  const link = h('a', { href, target: '_blank', rel: 'noopener' }, t.statusLink);
  const el = h(
    'div',
    { class: 'done-box' },
    receipt ? h('p', { class: 'receipt' }, t.receipt(receipt)) : null,
    h('p', {}, link),
    h('div', { class: 'row' }, button(t.restart, act.restart)),
  );
  return { el, focus: link };
}

export function restartControls(t: Strings, act: ControlActions): Controls {
  const b = button(t.restart, act.restart, { class: 'primary' });
  return { el: h('div', { class: 'row' }, b), focus: b };
}
