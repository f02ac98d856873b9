// Runs the pure intake engine against the database: every channel (HTTP API, widget, form, Telegram) goes
// through here. A turn is one read and at most one atomic, version-guarded write batch
// (ARCHITECTURE.md § One read, one batch).
import type { BatchItem } from '../../db/client';
import {
  type DraftRow,
  findDraft,
  guardedDraftUpdate,
  insertDraft,
  insertDraftWhile,
  type StartedDraft,
} from '../../db/repo/drafts';
import { findInbound, joinedCaseInboundStatement, recordInbound } from '../../db/repo/inbound';
import type { Jurisdiction, JurisdictionCache } from '../../db/repo/jurisdictions';
import { refusedSlot, type SlotRequest, slotStatement, whileSlotOpen } from '../../db/repo/limits';
import {
  JOINED_CASE_MARK,
  type JoinedCase,
  joinedCaseStatement,
  nameKeyOf,
  receiptTaken,
  submissionStatements,
} from '../../db/repo/reports';
import { retryAfterSeconds } from '../auth/throttle';
import { annex4DueAt, assessedColumns, employerIdentity, lateSuggestion } from '../cases/new-report';
import type { AppDeps } from '../deps';
import { newId, newToken, sha256Hex, timingSafeEqual } from '../ids';
import {
  type Input,
  type IntakeCtx,
  type IntakeReport,
  type IntakeState,
  migrateState,
  newReceipt,
  presetAnswers,
  type Reply,
  render,
  startReply,
  startState,
  step,
} from '../intake/index';
import { assess, type Locale, parseInstant } from '../rules/index';

export type Channel = 'web' | 'widget' | 'telegram' | 'form' | 'wechat';

/** Domain outcomes the edges translate (HTTP status, chat message): typed values, not strings. */
export class IntakeError extends Error {
  constructor(
    readonly code:
      | 'draft_not_found'
      | 'forbidden_token'
      | 'conflict'
      | 'draft_closed'
      | 'key_reused'
      | 'too_many_drafts',
    /** The draft's current reply, so a 409 can show the question to answer now. */
    readonly current?: { version: number; reply: Reply },
    /** too_many_drafts: the seconds until a new draft is allowed. */
    readonly retryAfter?: number,
  ) {
    super(code);
  }
}

/** A turn's write batch failed and wrote nothing; `receipt` is the number the submit drew, if any. */
class TurnWriteFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly receipt: string | undefined,
  ) {
    super('turn write failed', { cause });
  }
}

export interface DraftView {
  draftId: string;
  version: number;
  status: DraftRow['status'];
  reply: Reply;
  receipt?: string;
}

export interface TurnResult extends DraftView {
  /** Set when this turn submitted the report. */
  submitted?: {
    reportId: string;
    receipt: string;
    urgency: 'immediate' | 'within_24h';
    /** One incident, one case: the employer's open case this report joined as a follow-up (续报). */
    joinedCase?: { receipt: string };
  };
}

