import { textOf } from '../messages/index';
import { parseInstant } from '../time';
import { formatNumber } from './format';
import { industryByCode } from './industries';
import { CURRENT_RULESET, type Ruleset } from './ruleset';
import type { ItemCode, Text } from './types';

// Seed §3: a regional warning level from the open cases in a time window. It only suggests, listing every
// criterion it checked; an officer confirms or overrides (levels 2 and 3 are decided by the province and
// the nation, the system only prepares the report upward).

export interface CaseSummary {
  employerId: string;
  industry?: string | null;
  district: string;
  peopleInvolved: number | null;
  groupIncident: boolean;
  openedAt: string;
  items: ItemCode[];
}

export type WarningLevel = 0 | 1 | 2 | 3;

export interface LevelMetrics {
  /** Distinct employers with a case in the window. */
  employers: number;
  /** Distinct GB/T 4754-2017 sections; cases without a valid section are not counted. */
  industries: number;
  districts: number;
  /** Sum over employers of each employer's largest people count (repeat reports of one event count once). */
  people: number;
  /** Cases that are, or may become, a group incident or collective stoppage. */
  groupIncidents: number;
  /** Cases in this window and in the previous window of the same length; previous is null when not given. */
  trend: { current: number; previous: number | null; ratio: number | null };
}

export interface LevelCriterion {
  level: 1 | 2 | 3;
  key: 'group_incidents' | 'within_city' | 'trend' | 'people' | 'districts' | 'industries';
  met: boolean;
  reason: Text;
}

export interface LevelSuggestion {
  level: WarningLevel;
  /** The suggestion first, then every criterion checked, met or not. */
  reasons: Text[];
  criteria: LevelCriterion[];
  metrics: LevelMetrics;
  rulesetVersion: string;
}

const t = (zh: string, en: string): Text => ({ zh, en });
const n = formatNumber;

const LEVEL_ZH = textOf('warningLevel', 'zh');
const LEVEL_EN = textOf('warningLevel', 'en');

function verdict(level: 1 | 2 | 3, met: boolean): Text {
  return t(
    `${LEVEL_ZH[level]}标准${met ? '满足' : '不满足'}`,
    `${LEVEL_EN[level]} criterion ${met ? 'met' : 'not met'}`,
  );
}

/** "3 个县（市）区/开发区受影响 ≥ 2 → 二级标准满足" */
function compare(level: 1 | 2 | 3, key: LevelCriterion['key'], value: number, min: number, what: Text): LevelCriterion {
  const met = value >= min;
  const op = met ? '≥' : '<';
  const v = verdict(level, met);
  return { level, key, met, reason: t(`${what.zh} ${op} ${n(min)} → ${v.zh}`, `${what.en} ${op} ${n(min)} → ${v.en}`) };
}

const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

interface Window {
  from: number;
  to: number;
}

function inWindow(cases: readonly CaseSummary[], window: Window): CaseSummary[] {
  return cases.filter((c) => {
    const at = parseInstant(c?.openedAt);
    return at !== null && at >= window.from && at < window.to;
  });
}

function measure(cases: readonly CaseSummary[]): Omit<LevelMetrics, 'trend'> {
  const employers = new Map<string, number>();
  const industries = new Set<string>();
  const districts = new Set<string>();
  let groupIncidents = 0;
  for (const c of cases) {
    const people =
      typeof c.peopleInvolved === 'number' && Number.isFinite(c.peopleInvolved) && c.peopleInvolved > 0
        ? c.peopleInvolved
        : 0;
    const employer = String(c.employerId);
    employers.set(employer, Math.max(employers.get(employer) ?? 0, people));
    const industry = industryByCode(c.industry);
    if (industry) industries.add(industry.code);
    if (typeof c.district === 'string' && c.district.trim() !== '') districts.add(c.district.trim());
    // M09 is a stoppage by definition, even if the summary's flag was computed under an older ruleset.
    if (c.groupIncident === true || (Array.isArray(c.items) && c.items.includes('M09'))) groupIncidents += 1;
  }
  let people = 0;
  for (const largest of employers.values()) people += largest;
  return { employers: employers.size, industries: industries.size, districts: districts.size, people, groupIncidents };
}

