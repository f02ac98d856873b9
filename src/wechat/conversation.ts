// The intake over an Official Account chat, on the same engine and field table as the other channels.
// Exactly once: every push has a key (MsgId, or FromUserName + CreateTime for events) stored with the reply
// it got, in the same batch as the turn's effects. A redelivered push (the platform retries after 5 s, up to
// three times) finds its key in the one read of its turn and gets the stored reply; it changes nothing.
// Drafts are found by openid in the database: any instance, any restart continues them.
import type { BatchItem } from '../../db/client';
import { latestOpenChatReport, readTurnContext } from '../../db/repo/chat-turns';
import { type DraftRow, deleteExpiredDrafts } from '../../db/repo/drafts';
import { findInbound, inboundRecorded, recordInbound } from '../../db/repo/inbound';
import { reporterReplyStatements } from '../../db/repo/reporter-messages';
import { joinedOrPlain } from '../../db/repo/reports';
import { findChatReport } from '../../db/repo/telegram';
import { receiptIn } from '../bot/replies';
import { statusText } from '../bot/status';
import { cleanReporterMessage, REPORTER_MESSAGE_MAX } from '../cases/reporter-messages';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import {
  fieldById,
  type Input,
  type IntakeState,
  migrateState,
  normalizeReceipt,
  optionsOf,
  parseTextCommand,
  render,
} from '../intake/index';
import { IntakeError, type IntakeService, type TurnResult, withJoinedMark } from '../service/intake-service';
import { wechatMessageRow } from './outbound';
import { renderWechat } from './render';
import { WX } from './texts';

/** A push from the platform, as far as the conversation needs it. */
export interface Push {
  openid: string;
  createTime: string;
  msgType: string;
  msgId?: string | undefined;
  content?: string | undefined;
  event?: string | undefined;
  eventKey?: string | undefined;
}

/** The menu click that starts a report (the account owner sets this key on the custom menu's button). */
export const REPORT_MENU_KEY = 'REPORT';
const START_WORDS = new Set(['我要报告', '报告', '我要报', '开始报告', '新建报告']);
// C0/C1 controls and format characters (zero-width, bidi) are not part of anything a person typed on purpose.
const UNWANTED = /(?![\n\u200D])[\p{Cc}\p{Cf}]/gu;

export const chatKeyOf = (openid: string) => `wx:${openid}`;
export const pushKeyOf = (p: Push) => (p.msgId ? `wx:msg:${p.msgId}` : `wx:ev:${p.openid}:${p.createTime}`);

/** What the push's handling produced: the passive reply ('' = none) and whether outbox rows were written. */
export interface Handled {
  reply: string;
  wroteOutbox: boolean;
}

interface StoredReply {
  messages: string[];
}

const isStored = (v: unknown): v is StoredReply =>
  typeof v === 'object' && v !== null && Array.isArray((v as StoredReply).messages);

interface Draft {
  row: DraftRow;
  state: IntakeState;
}

/** The key and the reply in one batch with `extra`; the rest of a long reply goes out through the outbox. */
/**
 * The reply's first message kept with the push's key, the rest as customer-service messages. A submit's
 * reply has a variant naming the case its report joins (`joined`, same number of messages), chosen by the
 * submission's own batch.
 */
function replyStatements(
  w: Wx,
  key: string,
  openid: string,
  messages: string[],
  now: Date,
  joined?: { messages: string[]; reportId: string },
): BatchItem[] {
  const rows = messages.slice(1).map((text, i) => {
    const instead = joined?.messages[i + 1];
    return wechatMessageRow(w.deps.db, {
      id: newId('o', now, w.deps.random),
      openid,
      text,
      reportId: null,
      dedupeKey: `${key}:${i + 1}`,
      now,
      ...(joined && instead !== undefined ? { joined: { text: instead, reportId: joined.reportId } } : {}),
    });
  });
  const first: StoredReply = { messages: messages.slice(0, 1) };
  const stored = joined
    ? joinedOrPlain({ messages: joined.messages.slice(0, 1) } satisfies StoredReply, first, joined.reportId)
    : first;
  return [recordInbound(w.deps.db, key, stored, now), ...rows];
}

/** Records the key with the reply (and `extra`); a copy that lost the race answers the stored reply. */
async function claim(
  w: Wx,
  key: string,
  openid: string,
  messages: string[],
  extra: BatchItem[] = [],
): Promise<Handled> {
  const now = w.deps.clock();
  const [first, ...rest] = [...replyStatements(w, key, openid, messages, now), ...extra];
  try {
    await w.deps.db.batch([first!, ...rest]);
    return { reply: messages[0] ?? '', wroteOutbox: messages.length > 1 || extra.length > 0 };
  } catch (err) {
    // A copy of this push recorded its reply first (asked of the database, not read from the error's text).
    if (!(await inboundRecorded(w.deps.db, key))) throw err;
    return { reply: await storedReply(w, key), wroteOutbox: false };
  }
}

