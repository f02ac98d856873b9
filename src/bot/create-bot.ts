// Telegraf as a thin adapter: it sorts updates by kind and hands plain events to the conversation and the
// commands, then sends what they produced — after their batch committed, never for a redelivered update.
import { type Context, Telegraf } from 'telegraf';
import { callbackQuery, message } from 'telegraf/filters';
import type { AppDeps } from '../deps';
import type { IntakeService } from '../service/intake-service';
import { decodeCallback } from './callbacks';
import type { ChatEvent } from './chat';
import { createCommands } from './commands';
import { createConversation } from './conversation';
import { notifyOfficerActions, type OfficerActions } from './officers';
import { renderText } from './render';
import { createReplies, quotedReceipt } from './replies';
import { answerCallback, type Delivery, deliver, type Log, realSleep, type SendOptions } from './send';
import { botInfoFor, telegramSettings } from './settings';
import { TEXT } from './texts';
import { FetchTelegram } from './transport';

export interface BotOptions {
  officers?: OfficerActions;
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
  const conversation = createConversation(deps, intake, opts.onOutbox);
  const commands = createCommands(deps, opts.officers ?? notifyOfficerActions(deps));
  const replies = createReplies(deps, opts.onOutbox);

  const eventOf = (ctx: Context, chatId: number): ChatEvent => ({
    updateId: ctx.update.update_id,
    chatId,
    userId: ctx.from?.id,
  });

  /** Runs a handler and sends its delivery; a redelivered update (null) sends nothing. */
  const run = async (ctx: Context, work: (ev: ChatEvent) => Promise<Delivery | null>) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const delivery = await work(eventOf(ctx, chatId));
    if (delivery) await deliver(api, chatId, delivery, send);
  };

  // Before the private-chat filter: officers press "claim" on alerts in group chats.
  bot.on(callbackQuery('data'), async (ctx) => {
    const chatId = ctx.chat?.id;
    const messageId = ctx.callbackQuery.message?.message_id;
    const action = decodeCallback(ctx.callbackQuery.data);
    let delivery: Delivery | null = null;
    try {
      if (chatId !== undefined && action) {
        const ev = eventOf(ctx, chatId);
        if (action.type === 'claim') delivery = await commands.claim(ev, action, messageId);
        else if (ctx.chat?.type === 'private') delivery = await conversation.button(ev, action, messageId);
      }
    } finally {
      await answerCallback(api, ctx.callbackQuery.id, delivery?.answer, send);
    }
    if (delivery && chatId !== undefined) await deliver(api, chatId, { ...delivery, answer: undefined }, send);
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
    await deliver(api, ctx.chat.id, { messages: renderText(`${TEXT.failed.zh}\n${TEXT.failed.en}`) }, send);
  });

  return bot;
}
