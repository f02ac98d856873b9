import { describe, expect, it } from 'vitest';
import { assess as assessUnder } from './assess';
import { arrearsGrade } from './item-rules';
import { RULESET_V1, type Ruleset } from './ruleset';
import { CALM_FACTS, report } from './test-helpers';
import type { Assessment, Finding, ItemCode, ReportInput } from './types';

// Ruleset 2026.1 as published: it stays in the registry so cases assessed under it keep their explanation,
// and these tests keep it exact. Ruleset 2026.2 (affected vs taking part) is tested in assess-2026-2.test.ts.
const assess = (r: ReportInput, ruleset: Ruleset = RULESET_V1) => assessUnder(r, ruleset);

const only = (a: Assessment): Finding => {
  expect(a.findings).toHaveLength(1);
  return a.findings[0] as Finding;
};
const one = (item: ItemCode, facts: Record<string, unknown>, extra: Partial<ReportInput> = {}) =>
  only(assess(report([item], facts, extra)));

describe('M07 departures this month (≥ 50, or < 50 and ≥ 10 %)', () => {
  it.each([
    [60, 1000, 'flagged'],
    [30, 250, 'flagged'],
    [30, 400, 'not_flagged'],
    [40, 400, 'flagged'],
    [49, 1000, 'not_flagged'],
    [50, 1000, 'flagged'],
    [50, 100_000, 'flagged'],
    [49, 490, 'flagged'],
    [49, 491, 'not_flagged'],
    [3, 30, 'flagged'],
    [0, 30, 'not_flagged'],
    [50, undefined, 'flagged'],
    [49, undefined, 'needs_info'],
    [49, 0, 'needs_info'],
  ] as const)('%s of %s → %s', (departures, headcount, outcome) => {
    const f = one('M07', { m07_departures_this_month: departures, m07_headcount: headcount });
    expect(f.ruleId).toBe('M07.departures');
    expect(f.outcome).toBe(outcome);
  });

  it('explains the exact-10 % case in one sentence', () => {
    const f = one('M07', { m07_departures_this_month: 40, m07_headcount: 400 });
    expect(f.explanation.zh).toBe('本月离职 40 人，占用工总数 400 人的 10.0%，达到 10% 标准。');
    expect(f.explanation.en).toBe('40 departures this month, 10.0% of a headcount of 400, meeting the 10% threshold.');
    expect(f.facts).toEqual({ m07_departures_this_month: 40, m07_headcount: 400 });
  });

  it('says why 30 of 400 is not flagged, and 30 of 250 is', () => {
    expect(one('M07', { m07_departures_this_month: 30, m07_headcount: 400 }).explanation.zh).toBe(
      '本月离职 30 人，占用工总数 400 人的 7.5%，未达到 50 人或 10% 标准。',
    );
    expect(one('M07', { m07_departures_this_month: 30, m07_headcount: 250 }).explanation.zh).toContain('12.0%');
    expect(one('M07', { m07_departures_this_month: 60, m07_headcount: 1000 }).explanation.zh).toBe(
      '本月离职 60 人（占用工总数 1,000 人的 6.0%），达到 50 人标准。',
    );
  });

  it('never shows 9.9 % as 10.0 % next to "below"', () => {
    const f = one('M07', { m07_departures_this_month: 999, m07_headcount: 10_001 });
    expect(f.outcome).toBe('flagged'); // ≥ 50
    const g = one('M07', { m07_departures_this_month: 49, m07_headcount: 491 });
    expect(g.explanation.zh).toContain('9.9%');
  });

  it('falls back to the Annex 3 headcount and still lists a missing departures count', () => {
    const a = assess(report(['M07'], { m07_departures_this_month: 30 }, { employer: { headcount: 250 } }));
    expect(only(a).outcome).toBe('flagged');
    expect(only(a).missing).toEqual([]);
    const b = one('M07', { m07_headcount: 400 });
    expect(b.outcome).toBe('needs_info');
    expect(b.missing).toEqual(['m07_departures_this_month']);
    expect(b.explanation.zh).toContain('本月离职人数');
  });
});

