// A Telegram user talking to the bot through telegram-test-api (a Bot API emulator), and raw updates for
// posting to the webhook route. Waits are bounded polls of the emulator's store, never fixed sleeps.
import { createServer } from 'node:net';
import type { InlineKeyboardButton } from 'telegraf/types';
import TelegramServer from 'telegram-test-api';
import type { StoredBotUpdate } from 'telegram-test-api/lib/telegramServer';
import { askedBy } from '../support/telegram';

export const BOT_TOKEN = '123456:TEST-bot_token';
export const WEBHOOK_SECRET = 'test-webhook-secret_1';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** The emulator on a free loopback port (it treats port 0 as its default 9000, so we pick one). */
export async function startEmulator() {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  return { server, apiRoot: server.config.apiURL, stop: () => server.stop() };
}

export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

type Markup = { inline_keyboard?: InlineKeyboardButton[][]; keyboard?: unknown[][] } | undefined;

export interface BotMessage {
  id: number;
  text: string;
  markup: Markup;
  buttons: InlineKeyboardButton.CallbackButton[];
}

/** A bot message that asks something (see askedBy). */
export type Asked = BotMessage & { kind: 'question' | 'review' | 'submitted'; field?: string };

export function asked(m: BotMessage): Asked | undefined {
  const a = askedBy(m.text);
  return a ? { ...m, kind: a.kind, ...(a.kind === 'question' ? { field: a.field } : {}) } : undefined;
}

export function toBotMessage(u: StoredBotUpdate): BotMessage {
  const markup = u.message.reply_markup as Markup;
  const buttons = (markup?.inline_keyboard ?? []).flat() as InlineKeyboardButton.CallbackButton[];
  return { id: u.messageId, text: String(u.message.text), markup, buttons };
}

export function botMessagesTo(server: TelegramServer, chatId: number): BotMessage[] {
  return server.storage.botMessages
    .filter((u) => u.botToken === BOT_TOKEN && String(u.message.chat_id) === String(chatId))
    .map(toBotMessage);
}

/** One person in a private chat with the bot (chat id = user id, as in Telegram). */
export class ChatUser {
  private seen = 0;
  private readonly client;

  constructor(
    private readonly server: TelegramServer,
    readonly id: number,
  ) {
    this.client = server.getClient(BOT_TOKEN, { userId: id, chatId: id, firstName: `User${id}` });
  }

  messages(): BotMessage[] {
    return botMessagesTo(this.server, this.id);
  }

  /** The next bot message that asks something, skipping notes; everything before it counts as read. */
  async next(): Promise<Asked> {
    const found = await waitFor(() => {
      const all = this.messages();
      for (let i = this.seen; i < all.length; i++) {
        const a = asked(all[i]!);
        if (a) return { a, i };
      }
      return undefined;
    }, `a question in chat ${this.id} after message #${this.seen}`);
    this.seen = found.i + 1;
    return found.a;
  }

  /** The next bot message of any kind. */
  async nextMessage(): Promise<BotMessage> {
    const m = await waitFor(() => this.messages()[this.seen], `a message in chat ${this.id}`);
    this.seen++;
    return m;
  }

  async command(text: string) {
    await this.client.sendCommand(this.client.makeCommand(text));
  }

  async say(text: string) {
    await this.client.sendMessage(this.client.makeMessage(text));
  }

  async shareContact(phone: string, ownerId: number) {
    const contact = { phone_number: phone, first_name: 'Li', user_id: ownerId };
    await this.client.sendMessage(this.client.makeMessage('', { contact } as never));
  }

  async tap(message: BotMessage, data: string) {
    if (!message.buttons.some((b) => b.callback_data === data)) {
      throw new Error(`no button ${data} on message ${message.id}: ${message.buttons.map((b) => b.callback_data)}`);
    }
    await this.client.sendCallback(this.client.makeCallbackQuery(data, { message: { message_id: message.id } }));
  }

  /** The stored message again (an edit replaces its keyboard in the emulator's store). */
  reread(message: BotMessage): BotMessage {
    return this.messages().find((m) => m.id === message.id) ?? message;
  }
}
