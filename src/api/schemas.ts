// The intake API's request bodies, validated with zod and published in /api/openapi.json from the
// same schemas (z.toJSONSchema), so the document cannot drift from what the server accepts.
import { z } from 'zod';

const answerValueSchema = z.union([
  z.string().max(20_000),
  z.array(z.string().max(500)).max(20),
  z.boolean(),
  z.number(),
]);

export const inputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), value: answerValueSchema }),
  z.object({ type: z.literal('toggle'), value: z.string().max(100) }),
  z.object({ type: z.literal('edit'), field: z.string().max(100) }),
  z.object({ type: z.enum(['back', 'skip', 'review', 'cancel', 'submit', 'help', 'confirm']) }),
]);

export const startDraftSchema = z.object({
  channel: z.enum(['web', 'widget', 'form']).default('web'),
  locale: z.enum(['zh', 'en']).default('zh'),
  /** Jurisdiction id preset by the embedding portal (e.g. 220102). */
  jurisdiction: z.string().max(20).optional(),
});

export const turnSchema = z.object({
  input: inputSchema,
  /** The field id the client was answering: a turn meant for another question is answered 409. */
  field: z.string().max(100).optional(),
});

export const lookupSchema = z.object({
  receipt: z.string().min(1).max(40),
  phone: z.string().min(1).max(40),
});

/** A reporter's message to the receiving office; the text's own limit (1000 after cleaning) is checked by the route. */
export const reporterMessageSchema = z.object({
  receipt: z.string().min(1).max(40),
  phone: z.string().min(1).max(40),
  text: z.string().max(4000),
});

export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\w.:-]+$/);