describe('M06 art. 41 reduction (≥ 20 people or ≥ 10 %, needs notice and report)', () => {
  const base = { m06_notice_30_days: true, m06_reported_to_labour_dept: true };
  it.each([
    [19, 1000, false, true, 'not_flagged'],
    [20, 1000, false, true, 'flagged'],
    [20, 1000, true, true, 'not_flagged'],
    [19, 190, false, true, 'flagged'],
    [19, 191, false, true, 'not_flagged'],
    [99, 1000, false, false, 'flagged'],
    [100, 1000, true, false, 'flagged'],
    [25, 200, true, true, 'not_flagged'],
  ] as const)('cut %s of %s, notice %s, report %s → %s', (cut, headcount, notice, reported, outcome) => {
    const f = one('M06', {
      m06_reduction_count: cut,
      m06_headcount: headcount,
      m06_notice_30_days: notice,
      m06_reported_to_labour_dept: reported,
    });
    expect(f.ruleId).toBe('M06.art41_reduction');
    expect(f.outcome).toBe(outcome);
  });

  it('says which step is missing', () => {
    const noNotice = one('M06', { ...base, m06_reduction_count: 25, m06_headcount: 200, m06_notice_30_days: false });
    expect(noNotice.explanation.zh).toBe(
      '拟裁减 25 人（占用工总数 200 人的 12.5%），达到《劳动合同法》第四十一条规模（20 人以上或占 10% 以上），但未提前 30 日向工会或全体职工说明情况。',
    );
    const noReport = one('M06', {
      ...base,
      m06_reduction_count: 25,
      m06_headcount: 200,
      m06_reported_to_labour_dept: false,
    });
    expect(noReport.explanation.zh).toContain('但未向劳动行政部门报告裁减方案');
    expect(noReport.explanation.zh).not.toContain('未提前');
    expect(noReport.explanation.en).toContain('the plan was not reported to the labour department');
    const neither = one('M06', {
      m06_reduction_count: 25,
      m06_headcount: 200,
      m06_notice_30_days: false,
      m06_reported_to_labour_dept: false,
    });
    expect(neither.explanation.zh).toContain('但未提前 30 日向工会或全体职工说明情况，也未向劳动行政部门报告裁减方案');
  });

  it('explains a complete procedure and a reduction below the art. 41 scale', () => {
    const done = one('M06', { ...base, m06_reduction_count: 25, m06_headcount: 200 });
    expect(done.explanation.zh).toContain('程序要件齐备');
    const small = one('M06', { ...base, m06_reduction_count: 19, m06_headcount: 191 });
    expect(small.explanation.zh).toBe(
      '拟裁减 19 人（占用工总数 191 人的 9.9%），未达到《劳动合同法》第四十一条规模（20 人以上或占 10% 以上），不适用提前 30 日说明和报告程序。',
    );
  });

  it('asks when it cannot decide', () => {
    const noHeadcount = one('M06', { ...base, m06_reduction_count: 19 });
    expect(noHeadcount.outcome).toBe('needs_info');
    expect(noHeadcount.explanation.zh).toContain('还缺少用工总数');
    const unknownNotice = one('M06', {
      m06_reduction_count: 30,
      m06_headcount: 300,
      m06_reported_to_labour_dept: true,
    });
    expect(unknownNotice.outcome).toBe('needs_info');
    expect(unknownNotice.missing).toEqual(['m06_notice_30_days']);
    // A known gap is still a finding even when the other step is unknown.
    const knownGap = one('M06', { m06_reduction_count: 30, m06_headcount: 300, m06_reported_to_labour_dept: false });
    expect(knownGap.outcome).toBe('flagged');
    expect(knownGap.explanation.zh).toContain('尚不清楚');
    // 20 or more meets the scale without a headcount.
    expect(
      one('M06', { m06_reduction_count: 20, m06_notice_30_days: false, m06_reported_to_labour_dept: true }).outcome,
    ).toBe('flagged');
  });
});

