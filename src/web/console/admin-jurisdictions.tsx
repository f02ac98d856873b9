// /console/admin/jurisdictions — the receiving department (name and phone) of each jurisdiction, which reporters
// see after they submit. Admins only; every change is an audit event; a refused form comes back with what was typed.
import { type Context, Hono } from 'hono';
import { updateReceivingDept } from '../../../db/repo/accounts';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import type { AppDeps } from '../../deps';
import { formText, validatedForm } from '../../http/validate';
import { PLACEHOLDER_PHONE } from '../../notify/coverage';
import * as z from '../../zod';
import { adminAudit } from './admin-audit';
import { ErrorSummary, Field, type FieldErrors, type FormValues, invalidProps } from './form-fields';
import { CsrfField, Flash, Layout } from './layout';

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
    <Layout title="辖区与接报部门" session={session} active="/console/admin/jurisdictions">
      <h1>辖区与接报部门</h1>
      <Flash text={c.req.query('done') === '1' ? '已保存。' : undefined} />
      {edit && <ErrorSummary errors={edit.errors} />}
      <p class="muted">报告人提交后看到的接报部门和电话就是这里填写的内容。</p>
      <div class="table-wrap">
        <table class="cases">
          <thead>
            <tr>
              <th>辖区</th>
              <th>接报部门名称 / 联系电话</th>
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
                      <Field id={`${key}-name`} label={`${j.nameZh}接报部门名称`} error={errors.name}>
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
                        label="联系电话"
                        error={errors.phone}
                        {...(phone === PLACEHOLDER_PHONE
                          ? { hint: '仍是默认的 12333 热线，请填写调度室实际电话。' }
                          : {})}
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
                        保存
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
    if (!values.name) errors.name = '请填写接报部门名称。';
    if (!values.phone) errors.phone = '请填写联系电话，报告人会拨打这个号码。';
    else if (!/^[0-9+\-()（） ]{5,30}$/.test(values.phone))
      errors.phone = '电话只能包含数字、空格、+、- 和括号，例如 0431-88990011。';
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
