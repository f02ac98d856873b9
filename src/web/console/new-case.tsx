// /console/cases/new — a case found by officers (走访摸排, public-opinion monitoring): the Annex 3 fields and
// each item's follow-ups (in collapsible groups, no script needed), parsed by the intake's own parsers.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import type { Session } from '../../auth/session';
import type { CaseActions } from '../../cases/case-actions';
import {
  factFieldsByItem,
  OFFICER_COLLECTIVE_FIELDS,
  OFFICER_HEAD_FIELDS,
  OFFICER_TAIL_FIELDS,
  parseOfficerCase,
  type RawForm,
} from '../../cases/officer-case';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { newToken } from '../../ids';
import { fieldById, type IntakeCtx } from '../../intake/index';
import { MONITORING_ITEMS } from '../../rules/index';
import { FieldInput } from './field-input';
import { CsrfField, Flash, Layout } from './layout';

interface Props {
  session: Session;
  ctx: IntakeCtx;
  form: RawForm;
  errors: Record<string, string>;
  nonce: string;
  lockedDistrict: string | null;
}

const NewCasePage: FC<Props> = ({ session, ctx, form, errors, nonce, lockedDistrict }) => {
  const byItem = factFieldsByItem();
  const show = (id: string) => {
    const f = fieldById(id);
    if (!f) return null;
    if (id === 'district' && lockedDistrict) {
      const name = ctx.jurisdictions.find((j) => j.id === lockedDistrict)?.name.zh ?? lockedDistrict;
      return (
        <p>
          所在县（市）区：{name}
          <input type="hidden" name="district" value={lockedDistrict} />
        </p>
      );
    }
    return <FieldInput field={f} value={form[id]} error={errors[id]} ctx={ctx} />;
  };
  return (
    <Layout title="录入案件" session={session} active="/console/cases/new">
      <h1>录入案件（走访摸排 / 舆情监测发现）</h1>
      <Flash text={Object.keys(errors).length ? '请更正标出的内容。' : undefined} error />
      <form method="post" action="/console/cases/new" class="card stack">
        <CsrfField session={session} />
        <input type="hidden" name="nonce" value={`c-${nonce}`} />
        {OFFICER_HEAD_FIELDS.map(show)}
        <h2>监测事项的具体情况</h2>
        <p class="muted">只需填写上面所选事项对应的部分。</p>
        {MONITORING_ITEMS.map((m) => {
          const fields = byItem.get(m.code) ?? [];
          if (fields.length === 0) return null;
          return (
            <details open={Array.isArray(form.items) ? form.items.includes(m.code) : form.items === m.code}>
              <summary>{m.name.zh}</summary>
              <div class="stack">
                {fields.map((f) => (
                  <FieldInput field={f} value={form[f.id]} error={errors[f.id]} ctx={ctx} />
                ))}
              </div>
            </details>
          );
        })}
        <h2>群体性行为</h2>
        <p class="muted">参与人数只计参与聚集、停工、怠工、堵门堵路、集体上访的人，不计受影响的职工。</p>
        {OFFICER_COLLECTIVE_FIELDS.map(show)}
        {OFFICER_TAIL_FIELDS.map(show)}
        <label>
          <input
            type="checkbox"
            name="unreported"
            value="1"
            checked={form.unreported !== undefined || form._submitted === undefined}
          />{' '}
          用人单位未主动报告（漏报）
        </label>
        <input type="hidden" name="_submitted" value="1" />
        <button type="submit">录入</button>
      </form>
    </Layout>
  );
};

export function newCaseRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();

  const scopeOf = (session: Session) => {
    const scope = caseScope(session.account);
    if (!scope) throw new ApiError(403, 'forbidden');
    return scope;
  };

  app.get('/console/cases/new', async (c) => {
    const session = c.get('session');
    const scope = scopeOf(session);
    return c.html(
      <NewCasePage
        session={session}
        ctx={await actions.intakeCtx()}
        form={{}}
        errors={{}}
        nonce={newToken(deps.random, 12)}
        lockedDistrict={scope.jurisdictionId}
      />,
    );
  });

  app.post('/console/cases/new', async (c) => {
    const session = c.get('session');
    const scope = scopeOf(session);
    const body = await c.req.parseBody({ all: true });
    const form: RawForm = {};
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string') form[k] = v;
      else if (Array.isArray(v)) form[k] = v.filter((x): x is string => typeof x === 'string');
    }
    if (scope.jurisdictionId) form.district = scope.jurisdictionId;
    const ctx = await actions.intakeCtx();
    const parsed = parseOfficerCase(form, ctx, deps.clock());
    if (Object.keys(parsed.errors).length > 0) {
      return c.html(
        <NewCasePage
          session={session}
          ctx={ctx}
          form={form}
          errors={parsed.errors}
          nonce={typeof form.nonce === 'string' ? form.nonce.replace(/^c-/, '') : newToken(deps.random, 12)}
          lockedDistrict={scope.jurisdictionId}
        />,
        422,
      );
    }
    const id = await actions.createCase(
      session.account,
      parsed.answers,
      form.unreported === '1',
      typeof form.nonce === 'string' ? form.nonce : undefined,
    );
    // A repeated submit of the same form created nothing new: back to the inbox, where the first one is.
    return c.redirect(id ? `/console/cases/${encodeURIComponent(id)}?done=created` : '/console/cases', 303);
  });

  return app;
}
