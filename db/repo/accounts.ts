// Officer accounts, console sessions and login throttling (the console's side of `officers`; Telegram
// linking lives in officers.ts).
import { and, asc, count, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { type BatchItem, type Db, rowsChanged } from '../client';
import { jurisdictions, notifyChannels, officerSessions, officers } from '../schema';

export type OfficerRow = typeof officers.$inferSelect;
export type Role = OfficerRow['role'];
export const ROLES = ['district_officer', 'city_officer', 'admin'] as const satisfies readonly Role[];

/** An officer as the console knows them: never the password hash. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string | null;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  telegramLinked: boolean;
}

const accountColumns = {
  id: officers.id,
  username: officers.username,
  displayName: officers.displayName,
  role: officers.role,
  jurisdictionId: officers.jurisdictionId,
  phone: officers.phone,
  disabled: officers.disabled,
  mustChangePassword: officers.mustChangePassword,
  telegramLinked: sql<boolean>`${officers.telegramUserId} IS NOT NULL`.mapWith(Boolean),
};

export async function countOfficers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(officers);
  return row?.n ?? 0;
}

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string | null;
  phone: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: Date;
}

export function insertAccount(db: Db, a: NewAccount) {
  return db.insert(officers).values(a);
}

/** Whether a username is in use: asked after a failed account insert, instead of reading the error text. */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return (await db.$count(officers, eq(officers.username, username))) > 0;
}

/** Creates the first admin only while no officer exists (two hosts starting at once create one). */
export async function insertFirstAdmin(db: Db, a: NewAccount): Promise<boolean> {
  const rows = await db.run(sql`
    INSERT INTO officers (id, username, display_name, role, jurisdiction_id, phone, password_hash, must_change_password, created_at)
    SELECT ${a.id}, ${a.username}, ${a.displayName}, ${a.role}, ${a.jurisdictionId}, ${a.phone}, ${a.passwordHash},
           ${a.mustChangePassword ? 1 : 0}, ${a.createdAt.getTime()}
    WHERE NOT EXISTS (SELECT 1 FROM officers)`);
  return rowsChanged(rows) === 1;
}

export async function accountForLogin(
  db: Db,
  username: string,
): Promise<(Account & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...accountColumns, passwordHash: officers.passwordHash })
    .from(officers)
    .where(eq(officers.username, username));
  return row;
}

export async function accountById(db: Db, id: string): Promise<(Account & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...accountColumns, passwordHash: officers.passwordHash })
    .from(officers)
    .where(eq(officers.id, id));
  return row;
}

export interface AccountListItem extends Account {
  jurisdictionName: string | null;
}

export function listAccounts(db: Db): Promise<AccountListItem[]> {
  return db
    .select({ ...accountColumns, jurisdictionName: jurisdictions.nameZh })
    .from(officers)
    .leftJoin(jurisdictions, eq(jurisdictions.id, officers.jurisdictionId))
    .orderBy(asc(officers.role), asc(officers.username));
}

/** Officers a case of `jurisdictionId` can be handed to: the district's own active officers. */
export function handoverCandidates(db: Db, jurisdictionId: string): Promise<Account[]> {
  return db
    .select(accountColumns)
    .from(officers)
    .where(
      and(
        eq(officers.role, 'district_officer'),
        eq(officers.jurisdictionId, jurisdictionId),
        eq(officers.disabled, false),
      ),
    )
    .orderBy(asc(officers.displayName));
}

export function setPassword(db: Db, id: string, passwordHash: string, mustChange: boolean) {
  return db.update(officers).set({ passwordHash, mustChangePassword: mustChange }).where(eq(officers.id, id));
}

export function updateAccount(
  db: Db,
  id: string,
  change: Partial<Pick<OfficerRow, 'displayName' | 'role' | 'jurisdictionId' | 'phone' | 'disabled'>>,
) {
  return db.update(officers).set(change).where(eq(officers.id, id));
}

// Sessions ---------------------------------------------------------------------------------------------

export interface SessionRow {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

export function insertSession(db: Db, s: { id: string; officerId: string; createdAt: Date; expiresAt: Date }) {
  return db.insert(officerSessions).values(s);
}

/** A live session (not expired) with its officer, or undefined. */
export async function findSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; account: Account } | undefined> {
  const [row] = await db
    .select({
      session: { id: officerSessions.id, createdAt: officerSessions.createdAt, expiresAt: officerSessions.expiresAt },
      account: accountColumns,
    })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(and(eq(officerSessions.id, id), gt(officerSessions.expiresAt, now)));
  return row;
}

export function touchSession(db: Db, id: string, expiresAt: Date) {
  return db.update(officerSessions).set({ expiresAt }).where(eq(officerSessions.id, id));
}

export function deleteSession(db: Db, id: string) {
  return db.delete(officerSessions).where(eq(officerSessions.id, id));
}

/** Signs an officer out everywhere else (after a password change or when disabled). */
export function deleteOtherSessions(db: Db, officerId: string, keepId: string | null): BatchItem {
  return db
    .delete(officerSessions)
    .where(
      keepId
        ? and(eq(officerSessions.officerId, officerId), ne(officerSessions.id, keepId))
        : eq(officerSessions.officerId, officerId),
    );
}

export function deleteExpiredSessions(db: Db, now: Date) {
  return db.delete(officerSessions).where(lte(officerSessions.expiresAt, now));
}

// Administration: the settings admins edit beside accounts -------------------------------------------

export function updateReceivingDept(db: Db, id: string, name: string, phone: string, now: Date) {
  return db
    .update(jurisdictions)
    .set({ receivingDeptName: name, receivingDeptPhone: phone, updatedAt: now })
    .where(eq(jurisdictions.id, id));
}

export type ChannelRow = typeof notifyChannels.$inferSelect;

export function listChannels(db: Db): Promise<ChannelRow[]> {
  return db.select().from(notifyChannels).orderBy(asc(notifyChannels.jurisdictionId), asc(notifyChannels.name));
}

export function insertChannel(db: Db, ch: typeof notifyChannels.$inferInsert) {
  return db.insert(notifyChannels).values(ch);
}

export function setChannelEnabled(db: Db, id: string, enabled: boolean) {
  return db.update(notifyChannels).set({ enabled }).where(eq(notifyChannels.id, id));
}

export function deleteChannel(db: Db, id: string) {
  return db.delete(notifyChannels).where(eq(notifyChannels.id, id));
}
