// One Annex 3 field as a form control, driven by the intake's field table (kind, label, options, help).
import type { FC } from 'hono/jsx';
import { type Field, type IntakeCtx, optionsOf } from '../../intake/index';

export type RawValue = string | string[] | undefined;

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
  const label = `${field.label.zh}${field.required ? '（必填）' : ''}`;
  const control = (() => {
    switch (field.kind) {
      case 'longtext':
        return (
          <textarea id={id} name={name}>
            {text}
          </textarea>
        );
      case 'choice':
        return (
          <select id={id} name={name}>
            <option value="">请选择</option>
            {optionsOf(field, ctx).map((o) => (
              <option value={o.value} selected={o.value === text}>
                {o.label.zh}
              </option>
            ))}
          </select>
        );
      case 'boolean':
        return (
          <select id={id} name={name}>
            <option value="">请选择</option>
            <option value="是" selected={text === '是'}>
              是
            </option>
            <option value="否" selected={text === '否'}>
              否
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
        return <input id={id} type="date" name={name} value={text} />;
      case 'datetime':
        return <input id={id} type="text" name={name} value={text} placeholder="2026-11-25 08:30" />;
      case 'phone':
        return <input id={id} type="tel" name={name} value={text} />;
      case 'integer':
      case 'money':
        return <input id={id} type="text" inputmode="decimal" name={name} value={text} />;
      default:
        return <input id={id} type="text" name={name} value={text} />;
    }
  })();
  return (
    <div>
      {field.kind === 'multi' ? (
        <fieldset>
          <legend>{label}</legend>
          {control}
        </fieldset>
      ) : (
        <>
          <label for={id}>{label}</label>
          {control}
        </>
      )}
      {error && <div class="error-text">{error}</div>}
    </div>
  );
};
