// Request validation with zod, one hook for every body and query: JSON routes, console form posts and query
// strings. A failure answers 400 in the common error shape naming the first wrong field (onError renders it
// in Chinese or English), or — for a page form — whatever the page answers with its values kept.
import { zValidator } from '@hono/zod-validator';
import type { Context, Env, MiddlewareHandler } from 'hono';
import * as z from '../zod';
import { ApiError } from './errors';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

function validationError(target: string, error: z.core.$ZodError): ApiError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || (target === 'json' ? 'body' : target);
  return new ApiError(400, 'validation', { zh: `${where}：${issue?.message}`, en: `${where}: ${issue?.message}` });
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

/** A form post (urlencoded or multipart), read with `parseBody({ all: true })`: repeated names are arrays. */
export function validatedForm<T extends z.ZodMiniType, E extends Env = Env>(
  schema: T,
  /** The page's answer to a form that does not validate (the form again, values kept); otherwise 400. */
  onInvalid?: (c: Context<E>, problem: { field: string; message: string }) => Response | Promise<Response>,
): MiddlewareHandler<E, string, FormIo<T>> {
  return async (c: Context<E>, next) => {
    const result = await z.safeParseAsync(schema, await c.req.parseBody({ all: true }));
    if (!result.success) {
      const issue = result.error.issues[0];
      if (onInvalid) return onInvalid(c, { field: issue?.path.join('.') ?? '', message: issue?.message ?? '' });
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
  schema: T,
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
    const result = await z.safeParseAsync(schema, value);
    if (!result.success) throw validationError('json', result.error);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}
