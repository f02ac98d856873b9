// Outside APIs' access tokens, stored so every instance shares one (the WeChat access_token).
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens } from '../schema';

export type ApiToken = typeof apiTokens.$inferSelect;

export async function findApiToken(db: Db, name: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, name));
  return row;
}

export async function saveApiToken(db: Db, t: ApiToken): Promise<void> {
  await db
    .insert(apiTokens)
    .values(t)
    .onConflictDoUpdate({
      target: apiTokens.name,
      set: { token: t.token, expiresAt: t.expiresAt, updatedAt: t.updatedAt },
    });
}
