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

/** A host's dependencies and its intake, as every step of a chat conversation needs them. */
export interface Tg {
  deps: AppDeps;
  intake: IntakeService;
  /** Told when a turn's batch stored a report, so the first notification try can start. */
  onSubmitted?: ((ev: ChatEvent) => void) | undefined;
}

interface TurnOptions {
  expectField?: string;
  editMessageId?: number;
  answer?: string;
}

const claim = (c: Tg, ev: ChatEvent) => claimUpdate(c.deps.db, ev, c.deps.clock());

async function draftOf(c: Tg, ev: ChatEvent): Promise<Draft | undefined> {
  const row = await findActiveDraftByChat(c.deps.db, chatKeyOf(ev.chatId));
  return row ? { row, state: migrateState(row.state) } : undefined;
}

/** The question the draft is at, from the state already read (no second read). */
async function again(c: Tg, draft: Draft, notice?: string): Promise<OutgoingMessage[]> {
  const reply = render(draft.state, await c.intake.ctx());
  return renderReply(reply, { locale: draft.state.locale, ...(notice ? { notice } : {}) });
}

/** A hint for an update that cannot be used, recorded as handled; the current question follows. */
async function hint(c: Tg, ev: ChatEvent, draft: Draft | undefined, text: SentenceKey<'bot'>): Outcome {
  if (!(await claim(c, ev))) return null;
  if (draft) return { messages: await again(c, draft, textOf('bot', draft.state.locale)[text]) };
  const L = await preferredLocale(c.deps.db, ev);
  return { messages: renderText(`${textOf('bot', L)[text]}\n\n${textOf('bot', L).noDraft}`) };
}

async function noDraft(c: Tg, ev: ChatEvent, text: SentenceKey<'bot'> = 'noDraft'): Outcome {
  if (!(await claim(c, ev))) return null;
  const L = await preferredLocale(c.deps.db, ev);
  return { answer: textOf('bot', L).staleShort, messages: renderText(textOf('bot', L)[text]) };
}

/** What a turn's result is answered with. */
function deliveryOf(draft: Draft, opts: TurnOptions, result: TurnResult): Delivery {
  const L = draft.state.locale;
  const reply = result.reply;
  const answer = opts.answer;
  if (opts.editMessageId !== undefined && reply.field?.id === draft.state.current && !reply.error) {
    // A toggled choice: tick it on the same message instead of sending the question again.
    const markup = renderReply(reply, { locale: L }).at(-1)?.markup;
    if (markup && 'inline_keyboard' in markup) return { answer, edit: { messageId: opts.editMessageId, markup } };
  }
  const footer = footerOf(result, L);
  return {
    answer,
    messages: renderReply(reply, {
      locale: L,
      removeReplyKeyboard: leavesPhone(draft, reply),
      ...(footer ? { footer } : {}),
    }),
  };
}

/** The phone question's reply keyboard goes once the conversation has moved past it. */
function leavesPhone(draft: Draft, reply: TurnResult['reply']): boolean {
  return fieldById(draft.state.current)?.kind === 'phone' && reply.field?.kind !== 'phone';
}

