// /console/admin/jurisdictions — the receiving department (name and phone) of each jurisdiction, which reporters
// see after they submit. Admins only; every change is an audit event; a refused form comes back with what was typed.
import { type Context, Hono } from 'hono';
import { updateReceivingDept } from '../../../db/repo/accounts';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import type { AppDeps } from '../../deps';
import { formText, validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { PLACEHOLDER_PHONE } from '../../notify/coverage';
import * as z from '../../zod';
import { adminAudit } from './admin-audit';
import { ErrorSummary, Field, type FieldErrors, type FormValues, invalidProps } from './form-fields';
import { CsrfField, Flash, Layout } from './layout';

const t = officerText('adminJurisdictions');

interface JurisdictionEdit {
  id: string;
  values: FormValues;
  errors: FieldErrors;
}

async function jurisdictionsPage(
  deps: AppDeps,
  c: Context<ConsoleEnv>,
  edit?: JurisdictionEdit,
  status: 200 | 400 = 200,
) {
  const session = c.get('session');
  const rows = await listJurisdictions(deps.db);
  return c.html(
    <Layout title={t.title} session={session} active="/console/admin/jurisdictions">
      <h1>{t.title}</h1>
      <Flash text={c.req.query('done') === '1' ? officerText('deskShared').saved : undefined} />
      {edit && <ErrorSummary errors={edit.errors} />}
      <p class="muted">{t.intro}</p>
      <div class="table-wrap">
        <table class="cases">
          <thead>
            <tr>
              <th>{t.jurisdiction}</th>
              <th>{t.deptAndPhone}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => {
              const mine = edit?.id === j.id ? edit : undefined;
              const errors = mine?.errors ?? {};
              const name = mine ? (mine.values.name ?? '') : j.receivingDeptName;
              const phone = mine ? (mine.values.phone ?? '') : j.receivingDeptPhone;
              const key = `j-${j.id}`;
              return (
                <tr>
                  <td>
                    {j.nameZh}
                    <div class="muted">{j.id}</div>
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/console/admin/jurisdictions/${encodeURIComponent(j.id)}`}
                      class="actions"
                      novalidate
                    >
                      <CsrfField session={session} />
                      <Field id={`${key}-name`} label={t.deptName(j.nameZh)} error={errors.name}>
                        <input
                          type="text"
                          name="name"
                          value={name}
                          required
                          maxlength={100}
                          {...invalidProps(`${key}-name`, errors, 'name')}
                        />
                      </Field>
                      <Field
                        id={`${key}-phone`}
                        label={t.phone}
                        error={errors.phone}
                        {...(phone === PLACEHOLDER_PHONE ? { hint: t.placeholderPhone } : {})}
                      >
                        <input
                          type="tel"
                          name="phone"
                          value={phone}
                          required
                          maxlength={30}
                          {...invalidProps(`${key}-phone`, errors, 'phone')}
                        />
                      </Field>
                      <button type="submit" class="secondary">
                        {t.save}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>,
    status,
  );
}

/** A district's receiving office as the form posts it; what is missing or malformed is said next to it. */
const receivingDeptForm = z.object({ name: formText(100), phone: formText(30) });

export function adminJurisdictionRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  // '/x/*' also matches '/x' itself, so this covers the list page too.
  app.use('/console/admin/jurisdictions/*', requirePermission('manage_settings'));

  app.get('/console/admin/jurisdictions', (c) => jurisdictionsPage(deps, c));

  app.post('/console/admin/jurisdictions/:id', validatedForm(receivingDeptForm), async (c) => {
    const id = c.req.param('id');
    const values: FormValues = c.req.valid('form');
    const errors: FieldErrors = {};
    if (!values.name) errors.name = t.missingName;
    if (!values.phone) errors.phone = t.missingPhone;
    else if (!/^[0-9+\-()（） ]{5,30}$/.test(values.phone)) errors.phone = t.badPhone;
    if (Object.keys(errors).length > 0) return jurisdictionsPage(deps, c, { id, values, errors }, 400);
    await deps.db.batch([
      updateReceivingDept(deps.db, id, values.name ?? '', values.phone ?? '', deps.clock()),
      adminAudit(deps, c, 'jurisdiction_updated', {
        jurisdictionId: id,
        receivingDeptName: values.name,
        receivingDeptPhone: values.phone,
      }),
    ]);
    return c.redirect('/console/admin/jurisdictions?done=1', 303);
  });

  return app;
}