describe('M05 wage arrears grading (< 1 yellow, 1–2 orange, > 2 red)', () => {
  it.each([
    [0, 'yellow'],
    [1, 'orange'],
    [2, 'orange'],
    [3, 'red'],
  ] as const)('%s months → %s', (months, grade) => {
    const f = one('M05', { m05_employees_owed: 45, m05_amount_owed: 320_000, m05_months_in_arrears: months });
    expect(f.outcome).toBe('flagged');
    expect(f.grade).toBe(grade);
  });

  it('grades any number at the edges and follows the ruleset', () => {
    expect(arrearsGrade(0.99, RULESET_V1)).toBe('yellow');
    expect(arrearsGrade(1, RULESET_V1)).toBe('orange');
    expect(arrearsGrade(2, RULESET_V1)).toBe('orange');
    expect(arrearsGrade(2.01, RULESET_V1)).toBe('red');
    const lenient: Ruleset = { ...RULESET_V1, version: 'test', m05: { orangeFromMonths: 2, redAboveMonths: 3 } };
    expect(arrearsGrade(1, lenient)).toBe('yellow');
    expect(arrearsGrade(3, lenient)).toBe('orange');
  });

  it('explains the grade, and severity follows it', () => {
    const a = assess(report(['M05'], { m05_employees_owed: 8, m05_amount_owed: 96_000, m05_months_in_arrears: 3 }));
    expect(only(a).explanation.zh).toBe('拖欠 8 名职工工资共 96,000 元，已拖欠 3 个月，超过 2 个月，欠薪等级为红色。');
    expect(a.severity.level).toBe('high');
    expect(a.severity.reason.zh).toContain('红色');
    const orange = assess(report(['M05'], { m05_employees_owed: 8, m05_amount_owed: 9600, m05_months_in_arrears: 1 }));
    expect(orange.severity.level).toBe('medium');
    const yellow = assess(report(['M05'], { m05_employees_owed: 8, m05_amount_owed: 9600, m05_months_in_arrears: 0 }));
    expect(yellow.severity.level).toBe('low');
  });

  it('still grades when another required fact is missing', () => {
    const f = one('M05', { m05_months_in_arrears: 4 });
    expect(f.outcome).toBe('needs_info');
    expect(f.grade).toBe('red');
    expect(f.missing).toEqual(['m05_employees_owed', 'm05_amount_owed']);
  });
});

describe('items without a threshold: flagged when complete, needs_info otherwise', () => {
  const cases: [ItemCode, string, string][] = [
    ['M01', 'M01.closure', '经营期限届满不再继续经营'],
    ['M02', 'M02.restructuring', '合并'],
    ['M03', 'M03.relocation', '搬迁'],
    ['M04', 'M04.stoppage_pay', '已按规定支付'],
    ['M08', 'M08.rule_change', '工作时间'],
    ['M09', 'M09.collective_action', '一号车间'],
    ['M10', 'M10.public_opinion', '抖音'],
    ['M11', 'M11.other', '食堂停止供餐'],
  ];
  it.each(cases)('%s', (item, ruleId, word) => {
    const complete = one(item, CALM_FACTS);
    expect(complete.ruleId).toBe(ruleId);
    expect(complete.outcome).toBe('flagged');
    expect(complete.missing).toEqual([]);
    expect(complete.explanation.zh).toContain(word);
    expect(complete.explanation.zh.endsWith('。')).toBe(true);
    expect(complete.explanation.en.endsWith('.')).toBe(true);
    const empty = one(item, {});
    expect(empty.ruleId).toBe(ruleId);
    expect(empty.outcome).toBe('needs_info');
    expect(empty.missing.length).toBeGreaterThan(0);
    expect(empty.explanation.zh).toContain('还缺少');
  });

  it('optional facts do not block: M05 plan date, M10 link, M11 people', () => {
    const { m11_people_involved: _drop, ...rest } = CALM_FACTS;
    expect(one('M11', rest).outcome).toBe('flagged');
    expect(one('M10', CALM_FACTS).facts).not.toHaveProperty('m10_link');
  });
});

