import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { CURRENT_RULESET, RULESET_V1 } from './ruleset';
import { CALM_FACTS, report } from './test-helpers';
import type { Assessment, ItemCode } from './types';

// Ruleset 2026.2 (SPEC "Triage — who is counted, what is urgent"), each rule at its edges.

const action = (kind: 'happening' | 'announced', takingPart: number, kinds: string[] = ['gathering']) => ({
  collective_action: kind,
  collective_kinds: kinds,
  collective_taking_part: takingPart,
});
const NO_ACTION = { collective_action: 'none' };
const m05 = (owed: number, extra: Record<string, unknown> = {}) =>
  assess(report(['M05'], { ...CALM_FACTS, m05_employees_owed: owed, ...extra }));

const allTexts = (a: Assessment) =>
  JSON.stringify([a.findings.map((f) => f.explanation), a.severity, a.urgency, a.late, a.groupReason]);

describe('ruleset 2026.2 is current', () => {
  it('assesses under 2026.2 and keeps 2026.1 readable', () => {
    expect(CURRENT_RULESET.version).toBe('2026.2');
    expect(m05(5).rulesetVersion).toBe('2026.2');
    expect(assess(report(['M05'], CALM_FACTS), RULESET_V1).rulesetVersion).toBe('2026.1');
  });
});

describe('2026.2 explains in the words an officer signs; 2026.1 keeps its recorded wording', () => {
  // The notation 2026.1 recorded ("高：", "（≥ 30）") never appears in a 2026.2 explanation.
  const NOTATION = /[≥≤＞＜]|\d+\/\d+|^(?:高|中|低)[：:]|^(?:High|Medium|Low):/m;
  const cases = [
    m05(5, action('happening', 45, ['stoppage', 'blocking'])),
    m05(12, action('announced', 12)),
    m05(80, NO_ACTION),
    assess(report(['M06', 'M09'], { ...CALM_FACTS, ...NO_ACTION, m09_people_involved: 35, m09_still_going: true })),
    assess(report(['M05'], { ...CALM_FACTS, m05_months_in_arrears: 3, m05_employees_owed: 5 })),
  ];

  it.each(cases.map((a, i) => [i, a] as const))('case %i: no notation in any explanation', (_, a) => {
    const texts = [a.severity.reason, ...a.urgency.reasons, ...(a.groupReason ? [a.groupReason] : [])];
    for (const text of texts) {
      expect(text.zh).not.toMatch(NOTATION);
      expect(text.en).not.toMatch(NOTATION);
    }
  });

  it('says the same facts plainly: the level beside it, the threshold in words', () => {
    const a = m05(5, action('happening', 45, ['stoppage', 'blocking']));
    expect(a.severity).toEqual({
      level: 'high',
      reason: {
        zh: '堵门、堵路；群体性行为正在发生，参与 45 人。',
        en: 'gates or roads blocked; a collective action under way with 45 taking part.',
      },
    });
    const announced = m05(12, action('announced', 12));
    expect(announced.groupReason?.zh).toBe('群体性行为参与 12 人，达到 10 人的群体性事件标准。');
    expect(announced.severity).toEqual({
      level: 'medium',
      reason: { zh: '群体性行为参与 12 人，属于群体性事件。', en: 'a group incident with 12 taking part.' },
    });
    expect(m05(1, NO_ACTION).severity.reason.zh).toBe('未发现紧急重大、群体性、较重欠薪或程序缺失等情形。');
  });

  it('2026.1 still words its explanations as recorded, for cases it judged', () => {
    const old = assess(report(['M05'], { ...CALM_FACTS, m05_employees_owed: 10 }), RULESET_V1);
    expect(old.severity.reason.zh).toBe('中：涉及 10 人，达到群体性事件标准（≥ 10）。');
  });
});

describe('urgent: a collective action under way with ≥ 30 taking part', () => {
  it.each([
    [29, 'within_24h'],
    [30, 'immediate'],
  ] as const)('%i taking part, happening → %s', (n, level) => {
    const a = m05(5, action('happening', n));
    expect(a.urgency.level).toBe(level);
    expect(a.peopleInvolved).toBe(n);
  });

  it('an announced action with 300 taking part is a group incident, not urgent', () => {
    const a = m05(5, action('announced', 300));
    expect(a.urgency.level).toBe('within_24h');
    expect(a.groupIncident).toBe(true);
    expect(a.urgency.reasons[0]?.zh).toContain('尚未发生');
  });

  it.each([
    [29, true, 'within_24h'],
    [30, true, 'immediate'],
    [300, false, 'within_24h'],
  ] as const)('M09 with %i taking part, still going %s → %s', (n, still, level) => {
    const a = assess(report(['M09'], { ...CALM_FACTS, ...NO_ACTION, m09_people_involved: n, m09_still_going: still }));
    expect(a.urgency.level).toBe(level);
    expect(a.groupIncident).toBe(true);
  });

  it('gives each reason in Chinese and English', () => {
    const a = m05(5, action('happening', 45, ['stoppage', 'blocking']));
    expect(a.urgency.reasons).toHaveLength(2);
    for (const r of a.urgency.reasons) {
      expect(r.zh).toMatch(/应立即报告/);
      expect(r.en).toMatch(/report at once/);
    }
    expect(a.severity.level).toBe('high');
  });
});

