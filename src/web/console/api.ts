// JSON under /console/api for scripts and integrations, with the same session, scope and audit as the pages:
// a case outside the officer's jurisdiction is 404 here too.
import { Hono } from 'hono';
import { caseEvents, listCases } from '../../../db/repo/cases';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import type { CaseActions } from '../../cases/case-actions';
import { decideWarning } from '../../city/warnings';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { validatedJson } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { notifyRoutes } from '../../notify/routes';
import * as z from '../../zod';
import { readFilters } from './case-filters';

const warningBody = z.object({ level: z.number(), reason: z.string(), issue: z.boolean() });
const urgencyBody = z.object({ urgent: z.boolean(), reason: z.string() });

import { PAGE_SIZE } from './inbox';

export function consoleApiRoutes(deps: AppDeps, actions: CaseActions) {
  const api = new Hono<ConsoleEnv>();

  api.get('/cases', async (c) => {
    const scope = caseScope(c.get('session').account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const { values, filters } = readFilters(c, await listJurisdictions(deps.db));
    const rows = await listCases(deps.db, scope, filters, deps.clock(), {
      limit: PAGE_SIZE,
      offset: (values.page - 1) * PAGE_SIZE,
    });
    return c.json({ cases: rows });
  });

  api.get('/cases/:id', async (c) => {
    const found = await actions.view(c.get('session').account, c.req.param('id'), 'api');
    const events = await caseEvents(deps.db, found.report.id);
    return c.json({ case: found.report, jurisdiction: found.jurisdiction, claimantName: found.claimantName, events });
  });

  api.get('/cases/:id/events', async (c) => {
    const found = await actions.load(c.get('session').account, c.req.param('id'));
    return c.json({ events: await caseEvents(deps.db, found.report.id) });
  });

  api.post('/cases/:id/claim', async (c) => {
    await actions.claim(c.get('session').account, c.req.param('id'));
    return c.json({ ok: true });
  });

  // The case page's urgency mark (/console/cases/:id/urgency) as JSON: { urgent: true/false, reason }.
  api.post('/cases/:id/urgency', validatedJson(urgencyBody), async (c) => {
    const { urgent, reason } = c.req.valid('json');
    await actions.markUrgency(c.get('session').account, c.req.param('id'), urgent, reason);
    dispatchAfterResponse(c, deps);
    return c.json({ ok: true });
  });

  // The warning action of /console/warning as JSON: { level, reason, issue } with the same checks.
  api.post('/warning/decisions', requirePermission('decide_level'), async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = warningBody.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(400, 'validation', {
        zh: officerText('consoleApi').warningBody,
        en: officerText('consoleApi', 'en').warningBody,
      });
    }
    const done = await decideWarning(deps, c.get('session').account, parsed.data);
    if (done.notices > 0) dispatchAfterResponse(c, deps);
    return c.json(done, 201);
  });

  // Notification health for whoever keeps the channels: dead or stuck rows with their last error.
  api.use('/outbox', requirePermission('manage_settings'));
  api.route('/', notifyRoutes(deps));

  return api;
}
