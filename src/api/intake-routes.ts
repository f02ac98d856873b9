// The intake HTTP API: start a draft, send turns, read it back (resume), submit, look up a report, and
// write to the receiving office about it.
import { type Context, Hono } from 'hono';
import { type ReportRow, reporterTimeline } from '../../db/repo/reports';
import { limitKey, perAddressLimit, reporterLookupGuard } from '../auth/throttle';
import {
  findReportForReporter,
  officeLabel,
  postReporterMessage,
  REPORTER_MESSAGE_MAX,
  reporterEvents,
} from '../cases/reporter-messages';
import type { AppDeps, AppEnv } from '../deps';
import { limitBody } from '../http/body-limit';
import { ApiError, tooMany } from '../http/errors';
import { type Locale, requestLocale } from '../http/locale';
import { validatedJson } from '../http/validate';
import { bilingual, inBoth } from '../messages/index';
import type { IntakeService } from '../service/intake-service';
import type * as z from '../zod';
import { idempotencyKeySchema, lookupSchema, reporterMessageSchema, startDraftSchema, turnSchema } from './schemas';

export const API_BODY_LIMIT = 64 * 1024;

const json = <T extends z.ZodMiniType>(schema: T | (() => T)) => validatedJson<T, AppEnv>(schema);

function resumeToken(header: string | undefined): string {
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  if (!token) throw new ApiError(403, 'forbidden_token');
  return token;
}

/** `wroteOutbox(c)` runs after a request stored outbox rows (a submit, a reporter's message): send them soon. */
export function intakeRoutes(deps: AppDeps, intake: IntakeService, wroteOutbox: (c: Context) => void) {
  const api = new Hono<AppEnv>();
  api.use(limitBody(API_BODY_LIMIT));

  const messageLimit = perAddressLimit(deps, 'messages', deps.config.REPORTER_MESSAGES_PER_MINUTE, (_c, s) => {
    throw tooMany('too_many_messages', s);
  });

  // The per-address limit on new drafts is taken in the draft's own batch: one round trip (see startDraft).
  api.post('/drafts', json(startDraftSchema), async (c) => {
    const body = c.req.valid('json');
    const preset = body.jurisdiction ? { district: body.jurisdiction } : undefined;
    const started = await intake.startDraft({
      channel: body.channel,
      locale: body.locale,
      ...(preset ? { preset } : {}),
      limit: { key: limitKey(c, deps.config, 'drafts'), perMinute: deps.config.DRAFTS_PER_MINUTE },
    });
    return c.json(started, 201);
  });

  api.get('/drafts/:id', async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    return c.json(await intake.readDraft(c.req.param('id'), token));
  });

  api.post('/drafts/:id/turns', json(turnSchema), async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    const { input, field } = c.req.valid('json');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !idempotencyKeySchema().safeParse(key).success) throw new ApiError(400, 'bad_request');
    const result =
      input.type === 'submit'
        ? await intake.submitOnce(c.req.param('id'), token, key)
        : await intake.turn(c.req.param('id'), token, input, field ? { expectField: field } : {});
    if ('submitted' in result && result.submitted) wroteOutbox(c);
    return c.json(result);
  });

  api.post('/drafts/:id/submit', async (c) => {
    const token = resumeToken(c.req.header('x-resume-token') ?? c.req.header('authorization'));
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !idempotencyKeySchema().safeParse(key).success) throw new ApiError(400, 'bad_request');
    const result = await intake.submitOnce(c.req.param('id'), token, key);
    if (result.submitted) wroteOutbox(c);
    return c.json(result);
  });

  /** What the reporter may see of a report: its status and timeline, messages without the officer's name. */
  async function reporterJson(report: ReportRow, L: Locale) {
    const timeline = reporterEvents(await reporterTimeline(deps.db, report.id));
    return {
      receipt: report.receipt,
      status: report.status,
      unitName: report.unitName,
      items: report.items,
      urgency: report.urgency,
      submittedAt: report.submittedAt.toISOString(),
      timeline: timeline.map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        data: e.reason
          ? { reason: e.reason }
          : !e.message
            ? null
            : e.message.from === 'office'
              ? { text: e.message.text, by: officeLabel(L) }
              : { text: e.message.text, ...(e.message.channel ? { channel: e.message.channel } : {}) },
      })),
    };
  }

  const lookupGuard = reporterLookupGuard(deps, (_c, seconds) => {
    throw tooMany('too_many_requests', seconds);
  });

  api.post('/reports/lookup', lookupGuard, json(lookupSchema), async (c) => {
    const { receipt, phone } = c.req.valid('json');
    // One answer for "no such receipt" and "wrong phone", so the lookup reveals nothing without both.
    const report = await findReportForReporter(deps.db, receipt, phone);
    if (!report) throw new ApiError(404, 'report_not_found');
    return c.json(await reporterJson(report, requestLocale(c)));
  });

  api.post('/reports/messages', lookupGuard, messageLimit, json(reporterMessageSchema), async (c) => {
    const { receipt, phone, text } = c.req.valid('json');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !idempotencyKeySchema().safeParse(key).success) throw new ApiError(400, 'bad_request');
    const outcome = await postReporterMessage(deps, {
      receipt,
      phone,
      text,
      ...(key ? { key } : {}),
    });
    if (outcome.kind === 'not_found') throw new ApiError(404, 'report_not_found');
    if (outcome.kind === 'invalid') {
      throw new ApiError(
        400,
        'validation',
        outcome.error === 'empty'
          ? bilingual('errorDetails', 'messageEmpty')
          : inBoth('errorDetails', (t) => t.messageTooLong(REPORTER_MESSAGE_MAX)),
      );
    }
    if (outcome.kind === 'recorded' && !outcome.repeated) wroteOutbox(c);
    // A repeated Idempotency-Key writes nothing and answers with the same (current) view.
    return c.json(await reporterJson(outcome.report, requestLocale(c)), outcome.repeated ? 200 : 201);
  });

  return api;
}
