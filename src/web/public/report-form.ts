import type { Locale } from '../../http/locale';
import {
  FIELDS,
  type Field,
  fieldById,
  type ParseCtx,
  type RawAnswer,
  selectedItems,
  visibleFields,
} from '../../intake/index';

// Server-side reading and checking of the /report form with the field table's own `parse` functions,
// so the plain form accepts exactly what the chat accepts. Pure: no Hono, no database.

export type FormValues = Record<string, string | string[]>;

export interface FormInput {
  /** Every posted value by field id, as typed (re-rendered on error). */
  values: FormValues;
  /** Items whose follow-up questions were on the page the reporter posted. */
  shownItems: Set<string>;
  /** Fields whose warning the reporter ticked as checked. */
  confirmed: Set<string>;
}

export interface FormCheck {
  /** Raw answers to hand to the intake service: visible, non-empty and valid. */
  answers: Record<string, RawAnswer>;
  errors: Record<string, string>;
  /** Warnings (e.g. the USCC check character) not yet confirmed. */
  warnings: Record<string, string>;
  /** The monitoring items ticked. */
  chosenItems: string[];
  /** Chosen items whose follow-up questions the reporter has not seen yet: ask them first (step 2). */
  newItems: string[];
  ready: boolean;
}

type Posted = Record<string, string | File | (string | File)[]>;

const list = (v: Posted[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** Reads a parsed urlencoded body (`parseBody({ all: true })`): field values, shown items, confirmations. */
export function readForm(body: Posted): FormInput {
  const values: FormValues = {};
  for (const f of FIELDS) {
    const v = list(body[f.id]);
    if (f.kind === 'multi') values[f.id] = v;
    else if (v[0] !== undefined) values[f.id] = v[0];
  }
  return { values, shownItems: new Set(list(body.shown)), confirmed: new Set(list(body.confirm)) };
}

/** The item a follow-up question belongs to, or undefined for the base Annex 3 fields. */
export function followupItem(field: Field): string | undefined {
  return field.fact?.item;
}

function rawOf(field: Field, values: FormValues): RawAnswer | undefined {
  const v = values[field.id];
  if (field.kind === 'multi') return Array.isArray(v) && v.length > 0 ? v : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function checkForm(input: FormInput, ctx: ParseCtx, locale: Locale, requiredMessage: string): FormCheck {
  const answers: Record<string, RawAnswer> = {};
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  // Which questions apply depends on the chosen items, so those are parsed first.
  const itemsField = fieldById('items');
  const itemsRaw = itemsField ? rawOf(itemsField, input.values) : undefined;
  const items = itemsField && itemsRaw !== undefined ? itemsField.parse(itemsRaw, ctx) : undefined;
  const chosen = selectedItems({ items: items?.ok ? items.value : [] });
  // So does the collective-action answer (form and number are asked only when there is one).
  const actionField = fieldById('collective_action');
  const actionRaw = actionField ? rawOf(actionField, input.values) : undefined;
  const action = actionField && actionRaw !== undefined ? actionField.parse(actionRaw, ctx) : undefined;
  const gates = { items: chosen, collective_action: action?.ok ? action.value : undefined };

  for (const field of visibleFields(gates)) {
    const item = followupItem(field);
    if (item && !input.shownItems.has(item)) continue; // not on the page yet: asked in step 2
    const raw = rawOf(field, input.values);
    if (raw === undefined) {
      if (field.required) errors[field.id] = requiredMessage;
      continue;
    }
    const r = field.parse(raw, ctx);
    if (!r.ok) errors[field.id] = r.error[locale];
    else if (r.warning && !input.confirmed.has(field.id)) warnings[field.id] = r.warning[locale];
    else answers[field.id] = raw;
  }
  const newItems = chosen.filter((c) => !input.shownItems.has(c));
  const ready = Object.keys(errors).length === 0 && Object.keys(warnings).length === 0 && newItems.length === 0;
  return { answers, errors, warnings, chosenItems: chosen, newItems, ready };
}
