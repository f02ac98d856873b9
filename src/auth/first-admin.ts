// The first account: created at start while no officer exists, so a new deployment can be signed into.
// With ADMIN_PASSWORD set that password is used; otherwise a random one is generated, returned once for the
// host to print, and must be changed at the first sign-in.
import { countOfficers, insertFirstAdmin } from '../../db/repo/accounts';
import type { AppDeps } from '../deps';
import { newId, newToken } from '../ids';
import { hashPassword } from './password';

export const FIRST_ADMIN_USERNAME = 'admin';

export interface FirstAdmin {
  username: string;
  /** Only when generated: the one time it is ever shown. */
  oneTimePassword?: string;
}

export async function ensureFirstAdmin(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock' | 'random'>,
): Promise<FirstAdmin | undefined> {
  if ((await countOfficers(deps.db)) > 0) return undefined;
  const given = deps.config.ADMIN_PASSWORD;
  const password = given ?? newToken(deps.random, 15);
  const now = deps.clock();
  const created = await insertFirstAdmin(deps.db, {
    id: newId('of', now, deps.random),
    username: FIRST_ADMIN_USERNAME,
    displayName: '系统管理员',
    role: 'admin',
    jurisdictionId: null,
    phone: null,
    passwordHash: await hashPassword(password, deps.random),
    mustChangePassword: !given,
    createdAt: now,
  });
  if (!created) return undefined;
  return given ? { username: FIRST_ADMIN_USERNAME } : { username: FIRST_ADMIN_USERNAME, oneTimePassword: password };
}
