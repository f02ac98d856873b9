import { textOf } from '../messages/index';
import type { Locale } from '../rules/index';
import { type Field, type IntakeCtx, optionsOf } from './fields';

/** A stored answer as a reviewer reads it: option labels, 是/否, grouped numbers, local times. Plain text. */
export function displayValue(field: Field, value: unknown, locale: Locale, ctx: IntakeCtx): string {
  const t = textOf('answers', locale);
  if (value === undefined || value === null || value === '') return t.notGiven;
  const labelOf = (v: unknown) => {
    const hit = optionsOf(field, ctx).find((o) => o.value === v);
    return hit ? hit.label[locale] : String(v);
  };
  switch (field.kind) {
    case 'choice':
      return labelOf(value);
    case 'multi':
      return Array.isArray(value) ? value.map(labelOf).join(t.list) : String(value);
    case 'boolean':
      return value === true ? t.yes : t.no;
    case 'integer':
      return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    case 'money':
      return typeof value === 'number'
        ? t.yuan(value.toLocaleString('en-US', { maximumFractionDigits: 2 }))
        : String(value);
    case 'date':
    case 'datetime':
      // Stored as "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm:00+08:00"; shown as Beijing wall-clock time.
      return String(value).replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
    default:
      return String(value);
  }
}
