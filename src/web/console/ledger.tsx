// /console/ledger — the 台账 (seed §4(2), §8): every case with the named person following it until it is
// closed (销号, with the reason), and per employer the late and unreported reports (seed §10).
import { Hono } from 'hono';
import { employerFlags, ledger } from '../../../db/repo/cases';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import { CHANNEL_ZH, itemNames } from '../../cases/labels';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { officerText } from '../../messages/officer';
import { beijingDate, beijingDateTime } from '../../time';
import { FilterForm, pageHref, readFilters } from './case-filters';
import { StatusBadge } from './components';
import { PAGE_SIZE } from './inbox';
import { Layout } from './layout';
import { ledgerWorkbook, xlsxHeaders } from './xlsx';

/** Team default: one export holds at most 20,000 cases (a year of a busy city); narrow the dates for more. */
export const LEDGER_EXPORT_MAX = 20_000;

const t = officerText('ledger');

export function ledgerRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/console/ledger', async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const jurisdictions = await listJurisdictions(deps.db);
    const { values, filters } = readFilters(c, jurisdictions);
    const exportQuery = new URLSearchParams(
      Object.entries(values).flatMap(([k, v]) => (k !== 'page' && v ? [[k, String(v)]] : [])),
    ).toString();
    const [rows, flags] = await Promise.all([
      ledger(deps.db, scope, filters, { limit: PAGE_SIZE + 1, offset: (values.page - 1) * PAGE_SIZE }),
      employerFlags(deps.db, scope),
    ]);
    return c.html(
      <Layout title={t.title} session={session} active="/console/ledger">
        <h1>{t.heading}</h1>
        <FilterForm
          action="/console/ledger"
          values={values}
          jurisdictions={jurisdictions}
          allDistricts={scope.jurisdictionId === null}
        />
        <p class="actions">
          <a class="button secondary" href={`/console/ledger.xlsx?${exportQuery}`}>
            {t.export}
          </a>
          <a class="button secondary" href="/console/ledger/major">
            {t.major}
          </a>
        </p>
        <div class="table-wrap">
          <table class="cases">
            <thead>
              <tr>
                <th>{t.receipt}</th>
                <th>{t.unit}</th>
                <th>{t.area}</th>
                <th>{t.items}</th>
                <th>{t.source}</th>
                <th>{t.tracker}</th>
                <th>{t.status}</th>
                <th>{t.closed}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PAGE_SIZE).map((r) => (
                <tr>
                  <td>
                    <a href={`/console/cases/${encodeURIComponent(r.id)}`}>{r.receipt}</a>
                    <div class="muted">{beijingDate(r.submittedAt)}</div>
                  </td>
                  <td>
                    {r.unitName}
                    {r.late && <span class="badge amber">{t.late}</span>}
                    {r.unreported && <span class="badge red">{t.unreported}</span>}
                  </td>
                  <td>{r.jurisdictionName ?? r.jurisdictionId}</td>
                  <td>{itemNames(r.items).join(t.list)}</td>
                  <td>{CHANNEL_ZH[r.channel]}</td>
                  <td>{r.claimantName ?? <span class="badge amber">{t.noTracker}</span>}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    {r.closedAt ? beijingDateTime(r.closedAt) : ''}
                    {r.closeReason && <div class="pre">{r.closeReason}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="actions">
          {values.page > 1 && <a href={pageHref('/console/ledger', values, values.page - 1)}>{t.previous}</a>}
          {rows.length > PAGE_SIZE && <a href={pageHref('/console/ledger', values, values.page + 1)}>{t.next}</a>}
        </p>
        <h2>{t.flagsTitle}</h2>
        {flags.length === 0 ? (
          <p class="card">{t.noFlags}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t.unit}</th>
                <th>{t.uscc}</th>
                <th>{t.area}</th>
                <th>{t.cases}</th>
                <th>{t.lateCount}</th>
                <th>{t.unreportedCount}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr>
                  <td>{f.name}</td>
                  <td>{f.uscc ?? '—'}</td>
                  <td>{f.jurisdictionName ?? ''}</td>
                  <td>{f.reports}</td>
                  <td>{f.late}</td>
                  <td>{f.unreported}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Layout>,
    );
  });
  /** Every row of the selection (up to LEDGER_EXPORT_MAX), the same columns as the page. */
  app.get('/console/ledger.xlsx', async (c) => {
    const scope = caseScope(c.get('session').account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const jurisdictions = await listJurisdictions(deps.db);
    const { filters } = readFilters(c, jurisdictions);
    const rows = await ledger(deps.db, scope, filters, { limit: LEDGER_EXPORT_MAX, offset: 0 });
    const bytes = await ledgerWorkbook(rows);
    return c.body(bytes, 200, xlsxHeaders(t.fileName(beijingDate(deps.clock())), 'ledger'));
  });
  return app;
}
