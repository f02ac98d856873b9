// Who may do what (seed §4, §9). District officers work their own jurisdiction only; the city office sees
// the whole city, decides level-1 warnings and alone may publish; admins keep accounts and settings and see
// no case data (least privilege: administering accounts does not need personal data).
import type { Account, Role } from '../../db/repo/accounts';

export type Permission =
  | 'work_cases'
  | 'all_jurisdictions'
  | 'decide_level'
  | 'publish'
  | 'manage_accounts'
  | 'manage_settings';

const GRANTS: Record<Role, readonly Permission[]> = {
  district_officer: ['work_cases'],
  city_officer: ['work_cases', 'all_jurisdictions', 'decide_level', 'publish'],
  admin: ['manage_accounts', 'manage_settings'],
};

export function can(account: Pick<Account, 'role'>, permission: Permission): boolean {
  return GRANTS[account.role].includes(permission);
}

/** The jurisdictions whose cases an officer sees: one id, or null for the whole city. */
export interface CaseScope {
  jurisdictionId: string | null;
}

/** Undefined when the account may not see cases at all. */
export function caseScope(account: Pick<Account, 'role' | 'jurisdictionId'>): CaseScope | undefined {
  if (!can(account, 'work_cases')) return undefined;
  if (can(account, 'all_jurisdictions')) return { jurisdictionId: null };
  // A district officer without a jurisdiction sees nothing rather than everything.
  return account.jurisdictionId ? { jurisdictionId: account.jurisdictionId } : undefined;
}

export const ROLE_NAMES: Record<Role, string> = {
  district_officer: '县（市）区调度室',
  city_officer: '市协调劳动关系三方委员会办公室',
  admin: '系统管理员',
};

/** The first page after signing in: admins start at accounts (they have no cases), officers at their work. */
export function homePath(account: Pick<Account, 'role'>): string {
  return can(account, 'work_cases') ? '/console' : '/console/admin/officers';
}