export interface TurnOptions {
  /** The field the client was answering; a turn meant for another question is refused with 409. */
  expectField?: string;
  /** An inbound event key (Idempotency-Key, Telegram update_id) recorded in the turn's batch. */
  inboundKey?: string;
  /**
   * What the inbound key belongs to (a draft id, a form's content fingerprint), stored with the first
   * response: a repeat of the key from anywhere else is refused instead of answered (see `submitOnce`).
   */
  inboundScope?: string;
  /** More statements for the same batch (e.g. a bot's queued replies), built from the turn's result. */
  extraStatements?: (result: TurnResult) => BatchItem[];
  /**
   * The draft row the caller has just read (a chat adapter finds the draft by chat): used for the first
   * attempt instead of reading it again, so the turn stays one read and one batch.
   */
  preloaded?: DraftRow;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** What the intake operations need: the host's dependencies and the jurisdictions (cached). */
export type IntakeDeps = AppDeps & { jurisdictions: JurisdictionCache };

/** The intake operations bound to one host's dependencies, for the edges (API, pages, bot). */
export function createIntakeService(deps: AppDeps, jurisdictions: JurisdictionCache) {
  const s: IntakeDeps = { ...deps, jurisdictions };
  return {
    startDraft: (opts: StartDraftOptions) => startDraft(s, opts),
    readDraft: (draftId: string, token: string | null) => readDraft(s, draftId, token),
    turn: (draftId: string, token: string | null, input: Input, opts?: TurnOptions) =>
      turn(s, draftId, token, input, opts),
    submitOnce: (draftId: string, token: string | null, idempotencyKey: string | undefined, scope?: string) =>
      submitOnce(s, draftId, token, idempotencyKey, scope),
    earlierSubmission: (idempotencyKey: string, scope: string) => earlierSubmission(s, idempotencyKey, scope),
    ctx: () => intakeCtx(s),
  };
}

export async function intakeCtx(s: IntakeDeps): Promise<IntakeCtx> {
  return intakeCtxOf(await s.jurisdictions.all());
}

/** The engine's view of the jurisdictions: ids and names in both languages. */
export function intakeCtxOf(rows: readonly Jurisdiction[]): IntakeCtx {
  return { jurisdictions: rows.map((j) => ({ id: j.id, name: { zh: j.nameZh, en: j.nameEn } })) };
}

const expiry = (s: IntakeDeps, now: Date) => new Date(now.getTime() + s.config.DRAFT_TTL_DAYS * DAY_MS);

function view(row: DraftRow, state: IntakeState, c: IntakeCtx): DraftView {
  return {
    draftId: row.id,
    version: row.version,
    status: row.status,
    reply: withReceipt(render(state, c), row.receipt ?? undefined, state.locale),
    ...(row.receipt ? { receipt: row.receipt } : {}),
  };
}

export interface StartDraftOptions {
  channel: Channel;
  locale: Locale;
  preset?: Record<string, unknown>;
  chatKey?: string;
  /**
   * The rate limit a new draft counts against (a reporter's address): its slot is taken in the draft's own batch,
   * and without a slot nothing is stored (IntakeError too_many_drafts, with the seconds to wait).
   */
  limit?: { key: string; perMinute: number };
}

/**
 * A new draft at its first question. The jurisdictions the first reply names are read (unless cached) beside
 * the draft's write, not before it — only a preset needs them to build the state — so a fresh instance answers
 * a reporter's first request after one database round trip.
 */
export async function startDraft(s: IntakeDeps, opts: StartDraftOptions): Promise<DraftView & { token: string }> {
  const now = s.clock();
  const ctx = intakeCtx(s);
  ctx.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
  const preset = opts.preset ?? {};
  const answers = Object.keys(preset).length > 0 ? presetAnswers(preset, now, await ctx) : {};
  const state = startState(opts.locale, answers, now);
  const token = newToken(s.random);
  const draft: StartedDraft = {
    id: newId('d', now, s.random),
    tokenHash: sha256Hex(token),
    channel: opts.channel,
    chatKey: opts.chatKey ?? null,
    state,
    version: 1,
    createdAt: now,
    updatedAt: now,
    expiresAt: expiry(s, now),
  };
  const [c] = await Promise.all([ctx, storeNewDraft(s, draft, opts.limit)]);
  return { draftId: draft.id, version: 1, status: 'active', reply: startReply(state, c), token };
}

/** Inserts the draft; under a limit, in one batch with the limit's slot, and only when a slot was open. */
async function storeNewDraft(s: IntakeDeps, draft: StartedDraft, limit: StartDraftOptions['limit']): Promise<void> {
  if (!limit) {
    await insertDraft(s.db, draft);
    return;
  }
  const slot: SlotRequest = { key: limit.key, limit: limit.perMinute, windowMs: MINUTE_MS, now: draft.createdAt };
  // The insert first: it tests the counter as the slot's statement will find it, so both agree.
  const [, taken] = await s.db.batch([insertDraftWhile(s.db, draft, whileSlotOpen(slot)), slotStatement(s.db, slot)]);
  if (taken.length > 0) return;
  const { retryAt } = await refusedSlot(s.db, slot);
  throw new IntakeError('too_many_drafts', undefined, retryAfterSeconds(retryAt, draft.createdAt));
}

/** Loads a draft, checking the resume token when one is required (web channels). */
async function load(
  s: IntakeDeps,
  draftId: string,
  token: string | null,
  preloaded?: DraftRow,
): Promise<{ row: DraftRow; state: IntakeState }> {
  const row = preloaded?.id === draftId ? preloaded : await findDraft(s.db, draftId);
  if (!row || row.expiresAt.getTime() < s.clock().getTime()) throw new IntakeError('draft_not_found');
  if (token !== null && !timingSafeEqual(sha256Hex(token), row.tokenHash)) {
    throw new IntakeError('forbidden_token');
  }
  return { row, state: migrateState(row.state) };
}

export async function readDraft(s: IntakeDeps, draftId: string, token: string | null): Promise<DraftView> {
  const [{ row, state }, c] = await Promise.all([load(s, draftId, token), intakeCtx(s)]);
  return view(row, state, c);
}

/**
 * One turn. On a version conflict (another turn wrote first) it is retried once on the fresh state,
 * but only while the fresh state still asks the same question — otherwise the answer would land on a
 * different question, so the caller gets 409 with the current question instead.
 */
export async function turn(
  s: IntakeDeps,
  draftId: string,
  token: string | null,
  input: Input,
  opts: TurnOptions = {},
): Promise<TurnResult> {
  let preloaded = opts.preloaded;
  for (let attempt = 0; ; attempt++) {
    // Both reads at once: a fresh instance's jurisdiction read overlaps the draft's.
    const [{ row, state }, c] = await Promise.all([load(s, draftId, token, preloaded), intakeCtx(s)]);
    const asked = state.current;
    if (opts.expectField && opts.expectField !== asked) {
      throw new IntakeError('conflict', { version: row.version, reply: view(row, state, c).reply });
    }
    try {
      return await apply(s, row, state, c, input, opts);
    } catch (err) {
      if (!(err instanceof TurnWriteFailed)) throw err;
      // The batch wrote nothing. Why is asked of the database, not read from the error's wording.
      const current = await findDraft(s.db, draftId);
      if (current?.version === row.version) {
        // A receipt number that happened to exist already (1 in ~10⁹) gets a new one.
        if (attempt === 0 && err.receipt && (await receiptTaken(s.db, err.receipt))) {
          preloaded = current;
          continue;
        }
        throw err.cause;
      }
      // Another turn wrote first: go on from the draft as it is now.
      if (attempt > 0 || opts.expectField) {
        const fresh = await load(s, draftId, token, current);
        throw new IntakeError('conflict', {
          version: fresh.row.version,
          reply: view(fresh.row, fresh.state, c).reply,
        });
      }
      opts = { ...opts, expectField: asked };
      preloaded = current;
    }
  }
}

async function apply(s: IntakeDeps, row: DraftRow, state: IntakeState, c: IntakeCtx, input: Input, opts: TurnOptions) {
  const now = s.clock();
  if (row.status !== 'active') {
    // A closed draft answers every turn with its final reply (and receipt): a repeated submit is harmless.
    return view(row, state, c);
  }
  const result = step(state, input, now, c);
  const submit = result.effects.find((e) => e.type === 'submit');
  const cancelled = result.effects.some((e) => e.type === 'cancelled');
  // A re-asked question or help changes nothing: no write at all (one round trip).
  const writes =
    submit !== undefined ||
    opts.inboundKey !== undefined ||
    opts.extraStatements !== undefined ||
    JSON.stringify(result.state) !== JSON.stringify(state);
  const base: TurnResult = {
    draftId: row.id,
    version: writes ? row.version + 1 : row.version,
    status: submit ? 'submitted' : cancelled ? 'cancelled' : 'active',
    reply: result.reply,
  };
  if (!writes) return base;

  let statements: BatchItem[] = [];
  let out = base;
  if (submit) {
    const built = await submission(s, row, submit.report, now);
    statements = built.statements;
    out = {
      ...base,
      receipt: built.receipt,
      reply: withReceipt(result.reply, built.receipt, state.locale, built.dept),
      submitted: { reportId: built.reportId, receipt: built.receipt, urgency: built.urgency },
    };
  }
  const draftUpdate = guardedDraftUpdate(s.db, row.id, row.version, {
    state: result.state,
    updatedAt: now,
    expiresAt: expiry(s, now),
    ...(submit || cancelled ? { status: out.status, chatKey: null } : {}),
    ...(out.submitted ? { reportId: out.submitted.reportId, receipt: out.submitted.receipt } : {}),
  });
  const stored = opts.inboundScope ? { ...out, scope: opts.inboundScope } : out;
  const inbound = opts.inboundKey ? [recordInbound(s.db, opts.inboundKey, stored, now)] : [];
  // The join is decided inside the batch; its last statement reads back the case joined (no extra trip),
  // and the idempotency record is told too, so a repeated submit answers the same.
  const joined = out.submitted
    ? [
        ...(opts.inboundKey ? [joinedCaseInboundStatement(s.db, opts.inboundKey, out.submitted.reportId)] : []),
        joinedCaseStatement(s.db, out.submitted.reportId),
      ]
    : [];
  const extra = opts.extraStatements?.(out) ?? [];
  let results: unknown[];
  try {
    results = await s.db.batch([draftUpdate, ...inbound, ...statements, ...extra, ...joined]);
  } catch (err) {
    throw new TurnWriteFailed(err, out.receipt);
  }
  if (!out.submitted) return out;
  const rows = results.at(-1) as JoinedCase[] | undefined;
  return withJoinedCase(out, rows?.[0]);
}

async function submission(s: IntakeDeps, row: DraftRow, report: IntakeReport, now: Date) {
  const assessment = assess(report);
  const districtId = report.employer.district ?? '';
  const dept = (await s.jurisdictions.all()).find((j) => j.id === districtId);
  const unitName = report.employer.name ?? '';
  const { id: employerId, key } = employerIdentity(report.employer.uscc, districtId, unitName);
  const nameKey = nameKeyOf(districtId, unitName);
  const reportId = newId('r', now, s.random);
  const receipt = newReceipt(now, s.random);
  const urgency = assessment.urgency.level;
  const eventMs = parseInstant(report.eventAt);
  const statements = submissionStatements(s.db, {
    employer: {
      id: employerId,
      key,
      uscc: report.employer.uscc ?? null,
      name: unitName,
      jurisdictionId: districtId,
      legalRep: report.employer.legalRep ?? null,
      industry: report.employer.industry ?? null,
      headcount: report.employer.headcount ?? null,
      address: report.employer.address ?? null,
      updatedAt: now,
    },
    report: {
      id: reportId,
      receipt,
      draftId: row.id,
      employerId,
      jurisdictionId: districtId,
      channel: row.channel,
      locale: report.locale,
      unitName,
      nameKey,
      uscc: report.employer.uscc ?? null,
      industry: report.employer.industry ?? null,
      reporterName: report.reporter.name ?? '',
      reporterPhone: report.reporter.phone ?? '',
      reporterChat: row.chatKey,
      // Annex 3's 接报部门名称/联系电话 come from the district, never from the reporter's typing.
      answers: {
        ...report.answers,
        receiving_dept_name: dept?.receivingDeptName,
        receiving_dept_phone: dept?.receivingDeptPhone,
      },
      items: report.items,
      ...assessedColumns(assessment),
      eventAt: eventMs === null ? null : new Date(eventMs),
      submittedAt: now,
      annex4DueAt: annex4DueAt(now, urgency, s.config),
    },
    outboxId: newId('o', now, s.random),
  });
  statements.push(...lateSuggestion(s.db, assessment, { caseId: reportId, employerId, now, random: s.random }));
  return { statements, reportId, receipt, urgency, dept };
}

/**
 * The first submission recorded under an Idempotency-Key, when it belongs to `scope` (its draft, or a
 * form's content). A key first used elsewhere is refused with 'key_reused': answering it with that other
 * report's receipt would tell this reporter their report was stored when it was not.
 */
export async function earlierSubmission(
  s: IntakeDeps,
  idempotencyKey: string,
  scope: string,
): Promise<TurnResult | undefined> {
  const first = await findInbound(s.db, `idem:${idempotencyKey}`);
  if (!first) return undefined;
  const { scope: firstScope, ...response } = first.response as TurnResult & { scope?: string };
  // Keys stored before scopes were recorded belong to the draft they submitted.
  if ((firstScope ?? response.draftId) !== scope) throw new IntakeError('key_reused');
  return replayed(response);
}

/**
 * Submits with an idempotency key, scoped to `scope` (the draft itself unless the caller says otherwise):
 * the key is written in the submit batch, so a repeat on the same draft (even after the first response was
 * lost) answers the first result and creates nothing, and the same key on another draft is refused.
 */
export async function submitOnce(
  s: IntakeDeps,
  draftId: string,
  token: string | null,
  idempotencyKey: string | undefined,
  scope: string = draftId,
) {
  const inboundKey = idempotencyKey ? `idem:${idempotencyKey}` : undefined;
  try {
    return await turn(s, draftId, token, { type: 'submit' }, inboundKey ? { inboundKey, inboundScope: scope } : {});
  } catch (err) {
    if (err instanceof IntakeError) throw err;
    // The batch failed: when the key is recorded, this is a repeat and the first result is the answer.
    const first = idempotencyKey ? await earlierSubmission(s, idempotencyKey, scope) : undefined;
    if (first) return first;
    throw err;
  }
}

export type IntakeService = ReturnType<typeof createIntakeService>;

/** A submit's result as if it joined a case whose receipt its batch fills in (see joinedOrPlain). */
export const withJoinedMark = (out: TurnResult): TurnResult =>
  withJoinedCase(out, { id: '', receipt: JOINED_CASE_MARK });

/** The stored first answer of a repeated submit, with the case it joined (recorded in the same batch). */
function replayed(response: TurnResult & { joinedCase?: JoinedCase | null }): TurnResult {
  const { joinedCase, ...result } = response;
  return result.submitted && !result.submitted.joinedCase ? withJoinedCase(result, joinedCase ?? undefined) : result;
}

/** The reporter's confirmation names the case the report joined as a follow-up (续报), and its receipt. */
function withJoinedCase(result: TurnResult, joined: JoinedCase | undefined): TurnResult {
  if (!joined || !result.submitted) return result;
  const en = result.reply.text.includes('Receipt number');
  const line = en
    ? `This report was added as a follow-up (续报) to the open case ${joined.receipt} on the same employer; the office handling it has been told.`
    : `本报告已作为续报并入该单位正在办理的案件（回执号 ${joined.receipt}），已通知承办部门。`;
  return {
    ...result,
    reply: { ...result.reply, text: `${result.reply.text}\n${line}` },
    submitted: { ...result.submitted, joinedCase: { receipt: joined.receipt } },
  };
}

/** The submitted reply carries the receipt number and the receiving department, in the reporter's language. */
function withReceipt(
  reply: Reply,
  receipt: string | undefined,
  locale: Locale,
  dept?: { receivingDeptName: string; receivingDeptPhone: string },
): Reply {
  if (!receipt || reply.kind !== 'submitted') return reply;
  const lines = [locale === 'en' ? `Receipt number: ${receipt}` : `回执号：${receipt}`];
  if (dept) {
    lines.push(
      locale === 'en'
        ? `Received by: ${dept.receivingDeptName}, phone ${dept.receivingDeptPhone}`
        : `接报部门：${dept.receivingDeptName}，联系电话 ${dept.receivingDeptPhone}`,
    );
  }
  return { ...reply, text: [reply.text, ...lines].join('\n') };
}
