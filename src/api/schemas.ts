// The intake API's request bodies, validated with zod and published in /api/openapi.json from the
// same schemas (z.toJSONSchema), so the document cannot drift from what the server accepts. Only the schema
// of a new draft (a reporter's first request) is built when the module is evaluated; the others on first use.
import * as z from '../zod';

const answerValueSchema = () =>
  z.union([
    z.string().check(z.maxLength(20_000)),
    z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20)),
    z.boolean(),
    z.number(),
  ]);

export const inputSchema = z.onFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('answer'), value: answerValueSchema() }),
    z.object({ type: z.literal('toggle'), value: z.string().check(z.maxLength(100)) }),
    z.object({ type: z.literal('edit'), field: z.string().check(z.maxLength(100)) }),
    z.object({ type: z.enum(['back', 'skip', 'review', 'cancel', 'submit', 'help', 'confirm']) }),
  ]),
);

export const startDraftSchema = z.object({
  channel: z._default(z.enum(['web', 'widget', 'form']), 'web'),
  locale: z._default(z.enum(['zh', 'en']), 'zh'),
  /** Jurisdiction id preset by the embedding portal (e.g. 220102). */
  jurisdiction: z.optional(z.string().check(z.maxLength(20))),
});

export const turnSchema = z.onFirstUse(() =>
  z.object({
    input: inputSchema(),
    /** The field id the client was answering: a turn meant for another question is answered 409. */
    field: z.optional(z.string().check(z.maxLength(100))),
  }),
);

export const lookupSchema = z.onFirstUse(() =>
  z.object({
    receipt: z.string().check(z.minLength(1), z.maxLength(40)),
    phone: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
);

/** A reporter's message to the receiving office; the text's own limit (1000 after cleaning) is checked by the route. */
export const reporterMessageSchema = z.onFirstUse(() =>
  z.object({
    receipt: z.string().check(z.minLength(1), z.maxLength(40)),
    phone: z.string().check(z.minLength(1), z.maxLength(40)),
    text: z.string().check(z.maxLength(4000)),
  }),
);

export const idempotencyKeySchema = z.onFirstUse(() =>
  z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[\w.:-]+$/)),
);