async function storedReply(w: Wx, key: string): Promise<string> {
  const found = await findInbound(w.deps.db, key);
  return isStored(found?.response) ? (found.response.messages[0] ?? '') : '';
}

async function question(w: Wx, draft: Draft, notice?: string): Promise<string[]> {
  return renderWechat(render(draft.state, await w.intake.ctx()), notice ? { notice } : {});
}

async function start(w: Wx, key: string, p: Push, draft: Draft | undefined): Promise<Handled> {
  const now = w.deps.clock();
  if (draft && draft.row.expiresAt.getTime() < now.getTime()) {
    // An expired draft still holds the chat until the tick removes it; free it now.
    await deleteExpiredDrafts(w.deps.db, now);
    draft = undefined;
  }
  if (draft) return claim(w, key, p.openid, await question(w, draft, WX.resumed));
  try {
    const started = await w.intake.startDraft({ channel: 'wechat', locale: 'zh', chatKey: chatKeyOf(p.openid) });
    return claim(w, key, p.openid, renderWechat(started.reply));
  } catch (err) {
    // A copy of this push (or another start) holds the chat's draft now: answer with the stored reply.
    const stored = await findInbound(w.deps.db, key);
    if (isStored(stored?.response)) return { reply: stored.response.messages[0] ?? '', wroteOutbox: false };
    const other = await readTurnContext(w.deps.db, key, chatKeyOf(p.openid));
    if (!other.draft) throw err;
    return claim(
      w,
      key,
      p.openid,
      await question(w, { row: other.draft, state: migrateState(other.draft.state) }, WX.resumed),
    );
  }
}

/** `查询 <回执号>`: only reports filed from this openid; any other receipt gets the same "not found". */
async function status(w: Wx, key: string, p: Push, arg: string): Promise<Handled> {
  if (arg === '') return claim(w, key, p.openid, [WX.statusUsage]);
  const receipt = normalizeReceipt(arg);
  const report = receipt ? await findChatReport(w.deps.db, receipt, chatKeyOf(p.openid)) : undefined;
  return claim(w, key, p.openid, [report ? statusText(report, 'zh') : WX.statusNotFound]);
}

/** A message to the receiving office about a report filed from this openid, recorded once with the key. */
async function passOn(w: Wx, key: string, p: Push, receipt: string | undefined, raw: string): Promise<Handled> {
  const chatKey = chatKeyOf(p.openid);
  const report = receipt
    ? await findChatReport(w.deps.db, receipt, chatKey)
    : await latestOpenChatReport(w.deps.db, chatKey);
  if (!report) return claim(w, key, p.openid, [receipt ? WX.replyNotYours : WX.noDraft]);
  const cleaned = cleanReporterMessage(raw);
  if (!cleaned.ok) {
    return claim(w, key, p.openid, [cleaned.error === 'empty' ? WX.replyEmpty : WX.replyTooLong(REPORTER_MESSAGE_MAX)]);
  }
  const now = w.deps.clock();
  const statements = reporterReplyStatements(w.deps.db, {
    reportId: report.id,
    text: cleaned.text,
    channel: 'wechat',
    at: now,
    noticeId: newId('o', now, w.deps.random),
  });
  return claim(w, key, p.openid, [WX.replyPassedOn(report.receipt)], statements);
}

/** The engine input for typed text at the draft's question (numbers for choices). */
async function inputOf(w: Wx, draft: Draft, text: string): Promise<Input> {
  const command = parseTextCommand(text, 'zh');
  if (command) return command;
  const field = fieldById(draft.state.current);
  if (field?.kind === 'boolean' && /^[12]$/.test(text)) return { type: 'answer', value: text === '1' };
  if (field?.kind === 'multi' && /^\d{1,2}(?:[\s,，、;；]+\d{1,2})*$/.test(text)) {
    const options = optionsOf(field, await w.intake.ctx());
    const picked = text.split(/[\s,，、;；]+/).map((n) => options[Number(n) - 1]?.value);
    // A number outside the list goes to the parser as typed: it says which one it could not read.
    if (picked.every((v): v is string => v !== undefined)) return { type: 'toggleMany', values: picked };
  }
  return { type: 'answer', value: text };
}

