// The inbox as a to-do list: how many cases wait to be claimed, are about to miss the Annex 4 deadline or
// have missed it (each a link to those cases), then the open cases, most urgent first, claimable from the
// list. Closed cases only when asked for; a case with follow-up reports (续报) is one row with its count.
// The page reloads itself every minute (an HTTP Refresh header, no script) so countdowns stay true; the
// officer can switch that off (WCAG 2.2.1), e.g. while typing a search.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type CaseListItem, type InboxCounts, inboxCounts, listCases } from '../../../db/repo/cases';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope, homePath } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { itemNames } from '../../cases/labels';
import type { AppDeps } from '../../deps';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';
import { FilterForm, type FilterValues, pageHref, readFilters } from './case-filters';
import { Deadline, SeverityBadge, StatusBadge, UrgencyBadge } from './components';
import { CsrfField, Flash, Layout } from './layout';

export const PAGE_SIZE = 50;
/** Where the inbox lives (the overview at /console links here). */
export const INBOX_PATH = '/console/cases';
/** Seconds between the page's own reloads: countdowns are shown in whole minutes and hours. */
export const INBOX_REFRESH_SECONDS = 60;

const t = officerText('inbox');

const COUNT_LABELS = [
  ['unclaimed', t.unclaimed, ''],
  ['soon', t.soon, 'amber'],
  ['overdue', t.overdue, 'red'],
] as const;

/** The three to-do counts, each a link to the cases it counts (also used by the overview). */
export const TodoCounts: FC<{ counts: InboxCounts; href: string; current?: string }> = ({ counts, href, current }) => (
  <ul class="todo-counts" aria-label={t.countsLabel}>
    {COUNT_LABELS.map(([key, label, tone]) => (
      <li class={counts[key] > 0 && tone ? `count ${tone}` : 'count'}>
        <a href={`${href}?due=${key}`} aria-current={current === key ? 'true' : undefined}>
          <strong>{counts[key]}</strong>
          <span>{label}</span>
        </a>
      </li>
    ))}
  </ul>
);

export const CaseRows: FC<{ rows: CaseListItem[]; now: Date; session?: Session; back?: string }> = ({
  rows,
  now,
  session,
  back,
}) => (
  <div class="table-wrap">
    <table class="cases">
      <thead>
        <tr>
          <th>{t.unit}</th>
          <th>{t.area}</th>
          <th>{t.items}</th>
          <th>{t.urgencySeverity}</th>
          <th>{t.due}</th>
          <th>{t.claimant}</th>
          <th>{t.status}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/console/cases/${encodeURIComponent(r.id)}`}>{r.unitName}</a>
              {r.reportCount > 1 && <span class="badge">{t.reports(r.reportCount)}</span>}
              <div class="muted">
                {r.receipt} · {beijingDateTime(r.submittedAt)}
              </div>
            </td>
            <td>{r.jurisdictionName ?? r.jurisdictionId}</td>
            <td>{itemNames(r.items).join(t.list)}</td>
            <td>
              <UrgencyBadge urgency={r.urgency} /> <SeverityBadge severity={r.severity} />
              {r.late && <span class="badge amber">{t.late}</span>}
              {r.unreported && <span class="badge red">{t.unreported}</span>}
            </td>
            <td>
              <Deadline due={r.annex4DueAt} now={now} status={r.status} />
            </td>
            <td>
              {r.claimantName ??
                (session && r.status === 'new' ? (
                  <form method="post" action={`/console/cases/${encodeURIComponent(r.id)}/claim`} class="inline">
                    <CsrfField session={session} />
                    {back && <input type="hidden" name="back" value={back} />}
                    <button type="submit" class="small" aria-label={t.claimLabel(r.unitName)}>
                      {t.claim}
                    </button>
                  </form>
                ) : (
                  <span class="badge amber">{t.unclaimed}</span>
                ))}
            </td>
            <td>
              <StatusBadge status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** The current list's address, so a claim from the list comes back to the same filters and page. */
function listHref(values: FilterValues): string {
  const href = pageHref(INBOX_PATH, values, values.page);
  return values.page === 1 ? href.replace(/[?&]page=1$/, '') : href;
}

export function inboxRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get(INBOX_PATH, async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) return c.redirect(homePath(session.account), 302);
    const jurisdictions = await listJurisdictions(deps.db);
    const { values, filters } = readFilters(c, jurisdictions);
    const now = deps.clock();
    // Closed cases only when asked for: by the tick box or by choosing the 已销号 status.
    const showClosed = values.closed === '1' || filters.status === 'closed';
    const [rows, counts] = await Promise.all([
      listCases(deps.db, scope, { ...filters, open: !showClosed }, now, {
        limit: PAGE_SIZE + 1,
        offset: (values.page - 1) * PAGE_SIZE,
      }),
      inboxCounts(deps.db, scope, now),
    ]);
    const more = rows.length > PAGE_SIZE;
    const mine = jurisdictions.find((j) => j.id === scope.jurisdictionId);
    const claimed = c.req.query('claimed');
    const autoRefresh = values.refresh !== '0';
    if (autoRefresh) c.header('refresh', String(INBOX_REFRESH_SECONDS));
    return c.html(
      <Layout title={t.title} session={session} active={INBOX_PATH}>
        <h1>{t.heading(mine ? mine.nameZh : t.wholeCity)}</h1>
        <Flash text={claimed ? t.claimed(claimed) : undefined} />
        <TodoCounts counts={counts} href={INBOX_PATH} current={values.due} />
        <FilterForm
          action={INBOX_PATH}
          values={values}
          jurisdictions={jurisdictions}
          allDistricts={scope.jurisdictionId === null}
          closedToggle
        />
        {rows.length === 0 ? (
          <p class="card">{t.none}</p>
        ) : (
          <CaseRows rows={rows.slice(0, PAGE_SIZE)} now={now} session={session} back={listHref(values)} />
        )}
        <p class="actions">
          {values.page > 1 && <a href={pageHref(INBOX_PATH, values, values.page - 1)}>{t.previous}</a>}
          {more && <a href={pageHref(INBOX_PATH, values, values.page + 1)}>{t.next}</a>}
        </p>
        {autoRefresh ? (
          <p class="muted">
            {t.refreshing}
            <a href={listHref({ ...values, refresh: '0' })}>{t.stopRefresh}</a>
          </p>
        ) : (
          <p class="muted">
            {t.refreshStopped}
            <a href={listHref({ ...values, refresh: '' })}>{t.resumeRefresh}</a>
          </p>
        )}
      </Layout>,
    );
  });
  return app;
}
