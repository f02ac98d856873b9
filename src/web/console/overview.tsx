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
import { beijingDateTime } from '../../time';
import { BarChart, TileMap, TrendChart } from './charts';
import { INBOX_PATH, TodoCounts } from './inbox';
import { Layout } from './layout';
import { industryRows, itemSeries, weekLabels } from './stats-model';

/** Team default: the overview redraws itself every five minutes. */
export const OVERVIEW_REFRESH_S = 300;
const WEEKS = 12;

const COLUMNS: [keyof OpenCounts, string][] = [
  ['unclaimed', '待认领'],
  ['dueSoon', '即将逾期'],
  ['overdue', '已逾期'],
  ['urgent', '紧急重大'],
  ['open', '未销号'],
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
        <caption class="muted">各县（市）区待办案件数（点击县区名查看案件）</caption>
        <thead>
          <tr>
            <th scope="col">县（市）区</th>
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
              <td>合计</td>
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
    const where = jurisdictionId ? (areas[0]?.nameZh ?? '') : '全市';
    const open = new Map([...counts].map(([k, v]) => [k, v.open]));
    const refreshing = c.req.query('refresh') !== '0';
    if (refreshing) c.header('refresh', String(OVERVIEW_REFRESH_S));
    return c.html(
      <Layout title="概览" session={session} active="/console">
        <h1>概览 · {where}</h1>
        <TodoCounts counts={todo} href={INBOX_PATH} />
        <p class="muted">
          绘制于 <time datetime={now.toISOString()}>{beijingDateTime(now)}</time>（北京时间）。
          {refreshing ? (
            <>
              每 {OVERVIEW_REFRESH_S / 60} 分钟自动刷新（<a href="/console?refresh=0">停止自动刷新</a>）。
            </>
          ) : (
            <>
              已停止自动刷新（<a href="/console">恢复</a>）。
            </>
          )}{' '}
          <a href="/console/cases">进入待办案件</a> · <a href="/console/stats">统计分析</a>
        </p>
        <CountsTable areas={areas} counts={counts} />
        {!jurisdictionId && <TileMap title="各县（市）区未销号案件" unit="起未销号案件" areas={areas} counts={open} />}
        <TrendChart
          title={`近 ${WEEKS} 周各监测事项案件数（${where}）`}
          labels={weekLabels(trend.weeks)}
          series={itemSeries(trend.byItem)}
        />
        <BarChart
          title={`近 ${WEEKS} 周按行业门类的案件数（${where}）`}
          unit="起案件"
          rows={industryRows(breakdown.byIndustry)}
        />
      </Layout>,
    );
  });
  return app;
}