function trendCriterion(trend: LevelMetrics['trend'], ratio: number): LevelCriterion {
  const { current, previous } = trend;
  if (previous === null) {
    const v = verdict(2, false);
    return {
      level: 2,
      key: 'trend',
      met: false,
      reason: t(
        `本期 ${n(current)} 件，无上一期数据，无法判断恶化趋势 → ${v.zh}`,
        `${plural(current, 'case', 'cases')} now, no previous window given, so no trend → ${v.en}`,
      ),
    };
  }
  if (previous === 0) {
    const met = current > 0;
    const v = verdict(2, met);
    return {
      level: 2,
      key: 'trend',
      met,
      reason: t(
        `本期 ${n(current)} 件，上一期 0 件${met ? '，由无到有' : ''} → ${v.zh}`,
        `${plural(current, 'case', 'cases')} now, none in the previous window → ${v.en}`,
      ),
    };
  }
  const growth = current / previous;
  const met = current > previous && growth >= ratio;
  const v = verdict(2, met);
  const shown = n(Math.round(growth * 100) / 100);
  return {
    level: 2,
    key: 'trend',
    met,
    reason: t(
      `本期 ${n(current)} 件，上一期 ${n(previous)} 件，为上一期的 ${shown} 倍 ${met ? '≥' : '<'} ${n(ratio)} 倍（恶化趋势）→ ${v.zh}`,
      `${plural(current, 'case', 'cases')} now against ${n(previous)} before, ×${shown} ${met ? '≥' : '<'} ×${n(ratio)} (worsening) → ${v.en}`,
    ),
  };
}

const EMPTY_METRICS: LevelMetrics = {
  employers: 0,
  industries: 0,
  districts: 0,
  people: 0,
  groupIncidents: 0,
  trend: { current: 0, previous: null, ratio: null },
};

/**
 * Suggest a regional warning level from the cases opened in [window.from, window.to). A bare date as `to`
 * includes that whole day. `previous` holds the cases to compare against; only those opened in the window of
 * equal length just before `from` count. Without it the trend is unknown and level 2 cannot be suggested.
 */
export function suggestLevel(
  cases: readonly CaseSummary[],
  window: { from: string; to: string },
  ruleset: Ruleset = CURRENT_RULESET,
  previous?: readonly CaseSummary[],
): LevelSuggestion {
  const from = parseInstant(window?.from, 'start');
  const to = parseInstant(window?.to, 'end');
  if (from === null || to === null || to <= from) {
    return {
      level: 0,
      reasons: [
        t('时间窗口无效，无法提出预警级别建议。', 'The time window is not valid, so no level can be suggested.'),
      ],
      criteria: [],
      metrics: EMPTY_METRICS,
      rulesetVersion: ruleset.version,
    };
  }
  const safeCases = Array.isArray(cases) ? cases : [];
  const current = inWindow(safeCases, { from, to });
  const before = Array.isArray(previous) ? inWindow(previous, { from: from - (to - from), to: from }) : null;
  const base = measure(current);
  const trend: LevelMetrics['trend'] = {
    current: current.length,
    previous: before === null ? null : before.length,
    ratio: before === null || before.length === 0 ? null : Math.round((current.length / before.length) * 100) / 100,
  };
  return levelFromMetrics({ ...base, trend }, ruleset);
}

/**
 * The level and its reasons from counts already made: by `suggestLevel` over case summaries, or by a SQL
 * aggregate over stored reports (db/repo/regional.ts), which need not load every case.
 */
