// Officers as seen from Telegram: who a Telegram user is, and linking an account by a one-time code.
// (Accounts, passwords and sessions belong to the console and are not handled here.)
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rawStatement, rowsChanged } from '../client';
import { officers } from '../schema';

export type OfficerRole = (typeof officers.$inferSelect)['role'];

/** What claim and link need to know about an officer: never the password hash. */
export interface OfficerIdentity {
  id: string;
  displayName: string;
  role: OfficerRole;
  jurisdictionId: string | null;
  disabled: boolean;
}

const identity = {
  id: officers.id,
  displayName: officers.displayName,
  role: officers.role,
  jurisdictionId: officers.jurisdictionId,
  disabled: officers.disabled,
};

export async function officerByTelegramUser(db: Db, telegramUserId: string): Promise<OfficerIdentity | undefined> {
  const [row] = await db.select(identity).from(officers).where(eq(officers.telegramUserId, telegramUserId));
  return row;
}

export async function officerById(db: Db, id: string): Promise<OfficerIdentity | undefined> {
  const [row] = await db.select(identity).from(officers).where(eq(officers.id, id));
  return row;
}

/**
 * Stores a fresh link code, replacing any earlier one (only the newest code shown works). False when
 * another officer holds the same code (the guard in the statement changed no row): draw another.
 */
export async function setLinkCode(db: Db, officerId: string, code: string, expiresAt: Date): Promise<boolean> {
  const result = await db
    .update(officers)
    .set({ linkCode: code, linkCodeExpiresAt: expiresAt })
    .where(
      and(
        eq(officers.id, officerId),
        sql`NOT EXISTS (SELECT 1 FROM ${officers} WHERE ${officers.linkCode} = ${code} AND ${officers.id} <> ${officerId})`,
      ),
    );
  return rowsChanged(result) === 1;
}

export async function officerByLinkCode(
  db: Db,
  code: string,
): Promise<(OfficerIdentity & { linkCodeExpiresAt: Date | null }) | undefined> {
  const [row] = await db
    .select({ ...identity, linkCodeExpiresAt: officers.linkCodeExpiresAt })
    .from(officers)
    .where(eq(officers.linkCode, code));
  return row;
}

/**
 * Links a Telegram user to an officer and spends the code, with an audit event. Every statement is guarded
 * by the code still being valid, so a code used twice at the same moment links (and is recorded) once. A
 * Telegram user belongs to one officer (unique index): an earlier link of the same user is removed first.
 */
export function linkTelegramStatements(
  db: Db,
  l: { officerId: string; code: string; telegramUserId: string; now: Date },
): [BatchItem, BatchItem, BatchItem] {
  const codeValid = and(
    eq(officers.id, l.officerId),
    eq(officers.linkCode, l.code),
    gt(officers.linkCodeExpiresAt, l.now),
  );
  const stillValid = sql`EXISTS (SELECT 1 FROM ${officers} WHERE ${codeValid})`;
  return [
    rawStatement(
      db,
      sql`INSERT INTO report_events (report_id, at, actor_type, actor_id, type, data)
      SELECT NULL, ${l.now.getTime()}, 'officer', ${officers.id}, 'telegram_linked',
        ${JSON.stringify({ telegramUserId: l.telegramUserId })}
      FROM ${officers} WHERE ${codeValid}`,
    ),
    db
      .update(officers)
      .set({ telegramUserId: null })
      .where(and(eq(officers.telegramUserId, l.telegramUserId), ne(officers.id, l.officerId), stillValid)),
    db
      .update(officers)
      .set({ telegramUserId: l.telegramUserId, linkCode: null, linkCodeExpiresAt: null })
      .where(codeValid),
  ];
}
