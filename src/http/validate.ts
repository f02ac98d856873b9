// Request validation with zod, one hook for every body and query: JSON routes, console form posts and query
// strings. A failure answers 400 in the common error shape naming the first wrong field (onError renders it
// in Chinese or English), or — for a page form — whatever the page answers with its values kept.
import { zValidator } from '@hono/zod-validator';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { inBoth } from '../messages/index';
import * as z from '../zod';
import { ApiError } from './errors';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

function validationError(target: string, error: z.core.$ZodError): ApiError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || (target === 'json' ? 'body' : target);
  return new ApiError(
    400,
    'validation',
    inBoth('errorDetails', (t) => t.fieldIssue(where, String(issue?.message))),
  );
}

/** Query strings go through zValidator with the common error. */
export function validated<T extends z.ZodMiniType>(target: 'query', schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(target, result.error);
  });
}

/** A form's text box: trimmed, at most `max` characters kept, '' when the field is absent. */
export const formText = (max = 200) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((v) => (v ?? '').trim().slice(0, max)),
  );

/** A form's text exactly as posted ('' when absent): for text the service checks itself, so an over-long
 * one is refused with its reason rather than cut. */
export const formValue = () =>
  z.pipe(
    z.optional(z.string()),
    z.transform((v) => v ?? ''),
  );

/**
 * Every text field of a form whose fields come from a table (the Annex 3 form): name → value, or values for
 * a repeated name; files are dropped. The table's own parsers then check each field.
 */
export const formFields = () =>
  z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((body) => {
      const fields: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(body)) {
        if (typeof v === 'string') fields[k] = v;
        else if (Array.isArray(v)) fields[k] = v.filter((x): x is string => typeof x === 'string');
      }
      return fields;
    }),
  );

/** A form's on/off value: true only for '1'. */
export const formFlag = () =>
  z.pipe(
    z.optional(z.string()),
    z.transform((v) => v === '1'),
  );

type FormIo<T extends z.ZodMiniType> = {
  in: { form: Record<string, string | File> };
  out: { form: z.output<T> };
};

/** A form body as posted (`parseBody({ all: true })`): repeated names are arrays. */
export type PostedForm = Record<string, string | File | (string | File)[]>;

/** Why a form did not validate: the first wrong field, every issue, and the body as posted (to show again). */
export interface FormProblem {
  field: string;
  message: string;
  issues: readonly z.core.$ZodIssue[];
  posted: PostedForm;
}

/** A form post (urlencoded or multipart), read with `parseBody({ all: true })`: repeated names are arrays. */
export function validatedForm<T extends z.ZodMiniType, E extends Env = Env>(
  schema: T,
  /** The page's answer to a form that does not validate (the form again, values kept); otherwise 400. */
  onInvalid?: (c: Context<E>, problem: FormProblem) => Response | Promise<Response>,
): MiddlewareHandler<E, string, FormIo<T>> {
  return async (c: Context<E>, next) => {
    const posted: PostedForm = await c.req.parseBody({ all: true });
    const result = await z.safeParseAsync(schema, posted);
    if (!result.success) {
      const { issues } = result.error;
      const field = issues[0]?.path.join('.') ?? '';
      if (onInvalid) return onInvalid(c, { field, message: issues[0]?.message ?? '', issues, posted });
      throw validationError('form', result.error);
    }
    c.req.addValidatedData('form', result.data as object);
    await next();
  };
}

type JsonIo<T extends z.ZodMiniType> = { in: { json: z.input<T> }; out: { json: z.output<T> } };

/**
 * A JSON body: parsed here, so a body that is not JSON is our own `invalid_json` error (a SyntaxError from
 * JSON.parse), not recognised by the framework's wording. A body of another media type validates as `{}`.
 */
export function validatedJson<T extends z.ZodMiniType, E extends Env = Env>(
  /** The schema, or a function giving it (built on first use, see `onFirstUse`). */
  schema: T | (() => T),
): MiddlewareHandler<E, string, JsonIo<T>> {
  return async (c: Context<E>, next) => {
    let value: unknown = {};
    const media = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
    if (JSON_MEDIA.test(media)) {
      const text = await c.req.text();
      try {
        value = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'invalid_json');
      }
    }
    const result = await z.safeParseAsync(typeof schema === 'function' ? schema() : schema, value);
    if (!result.success) throw validationError('json', result.error);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}
