// The intake over chat: every update that touches the chat's draft becomes one intake turn whose batch
// also records the update's key, so a redelivered update changes nothing and gets no answer. Drafts are
// found by chat in the database, never kept in memory: any instance, any restart continues them.
import { type DraftRow, deleteExpiredDrafts, findActiveDraftByChat } from '../../db/repo/drafts';
import { inboundRecorded } from '../../db/repo/inbound';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import {
  fieldById,
  type Input,
  type IntakeState,
  migrateState,
  optionsOf,
  parseTextCommand,
  render,
} from '../intake/index';
import { type SentenceKey, textOf } from '../messages/index';
import { insertReplyRow, insertSubmitReplyRow, replyRowValues } from '../notify/bot-reply-send';
import type { Locale } from '../rules/index';
import { IntakeError, type IntakeService, type TurnResult, withJoinedMark } from '../service/intake-service';
import type { CallbackAction } from './callbacks';
import { type ChatEvent, chatKeyOf, claimUpdate, preferredLocale, updateKeyOf } from './chat';
import { type OutgoingMessage, renderReply, renderText } from './render';
import { botReplyOf, type Delivery } from './send';

interface Draft {
  row: DraftRow;
  state: IntakeState;
}

type IntakeAction = Exclude<CallbackAction, { type: 'claim' }>;

/** null: a redelivered update — send nothing. */
export type Outcome = Promise<Delivery | null>;