export function levelFromMetrics(metrics: LevelMetrics, ruleset: Ruleset = CURRENT_RULESET): LevelSuggestion {
  const { trend, ...base } = metrics;
  const { level1: l1, level2: l2, level3: l3 } = ruleset.levels;

  const incidents = (k: number) =>
    t(
      `已经或可能发生群体性事件、集体停工的案件 ${n(k)} 起`,
      `${plural(k, 'case', 'cases')} with an actual or possible group incident or stoppage`,
    );
  const districts = (d: number) =>
    t(`${n(d)} 个县（市）区/开发区受影响`, `${plural(d, 'district', 'districts')} affected`);

  const criteria: LevelCriterion[] = [
    compare(1, 'group_incidents', base.groupIncidents, l1.minGroupIncidents, incidents(base.groupIncidents)),
    {
      level: 1,
      key: 'within_city',
      met: true,
      reason: t(
        `影响范围：本系统只掌握本市案件，视为限于本市 → ${verdict(1, true).zh}`,
        `Scope: only this city's cases are visible, taken as within the city → ${verdict(1, true).en}`,
      ),
    },
    trendCriterion(trend, l2.trendRatio),
    compare(
      2,
      'group_incidents',
      base.groupIncidents,
      l2.minGroupIncidents,
      t(`${incidents(base.groupIncidents).zh}（多发）`, `${incidents(base.groupIncidents).en} (multiplying)`),
    ),
    compare(
      2,
      'people',
      base.people,
      l2.minPeople,
      t(`涉及 ${n(base.people)} 人（人数较多）`, `${plural(base.people, 'person', 'people')} involved (many people)`),
    ),
    compare(2, 'districts', base.districts, l2.minDistricts, districts(base.districts)),
    compare(
      3,
      'industries',
      base.industries,
      l3.minIndustries,
      t(
        `涉及 ${n(base.industries)} 个行业门类（多个行业）`,
        `${plural(base.industries, 'industry section', 'industry sections')} (many industries)`,
      ),
    ),
    compare(
      3,
      'group_incidents',
      base.groupIncidents,
      l3.minGroupIncidents,
      t(`${incidents(base.groupIncidents).zh}（频发）`, `${incidents(base.groupIncidents).en} (frequent)`),
    ),
    compare(
      3,
      'districts',
      base.districts,
      l3.minDistricts,
      t(
        `${districts(base.districts).zh}（本系统看不到外市，以此代替“可能跨地市蔓延”）`,
        `${districts(base.districts).en} (other cities are not visible; this stands in for "may cross prefectures")`,
      ),
    ),
  ];
  const all = (level: 1 | 2 | 3) => criteria.filter((c) => c.level === level).every((c) => c.met);
  // Level 3 does not require level 2's trend: §3 describes it by breadth and frequency alone.
  const level: WarningLevel = !all(1) ? 0 : all(3) ? 3 : all(2) ? 2 : 1;

  return {
    level,
    reasons: [summary(level, criteria), ...criteria.map((c) => c.reason)],
    criteria,
    metrics,
    rulesetVersion: ruleset.version,
  };
}

const DECIDER: Record<WarningLevel, Text> = {
  0: t('由市协调劳动关系三方委员会办公室确认', 'for the city tripartite office to confirm'),
  1: t('由市级协调劳动关系三方机构研究确定', 'for the city tripartite body to decide'),
  2: t(
    '由省级协调劳动关系三方机构研究确定，本系统仅准备上报材料',
    'for the provincial tripartite body to decide; the system only prepares the report',
  ),
  3: t(
    '由国家协调劳动关系三方会议研究确定，本系统仅准备上报材料',
    'for the national tripartite conference to decide; the system only prepares the report',
  ),
};

function summary(level: WarningLevel, criteria: readonly LevelCriterion[]): Text {
  const count = (l: 1 | 2 | 3) => {
    const of = criteria.filter((c) => c.level === l);
    return `${of.filter((c) => c.met).length}/${of.length}`;
  };
  const tally = t(
    `${LEVEL_ZH[1]} ${count(1)}、${LEVEL_ZH[2]} ${count(2)}、${LEVEL_ZH[3]} ${count(3)} 项标准满足`,
    `criteria met: ${LEVEL_EN[1]} ${count(1)}, ${LEVEL_EN[2]} ${count(2)}, ${LEVEL_EN[3]} ${count(3)}`,
  );
  const name = level === 0 ? t('暂不预警', 'no warning') : t(`${LEVEL_ZH[level]}预警`, LEVEL_EN[level]);
  return t(
    `建议：${name.zh}（${tally.zh}）；仅为建议，${DECIDER[level].zh}。`,
    `Suggested: ${name.en} (${tally.en}); a suggestion only, ${DECIDER[level].en}.`,
  );
}
