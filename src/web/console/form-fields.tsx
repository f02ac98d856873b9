// Fields of the admin forms that come back after a refusal: the label, the control with what was typed, and
// the problem right under it (aria-describedby), so nothing is retyped and the reason sits where the fix goes.
import type { Child, FC } from 'hono/jsx';
import { officerText } from '../../messages/officer';

/** Field name → the problem to show next to it. */
export type FieldErrors = Partial<Record<string, string>>;
/** Field name → the value typed (or chosen) last time. */
export type FormValues = Partial<Record<string, string>>;

type Body = Record<string, string | File | (string | File)[]>;

/** A trimmed string field of a parsed form body ('' when absent), cut to `max` characters. */
export const formString = (body: Body, key: string, max = 200): string => {
  const v = body[key];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

/** The attributes that tie a control to its error message. */
export const invalidProps = (id: string, errors: FieldErrors, name: string) =>
  errors[name]
    ? { id, 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` }
    : { id, 'aria-invalid': undefined, 'aria-describedby': undefined };

export const FieldError: FC<{ id: string; error?: string | undefined }> = ({ id, error }) =>
  error ? (
    <span class="error-text" id={`${id}-error`}>
      {error}
    </span>
  ) : null;

/** A labelled row: label text, the control (given as a child), an optional hint and the error. */
export const Field: FC<{ id: string; label: string; hint?: string; error?: string | undefined; children?: Child }> = ({
  id,
  label,
  hint,
  error,
  children,
}) => (
  <div class={error ? 'field invalid' : 'field'}>
    <label for={id}>{label}</label>
    {children}
    {hint && <span class="muted hint">{hint}</span>}
    <FieldError id={id} error={error} />
  </div>
);

/** A summary above the form when it came back refused (announced to screen readers). */
export const ErrorSummary: FC<{ errors: FieldErrors }> = ({ errors }) =>
  Object.keys(errors).length > 0 ? (
    <p class="flash error" role="alert">
      {officerText('formFields').notSaved}
    </p>
  ) : null;
