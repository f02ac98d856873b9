// /console/stats — 统计汇总 (seed §4(1)): case counts for a period by area, monitoring item, industry section
// and source, filtered by any of them, with the tile map, the 12-week trend and the industry chart for the
// selection; /console/stats.xlsx exports the same tables. District officers see their own area only.
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import { caseBreakdown, weeklyTrend } from '../../../db/repo/stats';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import { CHANNEL_ZH } from '../../cases/labels';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { INDUSTRIES, MONITORING_ITEMS } from '../../rules/index';
import { BarChart, TileMap, TrendChart } from './charts';
import { Flash, Layout } from './layout';
import { readStatsFilters, type StatsValues, statsQuery } from './stats-filters';
import { areaRows, channelRows, industryRows, itemRows, itemSeries, type NamedCount, weekLabels } from './stats-model';
import { statsWorkbook, xlsxHeaders } from './xlsx';

const CountTable: FC<{ caption: string; head: string; rows: NamedCount[]; total?: number }> = ({
  caption,
  head,
  rows,
  total,
}) => (
  <div class="table-wrap card">
    <table class="counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">案件数</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.name}</td>
            <td>{r.value}</td>
          </tr>
        ))}
        {total !== undefined && (
          <tr class="total">
            <td>合计</td>
            <td>{total}</td>
          </tr>
        )}
      </tbody>
    </table>
  </div>
);

const StatsForm: FC<{ v: StatsValues; areas: { id: string; nameZh: string }[]; allAreas: boolean }> = ({
  v,
  areas,
  allAreas,
}) => {
  const select = (name: keyof StatsValues, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select name={name}>
        <option value="">全部</option>
        {options.map(([value, text]) => (
          <option value={value} selected={v[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/console/stats" class="filters">
      <label>
        开始日期
        <input type="date" name="from" value={v.from} />
      </label>
      <label>
        结束日期
        <input type="date" name="to" value={v.to} />
      </label>
      {allAreas &&
        select(
          'district',
          '县（市）区',
          areas.map((a) => [a.id, a.nameZh]),
        )}
      {select(
        'item',
        '监测事项',
        MONITORING_ITEMS.map((i) => [i.code, i.name.zh]),
      )}
      {select(
        'industry',
        '行业门类',
        INDUSTRIES.map((i) => [i.code, `${i.code} ${i.name.zh}`]),
      )}
      {select('source', '来源', Object.entries(CHANNEL_ZH))}
      <button type="submit">统计</button>
    </form>
  );
};

export function statsRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  /** The selection, scoped: a district officer's area is always their own. */
  async function load(c: Context<ConsoleEnv>) {
    const scope = caseScope(c.get('session').account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const now = deps.clock();
    const all = await listJurisdictions(deps.db);
    const read = readStatsFilters(c, all, now, scope.jurisdictionId ?? undefined);
    const [breakdown, trend] = await Promise.all([
      caseBreakdown(deps.db, read.filter),
      weeklyTrend(deps.db, read.filter, 12),
    ]);
    const areas = scope.jurisdictionId ? all.filter((a) => a.id === scope.jurisdictionId) : all;
    return { scope, now, areas, read, breakdown, trend };
  }

  app.get('/console/stats', async (c) => {
    const session = c.get('session');
    const { scope, areas, read, breakdown, trend } = await load(c);
    const v = read.values;
    const query = statsQuery(v);
    const byArea = areaRows(areas, breakdown.byArea);
    return c.html(
      <Layout title="统计" session={session} active="/console/stats">
        <h1>
          统计分析 · {scope.jurisdictionId ? (areas[0]?.nameZh ?? '') : '全市'} · {v.from} 至 {v.to}
        </h1>
        <Flash text={read.problems.length ? `已按默认值统计：${read.problems.join('；')}。` : undefined} error />
        <StatsForm v={v} areas={areas} allAreas={scope.jurisdictionId === null} />
        <p class="actions">
          <a class="button secondary" href={`/console/stats.xlsx?${query}`}>
            导出统计表（Excel）
          </a>
          <a class="button secondary" href={`/console/ledger.xlsx?${query}`}>
            导出台账（Excel）
          </a>
          {scope.jurisdictionId === null && (
            <a class="button secondary" href={`/console/reports/period?from=${v.from}&to=${v.to}`}>
              撰写情况报告
            </a>
          )}
        </p>
        <p>
          本期案件合计 <strong>{breakdown.total}</strong> 起（一起案件涉及多个监测事项的，在各事项下分别计数）。
        </p>
        {scope.jurisdictionId === null && (
          <TileMap title="各县（市）区案件数" unit="起案件" areas={areas} counts={breakdown.byArea} />
        )}
        <TrendChart
          title={`截至 ${v.to} 的近 12 周各监测事项案件数`}
          labels={weekLabels(trend.weeks)}
          series={itemSeries(trend.byItem)}
        />
        <BarChart title="按行业门类的案件数" unit="起案件" rows={industryRows(breakdown.byIndustry)} />
        <div class="grid2">
          <CountTable caption="按县（市）区" head="县（市）区" rows={byArea} total={breakdown.total} />
          <CountTable caption="按监测事项" head="监测事项" rows={itemRows(breakdown.byItem)} />
        </div>
        <div class="grid2">
          <CountTable caption="按行业门类" head="行业门类" rows={industryRows(breakdown.byIndustry)} />
          <CountTable caption="按来源" head="来源" rows={channelRows(breakdown.byChannel)} />
        </div>
      </Layout>,
    );
  });

  app.get('/console/stats.xlsx', async (c) => {
    const { areas, read, breakdown, trend, now } = await load(c);
    const bytes = await statsWorkbook({ values: read.values, areas, breakdown, trend, now });
    return c.body(bytes, 200, xlsxHeaders(`统计-${read.values.from}-${read.values.to}.xlsx`, 'stats'));
  });

  return app;
}
