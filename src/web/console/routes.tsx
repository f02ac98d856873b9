// Everything at /login, /logout and /console: one sub-app mounted by src/app.ts. Pages are server-rendered
// Hono JSX without scripts; the CSP below forbids scripts and inline styles outright.
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { currentWarning } from '../../../db/repo/warnings';
import { type ConsoleEnv, csrfGuard, requireSession } from '../../auth/middleware';
import { homePath } from '../../auth/roles';
import { caseActions } from '../../cases/case-actions';
import type { AppDeps } from '../../deps';
import { limitBody } from '../../http/body-limit';
import { cleanOfficerInput } from '../../http/clean-input';
import { ApiError, errorBody, httpErrorOf, onError } from '../../http/errors';
import { logRequestError } from '../../http/request-log';
import { consoleLogger } from '../../log';
import { officerText } from '../../messages/officer';
import { accountabilityRoutes } from './accountability';
import { accountabilityRegisterRoutes } from './accountability-register';
import { adminRoutes } from './admin';
import { adminChannelRoutes } from './admin-channels';
import { adminJurisdictionRoutes } from './admin-jurisdictions';
import { annex4Routes } from './annex4-page';
import { consoleApiRoutes } from './api';
import { caseLinkRoutes } from './case-links';
import { casePageRoutes } from './case-page';
import { inboxRoutes } from './inbox';
import { CSS_PATH, Layout } from './layout';
import { ledgerRoutes } from './ledger';
import { loginRoutes } from './login';
import { majorLedgerRoutes } from './major-ledger';
import { newCaseRoutes } from './new-case';
import { overviewRoutes } from './overview';
import { periodReportRoutes } from './period-report';
import { profileRoutes } from './profile';
import { statsRoutes } from './stats';
import { CONSOLE_CSS } from './styles';
import { urgencyRoutes } from './urgency-mark';
import { warningRoutes } from './warning';

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Pages answer errors as pages (same status and message as the JSON API); /console/api keeps JSON. */
function pageError(error: Error, c: Context<ConsoleEnv>) {
  if (c.req.path.startsWith('/console/api/')) return onError(error, c);
  const err = httpErrorOf(error) ?? error;
  const status = err instanceof HTTPException ? err.status : 500;
  if (status === 500) logRequestError(c, c.get('log') ?? consoleLogger, err);
  const code =
    err instanceof ApiError ? err.code : status === 404 ? 'not_found' : status === 500 ? 'internal' : 'bad_request';
  const { message, requestId } = errorBody(c, code, err instanceof ApiError ? err.detail : undefined);
  const session = c.get('session');
  const t = officerText('consoleError');
  return c.html(
    <Layout title={t.title} {...(session ? { session } : {})}>
      <div class="card stack">
        <h1>{status === 404 ? t.notFound : status === 403 ? t.forbidden : t.title}</h1>
        <p role="alert">{message}</p>
        <p class="muted">{t.requestId(requestId ?? '-')}</p>
        <p>
          {/* Back to the signed-in person's own start page: admins have no case list. */}
          <a href={session ? homePath(session.account) : '/login'}>{session ? t.home : t.signIn}</a>
        </p>
      </div>
    </Layout>,
    status as 400,
  );
}

export function consoleRoutes(deps: AppDeps) {
  const actions = caseActions(deps);
  const app = new Hono<ConsoleEnv>();
  app.onError(pageError);
  app.use('/console/*', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('cache-control', c.res.headers.get('cache-control') ?? 'no-store');
  });
  app.use('/login', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
  });
  const limit = limitBody(256 * 1024);
  // Only our own paths: a '*' here would reach every route of the parent app.
  for (const path of ['/console/*', '/login', '/logout']) app.use(path, limit);
  // Officers' text is cleaned here, once, before the CSRF check or any handler parses the body.
  app.use('/console/*', cleanOfficerInput());

  app.get(CSS_PATH, (c) =>
    c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  );
  app.route('/', loginRoutes(deps));

  app.use('/console/*', requireSession(deps), csrfGuard());
  // The warning in force, for the banner every page shows (pages only; the JSON API has no banner).
  app.use('/console/*', async (c, next) => {
    if (!c.req.path.startsWith('/console/api/') && c.req.method === 'GET') {
      c.get('session').warning = await currentWarning(deps.db);
    }
    await next();
  });
  app.route('/console/api', consoleApiRoutes(deps, actions));
  app.route('/', newCaseRoutes(deps, actions)); // before /console/cases/:id, which would take "new" as an id
  app.route('/', majorLedgerRoutes(deps));
  app.route('/', casePageRoutes(deps, actions));
  app.route('/', caseLinkRoutes(actions));
  app.route('/', urgencyRoutes(deps, actions));
  app.route('/', accountabilityRoutes(deps, actions));
  app.route('/', accountabilityRegisterRoutes(deps));
  app.route('/', annex4Routes(deps, actions));
  app.route('/', overviewRoutes(deps));
  app.route('/', inboxRoutes(deps));
  app.route('/', ledgerRoutes(deps));
  app.route('/', statsRoutes(deps));
  app.route('/', periodReportRoutes(deps));
  app.route('/', warningRoutes(deps));
  app.route('/', profileRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', adminJurisdictionRoutes(deps));
  app.route('/', adminChannelRoutes(deps));
  // Anything else under /console for a signed-in officer: the same 404 as a case out of scope.
  app.all('/console/*', () => {
    throw new ApiError(404, 'not_found');
  });
  return app;
}
