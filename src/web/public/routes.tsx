import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { addressSlot, reporterLookupGuard } from '../../auth/throttle';
import { postReporterMessage } from '../../cases/reporter-messages';
import type { AppDeps, AppEnv } from '../../deps';
import { limitBody } from '../../http/body-limit';
import { requestLocale } from '../../http/locale';
import { newToken } from '../../ids';
import { dispatchAfterResponse } from '../../notify/after-response';
import { IntakeError, type IntakeService } from '../../service/intake-service';
import { REPORT_FORM_JS, WIDGET_ETAG, WIDGET_JS } from '../../widget/generated/bundle';
import { htmlPage } from './csp';
import { DemoPage } from './demo-page';
import { formToken, isSameOriginPost } from './form-guard';
import { submitForm } from './form-submit';
import { PAGE_STRINGS } from './page-strings';
import { checkForm, type FormValues, readForm } from './report-form';
import { ForbiddenPage, ReportPage, ReportSubmittedPage } from './report-page';
import { SITE_CSS } from './site-css';
import { lookupForReporter, reporterView } from './status-lookup';
import { StatusPage } from './status-page';

// The public, server-rendered side: the embeddable widget's script, the plain report form, the status
// page and the demo portal. Pages are rendered with Hono JSX and work without JavaScript.

export const WIDGET_PATH = '/widget.js';
const FORM_BODY_LIMIT = 64 * 1024;
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The app-wide secureHeaders() sets Cross-Origin-Resource-Policy: same-origin, which would stop portals
 * from loading /widget.js. Registered before secureHeaders, this runs after it and opens that one file.
 */
export function crossOriginWidget(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.path === WIDGET_PATH) c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  };
}

function asset(c: Context, body: string, type: string, cache: string, etag?: string) {
  if (etag && c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag, 'Cache-Control': cache });
  return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': cache, ...(etag ? { ETag: etag } : {}) });
}

const render = async (node: HtmlEscapedString | Promise<HtmlEscapedString>) => String(await node);

/** The receipt + phone pair a status form posts (both bounded; missing ones are empty). */
function lookupFields(body: Record<string, unknown>): { receipt: string; phone: string } {
  const field = (v: unknown) => (typeof v === 'string' ? v.slice(0, 40) : '');
  return { receipt: field(body.receipt), phone: field(body.phone) };
}

export function publicPages(deps: AppDeps, intake: IntakeService) {
  const { config } = deps;
  const app = new Hono<AppEnv>();
  const limit = limitBody(FORM_BODY_LIMIT);

  // Embedders use one fixed URL, so the cache is short and revalidated by ETag.
  app.get(WIDGET_PATH, (c) =>
    asset(
      c,
      WIDGET_JS,
      'application/javascript; charset=utf-8',
      'public, max-age=300, stale-while-revalidate=86400',
      WIDGET_ETAG,
    ),
  );
  app.get('/assets/report-form.js', (c) =>
    asset(c, REPORT_FORM_JS, 'application/javascript; charset=utf-8', 'public, max-age=3600'),
  );
  app.get('/assets/site.css', (c) => asset(c, SITE_CSS, 'text/css; charset=utf-8', 'public, max-age=3600'));

  app.get('/demo', async (c) => {
    const page = (
      <DemoPage inline={c.req.query('mode') === 'inline'} locale={c.req.query('lang') === 'en' ? 'en' : 'zh'} />
    );
    return htmlPage(c, config, await render(page));
  });

  app.get('/report', async (c) => {
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
    return htmlPage(c, config, await render(page), { frameable: true });
  });

  app.post('/report', limit, async (c) => {
    const locale = requestLocale(c);
    const body = await c.req.parseBody({ all: true });
    if (!isSameOriginPost(c, config, body.token)) {
      return htmlPage(c, config, await render(<ForbiddenPage locale={locale} />), { status: 403 });
    }
    const input = readForm(body);
    const ctx = await intake.ctx();
    const check = checkForm(input, { ...ctx, now: deps.clock() }, locale, PAGE_STRINGS[locale].requiredMissing);
    const posted = body.submission;
    let submissionKey = typeof posted === 'string' && SUBMISSION_KEY.test(posted) ? posted : newToken(deps.random, 18);
    let resubmitted = false;
    // A ready form starts a draft: the per-address limit on new drafts applies (the page keeps its values).
    const wait = check.ready ? await addressSlot(deps, c, 'drafts', config.DRAFTS_PER_MINUTE) : undefined;
    if (wait !== undefined) c.header('retry-after', String(wait));
    if (check.ready && wait === undefined) {
      try {
        const { receipt, joinedCase } = await submitForm(intake, {
          locale,
          answers: check.answers,
          submissionKey,
        });
        dispatchAfterResponse(c, deps);
        const page = <ReportSubmittedPage locale={locale} receipt={receipt} joinedReceipt={joinedCase?.receipt} />;
        return htmlPage(c, config, await render(page), {
          frameable: true,
        });
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
  });

  app.get('/status', async (c) => {
    const page = (
      <StatusPage
        locale={requestLocale(c)}
        formToken={formToken(c, deps)}
        receipt={c.req.query('receipt') ?? ''}
        notFound={false}
      />
    );
    return htmlPage(c, config, await render(page), { frameable: true });
  });

  // Too many misses from one address: the lookup form again, saying so (429), nothing looked up.
  const lookupGuard = reporterLookupGuard(deps, async (c, seconds) => {
    c.header('retry-after', String(seconds));
    const page = (
      <StatusPage locale={requestLocale(c)} formToken={formToken(c, deps)} receipt="" notFound={false} throttled />
    );
    return htmlPage(c, config, await render(page), { frameable: true, status: 429 });
  });

  app.post('/status', limit, lookupGuard, async (c) => {
    const locale = requestLocale(c);
    const body = await c.req.parseBody();
    if (!isSameOriginPost(c, config, body.token)) {
      return htmlPage(c, config, await render(<ForbiddenPage locale={locale} />), { status: 403 });
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
    return htmlPage(c, config, await render(page), { frameable: true, status: report ? 200 : 404 });
  });

  // The reporter writes to the receiving office: receipt + phone come again in the body and are verified
  // again; the answer is the status page with the message in the conversation (or the error, text kept).
  app.post('/status/messages', limit, lookupGuard, async (c) => {
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
    const outcome = await postReporterMessage(deps, {
      receipt,
      phone,
      text,
      ...(nonce ? { key: nonce } : {}),
    });
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
  });

  return app;
}
