// Conflicts are recognised by what the database returns (rows changed, a row that exists), never by the
// wording of an error. The same cases run on libSQL (test/node/guards.test.ts) and D1 (test/workers/guards.test.ts).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { insertAccount, usernameTaken } from '../../db/repo/accounts';
import { findDraft } from '../../db/repo/drafts';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { setLinkCode } from '../../db/repo/officers';
import { claimInbound } from '../../db/repo/telegram';
import { officers, reports } from '../../db/schema';
import { loadConfig } from '../../src/config';
import type { AppDeps } from '../../src/deps';
import type { Input } from '../../src/intake/index';
import { createIntakeService, IntakeError } from '../../src/service/intake-service';
import { inputFor, M05_ANSWERS, type ReplyLike } from './conversation';

/** Random bytes, except that the first two 12-byte draws (receipt numbers) are the same. */
function collidingReceipts() {
  let receiptDraws = 0;
  return (n: number) =>
    n === 12 && receiptDraws++ < 2 ? new Uint8Array(12).fill(7) : crypto.getRandomValues(new Uint8Array(n));
}

function service(db: Db, random: AppDeps['random'] = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  const clock = () => new Date('2026-11-25T02:00:00.000Z');
  const deps: AppDeps = { db, config: loadConfig({ APP_ENV: 'test' }), clock, random, defer: () => {} };
  return createIntakeService(deps, jurisdictionCache(db, clock));
}

async function fillToReview(intake: ReturnType<typeof service>) {
  const started = await intake.startDraft({ channel: 'web', locale: 'zh' });
  let reply: ReplyLike = started.reply;
  for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
    const input = inputFor(reply, M05_ANSWERS) as Input;
    reply = (await intake.turn(started.draftId, started.token, input)).reply;
  }
  expect(reply.kind).toBe('review');
  return started;
}

/** A turn computed on a version another turn already replaced writes nothing and is a conflict (409). */
export async function staleTurnIsAConflict(db: Db) {
  const intake = service(db);
  const d = await intake.startDraft({ channel: 'web', locale: 'zh' });
  const stale = await findDraft(db, d.draftId);
  await intake.turn(d.draftId, d.token, { type: 'answer', value: '甲公司' });
  const lost = await intake
    .turn(d.draftId, d.token, { type: 'answer', value: '乙公司' }, { preloaded: stale, expectField: 'unit_name' })
    .catch((err: unknown) => err);
  expect(lost).toBeInstanceOf(IntakeError);
  expect((lost as IntakeError).code).toBe('conflict');
  expect((lost as IntakeError).current?.version).toBe(2);
  expect((lost as IntakeError).current?.reply.field?.id).toBe('uscc');
  const now = await findDraft(db, d.draftId);
  expect(now?.version).toBe(2);
  expect(JSON.stringify(now?.state)).toContain('甲公司');
  expect(JSON.stringify(now?.state)).not.toContain('乙公司');
}

/** A receipt number that is already taken makes the submit draw again instead of failing. */
export async function collidingReceiptIsDrawnAgain(db: Db) {
  const intake = service(db, collidingReceipts());
  const a = await fillToReview(intake);
  const b = await fillToReview(intake);
  const first = await intake.turn(a.draftId, a.token, { type: 'submit' });
  const second = await intake.turn(b.draftId, b.token, { type: 'submit' });
  expect(first.receipt).toBeDefined();
  expect(second.receipt).toBeDefined();
  expect(second.receipt).not.toBe(first.receipt);
  const stored = await db.select({ receipt: reports.receipt }).from(reports).where(eq(reports.draftId, b.draftId));
  expect(stored).toEqual([{ receipt: second.receipt }]);
}

/**
 * An Idempotency-Key already recorded makes the submit batch fail; the recorded key (not the error text) then
 * decides: the first result within the same scope, a refusal ('key_reused') for another draft.
 */
export async function repeatedKeyAnswersTheFirstResult(db: Db) {
  const intake = service(db);
  const a = await fillToReview(intake);
  const b = await fillToReview(intake);
  const c = await fillToReview(intake);
  const key = `guard-${crypto.randomUUID()}`;
  const scope = `form:${crypto.randomUUID()}`;
  const first = await intake.submitOnce(a.draftId, a.token, key, scope);
  const again = await intake.submitOnce(b.draftId, b.token, key, scope);
  expect(again.receipt).toBe(first.receipt);
  expect(await db.$count(reports, eq(reports.draftId, b.draftId))).toBe(0);
  expect((await findDraft(db, b.draftId))?.status).toBe('active');
  const elsewhere = await intake.submitOnce(c.draftId, c.token, key).catch((err: unknown) => err);
  expect(elsewhere).toBeInstanceOf(IntakeError);
  expect((elsewhere as IntakeError).code).toBe('key_reused');
  expect(await db.$count(reports, eq(reports.draftId, c.draftId))).toBe(0);
  // A Telegram update key: the second claim of the same key is refused and writes nothing.
  const update = `tg:guard:${crypto.randomUUID()}`;
  expect(await claimInbound(db, update, new Date())).toBe(true);
  expect(await claimInbound(db, update, new Date())).toBe(false);
}

/** A link code another officer holds changes no row; a taken username is found after the failed insert. */
export async function officerKeysAreCheckedByTheDatabase(db: Db) {
  const account = (id: string, username: string) => ({
    id,
    username,
    displayName: username,
    role: 'city_officer' as const,
    jurisdictionId: null,
    phone: null,
    passwordHash: 'x',
    mustChangePassword: false,
    createdAt: new Date(),
  });
  const suffix = crypto.randomUUID().slice(0, 8);
  const [a, b] = [`of_a_${suffix}`, `of_b_${suffix}`];
  await insertAccount(db, account(a, `a_${suffix}`));
  await insertAccount(db, account(b, `b_${suffix}`));
  const code = `G${suffix.toUpperCase()}`;
  const expires = new Date(Date.now() + 60_000);
  expect(await setLinkCode(db, a, code, expires)).toBe(true);
  expect(await setLinkCode(db, b, code, expires)).toBe(false);
  expect(await setLinkCode(db, a, code, expires)).toBe(true);
  const [held] = await db.select({ code: officers.linkCode }).from(officers).where(eq(officers.id, b));
  expect(held?.code).toBeNull();

  const failed = await insertAccount(db, account(`of_c_${suffix}`, `a_${suffix}`)).catch((err: unknown) => err);
  expect(failed).toBeInstanceOf(Error);
  expect(await usernameTaken(db, `a_${suffix}`)).toBe(true);
  expect(await usernameTaken(db, `c_${suffix}`)).toBe(false);
}
