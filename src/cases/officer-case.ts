// Cases officers open themselves (走访摸排 and public-opinion monitoring, seed §8): the same Annex 3 fields
// and follow-ups as the intake, parsed by the same field table, assessed by the same rules, stored with
// channel 'officer' and — when the employer never reported it — flagged 'unreported' (seed §10).
import { FIELDS, type Field, type IntakeCtx, visibleFields } from '../intake/index';
import { type Assessment, assess, type ItemCode, isItemCode } from '../rules/index';

/** The Annex 3 fields an officer fills (the follow-up facts of the chosen items come after `items`). */
export const OFFICER_HEAD_FIELDS = [
  'unit_name',
  'uscc',
  'legal_rep',
  'business_status',
  'headcount',
  'district',
  'address',
  'industry',
  'reporter_name',
  'reporter_phone',
  'items',
] as const;
/** Asked once per case after the items (ruleset 2026.2): collective action and how many take part. */
export const OFFICER_COLLECTIVE_FIELDS = ['collective_action', 'collective_kinds', 'collective_taking_part'] as const;
export const OFFICER_TAIL_FIELDS = ['event_at', 'details', 'measures'] as const;

// Answers that decide which other questions apply: parsed in the first pass.
const GATE_FIELDS: readonly string[] = [...OFFICER_HEAD_FIELDS, 'collective_action'];

/** Every follow-up fact field, grouped under the first item that asks it (shared facts appear once). */
export function factFieldsByItem(): Map<ItemCode, Field[]> {
  const out = new Map<ItemCode, Field[]>();
  for (const f of FIELDS) {
    if (f.section !== 'facts' || !f.fact) continue;
    const list = out.get(f.fact.item) ?? [];
    list.push(f);
    out.set(f.fact.item, list);
  }
  return out;
}

export type RawForm = Record<string, string | string[] | undefined>;

export interface ParsedOfficerCase {
  answers: Record<string, unknown>;
  errors: Record<string, string>;
}

const EMPTY = (v: string | string[] | undefined) =>
  v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0);

/** An <input type=datetime-local> sends "2026-11-25T08:30"; the field table reads "2026-11-25 08:30". */
const normaliseRaw = (field: Field, v: string | string[]) =>
  typeof v === 'string' && (field.kind === 'datetime' || field.kind === 'date') ? v.replace('T', ' ') : v;

/**
 * Parses the form with the intake's own parsers, in two passes: the head fields first (the chosen items
 * decide which follow-ups apply), then everything visible given those answers.
 */
export function parseOfficerCase(form: RawForm, ctx: IntakeCtx, now: Date): ParsedOfficerCase {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const parseOne = (field: Field) => {
    const raw = form[field.id];
    if (raw === undefined || EMPTY(raw)) {
      if (field.required) errors[field.id] = '必填';
      return;
    }
    const r = field.parse(normaliseRaw(field, raw), { ...ctx, now });
    if (r.ok) answers[field.id] = r.value;
    else errors[field.id] = r.error.zh;
  };
  for (const f of FIELDS) if (GATE_FIELDS.includes(f.id)) parseOne(f);
  for (const f of visibleFields(answers)) {
    if (GATE_FIELDS.includes(f.id)) continue;
    parseOne(f);
  }
  return { answers, errors };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function assessOfficerCase(answers: Record<string, unknown>, now: Date): Assessment {
  const facts: Record<string, unknown> = {};
  for (const f of visibleFields(answers))
    if ((f.section === 'facts' || f.section === 'collective') && answers[f.id] !== undefined)
      facts[f.id] = answers[f.id];
  return assess({
    employer: {
      name: str(answers.unit_name),
      uscc: str(answers.uscc),
      headcount: typeof answers.headcount === 'number' ? answers.headcount : undefined,
      industry: str(answers.industry),
      district: str(answers.district),
    },
    items: Array.isArray(answers.items) ? answers.items.filter(isItemCode) : [],
    facts,
    eventAt: str(answers.event_at),
    reportedAt: now.toISOString(),
  });
}
