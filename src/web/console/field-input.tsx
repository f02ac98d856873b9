// One Annex 3 field as a form control, driven by the intake's field table (kind, label, options, help).
import type { FC } from 'hono/jsx';
import { type Field, helpFor, type IntakeCtx, optionsOf } from '../../intake/index';
import { officerText } from '../../messages/officer';

export type RawValue = string | string[] | undefined;

const t = officerText('fieldInput');
/** The yes/no answers as the intake's parser reads them back (a posted value, not a label). */
const YES = '是';
const NO = '否';

export const FieldInput: FC<{ field: Field; value: RawValue; error?: string | undefined; ctx: IntakeCtx }> = ({
  field,
  value,
  error,
  ctx,
}) => {
  const name = field.id;
  const id = `f-${field.id}`;
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
  const label = `${field.label.zh}${field.required ? t.required : ''}`;
  // A form's help (what to enter), never the chat's (how to type it); tied to the control with the error.
  const help = helpFor(field, 'form')?.zh;
  const described = [help ? `h-${id}` : '', error ? `e-${id}` : ''].filter(Boolean).join(' ') || undefined;
  const a11y = { 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined };
  const control = (() => {
    switch (field.kind) {
      case 'longtext':
        return (
          <textarea id={id} name={name} {...a11y}>
            {text}
          </textarea>
        );
      case 'choice':
        return (
          <select id={id} name={name} {...a11y}>
            <option value="">{t.choose}</option>
            {optionsOf(field, ctx).map((o) => (
              <option value={o.value} selected={o.value === text}>
                {o.label.zh}
              </option>
            ))}
          </select>
        );
      case 'boolean':
        return (
          <select id={id} name={name} {...a11y}>
            <option value="">{t.choose}</option>
            <option value={YES} selected={text === YES}>
              {t.yes}
            </option>
            <option value={NO} selected={text === NO}>
              {t.no}
            </option>
          </select>
        );
      case 'multi':
        return (
          <span class="stack">
            {optionsOf(field, ctx).map((o) => (
              <label>
                <input type="checkbox" name={name} value={o.value} checked={list.includes(o.value)} /> {o.label.zh}
              </label>
            ))}
          </span>
        );
      case 'date':
        return <input id={id} type="date" name={name} value={text} {...a11y} />;
      case 'datetime':
        return <input id={id} type="text" name={name} value={text} placeholder={t.dateTimeHint} {...a11y} />;
      case 'phone':
        return <input id={id} type="tel" name={name} value={text} {...a11y} />;
      case 'integer':
      case 'money':
        return <input id={id} type="text" inputmode="decimal" name={name} value={text} {...a11y} />;
      default:
        return <input id={id} type="text" name={name} value={text} {...a11y} />;
    }
  })();
  return (
    <div>
      {field.kind === 'multi' ? (
        <fieldset aria-describedby={described}>
          <legend>{label}</legend>
          {help && (
            <p class="muted" id={`h-${id}`}>
              {help}
            </p>
          )}
          {control}
        </fieldset>
      ) : (
        <>
          <label for={id}>{label}</label>
          {help && (
            <p class="muted" id={`h-${id}`}>
              {help}
            </p>
          )}
          {control}
        </>
      )}
      {error && (
        <div class="error-text" id={`e-${id}`}>
          {error}
        </div>
      )}
    </div>
  );
};
