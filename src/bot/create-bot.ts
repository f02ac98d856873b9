// Telegraf as a thin adapter: it sorts updates by kind and hands plain events to the conversation and the
// commands, then sends what they produced — after their batch committed, never for a redelivered update.
import { type Context, Telegraf } from 'telegraf';
import { callbackQuery, message } from 'telegraf/filters';
import type { AppDeps } from '../deps';
import { textOf } from '../messages/index';
import { type ReplyTransport, telegramReplyTransport } from '../notify/bot-reply';
import { deliverReply, resendReply } from '../notify/bot-reply-send';
import type { IntakeService } from '../service/intake-service';
import { decodeCallback } from './callbacks';
import { type ChatEvent, updateKeyOf } from './chat';
import { createCommands } from './commands';
import { createConversation } from './conversation';
import { notifyOfficerActions, type OfficerActions } from './officers';
import { renderText } from './render';
import { createReplies, quotedReceipt } from './replies';
import { answerCallback, botReplyOf, type Delivery, deliver, type Log, realSleep, type SendOptions } from './send';
import { botInfoFor, telegramSettings } from './settings';
import { FetchTelegram } from './transport';

export interface BotOptions {
  officers?: OfficerActions;
  /** Sends replies (default: the Bot API of the configured token). */
  replies?: ReplyTransport;
  /** Injected so tests of 429 handling do not wait. */
  sleep?: (ms: number) => Promise<void>;
  log?: Log;
  /**
   * Called when an update's batch wrote outbox rows (a submitted report, a reporter's reply): the host kicks
   * the dispatcher — the webhook with the request's waitUntil, long polling with deps.defer.
   */
  onOutbox?: (ev: ChatEvent) => void;
}

const defaultLog: Log = (msg, err) => console.error(msg, err instanceof Error ? err.stack : '');

export function createBot(deps: AppDeps, intake: IntakeService, opts: BotOptions = {}): Telegraf {
  const settings = telegramSettings(deps.config);
  if (!settings) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const telegram = { apiRoot: settings.apiRoot, webhookReply: false };
  const bot = new Telegraf(settings.token, { telegram });
  bot.botInfo = botInfoFor(settings);
  // Every call goes through bot.telegram (not ctx.telegram, which telegraf builds on node-fetch per update).
  bot.telegram = new FetchTelegram(settings.token, telegram);
  const api = bot.telegram;

  const send: SendOptions = { sleep: opts.sleep ?? realSleep, log: opts.log ?? defaultLog };
  const transport = opts.replies ?? telegramReplyTransport(deps.config);
  const conversation = createConversation(deps, intake, opts.onOutbox);
  const commands = createCommands(deps, opts.officers ?? notifyOfficerActions(deps));
  const replies = createReplies(deps, opts.onOutbox);

  const eventOf = (ctx: Context, chatId: number): ChatEvent => ({
    updateId: ctx.update.update_id,
    chatId,
    userId: ctx.from?.id,
  });

  /**
   * Sends a handled update's reply through the outbox (at least once). A redelivered update (null) sends
   * its reply only if that is still pending — a reply that failed the first time, never one sent already.
   */
  const reply = async (ev: ChatEvent, delivery: Delivery | null) => {
    const key = updateKeyOf(ev);
    if (!delivery) return resendReply(deps, transport, key);
    const payload = botReplyOf(ev.chatId, delivery);
    if (payload) await deliverReply(deps, transport, key, payload, delivery.stored);
  };

  /** Runs a handler and sends its reply. */
  const run = async (ctx: Context, work: (ev: ChatEvent) => Promise<Delivery | null>) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const ev = eventOf(ctx, chatId);
    await reply(ev, await work(ev));
  };

  // Before the private-chat filter: officers press "claim" on alerts in group chats.
  bot.on(callbackQuery('data'), async (ctx) => {
    const chatId = ctx.chat?.id;
    const messageId = ctx.callbackQuery.message?.message_id;
    const action = decodeCallback(ctx.callbackQuery.data);
    let delivery: Delivery | null = null;
    const ev = chatId === undefined ? undefined : eventOf(ctx, chatId);
    try {
      if (ev && action) {
        if (action.type === 'claim') delivery = await commands.claim(ev, action, messageId);
        else if (ctx.chat?.type === 'private') delivery = await conversation.button(ev, action, messageId);
      }
    } finally {
      // The toast only matters within seconds: answered at once, never queued.
      await answerCallback(api, ctx.callbackQuery.id, delivery?.answer, send);
    }
    if (ev && action) await reply(ev, delivery);
  });

  // Reports are filed in private chats; in groups the bot stays quiet.
  bot.use((ctx, next) => (ctx.chat?.type === 'private' ? next() : undefined));

  bot.start((ctx) => run(ctx, (ev) => conversation.start(ev, ctx.payload.trim())));
  bot.command('cancel', (ctx) => run(ctx, (ev) => conversation.command(ev, { type: 'cancel' })));
  bot.command('back', (ctx) => run(ctx, (ev) => conversation.command(ev, { type: 'back' })));
  bot.command('help', (ctx) => run(ctx, (ev) => conversation.command(ev, { type: 'help' })));
  bot.command('status', (ctx) => run(ctx, (ev) => commands.status(ev, ctx.payload)));
  bot.command('lang', (ctx) => run(ctx, (ev) => commands.lang(ev, ctx.payload)));
  bot.command('link', (ctx) => run(ctx, (ev) => commands.link(ev, ctx.payload)));
  bot.command('reply', (ctx) => run(ctx, (ev) => replies.command(ev, ctx.payload)));

  bot.on(message('contact'), (ctx) =>
    run(ctx, (ev) =>
      conversation.contact(ev, { phone: ctx.message.contact.phone_number, userId: ctx.message.contact.user_id }),
    ),
  );
  bot.on(message('text'), (ctx) => {
    // A reply to the bot's message naming a receipt goes to the receiving office, not to the draft.
    const receipt = quotedReceipt(ctx.message.reply_to_message, bot.botInfo?.id ?? 0);
    return run(ctx, (ev) =>
      receipt ? replies.reply(ev, receipt, ctx.message.text) : conversation.text(ev, ctx.message.text),
    );
  });
  bot.on('edited_message', (ctx) => run(ctx, (ev) => conversation.unusable(ev, 'edited')));
  bot.on('message', (ctx) => run(ctx, (ev) => conversation.unusable(ev, 'media')));

  // One error path: log, tell the user, never throw out of handleUpdate (the webhook still answers 200).
  bot.catch(async (err, ctx) => {
    send.log(`telegram update ${ctx.update.update_id} failed`, err);
    if (ctx.chat?.type !== 'private') return;
    // Not through the outbox: the update's key may not be recorded, so a redelivery is handled afresh.
    await deliver(
      api,
      ctx.chat.id,
      { messages: renderText(`${textOf('bot', 'zh').failed}\n${textOf('bot', 'en').failed}`) },
      send,
    );
  });

  return bot;
}
