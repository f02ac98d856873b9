import type { Locale } from '../rules/index';
import { type Field, type IntakeCtx, optionsOf } from './fields';

const NOT_GIVEN = { zh: '（未填写）', en: '(not given)' } as const;

/** A stored answer as a reviewer reads it: option labels, 是/否, grouped numbers, local times. Plain text. */
export function displayValue(field: Field, value: unknown, locale: Locale, ctx: IntakeCtx): string {
  if (value === undefined || value === null || value === '') return NOT_GIVEN[locale];
  const labelOf = (v: unknown) => {
    const hit = optionsOf(field, ctx).find((o) => o.value === v);
    return hit ? hit.label[locale] : String(v);
  };
  switch (field.kind) {
    case 'choice':
      return labelOf(value);
    case 'multi':
      return Array.isArray(value) ? value.map(labelOf).join(locale === 'zh' ? '、' : ', ') : String(value);
    case 'boolean':
      return value === true ? (locale === 'zh' ? '是' : 'Yes') : locale === 'zh' ? '否' : 'No';
    case 'integer':
      return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    case 'money':
      return typeof value === 'number'
        ? `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${locale === 'zh' ? '元' : 'yuan'}`
        : String(value);
    case 'date':
    case 'datetime':
      // Stored as "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm:00+08:00"; shown as Beijing wall-clock time.
      return String(value).replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
    default:
      return String(value);
  }
}
