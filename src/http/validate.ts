// Request validation with zod for every JSON route: a failure answers 400 in the common error shape,
// naming the first wrong field (onError renders it in Chinese or English).
import { zValidator } from '@hono/zod-validator';
import type * as z from '../zod';
import { ApiError } from './errors';

export function validated<T extends z.ZodMiniType, Target extends 'json' | 'query'>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || (target === 'json' ? 'body' : 'query');
      throw new ApiError(400, 'validation', { zh: `${where}：${issue?.message}`, en: `${where}: ${issue?.message}` });
    }
  });
}
