// /status: the reporter follows a report with its receipt and phone, and writes to the receiving office.
// Each answer is the status page (the form again, with the report's state or why it is not shown).
import type { Context, MiddlewareHandler } from 'hono';
import { addressSlot, reporterLookupGuard } from '../../auth/throttle';
import { postReporterMessage } from '../../cases/reporter-messages';
import type { AppDeps, AppEnv } from '../../deps';
import { requestLocale } from '../../http/locale';
import { newToken } from '../../ids';
import { dispatchAfterResponse } from '../../notify/after-response';
import { htmlPage } from './csp';
import { formToken, isSameOriginPost } from './form-guard';
import { render, SUBMISSION_KEY } from './render';
import { ForbiddenPage } from './report-page';
import { lookupForReporter, reporterView } from './status-lookup';
import { StatusPage } from './status-page';

/** The receipt + phone pair a status form posts (both bounded; missing ones are empty). */
function lookupFields(body: Record<string, unknown>): { receipt: string; phone: string } {
  const field = (v: unknown) => (typeof v === 'string' ? v.slice(0, 40) : '');
  return { receipt: field(body.receipt), phone: field(body.phone) };
}

export async function showStatusForm(deps: AppDeps, c: Context<AppEnv>) {
  const page = (
    <StatusPage
      locale={requestLocale(c)}
      formToken={formToken(c, deps)}
      receipt={c.req.query('receipt') ?? ''}
      notFound={false}
    />
  );
  return htmlPage(c, deps.config, await render(page), { frameable: true });
}

/** Too many misses from one address: the lookup form again, saying so (429), nothing looked up. */
export function statusLookupGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return reporterLookupGuard(deps, async (c, seconds) => {
    c.header('retry-after', String(seconds));
    const page = (
      <StatusPage locale={requestLocale(c)} formToken={formToken(c, deps)} receipt="" notFound={false} throttled />
    );
    return htmlPage(c, deps.config, await render(page), { frameable: true, status: 429 });
  });
}

export async function lookUpStatus(deps: AppDeps, c: Context<AppEnv>) {
  const locale = requestLocale(c);
  const body = await c.req.parseBody();
  if (!isSameOriginPost(c, deps.config, body.token)) {
    return htmlPage(c, deps.config, await render(<ForbiddenPage locale={locale} />), { status: 403 });
  }
  const { receipt, phone } = lookupFields(body);
  const report = receipt && phone ? await lookupForReporter(deps.db, receipt, phone) : undefined;
  const page = (
    <StatusPage
      locale={locale}
      formToken={formToken(c, deps)}
      receipt={receipt}
      notFound={!report}
      {...(report ? { report, phone, nonce: newToken(deps.random, 18) } : {})}
    />
  );
  return htmlPage(c, deps.config, await render(page), { frameable: true, status: report ? 200 : 404 });
}

/**
 * The reporter writes to the receiving office: receipt + phone come again in the body and are verified
 * again; the answer is the status page with the message in the conversation (or the error, text kept).
 */
export async function postStatusMessage(deps: AppDeps, c: Context<AppEnv>) {
  const { config } = deps;
  const locale = requestLocale(c);
  const body = await c.req.parseBody();
  if (!isSameOriginPost(c, config, body.token)) {
    return htmlPage(c, config, await render(<ForbiddenPage locale={locale} />), { status: 403 });
  }
  const { receipt, phone } = lookupFields(body);
  const text = typeof body.text === 'string' ? body.text : '';
  const nonce = typeof body.nonce === 'string' && SUBMISSION_KEY.test(body.nonce) ? body.nonce : undefined;
  const wait = await addressSlot(deps, c, 'messages', config.REPORTER_MESSAGES_PER_MINUTE);
  if (wait !== undefined) {
    const report = await lookupForReporter(deps.db, receipt, phone);
    c.header('retry-after', String(wait));
    const page = (
      <StatusPage
        locale={locale}
        formToken={formToken(c, deps)}
        receipt={receipt}
        notFound={!report}
        {...(report ? { report, phone, ...(nonce ? { nonce } : {}) } : {})}
        message={{ value: text, error: 'too_many' }}
      />
    );
    return htmlPage(c, config, await render(page), { frameable: true, status: report ? 429 : 404 });
  }
  const outcome = await postReporterMessage(deps, { receipt, phone, text, ...(nonce ? { key: nonce } : {}) });
  if (outcome.kind === 'not_found') {
    const page = <StatusPage locale={locale} formToken={formToken(c, deps)} receipt={receipt} notFound={true} />;
    return htmlPage(c, config, await render(page), { frameable: true, status: 404 });
  }
  const invalid = outcome.kind === 'invalid' ? outcome.error : undefined;
  if (outcome.kind === 'recorded' && !outcome.repeated) dispatchAfterResponse(c, deps);
  const page = (
    <StatusPage
      locale={locale}
      formToken={formToken(c, deps)}
      receipt={outcome.report.receipt}
      notFound={false}
      report={await reporterView(deps.db, outcome.report)}
      phone={phone}
      // A new key after a sent message; the same one while the message is still to be corrected.
      nonce={invalid && nonce ? nonce : newToken(deps.random, 18)}
      message={invalid ? { value: text, error: invalid } : { value: '', sent: true }}
    />
  );
  return htmlPage(c, config, await render(page), { frameable: true, status: invalid ? 400 : 200 });
}
