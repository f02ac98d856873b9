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
import { beijingDate, beijingDateTime } from '../../time';
import * as z from '../../zod';
import { Layout } from './layout';

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
      <Layout title="重大风险专门台账" session={session} active="/console/ledger">
        <h1>重大风险专门台账</h1>
        <p class="muted">列入的案件落实专人跟踪，按间隔提醒跟进，直至销号。</p>
        {rows.length === 0 ? (
          <p class="card">暂无列入专门台账的案件。</p>
        ) : (
          <div class="table-wrap">
            <table class="cases">
              <thead>
                <tr>
                  <th>回执号</th>
                  <th>用人单位</th>
                  <th>县（市）区</th>
                  <th>跟踪责任人</th>
                  <th>列入时间</th>
                  <th>跟进间隔</th>
                  <th>下次提醒</th>
                  <th>已提醒</th>
                  <th>状态</th>
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
                    <td>{r.intervalDays} 天</td>
                    <td>{r.status === 'closed' ? '已销号，不再提醒' : beijingDateTime(r.nextFollowUpAt)}</td>
                    <td>{r.reminders} 次</td>
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
