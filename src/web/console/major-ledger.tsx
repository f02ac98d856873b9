// /console/ledger/major — the 专门台账 of major risks (seed §4(2)): each case with its tracking person, the
// follow-up interval and the next reminder; POST /console/cases/:id/major marks a case (or changes its person).
import { Hono } from 'hono';
import { listMajorRisks } from '../../../db/repo/major-risks';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import { STATUS_ZH } from '../../cases/labels';
import { markMajorRisk } from '../../city/major-risk';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formValue, validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { beijingDate, beijingDateTime } from '../../time';
import * as z from '../../zod';
import { Layout } from './layout';

const t = officerText('majorLedger');

/** The 重大风险 form as posted; markMajorRisk checks each value and says what to fix. */
const majorRiskForm = z.object({
  trackerName: formValue(),
  trackerPhone: formValue(),
  note: formValue(),
  intervalDays: formValue(),
});

export function majorLedgerRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  app.post('/console/cases/:id/major', validatedForm(majorRiskForm), async (c) => {
    const id = c.req.param('id');
    await markMajorRisk(deps, c.get('session').account, id, c.req.valid('form'));
    return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=major`, 303);
  });

  app.get('/console/ledger/major', async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const rows = await listMajorRisks(deps.db, scope);
    return c.html(
      <Layout title={t.title} session={session} active="/console/ledger">
        <h1>{t.title}</h1>
        <p class="muted">{t.what}</p>
        {rows.length === 0 ? (
          <p class="card">{t.none}</p>
        ) : (
          <div class="table-wrap">
            <table class="cases">
              <thead>
                <tr>
                  <th>{t.receipt}</th>
                  <th>{t.unit}</th>
                  <th>{t.area}</th>
                  <th>{t.tracker}</th>
                  <th>{t.markedAt}</th>
                  <th>{t.interval}</th>
                  <th>{t.next}</th>
                  <th>{t.reminded}</th>
                  <th>{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/console/cases/${encodeURIComponent(r.reportId)}`}>{r.receipt}</a>
                    </td>
                    <td>
                      {r.unitName}
                      {r.note && <div class="muted pre">{r.note}</div>}
                    </td>
                    <td>{r.jurisdictionName ?? ''}</td>
                    <td>
                      {r.trackerName}
                      {r.trackerPhone && <div class="muted">{r.trackerPhone}</div>}
                    </td>
                    <td>{beijingDate(r.markedAt)}</td>
                    <td>{t.days(r.intervalDays)}</td>
                    <td>{r.status === 'closed' ? t.closed : beijingDateTime(r.nextFollowUpAt)}</td>
                    <td>{t.times(r.reminders)}</td>
                    <td>{STATUS_ZH[r.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Layout>,
    );
  });
  return app;
}
