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
import { officerText } from '../../messages/officer';
import { INDUSTRIES, MONITORING_ITEMS } from '../../rules/index';
import { BarChart, TileMap, TrendChart } from './charts';
import { Flash, Layout } from './layout';
import { readStatsFilters, type StatsValues, statsQuery } from './stats-filters';
import { areaRows, channelRows, industryRows, itemRows, itemSeries, type NamedCount, weekLabels } from './stats-model';
import { statsWorkbook, xlsxHeaders } from './xlsx';

const t = officerText('stats');
const words = officerText('deskShared');
/** Weeks in the trend chart (and the export's trend sheet). */
const WEEKS = 12;

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
          <th scope="col">{words.caseCount}</th>
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
            <td>{words.total}</td>
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
        <option value="">{words.all}</option>
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
        {words.fromDate}
        <input type="date" name="from" value={v.from} />
      </label>
      <label>
        {words.toDate}
        <input type="date" name="to" value={v.to} />
      </label>
      {allAreas &&
        select(
          'district',
          words.area,
          areas.map((a) => [a.id, a.nameZh]),
        )}
      {select(
        'item',
        words.item,
        MONITORING_ITEMS.map((i) => [i.code, i.name.zh]),
      )}
      {select(
        'industry',
        words.industry,
        INDUSTRIES.map((i) => [i.code, `${i.code} ${i.name.zh}`]),
      )}
      {select('source', words.source, Object.entries(CHANNEL_ZH))}
      <button type="submit">{t.submit}</button>
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
      weeklyTrend(deps.db, read.filter, WEEKS),
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
      <Layout title={t.title} session={session} active="/console/stats">
        <h1>{t.heading(scope.jurisdictionId ? (areas[0]?.nameZh ?? '') : words.wholeCity, v.from, v.to)}</h1>
        <Flash
          text={read.problems.length ? t.usedDefaults(read.problems.join(words.problemSeparator)) : undefined}
          error
        />
        <StatsForm v={v} areas={areas} allAreas={scope.jurisdictionId === null} />
        <p class="actions">
          <a class="button secondary" href={`/console/stats.xlsx?${query}`}>
            {t.exportStats}
          </a>
          <a class="button secondary" href={`/console/ledger.xlsx?${query}`}>
            {t.exportLedger}
          </a>
          {scope.jurisdictionId === null && (
            <a class="button secondary" href={`/console/reports/period?from=${v.from}&to=${v.to}`}>
              {t.writeReport}
            </a>
          )}
        </p>
        <p>
          {t.totalBefore}
          <strong>{breakdown.total}</strong>
          {t.totalAfter}
        </p>
        {scope.jurisdictionId === null && (
          <TileMap title={t.mapTitle} unit={words.casesUnit} areas={areas} counts={breakdown.byArea} />
        )}
        <TrendChart
          title={t.trendTitle(v.to, WEEKS)}
          labels={weekLabels(trend.weeks)}
          series={itemSeries(trend.byItem)}
        />
        <BarChart title={t.industryTitle} unit={words.casesUnit} rows={industryRows(breakdown.byIndustry)} />
        <div class="grid2">
          <CountTable caption={t.byArea} head={words.area} rows={byArea} total={breakdown.total} />
          <CountTable caption={t.byItem} head={words.item} rows={itemRows(breakdown.byItem)} />
        </div>
        <div class="grid2">
          <CountTable caption={t.byIndustry} head={words.industry} rows={industryRows(breakdown.byIndustry)} />
          <CountTable caption={t.bySource} head={words.source} rows={channelRows(breakdown.byChannel)} />
        </div>
      </Layout>,
    );
  });

  app.get('/console/stats.xlsx', async (c) => {
    const { areas, read, breakdown, trend, now } = await load(c);
    const bytes = await statsWorkbook({ values: read.values, areas, breakdown, trend, now });
    return c.body(
      bytes,
      200,
      xlsxHeaders(officerText('workbooks').statsFile(read.values.from, read.values.to), 'stats'),
    );
  });

  return app;
}
