// /console/admin/officers — accounts (create with a one-time password shown once, reset, disable); the receiving
// departments are in admin-jurisdictions.tsx, the channels in admin-channels.tsx. Admins only; every change is an audit event.
// A refused form comes back as the same form with what was typed and the problem next to the field (400).
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import {
  deleteOtherSessions,
  insertAccount,
  listAccounts,
  ROLES,
  type Role,
  setPassword,
  updateAccount,
  usernameTaken,
} from '../../../db/repo/accounts';
import { type Jurisdiction, listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import { hashPassword } from '../../auth/password';
import { ROLE_NAMES } from '../../auth/roles';
import type { Session } from '../../auth/session';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formFlag, formText, validatedForm } from '../../http/validate';
import { newId, newToken } from '../../ids';
import { officerText } from '../../messages/officer';
import * as z from '../../zod';
import { adminAudit } from './admin-audit';
import { ErrorSummary, Field, type FieldErrors, type FormValues, invalidProps } from './form-fields';
import { CsrfField, Flash, Layout } from './layout';

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;
const t = officerText('adminOfficers');

/** A new account as the form posts it; accountFormErrors says what is wrong, next to each field. */
const accountForm = z.object({
  username: formText(40),
  displayName: formText(50),
  role: formText(),
  jurisdictionId: formText(),
  phone: formText(30),
});
const disabledForm = z.object({ disabled: formFlag() });

/** What is wrong with a new account, field by field. */
export function accountFormErrors(v: FormValues, jurisdictionIds: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!USERNAME.test(v.username ?? '')) errors.username = t.badUsername;
  if (!v.displayName) errors.displayName = t.missingName;
  if (!ROLES.includes(v.role as Role)) errors.role = t.missingRole;
  if (v.role === 'district_officer' && !jurisdictionIds.includes(v.jurisdictionId ?? ''))
    errors.jurisdictionId = t.missingJurisdiction;
  return errors;
}

const AccountForm: FC<{ session: Session; jurisdictions: Jurisdiction[]; values: FormValues; errors: FieldErrors }> = ({
  session,
  jurisdictions,
  values,
  errors,
}) => (
  <form method="post" action="/console/admin/officers" class="card stack" novalidate>
    <h2>{t.newHeading}</h2>
    <ErrorSummary errors={errors} />
    <CsrfField session={session} />
    <Field id="ac-username" label={t.usernameLabel} error={errors.username}>
      <input
        type="text"
        name="username"
        required
        maxlength={40}
        autocomplete="off"
        value={values.username ?? ''}
        {...invalidProps('ac-username', errors, 'username')}
      />
    </Field>
    <Field id="ac-name" label={t.name} error={errors.displayName}>
      <input
        type="text"
        name="displayName"
        required
        maxlength={50}
        value={values.displayName ?? ''}
        {...invalidProps('ac-name', errors, 'displayName')}
      />
    </Field>
    <Field id="ac-role" label={t.role} error={errors.role}>
      <select name="role" required {...invalidProps('ac-role', errors, 'role')}>
        <option value="">{t.choose}</option>
        {ROLES.map((r) => (
          <option value={r} selected={values.role === r}>
            {ROLE_NAMES[r]}
          </option>
        ))}
      </select>
    </Field>
    <Field id="ac-jurisdiction" label={t.jurisdictionLabel} error={errors.jurisdictionId}>
      <select name="jurisdictionId" {...invalidProps('ac-jurisdiction', errors, 'jurisdictionId')}>
        <option value="">—</option>
        {jurisdictions.map((j) => (
          <option value={j.id} selected={values.jurisdictionId === j.id}>
            {j.nameZh}
          </option>
        ))}
      </select>
    </Field>
    <Field id="ac-phone" label={t.phoneLabel}>
      <input type="tel" name="phone" id="ac-phone" maxlength={30} value={values.phone ?? ''} />
    </Field>
    <button type="submit">{t.create}</button>
  </form>
);