async function turn(w: Wx, key: string, p: Push, draft: Draft, text: string): Promise<Handled> {
  const input = await inputOf(w, draft, text);
  let messages: string[] = [];
  let wrote = false;
  let result: TurnResult;
  try {
    result = await w.intake.turn(draft.row.id, null, input, {
      preloaded: draft.row,
      extraStatements: (r) => {
        wrote = true;
        messages = renderWechat(r.reply, footerOf(r) ? { footer: footerOf(r)! } : {});
        // A submit may join an open case, decided in this same batch: the stored reply then names it.
        const joined = r.submitted && renderWechat(withJoinedMark(r).reply, { footer: footerOf(r)! });
        const variant =
          r.submitted && joined?.length === messages.length
            ? { messages: joined, reportId: r.submitted.reportId }
            : undefined;
        return replyStatements(w, key, p.openid, messages, w.deps.clock(), variant);
      },
    });
  } catch (err) {
    // A copy of this push won the race: its reply is stored. Otherwise another message moved the draft on.
    const stored = await findInbound(w.deps.db, key);
    if (!isStored(stored?.response) && !(err instanceof IntakeError)) throw err;
    if (isStored(stored?.response)) return { reply: stored.response.messages[0] ?? '', wroteOutbox: false };
    if (err instanceof IntakeError && err.code === 'conflict' && err.current) {
      return claim(w, key, p.openid, renderWechat(err.current.reply, { notice: WX.stale }));
    }
    if (err instanceof IntakeError) return claim(w, key, p.openid, [WX.expired]);
    throw err;
  }
  // A closed draft answers without writing: record the key and the reply now.
  if (!wrote) return claim(w, key, p.openid, renderWechat(result.reply));
  // The report joined an open case: answer what the batch stored, the reply naming the case.
  if (result.submitted?.joinedCase) messages = renderWechat(result.reply, { footer: footerOf(result)! });
  return { reply: messages[0] ?? '', wroteOutbox: messages.length > 1 || result.submitted !== undefined };
}

async function text(w: Wx, key: string, p: Push, draft: Draft | undefined, raw: string): Promise<Handled> {
  const text = raw.replace(/\r\n?/g, '\n').replace(UNWANTED, '').trim();
  if (START_WORDS.has(text)) return start(w, key, p, draft);
  const query = /^查询\s*[:：]?\s*(.*)$/s.exec(text);
  if (query) return status(w, key, p, query[1]!.trim());
  const reply = /^回复\s*[:：]?\s*(\S+)\s+([\s\S]+)$/.exec(text);
  if (reply && normalizeReceipt(reply[1]!)) return passOn(w, key, p, normalizeReceipt(reply[1]!), reply[2]!);
  if (/^回复(\s|$)/.test(text) && !draft) return claim(w, key, p.openid, [WX.replyUsage]);
  if (draft) return turn(w, key, p, draft, text);
  if (text === '帮助' || text === '?' || text === '？') return claim(w, key, p.openid, [WX.help]);
  if (text === '取消') return claim(w, key, p.openid, [WX.nothingToCancel]);
  if (text === '') return claim(w, key, p.openid, [WX.noDraft]);
  // Outside a report, words go to the receiving office of the user's open report (if there is one).
  return passOn(w, key, p, receiptIn(text), text);
}

/** A host's dependencies and its intake, as every step of a WeChat conversation needs them. */
interface Wx {
  deps: AppDeps;
  intake: IntakeService;
}

export function createWechatConversation(deps: AppDeps, intake: IntakeService) {
  const w: Wx = { deps, intake };
  return {
    /** Handles one verified, decrypted push: one read (key + draft), then one write batch. */
    async handle(p: Push): Promise<Handled> {
      const key = pushKeyOf(p);
      const ctx = await readTurnContext(deps.db, key, chatKeyOf(p.openid));
      if (ctx.stored) {
        return {
          reply: isStored(ctx.stored.response) ? (ctx.stored.response.messages[0] ?? '') : '',
          wroteOutbox: false,
        };
      }
      const draft = ctx.draft ? { row: ctx.draft, state: migrateState(ctx.draft.state) } : undefined;
      if (p.msgType === 'event') {
        const event = (p.event ?? '').toLowerCase();
        if (event === 'subscribe') return claim(w, key, p.openid, [WX.greeting]);
        if (event === 'click' && p.eventKey === REPORT_MENU_KEY) return start(w, key, p, draft);
        if (event === 'click') return claim(w, key, p.openid, [WX.help]);
        // unsubscribe, VIEW, LOCATION, …: nothing to say (the key is still recorded).
        return claim(w, key, p.openid, []);
      }
      if (p.msgType !== 'text') {
        const messages = draft ? await question(w, draft, WX.textOnly) : [WX.textOnly];
        return claim(w, key, p.openid, messages);
      }
      return text(w, key, p, draft, p.content ?? '');
    },
  };
}

function footerOf(r: TurnResult): string | undefined {
  if (r.submitted) return WX.afterSubmit(r.submitted.receipt);
  if (r.reply.kind === 'cancelled') return WX.afterCancel;
  if (r.reply.kind === 'help') return WX.help;
  return undefined;
}

export type WechatConversation = ReturnType<typeof createWechatConversation>;