/** One intake turn for an update; its batch records the update's key and the reply's outbox row. */
async function turn(c: Tg, ev: ChatEvent, draft: Draft, input: Input, opts: TurnOptions = {}): Outcome {
  const { db } = c.deps;
  // The service calls extraStatements only when it writes its batch, which then holds the update's key —
  // and the reply's outbox row, so the answer to a recorded update cannot be lost (see bot-reply-send.ts).
  let stored: Delivery | undefined;
  let result: TurnResult;
  try {
    result = await c.intake.turn(draft.row.id, null, input, {
      inboundKey: updateKeyOf(ev),
      preloaded: draft.row,
      ...(opts.expectField ? { expectField: opts.expectField } : {}),
      extraStatements: (out) => {
        const delivery = deliveryOf(draft, opts, out);
        const payload = botReplyOf(ev.chatId, delivery);
        if (!payload) {
          stored = delivery;
          return [];
        }
        const owner = newId('bot', c.deps.clock(), c.deps.random);
        const row = replyRowValues(c.deps, updateKeyOf(ev), payload, owner);
        stored = { ...delivery, stored: { id: row.id, owner } };
        // A submit may join an open case, decided in this same batch: the row then names the case.
        const joined = out.submitted && botReplyOf(ev.chatId, deliveryOf(draft, opts, withJoinedMark(out)));
        return [
          out.submitted && joined
            ? insertSubmitReplyRow(db, row, joined, out.submitted.reportId)
            : insertReplyRow(db, row),
        ];
      },
    });
  } catch (err) {
    return turnRefused(c, ev, draft, err);
  }
  if (stored) {
    // This turn's batch stored the report and its outbox row: the first notification try can start.
    if (result.submitted) c.onSubmitted?.(ev);
    // The report joined an open case: send what the row holds, the reply naming the case.
    if (result.submitted?.joinedCase && stored.stored)
      return { ...deliveryOf(draft, opts, result), stored: stored.stored };
    return stored;
  }
  // A closed draft answers without writing: record the key so a copy of this update stays silent.
  if (!(await claim(c, ev))) return null;
  return deliveryOf(draft, opts, result);
}

/** A turn whose batch was not written: a copy of the update came first, or the draft moved on or expired. */
async function turnRefused(c: Tg, ev: ChatEvent, draft: Draft, err: unknown): Outcome {
  const L = draft.state.locale;
  if (!(err instanceof IntakeError)) {
    // The batch wrote nothing: with the update's key already recorded, this update came before.
    if (await inboundRecorded(c.deps.db, updateKeyOf(ev))) return null;
    throw err;
  }
  // A racing copy of this update surfaces as a conflict: the key decides who answers.
  if (!(await claim(c, ev))) return null;
  if (err.code === 'conflict' && err.current) {
    const reply = err.current.reply;
    return {
      answer: textOf('bot', L).staleShort,
      messages: renderReply(reply, {
        locale: L,
        notice: textOf('bot', L).stale,
        removeReplyKeyboard: leavesPhone(draft, reply),
      }),
    };
  }
  return { answer: textOf('bot', L).staleShort, messages: renderText(textOf('bot', L).expired) };
}

