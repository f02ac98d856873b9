// /console — the overview, the first page after sign-in: per-area counts of cases needing action (all 18
// areas, zeros included), a tile map of open cases, the 12-week trend by monitoring item and cases by industry
// section. It refreshes itself every few minutes without a script (the Refresh response header), and the
// officer can turn that off (?refresh=0, WCAG 2.2.1 timing adjustable). District officers see the same for
// their own area.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { DUE_SOON_MS } from '../../../db/repo/cases';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { beijingDay, breakdownWithTrend, type OpenCounts, openCountsByArea, todoTotals } from '../../../db/repo/stats';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import type { AppDeps } from '../../deps';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';
import { BarChart, TileMap, TrendChart } from './charts';
import { INBOX_PATH, TodoCounts } from './inbox';
import { Layout } from './layout';
import { industryRows, itemSeries, weekLabels } from './stats-model';

/** Team default: the overview redraws itself every five minutes. */
export const OVERVIEW_REFRESH_S = 300;
const WEEKS = 12;

const t = officerText('overview');
const words = officerText('deskShared');

const COLUMNS: [keyof OpenCounts, string][] = [
  ['unclaimed', t.columns.unclaimed],
  ['dueSoon', t.columns.dueSoon],
  ['overdue', t.columns.overdue],
  ['urgent', t.columns.urgent],
  ['open', t.columns.open],
];

const zero: OpenCounts = { unclaimed: 0, dueSoon: 0, overdue: 0, urgent: 0, open: 0 };

const CountsTable: FC<{ areas: { id: string; nameZh: string }[]; counts: Map<string, OpenCounts> }> = ({
  areas,
  counts,
}) => {
  const total = { ...zero };
  for (const a of areas) for (const [k] of COLUMNS) total[k] += counts.get(a.id)?.[k] ?? 0;
  const cases = (id: string, extra = '') => `/console/cases?district=${encodeURIComponent(id)}${extra}`;
  return (
    <div class="table-wrap card">
      <table class="counts">
        <caption class="muted">{t.countsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.area}</th>
            {COLUMNS.map(([, name]) => (
              <th scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => {
            const n = counts.get(a.id) ?? zero;
            return (
              <tr>
                <td>
                  <a href={cases(a.id)}>{a.nameZh}</a>
                </td>
                {COLUMNS.map(([k]) => (
                  <td class={(k === 'overdue' || k === 'urgent') && n[k] > 0 ? 'hot' : undefined}>{n[k]}</td>
                ))}
              </tr>
            );
          })}
          {areas.length > 1 && (
            <tr class="total">
              <td>{words.total}</td>
              {COLUMNS.map(([k]) => (
                <td>{total[k]}</td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
};

export function overviewRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/console', async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) return c.redirect('/console/admin/officers', 302);
    const now = deps.clock();
    const today = beijingDay(now);
    const jurisdictionId = scope.jurisdictionId ?? undefined;
    const period = { fromDay: today + 1 - WEEKS * 7, toDay: today + 1, jurisdictionId };
    const [all, counts, { trend, breakdown }] = await Promise.all([
      listJurisdictions(deps.db),
      openCountsByArea(deps.db, now, DUE_SOON_MS, jurisdictionId),
      breakdownWithTrend(deps.db, period, WEEKS),
    ]);
    const todo = todoTotals(counts);
    const areas = jurisdictionId ? all.filter((j) => j.id === jurisdictionId) : all;
    const where = jurisdictionId ? (areas[0]?.nameZh ?? '') : words.wholeCity;
    const open = new Map([...counts].map(([k, v]) => [k, v.open]));
    const refreshing = c.req.query('refresh') !== '0';
    if (refreshing) c.header('refresh', String(OVERVIEW_REFRESH_S));
    return c.html(
      <Layout title={t.title} session={session} active="/console">
        <h1>{t.heading(where)}</h1>
        <TodoCounts counts={todo} href={INBOX_PATH} />
        <p class="muted">
          {t.drawnAt}
          <time datetime={now.toISOString()}>{beijingDateTime(now)}</time>
          {t.beijingTime}
          {refreshing ? (
            <>
              {t.refreshing(OVERVIEW_REFRESH_S / 60)}
              <a href="/console?refresh=0">{t.stopRefreshing}</a>
              {t.closeAside}
            </>
          ) : (
            <>
              {t.stopped}
              <a href="/console">{t.resume}</a>
              {t.closeAside}
            </>
          )}{' '}
          <a href="/console/cases">{t.toCases}</a> · <a href="/console/stats">{t.toStats}</a>
        </p>
        <CountsTable areas={areas} counts={counts} />
        {!jurisdictionId && <TileMap title={t.openMapTitle} unit={t.openUnit} areas={areas} counts={open} />}
        <TrendChart
          title={t.trendTitle(WEEKS, where)}
          labels={weekLabels(trend.weeks)}
          series={itemSeries(trend.byItem)}
        />
        <BarChart
          title={t.industryTitle(WEEKS, where)}
          unit={words.casesUnit}
          rows={industryRows(breakdown.byIndustry)}
        />
      </Layout>,
    );
  });
  return app;
}
