// Notification channels: where a jurisdiction's alerts go (a null jurisdiction is the city office).
// Data the city office edits, not code.
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { notifyChannels } from '../schema';

export type NotifyChannel = typeof notifyChannels.$inferSelect;
export type NewNotifyChannel = typeof notifyChannels.$inferInsert;
export type ChannelType = NotifyChannel['type'];

/** Who hears of a notice: a jurisdiction's channels, the city office's, or both. */
export interface Audience {
  jurisdictionId: string | null;
  city: boolean;
}

/** Enabled channels of an audience (a jurisdiction's and/or the city office's), in a stable order. */
export function audienceChannels(db: Db, audience: Audience): Promise<NotifyChannel[]> {
  const scopes = [
    ...(audience.jurisdictionId !== null ? [eq(notifyChannels.jurisdictionId, audience.jurisdictionId)] : []),
    // The city office's own channels: 上级/同级 recipients hear of warnings only (warningAudience).
    ...(audience.city ? [and(isNull(notifyChannels.jurisdictionId), eq(notifyChannels.recipient, 'office'))] : []),
  ];
  if (scopes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(notifyChannels)
    .where(and(eq(notifyChannels.enabled, true), or(...scopes)))
    .orderBy(notifyChannels.id);
}

/**
 * Who hears of an issued or lifted warning: every district's channels and the city's 上级/同级 recipients
 * (the city office's own channels do not: it issued the warning).
 */
export function warningAudience(db: Db): Promise<NotifyChannel[]> {
  return db
    .select()
    .from(notifyChannels)
    .where(
      and(
        eq(notifyChannels.enabled, true),
        or(isNotNull(notifyChannels.jurisdictionId), inArray(notifyChannels.recipient, ['superior', 'peer'])),
      ),
    )
    .orderBy(notifyChannels.id);
}

export async function channelsByIds(db: Db, ids: readonly string[]): Promise<Map<string, NotifyChannel>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(notifyChannels)
    .where(inArray(notifyChannels.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The Telegram channel posting to a chat, for the language of a message edited after a claim. */
export async function telegramChannelByChat(db: Db, chatId: string): Promise<NotifyChannel | undefined> {
  const [row] = await db
    .select()
    .from(notifyChannels)
    .where(and(eq(notifyChannels.type, 'telegram'), eq(notifyChannels.target, chatId)))
    .limit(1);
  return row;
}

/** Channels with a stored signing secret (sealed or, from before SECRETS_KEY, plain). */
export function storedChannelSecrets(db: Db): Promise<{ id: string; secret: string }[]> {
  return db
    .select({ id: notifyChannels.id, secret: sql<string>`${notifyChannels.secret}` })
    .from(notifyChannels)
    .where(isNotNull(notifyChannels.secret))
    .orderBy(notifyChannels.id);
}

/** Replaces a channel's stored secret, only if it still holds `was` (another instance may have sealed it). */
export function replaceChannelSecret(db: Db, id: string, was: string, secret: string) {
  return db
    .update(notifyChannels)
    .set({ secret })
    .where(and(eq(notifyChannels.id, id), eq(notifyChannels.secret, was)));
}
