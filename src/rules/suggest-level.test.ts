import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET_V1, type Ruleset } from './ruleset';
import { type CaseSummary, suggestLevel } from './suggest-level';

const WINDOW = { from: '2026-03-01', to: '2026-03-31' };
const PREVIOUS_DAY = '2026-02-10T09:00:00+08:00';

let seq = 0;
function c(partial: Partial<CaseSummary> & Pick<CaseSummary, 'district'>): CaseSummary {
  seq += 1;
  return {
    employerId: `emp-${seq}`,
    industry: 'C',
    peopleInvolved: null,
    groupIncident: false,
    openedAt: '2026-03-10T09:00:00+08:00',
    items: ['M05'],
    ...partial,
  };
}

const zh = (s: ReturnType<typeof suggestLevel>) => s.reasons.map((r) => r.zh);
const en = (s: ReturnType<typeof suggestLevel>) => s.reasons.map((r) => r.en);

describe('suggestLevel (§3)', () => {
  it('level 0: open cases but no group incident or stoppage', () => {
    const s = suggestLevel(
      [
        c({ district: '220102', items: ['M03'], peopleInvolved: 4 }),
        c({ district: '220104', items: ['M08'], peopleInvolved: 6, industry: 'H' }),
      ],
      WINDOW,
    );
    expect(s.level).toBe(0);
    expect(zh(s)[0]).toContain('建议：暂不预警');
    expect(zh(s)).toContain('已经或可能发生群体性事件、集体停工的案件 0 起 < 1 → 一级标准不满足');
    expect(en(s)).toContain(
      '0 cases with an actual or possible group incident or stoppage < 1 → level 1 criterion not met',
    );
    expect(s.metrics).toMatchObject({ employers: 2, industries: 2, districts: 2, people: 10, groupIncidents: 0 });
  });

  it('level 1: one manufacturer owes wages to 40 people in one district', () => {
    const s = suggestLevel(
      [
        c({ district: '220173', items: ['M05'], peopleInvolved: 40, groupIncident: true }),
        c({ district: '220173', items: ['M07'], peopleInvolved: 55, groupIncident: true, industry: 'C' }),
      ],
      WINDOW,
      RULESET_V1,
      [c({ district: '220173', openedAt: PREVIOUS_DAY })],
    );
    expect(s.level).toBe(1);
    expect(zh(s)[0]).toBe(
      '建议：一级预警（一级 2/2、二级 1/4、三级 0/3 项标准满足）；仅为建议，由市级协调劳动关系三方机构研究确定。',
    );
    expect(zh(s)).toContain('已经或可能发生群体性事件、集体停工的案件 2 起 ≥ 1 → 一级标准满足');
    expect(zh(s)).toContain('1 个县（市）区/开发区受影响 < 2 → 二级标准不满足');
    expect(en(s)).toContain('1 district affected < 2 → level 2 criterion not met');
    expect(zh(s)).toContain('本期 2 件，上一期 1 件，为上一期的 2 倍 ≥ 1.5 倍（恶化趋势）→ 二级标准满足');
    expect(s.metrics.trend).toEqual({ current: 2, previous: 1, ratio: 2 });
  });

  it('level 2: stoppages multiplying across three districts, worse than last month', () => {
    const cases = [
      c({ district: '220102', industry: 'C', items: ['M09'], peopleInvolved: 60, groupIncident: true }),
      c({ district: '220104', industry: 'C', items: ['M05'], peopleInvolved: 35, groupIncident: true }),
      c({ district: '220171', industry: 'E', items: ['M05', 'M09'], peopleInvolved: 48, groupIncident: true }),
      c({ district: '220171', industry: 'E', items: ['M04'], peopleInvolved: 12, groupIncident: true }),
    ];
    const previous = [
      c({ district: '220102', openedAt: PREVIOUS_DAY }),
      c({ district: '220104', openedAt: PREVIOUS_DAY }),
    ];
    const s = suggestLevel(cases, WINDOW, RULESET_V1, previous);
    expect(s.level).toBe(2);
    expect(zh(s)[0]).toContain('建议：二级预警');
    expect(zh(s)[0]).toContain('由省级协调劳动关系三方机构研究确定');
    expect(zh(s)).toContain('3 个县（市）区/开发区受影响 ≥ 2 → 二级标准满足');
    expect(en(s)).toContain('3 districts affected ≥ 2 → level 2 criterion met');
    expect(zh(s)).toContain('已经或可能发生群体性事件、集体停工的案件 4 起（多发） ≥ 3 → 二级标准满足');
    expect(zh(s)).toContain('涉及 155 人（人数较多） ≥ 100 → 二级标准满足');
    expect(zh(s)).toContain('涉及 2 个行业门类（多个行业） < 4 → 三级标准不满足');
    expect(s.criteria.filter((k) => k.level === 2).every((k) => k.met)).toBe(true);
    expect(s.rulesetVersion).toBe('2026.1');

    // The same month without last month's figures cannot show a worsening trend.
    const noTrend = suggestLevel(cases, WINDOW);
    expect(noTrend.level).toBe(1);
    expect(zh(noTrend)).toContain('本期 4 件，无上一期数据，无法判断恶化趋势 → 二级标准不满足');
  });

  it('level 3: frequent incidents in many industries across the city', () => {
    const spread: [string, string][] = [
      ['220102', 'C'],
      ['220103', 'E'],
      ['220104', 'F'],
      ['220105', 'G'],
      ['220112', 'H'],
      ['220122', 'A'],
      ['220182', 'C'],
      ['220183', 'E'],
      ['220171', 'C'],
    ];
    const cases = spread.map(([district, industry]) =>
      c({ district, industry, items: ['M09'], peopleInvolved: 25, groupIncident: true }),
    );
    const s = suggestLevel(cases, WINDOW, RULESET_V1, [c({ district: '220102', openedAt: PREVIOUS_DAY })]);
    expect(s.level).toBe(3);
    expect(zh(s)[0]).toContain('建议：三级预警');
    expect(zh(s)[0]).toContain('国家协调劳动关系三方会议');
    expect(zh(s)).toContain('涉及 6 个行业门类（多个行业） ≥ 4 → 三级标准满足');
    expect(zh(s)).toContain('已经或可能发生群体性事件、集体停工的案件 9 起（频发） ≥ 8 → 三级标准满足');
    expect(
      zh(s).some(
        (r) => r.startsWith('9 个县（市）区/开发区受影响（本系统看不到外市') && r.endsWith('≥ 5 → 三级标准满足'),
      ),
    ).toBe(true);
    expect(s.metrics).toMatchObject({ employers: 9, industries: 6, districts: 9, people: 225, groupIncidents: 9 });
  });

  it('lists every criterion, met or not, after the suggestion', () => {
    const s = suggestLevel([c({ district: '220102', groupIncident: true, peopleInvolved: 12 })], WINDOW);
    expect(s.criteria.map((k) => `${k.level}:${k.key}`)).toEqual([
      '1:group_incidents',
      '1:within_city',
      '2:trend',
      '2:group_incidents',
      '2:people',
      '2:districts',
      '3:industries',
      '3:group_incidents',
      '3:districts',
    ]);
    expect(s.reasons).toHaveLength(1 + s.criteria.length);
  });

  it('counts only cases opened inside the window; a bare `to` date includes that day', () => {
    const s = suggestLevel(
      [
        c({ district: 'a', groupIncident: true, openedAt: '2026-02-28T23:59:59+08:00' }),
        c({ district: 'b', groupIncident: true, openedAt: '2026-03-01T00:00:00+08:00' }),
        c({ district: 'c', groupIncident: true, openedAt: '2026-03-31T23:59:59+08:00' }),
        c({ district: 'd', groupIncident: true, openedAt: '2026-04-01T00:00:00+08:00' }),
        c({ district: 'e', groupIncident: true, openedAt: 'garbage' }),
      ],
      WINDOW,
    );
    expect(s.metrics.trend.current).toBe(2);
    expect(s.metrics.districts).toBe(2);
    const exclusive = suggestLevel([c({ district: 'c', openedAt: '2026-03-31T23:59:59+08:00' })], {
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-03-31T00:00:00+08:00',
    });
    expect(exclusive.metrics.trend.current).toBe(0);
  });

  it('counts one employer’s repeat reports once for people', () => {
    const s = suggestLevel(
      [
        c({ district: 'a', employerId: 'x', peopleInvolved: 80, groupIncident: true }),
        c({ district: 'a', employerId: 'x', peopleInvolved: 90, groupIncident: true }),
        c({ district: 'a', employerId: 'y', peopleInvolved: 20, groupIncident: true }),
      ],
      WINDOW,
    );
    expect(s.metrics.people).toBe(110);
    expect(s.metrics.employers).toBe(2);
  });

  it('follows the ruleset thresholds', () => {
    const sensitive: Ruleset = {
      ...RULESET_V1,
      version: 'test',
      levels: { ...RULESET_V1.levels, level2: { minDistricts: 2, minGroupIncidents: 2, minPeople: 20, trendRatio: 1 } },
    };
    const cases = [
      c({ district: 'a', groupIncident: true, peopleInvolved: 10 }),
      c({ district: 'b', groupIncident: true, peopleInvolved: 10 }),
    ];
    const previous = [c({ district: 'a', openedAt: PREVIOUS_DAY })];
    expect(suggestLevel(cases, WINDOW, RULESET_V1, previous).level).toBe(1);
    const s = suggestLevel(cases, WINDOW, sensitive, previous);
    expect(s.level).toBe(2);
    expect(s.rulesetVersion).toBe('test');
  });

  it('refuses an invalid window without throwing', () => {
    expect(suggestLevel([], { from: 'x', to: '2026-03-31' }).level).toBe(0);
    expect(suggestLevel([], { from: '2026-04-01', to: '2026-03-01' }).reasons[0]?.zh).toContain('时间窗口无效');
  });

  it('never throws on odd case lists', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.anything(), (cases, previous) => {
        const s = suggestLevel(cases as CaseSummary[], WINDOW, RULESET_V1, previous as CaseSummary[]);
        expect([0, 1, 2, 3]).toContain(s.level);
      }),
      { numRuns: 300 },
    );
  });
});