describe('urgency (紧急重大: immediate, otherwise within 24 h)', () => {
  const m09 = (facts: Record<string, unknown>) => assess(report(['M09'], { ...CALM_FACTS, ...facts }));
  it.each([
    [{ m09_people_involved: 29 }, 'within_24h'],
    [{ m09_people_involved: 30 }, 'immediate'],
    [{ m09_blocking_roads: true }, 'immediate'],
    [{ m09_still_going: true }, 'immediate'],
    [{ m09_still_going: 'unknown junk' }, 'within_24h'],
  ] as const)('M09 %o → %s', (facts, level) => {
    expect(m09(facts).urgency.level).toBe(level);
  });

  it('names each reason', () => {
    const a = m09({ m09_people_involved: 45, m09_blocking_roads: true, m09_still_going: true });
    expect(a.urgency.reasons.map((r) => r.zh)).toEqual([
      '存在堵门、堵路，属于紧急重大事项，应立即报告。',
      '停工、怠工等仍在持续，属于紧急重大事项，应立即报告。',
      '涉及 45 人，达到 30 人的紧急标准，应立即报告。',
    ]);
    expect(a.severity.level).toBe('high');
  });

  it('counts people on any item, and wide reach on M10', () => {
    expect(assess(report(['M11'], { m11_description: '集体讨薪', m11_people_involved: 30 })).urgency.level).toBe(
      'immediate',
    );
    expect(assess(report(['M11'], { m11_description: '集体讨薪', m11_people_involved: 29 })).urgency.level).toBe(
      'within_24h',
    );
    const wide = assess(report(['M10'], { ...CALM_FACTS, m10_reach: 'wide' }));
    expect(wide.urgency.level).toBe('immediate');
    expect(wide.urgency.reasons[0]?.zh).toContain('广泛传播');
    const local = assess(report(['M10'], { ...CALM_FACTS, m10_reach: 'local' }));
    expect(local.urgency.level).toBe('within_24h');
    expect(local.severity.level).toBe('medium');
    expect(assess(report(['M10'], CALM_FACTS)).severity.level).toBe('low');
  });

  it('uses facts that are usable even when the finding needs more info', () => {
    const a = assess(report(['M09'], { m09_blocking_roads: true }));
    expect(only(a).outcome).toBe('needs_info');
    expect(a.urgency.level).toBe('immediate');
    expect(a.groupIncident).toBe(true);
  });

  it('does not treat ordinary turnover as people involved', () => {
    const a = assess(report(['M07'], { m07_departures_this_month: 30, m07_headcount: 400 }));
    expect(a.peopleInvolved).toBeNull();
    expect(a.urgency.level).toBe('within_24h');
    expect(a.groupIncident).toBe(false);
    const lawful = assess(
      report(['M06'], {
        m06_reduction_count: 40,
        m06_headcount: 400,
        m06_notice_30_days: true,
        m06_reported_to_labour_dept: true,
      }),
    );
    expect(lawful.peopleInvolved).toBeNull();
    const flagged = assess(report(['M07'], { m07_departures_this_month: 40, m07_headcount: 400 }));
    expect(flagged.peopleInvolved).toBe(40);
    expect(flagged.urgency.level).toBe('immediate');
  });

  it('gives one reason for 24 h', () => {
    const a = assess(report(['M03'], CALM_FACTS));
    expect(a.urgency).toEqual({
      level: 'within_24h',
      reasons: [expect.objectContaining({ zh: expect.stringContaining('24 小时') })],
    });
  });
});