/** The accounts page: the list, and the new-account form (with what was typed and its problems). */
async function officersPage(
  deps: AppDeps,
  c: Context<ConsoleEnv>,
  opts: {
    error?: string;
    notice?: string;
    created?: { username: string; password: string };
    values?: FormValues;
    errors?: FieldErrors;
  } = {},
  status = 200,
) {
  const session = c.get('session');
  const [accounts, jurisdictions] = await Promise.all([listAccounts(deps.db), listJurisdictions(deps.db)]);
  return c.html(
    <Layout title={t.title} session={session} active="/console/admin/officers">
      <h1>{t.title}</h1>
      <Flash text={opts.error} error />
      <Flash text={opts.notice} />
      {opts.created && (
        <p class="flash" role="status">
          {t.created(opts.created.username)}
          <code>{opts.created.password}</code>
          {t.createdNote}
        </p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t.username}</th>
              <th>{t.name}</th>
              <th>{t.role}</th>
              <th>{t.jurisdiction}</th>
              <th>{t.phone}</th>
              <th>{t.status}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr>
                <td>{a.username}</td>
                <td>{a.displayName}</td>
                <td>{ROLE_NAMES[a.role]}</td>
                <td>{a.jurisdictionName ?? '—'}</td>
                <td>{a.phone ?? ''}</td>
                <td>{a.disabled ? t.disabled : a.mustChangePassword ? t.mustChange : t.active}</td>
                <td class="actions">
                  <form method="post" action={`/console/admin/officers/${encodeURIComponent(a.id)}/reset`}>
                    <CsrfField session={session} />
                    <button type="submit" class="secondary">
                      {t.resetPassword}
                    </button>
                  </form>
                  {a.id !== session.account.id && (
                    <form method="post" action={`/console/admin/officers/${encodeURIComponent(a.id)}/disabled`}>
                      <CsrfField session={session} />
                      <input type="hidden" name="disabled" value={a.disabled ? '0' : '1'} />
                      <button type="submit" class="secondary">
                        {a.disabled ? t.enable : t.disable}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AccountForm
        session={session}
        jurisdictions={jurisdictions}
        values={opts.values ?? {}}
        errors={opts.errors ?? {}}
      />
    </Layout>,
    status as 200,
  );
}

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  // '/x/*' also matches '/x' itself, so these cover the list pages too.
  app.use('/console/admin/officers/*', requirePermission('manage_accounts'));

  const audit = (c: Context<ConsoleEnv>, type: string, data: unknown) => adminAudit(deps, c, type, data);

  // Accounts -----------------------------------------------------------------------------------------

  app.get('/console/admin/officers', (c) =>
    officersPage(deps, c, c.req.query('password') === 'changed' ? { notice: t.passwordChanged } : {}),
  );

  app.post('/console/admin/officers', validatedForm(accountForm), async (c) => {
    const values: FormValues = c.req.valid('form');
    const jurisdictions = await listJurisdictions(deps.db);
    const errors = accountFormErrors(
      values,
      jurisdictions.map((j) => j.id),
    );
    const role = ROLES.find((r) => r === values.role);
    if (Object.keys(errors).length > 0 || !role) return officersPage(deps, c, { values, errors }, 400);
    const username = values.username ?? '';
    const displayName = values.displayName ?? '';
    const jurisdictionId = values.jurisdictionId || null;
    const password = newToken(deps.random, 12);
    const now = deps.clock();
    const id = newId('of', now, deps.random);
    try {
      await deps.db.batch([
        insertAccount(deps.db, {
          id,
          username,
          displayName,
          role,
          jurisdictionId: role === 'district_officer' ? jurisdictionId : null,
          phone: values.phone || null,
          passwordHash: await hashPassword(password, deps.random),
          mustChangePassword: true,
          createdAt: now,
        }),
        audit(c, 'account_created', { officerId: id, username, role, jurisdictionId }),
      ]);
    } catch (err) {
      // Nothing was written; the database says whether the name was the reason.
      if (await usernameTaken(deps.db, username))
        return officersPage(deps, c, { values, errors: { username: t.usernameTaken(username) } }, 409);
      throw err;
    }
    return officersPage(deps, c, { created: { username, password } });
  });

  app.post('/console/admin/officers/:id/reset', async (c) => {
    const id = c.req.param('id');
    const account = (await listAccounts(deps.db)).find((a) => a.id === id);
    if (!account) throw new ApiError(404, 'not_found');
    const password = newToken(deps.random, 12);
    await deps.db.batch([
      setPassword(deps.db, id, await hashPassword(password, deps.random), true),
      deleteOtherSessions(deps.db, id, id === c.get('session').account.id ? c.get('session').id : null),
      audit(c, 'password_reset', { officerId: id }),
    ]);
    return officersPage(deps, c, { created: { username: account.username, password } });
  });

  app.post('/console/admin/officers/:id/disabled', validatedForm(disabledForm), async (c) => {
    const id = c.req.param('id');
    if (id === c.get('session').account.id) throw new ApiError(400, 'bad_request');
    const { disabled } = c.req.valid('form');
    await deps.db.batch([
      updateAccount(deps.db, id, { disabled }),
      ...(disabled ? [deleteOtherSessions(deps.db, id, null)] : []),
      audit(c, disabled ? 'account_disabled' : 'account_enabled', { officerId: id }),
    ]);
    return c.redirect('/console/admin/officers', 303);
  });

  return app;
}
