// /api/openapi.json, generated from the same zod schemas the routes validate with.
import * as z from '../zod';
import { inputSchema, lookupSchema, reporterMessageSchema, startDraftSchema, turnSchema } from './schemas';

const schema = (s: z.ZodMiniType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Chinese by default, English with Accept-Language: en' },
        requestId: { type: 'string' },
        current: { description: 'On 409: the draft version and the question to answer now' },
      },
      required: ['code', 'message'],
    },
  },
};

const replySchema = {
  type: 'object',
  description: 'Channel-neutral reply of the conversation engine (src/intake/engine.ts `Reply`).',
  properties: {
    kind: { enum: ['question', 'review', 'submitted', 'cancelled', 'help'] },
    text: { type: 'string' },
    field: { type: 'object' },
    error: { type: 'string' },
    warning: { type: 'string' },
    progress: { type: 'object', properties: { answered: { type: 'integer' }, total: { type: 'integer' } } },
    canBack: { type: 'boolean' },
    canSkip: { type: 'boolean' },
    review: { type: 'array', items: { type: 'object' } },
    chatHint: { type: 'string', description: 'How to answer by typing; for text chats only, not part of `text`.' },
  },
};

const draftView = {
  type: 'object',
  properties: {
    draftId: { type: 'string' },
    version: { type: 'integer' },
    status: { enum: ['active', 'submitted', 'cancelled'] },
    reply: replySchema,
    receipt: { type: 'string', example: 'CC-2026-7K3M9Q' },
  },
};

const reporterView = {
  type: 'object',
  properties: {
    receipt: { type: 'string' },
    status: { enum: ['new', 'claimed', 'annex4_submitted', 'closed'] },
    unitName: { type: 'string' },
    items: { type: 'array', items: { type: 'string' } },
    urgency: { enum: ['immediate', 'within_24h'] },
    submittedAt: { type: 'string', format: 'date-time' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          type: { enum: ['submitted', 'claimed', 'message_out', 'message_in', 'annex4_submitted', 'closed'] },
          data: {
            description:
              'Messages only, else null: message_out { text, by: "接报部门" } (the office, never an officer), ' +
              "message_in { text, channel } (the reporter's own, channel web or telegram)",
          },
        },
      },
    },
  },
};

const token = { name: 'X-Resume-Token', in: 'header', required: true, schema: { type: 'string' } };
const draftId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: 'Error', content: { 'application/json': { schema: errorSchema } } }]),
  );
const ok = (description: string, body: object) => ({ description, content: { 'application/json': { schema: body } } });
const jsonBody = (s: z.ZodMiniType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: '长春市劳动关系风险监测预警 — intake API',
      version: '1.0.0',
      description:
        'Conversational Annex 3 intake. Start a draft, send one turn per answer or command, submit from the review screen. ' +
        'Keep the resume token secret: it is the only key to the draft. Input shapes: ' +
        JSON.stringify(schema(inputSchema())),
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/drafts': {
        post: {
          summary: 'Start a draft',
          requestBody: jsonBody(startDraftSchema),
          responses: {
            '201': ok('The draft, its resume token and the first question', draftView),
            ...errors(400, 413),
          },
        },
      },
      '/api/drafts/{id}': {
        get: {
          summary: 'Read a draft (resume after a reload or on another device)',
          parameters: [draftId, token],
          responses: { '200': ok('The current question', draftView), ...errors(403, 404) },
        },
      },
      '/api/drafts/{id}/turns': {
        post: {
          summary: 'Send one answer or command',
          parameters: [draftId, token, { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          requestBody: jsonBody(turnSchema()),
          responses: { '200': ok('The next reply', draftView), ...errors(400, 403, 404, 409, 413) },
        },
      },
      '/api/drafts/{id}/submit': {
        post: {
          summary:
            'Submit from the review screen; repeating the Idempotency-Key on this draft returns the same receipt, on another draft 409 idempotency_key_reused',
          parameters: [draftId, token, { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          responses: {
            '200': ok('The receipt (reply.kind = submitted) or the question still missing', draftView),
            ...errors(403, 404, 409),
          },
        },
      },
      '/api/reports/lookup': {
        post: {
          summary: "A submitted report's status by receipt number and the reporter's phone",
          requestBody: jsonBody(lookupSchema()),
          responses: { '200': ok('Status and reporter-visible timeline', reporterView), ...errors(400, 404) },
        },
      },
      '/api/reports/messages': {
        post: {
          summary:
            'The reporter writes to the receiving office (receipt number and phone verified again); ' +
            'the text is trimmed, control characters removed, at most 1000 characters',
          parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          requestBody: jsonBody(reporterMessageSchema()),
          responses: {
            '201': ok('Recorded; status and timeline with the message', reporterView),
            '200': ok('A repeated Idempotency-Key: nothing new recorded; the current view', reporterView),
            ...errors(400, 403, 404, 413),
          },
        },
      },
    },
  };
}