export function createConversation(deps: AppDeps, intake: IntakeService, onSubmitted?: (ev: ChatEvent) => void) {
  const { db, clock } = deps;
  const claim = (ev: ChatEvent) => claimUpdate(db, ev, clock());

  async function draftOf(ev: ChatEvent): Promise<Draft | undefined> {
    const row = await findActiveDraftByChat(db, chatKeyOf(ev.chatId));
    return row ? { row, state: migrateState(row.state) } : undefined;
  }

  /** The question the draft is at, from the state already read (no second read). */
  async function again(draft: Draft, notice?: string): Promise<OutgoingMessage[]> {
    const reply = render(draft.state, await intake.ctx());
    return renderReply(reply, { locale: draft.state.locale, ...(notice ? { notice } : {}) });
  }

  /** A hint for an update that cannot be used, recorded as handled; the current question follows. */
  async function hint(ev: ChatEvent, draft: Draft | undefined, text: SentenceKey<'bot'>): Outcome {
    if (!(await claim(ev))) return null;
    if (draft) return { messages: await again(draft, textOf('bot', draft.state.locale)[text]) };
    const L = await preferredLocale(db, ev);
    return { messages: renderText(`${textOf('bot', L)[text]}\n\n${textOf('bot', L).noDraft}`) };
  }

  async function noDraft(ev: ChatEvent, text: SentenceKey<'bot'> = 'noDraft'): Outcome {
    if (!(await claim(ev))) return null;
    const L = await preferredLocale(db, ev);
    return { answer: textOf('bot', L).staleShort, messages: renderText(textOf('bot', L)[text]) };
  }

  async function turn(
    ev: ChatEvent,
    draft: Draft,
    input: Input,
    opts: { expectField?: string; editMessageId?: number; answer?: string } = {},
  ): Outcome {
    const L = draft.state.locale;
    const askedKind = fieldById(draft.state.current)?.kind;
    /** What the turn's result is answered with. */
    const deliveryOf = (result: TurnResult): Delivery => {
      const reply = result.reply;
      const answer = opts.answer;
      if (opts.editMessageId !== undefined && reply.field?.id === draft.state.current && !reply.error) {
        // A toggled choice: tick it on the same message instead of sending the question again.
        const markup = renderReply(reply, { locale: L }).at(-1)?.markup;
        if (markup && 'inline_keyboard' in markup) return { answer, edit: { messageId: opts.editMessageId, markup } };
      }
      const footer = footerOf(result, L);
      const removeReplyKeyboard = askedKind === 'phone' && reply.field?.kind !== 'phone';
      return {
        answer,
        messages: renderReply(reply, { locale: L, removeReplyKeyboard, ...(footer ? { footer } : {}) }),
      };
    };
    // The service calls this only when it writes its batch, which then holds the update's key — and the
    // reply's outbox row, so the answer to a recorded update cannot be lost (see bot-reply-send.ts).
    let stored: Delivery | undefined;
    let result: TurnResult;
    try {
      result = await intake.turn(draft.row.id, null, input, {
        inboundKey: updateKeyOf(ev),
        preloaded: draft.row,
        ...(opts.expectField ? { expectField: opts.expectField } : {}),
        extraStatements: (out) => {
          const delivery = deliveryOf(out);
          const payload = botReplyOf(ev.chatId, delivery);
          if (!payload) {
            stored = delivery;
            return [];
          }
          const owner = newId('bot', clock(), deps.random);
          const row = replyRowValues(deps, updateKeyOf(ev), payload, owner);
          stored = { ...delivery, stored: { id: row.id, owner } };
          // A submit may join an open case, decided in this same batch: the row then names the case.
          const joined = out.submitted && botReplyOf(ev.chatId, deliveryOf(withJoinedMark(out)));
          return [
            out.submitted && joined
              ? insertSubmitReplyRow(db, row, joined, out.submitted.reportId)
              : insertReplyRow(db, row),
          ];
        },
      });
    } catch (err) {
      if (!(err instanceof IntakeError)) {
        // The batch wrote nothing: with the update's key already recorded, this update came before.
        if (await inboundRecorded(db, updateKeyOf(ev))) return null;
        throw err;
      }
      // A racing copy of this update surfaces as a conflict: the key decides who answers.
      if (!(await claim(ev))) return null;
      if (err.code === 'conflict' && err.current) {
        const reply = err.current.reply;
        const removeReplyKeyboard = askedKind === 'phone' && reply.field?.kind !== 'phone';
        return {
          answer: textOf('bot', L).staleShort,
          messages: renderReply(reply, { locale: L, notice: textOf('bot', L).stale, removeReplyKeyboard }),
        };
      }
      return { answer: textOf('bot', L).staleShort, messages: renderText(textOf('bot', L).expired) };
    }
    if (stored) {
      // This turn's batch stored the report and its outbox row: the first notification try can start.
      if (result.submitted) onSubmitted?.(ev);
      // The report joined an open case: send what the row holds, the reply naming the case.
      if (result.submitted?.joinedCase && stored.stored) return { ...deliveryOf(result), stored: stored.stored };
      return stored;
    }
    // A closed draft answers without writing: record the key so a copy of this update stays silent.
    if (!(await claim(ev))) return null;
    return deliveryOf(result);
  }

  /** A button's input, mapping option indexes back through the field's options. */
  async function inputOf(action: IntakeAction, L: Locale): Promise<{ input: Input; label?: string } | undefined> {
    switch (action.type) {
      case 'answer':
      case 'toggle': {
        const field = fieldById(action.field);
        if (!field) return undefined;
        if (field.kind === 'boolean' && action.type === 'answer') {
          if (action.index > 1) return undefined;
          return { input: { type: 'answer', value: action.index === 0 } };
        }
        const option = optionsOf(field, await intake.ctx())[action.index];
        if (!option) return undefined;
        return action.type === 'answer'
          ? { input: { type: 'answer', value: option.value }, label: option.label[L] }
          : { input: { type: 'toggle', value: option.value } };
      }
      case 'confirm':
        return { input: { type: 'confirm' } };
      case 'back':
        return { input: { type: 'back' } };
      case 'skip':
        return { input: { type: 'skip' } };
      case 'edit':
        return { input: { type: 'edit', field: action.field } };
      case 'submit':
        return { input: { type: 'submit' } };
    }
  }

  return {
    /** /start: a new report, or the chat's unfinished one at its question. A deep-link payload may name the district. */
    async start(ev: ChatEvent, payload: string): Outcome {
      let draft = await draftOf(ev);
      const now = clock();
      if (draft && draft.row.expiresAt.getTime() < now.getTime()) {
        // An expired draft still holds the chat until the tick removes it; free it now.
        await deleteExpiredDrafts(db, now);
        draft = undefined;
      }
      if (!(await claim(ev))) return null;
      if (draft) return { messages: await again(draft, textOf('bot', draft.state.locale).resumed) };
      const locale = await preferredLocale(db, ev);
      const known = (await intake.ctx()).jurisdictions.some((j) => j.id === payload);
      try {
        const started = await intake.startDraft({
          channel: 'telegram',
          locale,
          chatKey: chatKeyOf(ev.chatId),
          ...(known ? { preset: { district: payload } } : {}),
        });
        return { messages: renderReply(started.reply, { locale }) };
      } catch (err) {
        // Two /start at once: the other one holds the chat's draft now (asked of the database); show its question.
        const other = await draftOf(ev);
        if (!other) throw err;
        return { messages: await again(other, textOf('bot', other.state.locale).resumed) };
      }
    },

    /** Typed text: an answer, or a chat command word (返回, 跳过, 提交, 修改 3 …). */
    async text(ev: ChatEvent, text: string): Outcome {
      const draft = await draftOf(ev);
      if (!draft) return noDraft(ev);
      const command = parseTextCommand(text, draft.state.locale);
      if (!command && text.trim().startsWith('/')) return hint(ev, draft, 'unknownCommand');
      return turn(ev, draft, command ?? { type: 'answer', value: text });
    },

    /** A shared contact answers the phone question, if it is the sender's own. */
    async contact(ev: ChatEvent, contact: { phone: string; userId: number | undefined }): Outcome {
      const draft = await draftOf(ev);
      if (!draft) return noDraft(ev);
      const field = fieldById(draft.state.current);
      if (field?.kind !== 'phone') return hint(ev, draft, 'contactNotAsked');
      if (contact.userId === undefined || contact.userId !== ev.userId) return hint(ev, draft, 'contactNotYours');
      return turn(ev, draft, { type: 'answer', value: contact.phone }, { expectField: field.id });
    },

    /** An inline button of the intake. Its question must still be the current one (stale buttons are refused). */
    async button(ev: ChatEvent, action: IntakeAction, messageId: number | undefined): Outcome {
      const draft = await draftOf(ev);
      if (!draft) return noDraft(ev);
      const mapped = await inputOf(action, draft.state.locale);
      if (!mapped) {
        if (!(await claim(ev))) return null;
        const L = draft.state.locale;
        return { answer: textOf('bot', L).staleShort, messages: await again(draft, textOf('bot', L).stale) };
      }
      const expectField = action.type === 'edit' || action.type === 'submit' ? 'review' : action.field;
      return turn(ev, draft, mapped.input, {
        expectField,
        ...(action.type === 'toggle' && messageId !== undefined ? { editMessageId: messageId } : {}),
        ...(mapped.label ? { answer: `✓ ${mapped.label}` } : {}),
      });
    },

    /** /back, /cancel and /help. */
    async command(ev: ChatEvent, input: Extract<Input, { type: 'back' | 'cancel' | 'help' }>): Outcome {
      const draft = await draftOf(ev);
      if (!draft) {
        if (input.type === 'help') {
          if (!(await claim(ev))) return null;
          return { messages: renderText(textOf('bot', await preferredLocale(db, ev)).help) };
        }
        return noDraft(ev, input.type === 'cancel' ? 'nothingToCancel' : 'noDraft');
      }
      return turn(ev, draft, input);
    },

    /** Stickers, photos, voice, files, edited messages: a hint and the current question again. */
    async unusable(ev: ChatEvent, kind: 'media' | 'edited'): Outcome {
      return hint(ev, await draftOf(ev), kind === 'edited' ? 'edited' : 'unusable');
    },
  };
}

function footerOf(result: TurnResult, L: Locale): string | undefined {
  if (result.submitted) return textOf('bot', L).afterSubmit(result.submitted.receipt);
  if (result.reply.kind === 'cancelled') return textOf('bot', L).afterCancel;
  // The engine's help names the chat words; the slash commands are the bot's own.
  if (result.reply.kind === 'help') return textOf('bot', L).help;
  return undefined;
}

export type Conversation = ReturnType<typeof createConversation>;
