// Telegram test support for both projects: raw updates as Telegram posts them to a webhook (private
// chat: chat id = user id), and what a bot message asks. No Node APIs: the workers tests use it too.
import type { Update } from 'telegraf/types';
import { escapeHtml } from '../../src/bot/render';
import { FIELDS } from '../../src/intake/index';

const DATE = 1_790_000_000;
const person = (id: number) => ({ id, is_bot: false as const, first_name: 'Li' });
const chat = (id: number) => ({ id, type: 'private' as const, first_name: 'Li' });

export const tgUpdate = {
  text(updateId: number, chatId: number, text: string): Update {
    const command = /^\/\w+/.exec(text)?.[0];
    return {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: DATE,
        chat: chat(chatId),
        from: person(chatId),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
      },
    };
  },
  /** A text replying to an earlier message, by default the bot's own (`fromId`: the bot's id, the token's prefix). */
  reply(
    updateId: number,
    chatId: number,
    text: string,
    quoted: { text: string; fromId: number; isBot?: boolean; messageId?: number },
  ): Update {
    return {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: DATE,
        chat: chat(chatId),
        from: person(chatId),
        text,
        reply_to_message: {
          message_id: quoted.messageId ?? 1,
          date: DATE - 60,
          chat: chat(chatId),
          from: { id: quoted.fromId, is_bot: quoted.isBot ?? true, first_name: 'bot' },
          text: quoted.text,
          reply_to_message: undefined,
        },
      },
    };
  },
  callback(updateId: number, chatId: number, data: string, messageId = 1): Update {
    return {
      update_id: updateId,
      callback_query: {
        id: `cb-${updateId}`,
        chat_instance: `ci-${chatId}`,
        from: person(chatId),
        message: { message_id: messageId, date: DATE, chat: chat(chatId), text: '…' },
        data,
      },
    };
  },
  contact(updateId: number, chatId: number, phone: string, ownerId: number): Update {
    return {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: DATE,
        chat: chat(chatId),
        from: person(chatId),
        contact: { phone_number: phone, first_name: 'Li', user_id: ownerId },
      },
    };
  },
  sticker(updateId: number, chatId: number): Update {
    return {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: DATE,
        chat: chat(chatId),
        from: person(chatId),
        sticker: {
          file_id: 'f',
          file_unique_id: 'u',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
    };
  },
  edited(updateId: number, chatId: number, text: string): Update {
    return {
      update_id: updateId,
      edited_message: {
        message_id: updateId,
        date: DATE,
        edit_date: DATE + 5,
        chat: chat(chatId),
        from: person(chatId),
        text,
      },
    };
  },
};

export type Asked = { kind: 'question'; field: string } | { kind: 'review' } | { kind: 'submitted'; receipt: string };

// Longest first, so a prompt that contains another is matched as itself.
const PROMPTS = FIELDS.map((f) => ({ id: f.id, html: escapeHtml(f.prompt.zh) })).sort(
  (a, b) => b.html.length - a.html.length,
);

/** What a bot message (Chinese, HTML) asks: a field by its prompt, the review screen, or nothing. */
export function askedBy(html: string): Asked | undefined {
  const receipt = /回执号：(CC-\d{4}-[A-Z0-9]{6})/.exec(html)?.[1];
  if (receipt && html.includes('/status')) return { kind: 'submitted', receipt };
  if (html.includes('请核对以下信息')) return { kind: 'review' };
  const hit = PROMPTS.find((p) => html.includes(p.html));
  return hit ? { kind: 'question', field: hit.id } : undefined;
}