describe('urgent: any blocking of gates or public roads', () => {
  it('blocking with 3 people is urgent, and not a group incident', () => {
    const a = m05(5, action('happening', 3, ['blocking']));
    expect(a.urgency.level).toBe('immediate');
    expect(a.urgency.reasons[0]?.zh).toContain('不论人数多少');
    expect(a.groupIncident).toBe(false);
    expect(a.collective).toMatchObject({ blocking: true, takingPart: 3 });
  });

  it('M09 blocking with 3 people is urgent too', () => {
    const a = assess(report(['M09'], { ...CALM_FACTS, m09_people_involved: 3, m09_blocking_roads: true }));
    expect(a.urgency.level).toBe('immediate');
  });

  it('a threatened blockade is not yet a blocking', () => {
    expect(m05(5, action('announced', 3, ['blocking'])).urgency.level).toBe('within_24h');
  });
});

describe('urgent: M10 wide reach', () => {
  it('wide reach is urgent, local is not', () => {
    expect(assess(report(['M10'], { ...CALM_FACTS, m10_reach: 'wide' })).urgency.level).toBe('immediate');
    expect(assess(report(['M10'], { ...CALM_FACTS, m10_reach: 'local' })).urgency.level).toBe('within_24h');
  });
});

describe('group incident: a collective action, actual or threatened, with ≥ 10 taking part', () => {
  it.each([
    [9, false],
    [10, true],
  ] as const)('%i taking part → %s', (n, expected) => {
    for (const kind of ['happening', 'announced'] as const) {
      const a = m05(5, action(kind, n));
      expect(a.groupIncident).toBe(expected);
      expect(a.groupReason?.zh).toContain(`${n} 人`);
      expect(a.groupReason?.en).toContain(`${n}`);
    }
  });
});

describe('affected counts describe scale only', () => {
  it('affected 500 with no action: not urgent, not a group incident, nobody taking part', () => {
    const a = m05(500, NO_ACTION);
    expect(a.urgency.level).toBe('within_24h');
    expect(a.groupIncident).toBe(false);
    expect(a.peopleInvolved).toBeNull();
    expect(a.affected).toBe(500);
    expect(a.urgency.reasons[0]?.zh).toContain('涉及（受影响）职工 500 人');
    expect(a.urgency.reasons[0]?.en).toContain('500 employees are affected');
    expect(a.groupReason?.zh).toContain('受影响人数不计入');
  });

  // The three examples, filed through the API under 2026.1, all came out urgent.
  it.each([
    ['M08', { m08_employees_affected: 30 }],
    ['M07', { m07_departures_this_month: 50, m07_headcount: 1000 }],
    ['M05', { m05_employees_owed: 80 }],
  ] as const)('%s with many affected and no action is within 24 h', (item, facts) => {
    const a = assess(report([item as ItemCode], { ...CALM_FACTS, ...NO_ACTION, ...facts }));
    expect(a.urgency.level).toBe('within_24h');
    expect(a.groupIncident).toBe(false);
    expect(assess(report([item as ItemCode], { ...CALM_FACTS, ...facts }), RULESET_V1).urgency.level).toBe('immediate');
  });
});

describe('art. 41: every reduction is reportable; gaps are extra findings', () => {
  const m06 = (cut: number, headcount: number, notice: boolean, reported: boolean) =>
    assess(
      report(['M06'], {
        m06_reduction_count: cut,
        m06_headcount: headcount,
        m06_notice_30_days: notice,
        m06_reported_to_labour_dept: reported,
      }),
    );

  it('a lawful reduction of 200 of 1,000 is flagged, with no extra finding', () => {
    const a = m06(200, 1000, true, true);
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ item: 'M06', outcome: 'flagged', ruleId: 'M06.art41_reduction' });
    expect(a.findings[0]?.explanation.zh).toContain('拟裁减 200 人');
    expect(a.severity.level).toBe('low');
  });

  it('a reduction below the art. 41 scale is still flagged, and says the procedure does not apply', () => {
    const a = m06(5, 1000, false, false);
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]?.outcome).toBe('flagged');
    expect(a.findings[0]?.explanation.zh).toContain('不适用');
  });

  it.each([
    [false, true, '未提前 30 日'],
    [true, false, '未向劳动行政部门报告'],
  ] as const)('notice %s, report %s: an extra finding naming the gap', (notice, reported, gap) => {
    const a = m06(20, 1000, notice, reported);
    expect(a.findings.map((f) => f.ruleId)).toEqual(['M06.art41_reduction', 'M06.art41_procedure_gap']);
    expect(a.findings[1]?.explanation.zh).toContain(gap);
    expect(a.severity.level).toBe('medium');
  });
});

describe('wording', () => {
  it('calls wage-arrears colours 欠薪等级, never 预警级别', () => {
    for (const months of [0, 1, 3]) {
      const a = m05(12, { m05_months_in_arrears: months, ...action('happening', 12) });
      expect(allTexts(a)).toContain('欠薪等级');
      expect(allTexts(a)).not.toContain('预警级别');
    }
  });
});

describe('late is a suggestion (疑似迟报), never automatic', () => {
  it('suggests with the reason, and says a building-up situation began on the event date', () => {
    const a = assess(report(['M05'], CALM_FACTS, { eventAt: '2026-01-02', reportedAt: '2026-03-02T10:00:00+08:00' }));
    expect(a.late).toMatchObject({ isLate: true, suggestionOnly: true });
    expect(a.late.reason?.zh).toMatch(/^疑似迟报：/);
    expect(a.late.reason?.zh).toContain('事发时间是开始时间');
  });

  it('within 24 hours there is nothing to suggest', () => {
    const a = assess(
      report(['M11'], CALM_FACTS, { eventAt: '2026-03-02T07:00:00+08:00', reportedAt: '2026-03-02T10:00:00+08:00' }),
    );
    expect(a.late.isLate).toBe(false);
  });
});
