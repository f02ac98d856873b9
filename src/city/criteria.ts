// The warning criteria as officers read them (seed §3): one row per criterion in plain Chinese — 标准 (what
// must hold, with the number), 本期 (what the current window shows) and 是否满足 — instead of the rules'
// compact reasons ("3 起 ≥ 3 → 二级标准满足").
import { officerText } from '../messages/officer';
import { CURRENT_RULESET, type LevelCriterion, type LevelSuggestion, rulesetFor } from '../rules/index';

export interface CriterionRow {
  level: 1 | 2 | 3;
  standard: string;
  current: string;
  met: boolean;
}

const LEVEL = officerText('warningLevels');

export function criteriaRows(s: LevelSuggestion): CriterionRow[] {
  const { levels } = rulesetFor(s.rulesetVersion) ?? CURRENT_RULESET;
  const m = s.metrics;
  const t = officerText('criteria');
  const row = (c: LevelCriterion, standard: string, current: string): CriterionRow => ({
    level: c.level,
    standard: t.row(LEVEL[c.level], standard),
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
        const how = c.level === 1 ? '' : c.level === 2 ? t.groupIncidentsMany : t.groupIncidentsFrequent;
        return row(c, t.groupIncidents(min, how), t.cases(m.groupIncidents));
      }
      case 'within_city':
        return row(c, t.withinCity, t.withinCityNow);
      case 'trend': {
        const { current, previous } = m.trend;
        const now = t.trendNow(current, previous === null ? t.noData : t.cases(previous));
        return row(c, t.trend(levels.level2.trendRatio), now);
      }
      case 'people':
        return row(c, t.people(levels.level2.minPeople), t.persons(m.people));
      case 'districts': {
        const min = c.level === 2 ? levels.level2.minDistricts : levels.level3.minDistricts;
        const why = c.level === 3 ? t.districtsBeyondCity : '';
        return row(c, t.districts(min, why), t.count(m.districts));
      }
      case 'industries':
        return row(c, t.industries(levels.level3.minIndustries), t.count(m.industries));
      default:
        // A criterion a later ruleset adds: its own sentence until it gets a row here.
        return row(c, c.reason.zh, '—');
    }
  });
}
