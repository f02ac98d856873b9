// The intake HTTP API: start a draft, send turns, read it back (resume), submit, and look up a report.
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { findReportByReceipt, reporterTimeline } from '../../db/repo/reports';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError } from '../http/errors';
import { normalizeReceipt, parsePhone } from '../intake/index';
import { IntakeError, type IntakeService } from '../service/intake-service';
import { idempotencyKeySchema, lookupSchema, startDraftSchema, turnSchema } from './schemas';

export const API_BODY_LIMIT = 64 * 1024;

/** zod failures answer 400 in the common error shape, naming the first wrong field. */
function json<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      throw new ApiError(400, 'validation', { zh: `${where}：${issue?.message}`, en: `${where}: ${issue?.message}` });
    }
  });
}

function resumeToken(header: string | undefined): string {
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  if (!token) throw new ApiError(403, 'forbidden_token');
  return token;
}

/** Domain outcomes → HTTP. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof IntakeError)) throw err;
    switch (err.code) {
      case 'draft_not_found':
        throw new ApiError(404, 'draft_not_found');
      case 'forbidden_token':
        throw new ApiError(403, 'forbidden_token');
      case 'draft_closed':
        throw new ApiError(409, 'draft_closed');
      case 'conflict':
        throw new ApiError(409, 'conflict', undefined, { current: err.current });
    }
  }
}

export function intakeRoutes(deps: AppDeps, intake: IntakeService, onSubmitted: (c: Context) => void) {
  const api = new Hono<AppEnv>();
  api.use(
    bodyLimit({
      maxSize: API_BODY_LIMIT,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
  );

  api.post('/drafts', json(startDraftSchema), async (c) => {
    const body = c.req.valid('json');
    const preset = body.jurisdiction ? { district: body.jurisdiction } : undefined;
    const started = await intake.startDraft({
      channel: body.channel,
      locale: body.locale,
      ...(preset ? { preset } : {}),
    });
    return c.json(started, 201);
  });

  api.get('/drafts/:id', async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    return c.json(await guard(() => intake.readDraft(c.req.param('id'), token)));
  });

  api.post('/drafts/:id/turns', json(turnSchema), async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    const { input, field } = c.req.valid('json');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) throw new ApiError(400, 'bad_request');
    const result = await guard(() =>
      input.type === 'submit'
        ? intake.submitOnce(c.req.param('id'), token, key)
        : intake.turn(c.req.param('id'), token, input, field ? { expectField: field } : {}),
    );
    if ('submitted' in result && result.submitted) onSubmitted(c);
    return c.json(result);
  });

  api.post('/drafts/:id/submit', async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) throw new ApiError(400, 'bad_request');
    const result = await guard(() => intake.submitOnce(c.req.param('id'), token, key));
    if (result.submitted) onSubmitted(c);
    return c.json(result);
  });

  api.post('/reports/lookup', json(lookupSchema), async (c) => {
    const { receipt, phone } = c.req.valid('json');
    const canonical = normalizeReceipt(receipt);
    const typed = parsePhone(phone);
    const report = canonical ? await findReportByReceipt(deps.db, canonical) : undefined;
    // One answer for "no such receipt" and "wrong phone", so the lookup reveals nothing without both.
    if (!report || !typed.ok || typed.value !== report.reporterPhone) throw new ApiError(404, 'report_not_found');
    const timeline = await reporterTimeline(deps.db, report.id);
    return c.json({
      receipt: report.receipt,
      status: report.status,
      unitName: report.unitName,
      items: report.items,
      urgency: report.urgency,
      submittedAt: report.submittedAt.toISOString(),
      timeline: timeline.map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        data: e.type.startsWith('message') ? e.data : null,
      })),
    });
  });

  return api;
}
