// The warning criteria as officers read them (seed §3): one row per criterion in plain Chinese — 标准 (what
// must hold, with the number), 本期 (what the current window shows) and 是否满足 — instead of the rules'
// compact reasons ("3 起 ≥ 3 → 二级标准满足").
import { CURRENT_RULESET, type LevelCriterion, type LevelSuggestion, rulesetFor } from '../rules/index';

export interface CriterionRow {
  level: 1 | 2 | 3;
  standard: string;
  current: string;
  met: boolean;
}

const LEVEL = ['', '一级', '二级', '三级'] as const;

export function criteriaRows(s: LevelSuggestion): CriterionRow[] {
  const { levels } = rulesetFor(s.rulesetVersion) ?? CURRENT_RULESET;
  const m = s.metrics;
  const row = (c: LevelCriterion, standard: string, current: string): CriterionRow => ({
    level: c.level,
    standard: `${LEVEL[c.level]}：${standard}`,
    current,
    met: c.met,
  });
  return s.criteria.map((c) => {
    switch (c.key) {
      case 'group_incidents': {
        const min =
          c.level === 1
            ? levels.level1.minGroupIncidents
            : c.level === 2
              ? levels.level2.minGroupIncidents
              : levels.level3.minGroupIncidents;
        const how = c.level === 1 ? '' : c.level === 2 ? '（多发）' : '（频发）';
        return row(c, `已经或可能发生群体性事件、集体停工的案件不少于 ${min} 起${how}`, `${m.groupIncidents} 起`);
      }
      case 'within_city':
        return row(c, '影响范围限于本市', '本系统只掌握本市案件，视为限于本市');
      case 'trend': {
        const { current, previous } = m.trend;
        const now = `本期 ${current} 起，上一期 ${previous ?? '无数据'}${previous === null ? '' : ' 起'}`;
        return row(c, `案件数比上一期增长到 ${levels.level2.trendRatio} 倍及以上（呈恶化趋势）`, now);
      }
      case 'people':
        return row(c, `涉及人数不少于 ${levels.level2.minPeople} 人（人数较多）`, `${m.people} 人`);
      case 'districts': {
        const min = c.level === 2 ? levels.level2.minDistricts : levels.level3.minDistricts;
        const why = c.level === 3 ? '（代替“可能跨地市蔓延”，本系统看不到外市）' : '';
        return row(c, `涉及的县（市）区、开发区不少于 ${min} 个${why}`, `${m.districts} 个`);
      }
      case 'industries':
        return row(c, `涉及的行业门类不少于 ${levels.level3.minIndustries} 个（多个行业）`, `${m.industries} 个`);
      default:
        // A criterion a later ruleset adds: its own sentence until it gets a row here.
        return row(c, c.reason.zh, '—');
    }
  });
}
