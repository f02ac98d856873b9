// /console/cases/new — a case found by officers (走访摸排, public-opinion monitoring): the Annex 3 fields and
// each item's follow-ups (in collapsible groups, no script needed), parsed by the intake's own parsers.
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { type CaseActions, type CaseOrigin, SOURCE_ZH } from '../../cases/case-actions';
import {
  factFieldsByItem,
  OFFICER_COLLECTIVE_FIELDS,
  OFFICER_HEAD_FIELDS,
  OFFICER_TAIL_FIELDS,
  parseOfficerCase,
  type RawForm,
} from '../../cases/officer-case';
import { parsePhoneReport } from '../../cases/phone-report';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formFields, validatedForm } from '../../http/validate';
import { newToken } from '../../ids';
import { fieldById, type IntakeCtx } from '../../intake/index';
import { officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { MONITORING_ITEMS } from '../../rules/index';
import { FieldInput } from './field-input';
import { CsrfField, Flash, Layout } from './layout';

const t = officerText('newCase');

interface Props {
  session: Session;
  ctx: IntakeCtx;
  form: RawForm;
  errors: Record<string, string>;
  nonce: string;
  lockedDistrict: string | null;
  /** 'phone': an employer's report taken by telephone (录入电话报告), with the caller's number and call time. */
  mode: 'officer' | 'phone';
}

/** The caller's number and the time of the call, first on the phone form. */
const CallFields: FC<{ form: RawForm; errors: Record<string, string> }> = ({ form, errors }) => (
  <fieldset class="stack">
    <legend>{t.callTitle}</legend>
    <label>
      {t.callerPhone}
      <input
        type="tel"
        name="caller_phone"
        value={typeof form.caller_phone === 'string' ? form.caller_phone : ''}
        required
        autocomplete="off"
        aria-invalid={errors.caller_phone ? 'true' : undefined}
      />
      {errors.caller_phone && <div class="error-text">{errors.caller_phone}</div>}
    </label>
    <label>
      {t.callAt}
      <input
        type="datetime-local"
        name="call_at"
        value={typeof form.call_at === 'string' ? form.call_at : ''}
        required
        aria-invalid={errors.call_at ? 'true' : undefined}
      />
      {errors.call_at && <div class="error-text">{errors.call_at}</div>}
    </label>
    <p class="muted">{t.callHelp}</p>
  </fieldset>
);

const NewCasePage: FC<Props> = ({ session, ctx, form, errors, nonce, lockedDistrict, mode }) => {
  const phone = mode === 'phone';
  const action = phone ? '/console/cases/phone' : '/console/cases/new';
  const byItem = factFieldsByItem();
  const show = (id: string) => {
    const f = fieldById(id);
    if (!f) return null;
    if (id === 'district' && lockedDistrict) {
      const name = ctx.jurisdictions.find((j) => j.id === lockedDistrict)?.name.zh ?? lockedDistrict;
      return (
        <p>
          {t.district(name)}
          <input type="hidden" name="district" value={lockedDistrict} />
        </p>
      );
    }
    return <FieldInput field={f} value={form[id]} error={errors[id]} ctx={ctx} />;
  };
  return (
    <Layout title={phone ? t.phoneTitle : t.officerTitle} session={session} active={action}>
      <h1>{phone ? t.phoneHeading : t.officerHeading}</h1>
      <Flash text={Object.keys(errors).length ? t.fix : undefined} error />
      <form method="post" action={action} class="card stack">
        <CsrfField session={session} />
        <input type="hidden" name="nonce" value={`c-${nonce}`} />
        {phone && <CallFields form={form} errors={errors} />}
        {OFFICER_HEAD_FIELDS.map(show)}
        <h2>{t.itemsTitle}</h2>
        <p class="muted">{t.itemsHelp}</p>
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
        <h2>{t.collectiveTitle}</h2>
        <p class="muted">{t.collectiveHelp}</p>
        {OFFICER_COLLECTIVE_FIELDS.map(show)}
        {OFFICER_TAIL_FIELDS.map(show)}
        {!phone && (
          <>
            <h2>{t.originTitle}</h2>
            <label>
              {t.source}
              <select name="source" required aria-invalid={errors.source ? 'true' : undefined}>
                <option value="">{t.choose}</option>
                {SOURCES.map((v) => (
                  <option value={v} selected={form.source === v}>
                    {SOURCE_ZH[v]}
                  </option>
                ))}
              </select>
              {errors.source && <span class="error">{errors.source}</span>}
            </label>
            <label>
              {t.employerReportedAt}
              <input
                type="datetime-local"
                name="employer_reported_at"
                value={typeof form.employer_reported_at === 'string' ? form.employer_reported_at : ''}
              />
              {errors.employer_reported_at && <span class="error">{errors.employer_reported_at}</span>}
            </label>
            <label>
              <input type="checkbox" name="unreported" value="1" checked={form.unreported === '1'} /> {t.unreported}
              {errors.unreported && <span class="error">{errors.unreported}</span>}
            </label>
          </>
        )}
        <input type="hidden" name="_submitted" value="1" />
        <button type="submit">{phone ? t.submitPhone : t.submit}</button>
      </form>
    </Layout>
  );
};

const SOURCES = Object.keys(SOURCE_ZH) as CaseOrigin['source'][];

/** Where the case came from, when the employer called, and 漏报 only as the officer's explicit word. */
function parseOrigin(form: RawForm, now: Date): { value?: CaseOrigin; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const source = SOURCES.find((v) => v === form.source);
  if (!source) errors.source = t.chooseSource;
  const fromEmployer = source === 'phone' || source === 'wechat';
  const rawAt = typeof form.employer_reported_at === 'string' ? form.employer_reported_at.trim() : '';
  let at: Date | null = null;
  if (rawAt) {
    const parsed = new Date(`${rawAt.length === 16 ? `${rawAt}:00` : rawAt}+08:00`);
    if (Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 2000) errors.employer_reported_at = t.realDateTime;
    else if (parsed.getTime() > now.getTime() + 3_600_000) errors.employer_reported_at = t.notFuture;
    else at = parsed;
  } else if (fromEmployer) {
    errors.employer_reported_at = t.employerTimeNeeded;
  }
  const unreported = form.unreported === '1';
  if (unreported && fromEmployer) errors.unreported = t.notUnreported;
  if (Object.keys(errors).length > 0 || !source) return { errors };
  return { value: { source, employerReportedAt: fromEmployer ? at : null, unreported }, errors };
}

export function newCaseRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();

  const scopeOf = (session: Session) => {
    const scope = caseScope(session.account);
    if (!scope) throw new ApiError(403, 'forbidden');
    return scope;
  };

  for (const [path, mode] of [
    ['/console/cases/new', 'officer'],
    ['/console/cases/phone', 'phone'],
  ] as const) {
    app.get(path, async (c) => {
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
          mode={mode}
        />,
      );
    });
  }

  /** The posted form (every Annex 3 field, checked by the intake's parsers), the district fixed for a district officer. */
  function readPosted(c: Context<ConsoleEnv, string, { out: { form: RawForm } }>): RawForm {
    const form: RawForm = { ...c.req.valid('form') };
    const scope = scopeOf(c.get('session'));
    if (scope.jurisdictionId) form.district = scope.jurisdictionId;
    return form;
  }

  app.post('/console/cases/phone', validatedForm(formFields()), async (c) => {
    const session = c.get('session');
    const scope = scopeOf(session);
    const form = readPosted(c);
    const ctx = await actions.intakeCtx();
    const parsed = parsePhoneReport(form, ctx, deps.clock());
    const nonce = typeof form.nonce === 'string' ? form.nonce : undefined;
    if (Object.keys(parsed.errors).length > 0) {
      return c.html(
        <NewCasePage
          session={session}
          ctx={ctx}
          form={form}
          errors={parsed.errors}
          nonce={nonce?.replace(/^c-/, '') ?? newToken(deps.random, 12)}
          lockedDistrict={scope.jurisdictionId}
          mode="phone"
        />,
        422,
      );
    }
    const id = await actions.recordPhoneReport(session.account, parsed, nonce);
    if (!id) return c.redirect('/console', 303);
    // Its alert is in the outbox: the first try starts right after the answer.
    dispatchAfterResponse(c, deps);
    // An employer with an open case: the call joined it as a 续报, and the officer goes to that case.
    const { report } = await actions.load(session.account, id);
    if (report.caseId) return c.redirect(`/console/cases/${encodeURIComponent(report.caseId)}?done=phone_joined`, 303);
    return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=created`, 303);
  });

  app.post('/console/cases/new', validatedForm(formFields()), async (c) => {
    const session = c.get('session');
    const scope = scopeOf(session);
    const form = readPosted(c);
    const ctx = await actions.intakeCtx();
    const parsed = parseOfficerCase(form, ctx, deps.clock());
    const origin = parseOrigin(form, deps.clock());
    Object.assign(parsed.errors, origin.errors);
    if (Object.keys(parsed.errors).length > 0 || !origin.value) {
      return c.html(
        <NewCasePage
          session={session}
          ctx={ctx}
          form={form}
          errors={parsed.errors}
          nonce={typeof form.nonce === 'string' ? form.nonce.replace(/^c-/, '') : newToken(deps.random, 12)}
          lockedDistrict={scope.jurisdictionId}
          mode="officer"
        />,
        422,
      );
    }
    const id = await actions.createCase(
      session.account,
      parsed.answers,
      origin.value,
      typeof form.nonce === 'string' ? form.nonce : undefined,
    );
    // A repeated submit of the same form created nothing new: back to the inbox, where the first one is.
    return c.redirect(id ? `/console/cases/${encodeURIComponent(id)}?done=created` : '/console/cases', 303);
  });

  return app;
}