describe('group incident and severity', () => {
  it('≥ 10 people or M09 makes a group incident', () => {
    expect(assess(report(['M05'], { ...CALM_FACTS, m05_employees_owed: 9 })).groupIncident).toBe(false);
    const ten = assess(report(['M05'], { ...CALM_FACTS, m05_employees_owed: 10 }));
    expect(ten.groupIncident).toBe(true);
    expect(ten.severity).toEqual({
      level: 'medium',
      reason: { zh: '中：涉及 10 人，达到群体性事件标准（≥ 10）。', en: 'Medium: 10 people, a group incident (≥ 10).' },
    });
    expect(assess(report(['M09'], CALM_FACTS)).groupIncident).toBe(true);
  });

  it('procedural gaps raise severity to medium', () => {
    for (const [item, id] of [
      ['M01', 'm01_wages_settled'],
      ['M02', 'm02_contracts_continued'],
      ['M03', 'm03_relocation_plan'],
      ['M04', 'm04_allowance_paid'],
      ['M08', 'm08_consulted'],
    ] as const) {
      expect(assess(report([item], CALM_FACTS)).severity.level).toBe('low');
      expect(assess(report([item], { ...CALM_FACTS, [id]: false })).severity.level).toBe('medium');
    }
    expect(assess(report(['M07'], { m07_departures_this_month: 5, m07_headcount: 40 })).severity.level).toBe('medium');
  });
});

describe('several items in one report', () => {
  it('returns one finding per item in catalogue order, and the highest urgency', () => {
    const a = assess(
      report(['M10', 'M05', 'M07', 'M05', 'X99' as ItemCode], {
        ...CALM_FACTS,
        m10_reach: 'wide',
      }),
    );
    expect(a.findings.map((f) => f.item)).toEqual(['M05', 'M07', 'M10']);
    expect(a.urgency.level).toBe('immediate');
    expect(a.severity.level).toBe('high');
    expect(a.rulesetVersion).toBe('2026.1');
  });

  it('reports the largest people count', () => {
    const a = assess(report(['M05', 'M11'], { ...CALM_FACTS, m05_employees_owed: 12, m11_people_involved: 7 }));
    expect(a.peopleInvolved).toBe(12);
  });

  it('ignores facts of items that were not selected', () => {
    const a = assess(report(['M03'], { ...CALM_FACTS, m09_blocking_roads: true, m11_people_involved: 500 }));
    expect(a.urgency.level).toBe('within_24h');
    expect(a.peopleInvolved).toBe(5);
  });
});

describe('junk input', () => {
  it.each([
    ['1,200', 1200],
    ['１２', 12],
    ['40人', 40],
    [' 30 ', 30],
    ['12.0', 12],
  ] as const)('reads %j as %s', (raw, value) => {
    expect(one('M09', { ...CALM_FACTS, m09_people_involved: raw }).facts.m09_people_involved).toBe(value);
  });

  it.each([
    Number.NaN,
    -1,
    Number.POSITIVE_INFINITY,
    '12.5',
    '1,2,3',
    'abc',
    '',
    '-5',
    '1e5',
    '0x10',
    null,
    {},
    [30],
    true,
  ])('treats %j as missing', (raw) => {
    const f = one('M09', { ...CALM_FACTS, m09_people_involved: raw });
    expect(f.outcome).toBe('needs_info');
    expect(f.missing).toEqual(['m09_people_involved']);
  });

  it('rejects impossible dates and unknown choices', () => {
    expect(one('M10', { ...CALM_FACTS, m10_first_seen: '2026-02-30' }).missing).toEqual(['m10_first_seen']);
    expect(one('M10', { ...CALM_FACTS, m10_reach: 'viral' }).missing).toEqual(['m10_reach']);
    expect(one('M10', { ...CALM_FACTS, m10_reach: '广泛传播（上热搜、大量转发或外地媒体报道）' }).facts.m10_reach).toBe(
      'wide',
    );
    expect(one('M09', { ...CALM_FACTS, m09_started_at: '2026-03-01T25:00' }).missing).toEqual(['m09_started_at']);
  });

  it('never puts a phone number in an explanation', () => {
    const a = assess(
      report(['M05', 'M09', 'M11'], {
        ...CALM_FACTS,
        m05_amount_owed: 13_800_138_000,
        m09_place: '厂门口，联系人电话 13800138000',
        m11_description: '联系 +86 139-0013-8000 或 0431-88776655，2026-03-01 起停工',
      }),
    );
    const text = JSON.stringify(a.findings.map((f) => f.explanation));
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/88776655/);
    expect(text).toContain('13,800,138,000');
    expect(text).toContain('2026-03-01 起停工');
    const echoed = a.findings.flatMap((f) => Object.values(f.facts).filter((v) => typeof v === 'string'));
    expect(echoed.join(' ')).not.toMatch(/1[3-9]\d{9}/);
    expect(echoed).toContain('厂门口，联系人电话 ***');
  });

  it('survives a report that is not a report', () => {
    for (const junk of [null, undefined, 42, 'M05', [], { items: 'M05' }, { items: ['M05'], facts: null }]) {
      const a = assess(junk as unknown as ReportInput);
      expect(a.rulesetVersion).toBe('2026.1');
      expect(a.late.isLate).toBe(false);
    }
  });
});

