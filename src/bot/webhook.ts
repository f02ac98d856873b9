// POST /telegram/webhook: Telegram's webhook delivery, on either host. The secret token header is checked
// before anything is read or stored; the update is handled (turn, then replies) before the 200.
import { Hono } from 'hono';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { AppDeps, AppEnv } from '../deps';
import { limitBody } from '../http/body-limit';
import { ApiError } from '../http/errors';
import { sha256Hex, timingSafeEqual } from '../ids';
import { dispatchAfterResponse } from '../notify/after-response';
import type { IntakeService } from '../service/intake-service';
import { type BotOptions, createBot } from './create-bot';
import { telegramSettings } from './settings';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const UPDATE_BODY_LIMIT = 256 * 1024;

/** Routes under /telegram. Without a token and a webhook secret the bot is not configured here: 404. */
export function telegramRoutes(deps: AppDeps, intake: IntakeService, opts: BotOptions = {}) {
  const routes = new Hono<AppEnv>();
  const settings = telegramSettings(deps.config);
  const secret = settings?.webhookSecret;
  // One bot per app (per host instance), botInfo preset: no getMe per request.
  let bot: Telegraf | undefined;
  // Updates (by id) whose batch wrote outbox rows; the request that carried one kicks the dispatcher.
  const wroteOutbox = new Set<number>();

  routes.post('/webhook', limitBody(UPDATE_BODY_LIMIT), async (c) => {
    if (!settings || !secret) throw new ApiError(404, 'not_found');
    const given = c.req.header(SECRET_HEADER) ?? '';
    // Hashing first makes the comparison independent of where and whether the lengths differ.
    if (!timingSafeEqual(await sha256Hex(given), await sha256Hex(secret))) throw new ApiError(403, 'forbidden');
    const update = await c.req.json<unknown>().catch(() => {
      throw new ApiError(400, 'invalid_json');
    });
    if (!isUpdate(update)) throw new ApiError(400, 'bad_request');
    bot ??= createBot(deps, intake, { ...opts, onOutbox: (ev) => wroteOutbox.add(ev.updateId) });
    try {
      await bot.handleUpdate(update);
    } finally {
      if (wroteOutbox.delete(update.update_id)) dispatchAfterResponse(c, deps);
    }
    return c.body(null, 200);
  });

  return routes;
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}
