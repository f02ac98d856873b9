// The audit event of an admin's change (accounts, jurisdictions, channels): not tied to a case, by the signed-in
// officer, at the host's clock.
import type { Context } from 'hono';
import { eventStatement } from '../../../db/repo/cases';
import type { ConsoleEnv } from '../../auth/middleware';
import type { AppDeps } from '../../deps';

export function adminAudit(deps: AppDeps, c: Context<ConsoleEnv>, type: string, data: unknown) {
  return eventStatement(deps.db, {
    reportId: null,
    at: deps.clock(),
    actorType: 'officer',
    actorId: c.get('session').account.id,
    type,
    data,
  });
}