/** A button's input, mapping option indexes back through the field's options. */
async function inputOf(c: Tg, action: IntakeAction, L: Locale): Promise<{ input: Input; label?: string } | undefined> {
  switch (action.type) {
    case 'answer':
    case 'toggle': {
      const field = fieldById(action.field);
      if (!field) return undefined;
      if (field.kind === 'boolean' && action.type === 'answer') {
        if (action.index > 1) return undefined;
        return { input: { type: 'answer', value: action.index === 0 } };
      }
      const option = optionsOf(field, await c.intake.ctx())[action.index];
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

/** /start: a new report, or the chat's unfinished one at its question. A deep-link payload may name the district. */
export async function start(c: Tg, ev: ChatEvent, payload: string): Outcome {
  const { db } = c.deps;
  let draft = await draftOf(c, ev);
  const now = c.deps.clock();
  if (draft && draft.row.expiresAt.getTime() < now.getTime()) {
    // An expired draft still holds the chat until the tick removes it; free it now.
    await deleteExpiredDrafts(db, now);
    draft = undefined;
  }
  if (!(await claim(c, ev))) return null;
  if (draft) return { messages: await again(c, draft, textOf('bot', draft.state.locale).resumed) };
  const locale = await preferredLocale(db, ev);
  const known = (await c.intake.ctx()).jurisdictions.some((j) => j.id === payload);
  try {
    const started = await c.intake.startDraft({
      channel: 'telegram',
      locale,
      chatKey: chatKeyOf(ev.chatId),
      ...(known ? { preset: { district: payload } } : {}),
    });
    return { messages: renderReply(started.reply, { locale }) };
  } catch (err) {
    // Two /start at once: the other one holds the chat's draft now (asked of the database); show its question.
    const other = await draftOf(c, ev);
    if (!other) throw err;
    return { messages: await again(c, other, textOf('bot', other.state.locale).resumed) };
  }
}

/** Typed text: an answer, or a chat command word (返回, 跳过, 提交, 修改 3 …). */
export async function text(c: Tg, ev: ChatEvent, text: string): Outcome {
  const draft = await draftOf(c, ev);
  if (!draft) return noDraft(c, ev);
  const command = parseTextCommand(text, draft.state.locale);
  if (!command && text.trim().startsWith('/')) return hint(c, ev, draft, 'unknownCommand');
  return turn(c, ev, draft, command ?? { type: 'answer', value: text });
}

/** A shared contact answers the phone question, if it is the sender's own. */
export async function contact(c: Tg, ev: ChatEvent, contact: { phone: string; userId: number | undefined }): Outcome {
  const draft = await draftOf(c, ev);
  if (!draft) return noDraft(c, ev);
  const field = fieldById(draft.state.current);
  if (field?.kind !== 'phone') return hint(c, ev, draft, 'contactNotAsked');
  if (contact.userId === undefined || contact.userId !== ev.userId) return hint(c, ev, draft, 'contactNotYours');
  return turn(c, ev, draft, { type: 'answer', value: contact.phone }, { expectField: field.id });
}

/** An inline button of the intake. Its question must still be the current one (stale buttons are refused). */
export async function button(c: Tg, ev: ChatEvent, action: IntakeAction, messageId: number | undefined): Outcome {
  const draft = await draftOf(c, ev);
  if (!draft) return noDraft(c, ev);
  const mapped = await inputOf(c, action, draft.state.locale);
  if (!mapped) {
    if (!(await claim(c, ev))) return null;
    const L = draft.state.locale;
    return { answer: textOf('bot', L).staleShort, messages: await again(c, draft, textOf('bot', L).stale) };
  }
  const expectField = action.type === 'edit' || action.type === 'submit' ? 'review' : action.field;
  return turn(c, ev, draft, mapped.input, {
    expectField,
    ...(action.type === 'toggle' && messageId !== undefined ? { editMessageId: messageId } : {}),
    ...(mapped.label ? { answer: `✓ ${mapped.label}` } : {}),
  });
}

/** /back, /cancel and /help. */
export async function command(
  c: Tg,
  ev: ChatEvent,
  input: Extract<Input, { type: 'back' | 'cancel' | 'help' }>,
): Outcome {
  const draft = await draftOf(c, ev);
  if (!draft) {
    if (input.type === 'help') {
      if (!(await claim(c, ev))) return null;
      return { messages: renderText(textOf('bot', await preferredLocale(c.deps.db, ev)).help) };
    }
    return noDraft(c, ev, input.type === 'cancel' ? 'nothingToCancel' : 'noDraft');
  }
  return turn(c, ev, draft, input);
}

/** Stickers, photos, voice, files, edited messages: a hint and the current question again. */
export async function unusable(c: Tg, ev: ChatEvent, kind: 'media' | 'edited'): Outcome {
  return hint(c, ev, await draftOf(c, ev), kind === 'edited' ? 'edited' : 'unusable');
}

/** The operations bound to one host's dependencies, as the bot's handlers call them. */
export function createConversation(deps: AppDeps, intake: IntakeService, onSubmitted?: (ev: ChatEvent) => void) {
  const c: Tg = { deps, intake, onSubmitted };
  return {
    start: (ev: ChatEvent, payload: string) => start(c, ev, payload),
    text: (ev: ChatEvent, typed: string) => text(c, ev, typed),
    contact: (ev: ChatEvent, shared: { phone: string; userId: number | undefined }) => contact(c, ev, shared),
    button: (ev: ChatEvent, action: IntakeAction, messageId: number | undefined) => button(c, ev, action, messageId),
    command: (ev: ChatEvent, input: Extract<Input, { type: 'back' | 'cancel' | 'help' }>) => command(c, ev, input),
    unusable: (ev: ChatEvent, kind: 'media' | 'edited') => unusable(c, ev, kind),
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