describe('late reports (§10: more than 24 h after the event)', () => {
  const late = (eventAt: string | undefined, reportedAt: string) =>
    assess(report(['M11'], CALM_FACTS, eventAt === undefined ? { reportedAt } : { eventAt, reportedAt })).late;

  it.each([
    ['2026-03-01T10:00:00+08:00', '2026-03-02T10:00:00+08:00', false, 24],
    ['2026-03-01T10:00:00+08:00', '2026-03-02T10:01:00+08:00', true, 24],
    ['2026-03-01T10:00:00+08:00', '2026-03-02T11:33:00+08:00', true, 25.6],
    ['2026-03-01T10:00:00+08:00', '2026-03-01T10:00:00+08:00', false, 0],
    ['2026-03-01T10:00', '2026-03-02T02:00:00Z', false, 24],
    ['2026-03-01T10:00', '2026-03-02T02:00:01Z', true, 24],
    ['2026-03-01', '2026-03-01T18:00:00+08:00', false, 0],
    ['2026-03-01', '2026-03-03T00:00:00+08:00', false, 24],
    ['2026-03-01', '2026-03-03T00:30:00+08:00', true, 24.5],
    ['2026-02-01', '2026-03-02T10:00:00+08:00', true, 682],
  ] as const)('event %s, reported %s → late %s, %s h', (eventAt, reportedAt, isLate, delayHours) => {
    const result = late(eventAt, reportedAt);
    expect(result.isLate).toBe(isLate);
    expect(result.delayHours).toBe(delayHours);
  });

  it('explains late and unknown cases', () => {
    expect(late('2026-03-01T10:00:00+08:00', '2026-03-02T11:33:00+08:00').reason?.zh).toBe(
      '事发后 25.6 小时才报告，超过 24 小时，属于迟报。',
    );
    expect(late(undefined, '2026-03-02T10:00:00+08:00')).toEqual({
      isLate: false,
      delayHours: null,
      reason: expect.objectContaining({ zh: '未提供事发时间，无法判断是否迟报。' }),
    });
    expect(late('yesterday', '2026-03-02T10:00:00+08:00').delayHours).toBeNull();
    expect(late('2026-03-01', 'not a time').reason?.zh).toContain('报送时间无法识别');
    const future = late('2026-03-05', '2026-03-02T10:00:00+08:00');
    expect(future).toMatchObject({ isLate: false, delayHours: 0 });
    expect(future.reason?.zh).toContain('请核实');
  });

  it('uses the ruleset grace', () => {
    const strict: Ruleset = { ...RULESET_V1, version: 'test', late: { graceHours: 2, suggestionOnly: false } };
    const a = assess(
      report(['M11'], CALM_FACTS, { eventAt: '2026-03-02T07:00:00+08:00', reportedAt: '2026-03-02T10:00:00+08:00' }),
      strict,
    );
    expect(a.late).toMatchObject({ isLate: true, delayHours: 3 });
  });
});
