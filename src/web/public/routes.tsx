import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps';
import { limitBody } from '../../http/body-limit';
import type { IntakeService } from '../../service/intake-service';
import { assetRoutes } from './assets';
import { htmlPage } from './csp';
import { DemoPage } from './demo-page';
import { render } from './render';
import { postReportForm, showReportForm } from './report-routes';
import { lookUpStatus, postStatusMessage, showStatusForm, statusLookupGuard } from './status-routes';

// The public, server-rendered side: the embeddable widget's script, the plain report form, the status
// page and the demo portal. Pages are rendered with Hono JSX and work without JavaScript. The handlers live
// with their pages (report-routes.tsx, status-routes.tsx, assets.ts); this file only mounts them.
// The app loads it on the first request for one of PUBLIC_PAGE_PATHS (mount.ts).

const FORM_BODY_LIMIT = 64 * 1024;

export function publicPages(deps: AppDeps, intake: IntakeService) {
  const app = new Hono<AppEnv>();
  const limit = limitBody(FORM_BODY_LIMIT);
  const lookupGuard = statusLookupGuard(deps);

  app.route('/', assetRoutes());
  app.get('/demo', async (c) => {
    const page = (
      <DemoPage inline={c.req.query('mode') === 'inline'} locale={c.req.query('lang') === 'en' ? 'en' : 'zh'} />
    );
    return htmlPage(c, deps.config, await render(page));
  });
  app.get('/report', (c) => showReportForm(deps, intake, c));
  app.post('/report', limit, (c) => postReportForm(deps, intake, c));
  app.get('/status', (c) => showStatusForm(deps, c));
  app.post('/status', limit, lookupGuard, (c) => lookUpStatus(deps, c));
  app.post('/status/messages', limit, lookupGuard, (c) => postStatusMessage(deps, c));
  return app;
}
