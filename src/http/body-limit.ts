import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { inBoth } from '../messages/index';
import { ApiError } from './errors';

/** Hono's body limit, answering 413 with the limit of this route in the message (64 KB, 256 KB, …). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const kb = Math.round(maxBytes / 1024);
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        inBoth('errorDetails', (t) => t.bodyLimit(kb)),
      );
    },
  });
}
