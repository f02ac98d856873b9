// /report: the plain Annex 3 form for reporters without the widget. GET shows it; POST checks it and, when
// ready, submits it as one draft; otherwise the same form comes back with everything typed and the errors.
import type { Context } from 'hono';
import { addressSlot } from '../../auth/throttle';
import type { AppDeps, AppEnv } from '../../deps';
import { requestLocale } from '../../http/locale';
import { newToken } from '../../ids';
import { textOf } from '../../messages/index';
import { dispatchAfterResponse } from '../../notify/after-response';
import { IntakeError, type IntakeService } from '../../service/intake-service';
import { htmlPage } from './csp';
import { formToken, isSameOriginPost } from './form-guard';
import { submitForm } from './form-submit';
import { render, SUBMISSION_KEY } from './render';
import { checkForm, type FormValues, readForm } from './report-form';
import { ForbiddenPage, ReportPage, ReportSubmittedPage } from './report-page';

export async function showReportForm(deps: AppDeps, intake: IntakeService, c: Context<AppEnv>) {
  const locale = requestLocale(c);
  const ctx = await intake.ctx();
  // ?jurisdiction=220102 presets the district, like the widget's data-jurisdiction (iframe embedding).
  const preset = c.req.query('jurisdiction');
  const district: FormValues = preset && ctx.jurisdictions.some((j) => j.id === preset) ? { district: preset } : {};
  const page = (
    <ReportPage
      locale={locale}
      ctx={ctx}
      values={district}
      errors={{}}
      warnings={{}}
      confirmed={new Set()}
      shownItems={new Set()}
      step2={false}
      submissionKey={newToken(deps.random, 18)}
      formToken={formToken(c, deps)}
    />
  );
  return htmlPage(c, deps.config, await render(page), { frameable: true });
}

export async function postReportForm(deps: AppDeps, intake: IntakeService, c: Context<AppEnv>) {
  const { config } = deps;
  const locale = requestLocale(c);
  const body = await c.req.parseBody({ all: true });
  if (!isSameOriginPost(c, config, body.token)) {
    return htmlPage(c, config, await render(<ForbiddenPage locale={locale} />), { status: 403 });
  }
  const input = readForm(body);
  const ctx = await intake.ctx();
  const check = checkForm(input, { ...ctx, now: deps.clock() }, locale, textOf('pages', locale).requiredMissing);
  const posted = body.submission;
  let submissionKey = typeof posted === 'string' && SUBMISSION_KEY.test(posted) ? posted : newToken(deps.random, 18);
  let resubmitted = false;
  // A ready form starts a draft: the per-address limit on new drafts applies (the page keeps its values).
  const wait = check.ready ? await addressSlot(deps, c, 'drafts', config.DRAFTS_PER_MINUTE) : undefined;
  if (wait !== undefined) c.header('retry-after', String(wait));
  if (check.ready && wait === undefined) {
    try {
      const { receipt, joinedCase } = await submitForm(intake, { locale, answers: check.answers, submissionKey });
      dispatchAfterResponse(c, deps);
      const page = <ReportSubmittedPage locale={locale} receipt={receipt} joinedReceipt={joinedCase?.receipt} />;
      return htmlPage(c, config, await render(page), { frameable: true });
    } catch (err) {
      if (!(err instanceof IntakeError && err.code === 'key_reused')) throw err;
      // This page was submitted before with other answers: keep what was typed, with a key of its own.
      resubmitted = true;
      submissionKey = newToken(deps.random, 18);
    }
  }
  const page = (
    <ReportPage
      locale={locale}
      ctx={ctx}
      values={input.values}
      errors={check.errors}
      warnings={check.warnings}
      confirmed={input.confirmed}
      shownItems={new Set(check.chosenItems)}
      step2={check.newItems.length > 0}
      submissionKey={submissionKey}
      formToken={formToken(c, deps)}
      resubmitted={resubmitted}
      tooMany={wait !== undefined}
    />
  );
  const invalid = Object.keys(check.errors).length + Object.keys(check.warnings).length > 0;
  return htmlPage(c, config, await render(page), {
    frameable: true,
    status: wait !== undefined ? 429 : resubmitted ? 409 : invalid ? 400 : 200,
  });
}
