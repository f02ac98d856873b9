// /console/cases — the inbox: what needs action first (urgent or due within two hours, then unclaimed), filtered
// and searched on the server. Everything shown is escaped by JSX.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type CaseListItem, listCases } from '../../../db/repo/cases';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import { itemNames } from '../../cases/labels';
import { beijingDateTime } from '../../cases/time';
import type { AppDeps } from '../../deps';
import { FilterForm, pageHref, readFilters } from './case-filters';
import { Deadline, SeverityBadge, StatusBadge, UrgencyBadge } from './components';
import { Layout } from './layout';

export const PAGE_SIZE = 50;

export const CaseRows: FC<{ rows: CaseListItem[]; now: Date }> = ({ rows, now }) => (
  <div class="table-wrap">
    <table class="cases">
      <thead>
        <tr>
          <th>用人单位</th>
          <th>县（市）区</th>
          <th>监测事项</th>
          <th>紧急 / 严重</th>
          <th>附件4 期限</th>
          <th>认领人</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/console/cases/${encodeURIComponent(r.id)}`}>{r.unitName}</a>
              <div class="muted">
                {r.receipt} · {beijingDateTime(r.submittedAt)}
              </div>
            </td>
            <td>{r.jurisdictionName ?? r.jurisdictionId}</td>
            <td>{itemNames(r.items).join('、')}</td>
            <td>
              <UrgencyBadge urgency={r.urgency} /> <SeverityBadge severity={r.severity} />
              {r.late && <span class="badge amber">迟报</span>}
              {r.unreported && <span class="badge red">漏报</span>}
            </td>
            <td>
              <Deadline due={r.annex4DueAt} now={now} status={r.status} />
            </td>
            <td>{r.claimantName ?? <span class="badge amber">待认领</span>}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export function inboxRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/console/cases', async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) return c.redirect('/console/admin/officers', 302);
    const jurisdictions = await listJurisdictions(deps.db);
    const { values, filters } = readFilters(c, jurisdictions);
    const now = deps.clock();
    const rows = await listCases(deps.db, scope, filters, now, {
      limit: PAGE_SIZE + 1,
      offset: (values.page - 1) * PAGE_SIZE,
    });
    const more = rows.length > PAGE_SIZE;
    const mine = jurisdictions.find((j) => j.id === scope.jurisdictionId);
    return c.html(
      <Layout title="待办" session={session} active="/console/cases">
        <h1>待办案件{mine ? ` · ${mine.nameZh}` : ' · 全市'}</h1>
        <FilterForm
          action="/console/cases"
          values={values}
          jurisdictions={jurisdictions}
          allDistricts={scope.jurisdictionId === null}
        />
        {rows.length === 0 ? (
          <p class="card">没有符合条件的案件。</p>
        ) : (
          <CaseRows rows={rows.slice(0, PAGE_SIZE)} now={now} />
        )}
        <p class="actions">
          {values.page > 1 && <a href={pageHref('/console/cases', values, values.page - 1)}>上一页</a>}
          {more && <a href={pageHref('/console/cases', values, values.page + 1)}>下一页</a>}
        </p>
      </Layout>,
    );
  });
  return app;
}
