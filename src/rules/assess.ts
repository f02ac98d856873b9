import { MONITORING_ITEMS } from './catalogue';
import { coerceFact, toCount } from './coerce';
import { formatNumber, maskPhones } from './format';
import { arrearsGrade, ITEM_RULES, type ItemFacts } from './item-rules';
import { detectLate } from './late';
import { CURRENT_RULESET, type Ruleset } from './ruleset';
import { groupIncidentOf, type M09Facts, notUrgentReason, readCollective, urgentReasons } from './taking-part';
import type { Assessment, Finding, ItemCode, MonitoringItem, ReportInput, Severity, Text } from './types';

// assess(): one report → findings (one per selected item, catalogue order), severity, urgency, lateness.
// The report is typed, but it arrives from chat, forms and stored drafts, so every part is read as if it
// could be anything; nothing here throws on odd input.

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (record: Loose, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

const t = (zh: string, en: string): Text => ({ zh, en });
const n = formatNumber;

// A headcount fact left empty falls back to the Annex 3 用工人数 the reporter already gave.
const HEADCOUNT_FACTS = new Set(['m06_headcount', 'm07_headcount']);

function readItemFacts(item: MonitoringItem, facts: Loose, employerHeadcount: number | undefined): ItemFacts {
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of item.facts) {
    let value = coerceFact(field, own(facts, field.id));
    // `min` is applied (a headcount of 0 cannot be a denominator); `max` is a typing guard only.
    if (typeof value === 'number' && field.min !== undefined && value < field.min) value = undefined;
    if (value === undefined && HEADCOUNT_FACTS.has(field.id)) value = employerHeadcount;
    // Findings are shown and stored; a phone typed into free text stays in the report, not here.
    if (typeof value === 'string' && field.kind === 'text') value = maskPhones(value);
    if (value !== undefined) values[field.id] = value;
    else if (field.required) missing.push(field.id);
  }
  return { values, missing };
}

interface ItemState {
  code: ItemCode;
  item: MonitoringItem;
  facts: ItemFacts;
  finding: Finding;
  /** Findings on top of the item's own (2026.2 M06 procedure gaps). */
  extra: Finding[];
}

const num = (state: ItemState | undefined, id: string): number | undefined => {
  const v = state?.facts.values[id];
  return typeof v === 'number' ? v : undefined;
};
const flag = (state: ItemState | undefined, id: string): boolean | undefined => {
  const v = state?.facts.values[id];
  return typeof v === 'boolean' ? v : undefined;
};
const choice = (state: ItemState | undefined, id: string): string | undefined => {
  const v = state?.facts.values[id];
  return typeof v === 'string' ? v : undefined;
};

// M06/M07 count people who leave or are cut; below the seed's threshold, or in a lawful art. 41 reduction,
// that is ordinary turnover, not people involved in a risk. Only a flagged finding lends its count.
const COUNT_ONLY_WHEN_FLAGGED: ReadonlySet<ItemCode> = new Set(['M06', 'M07']);

function largestPeopleCount(states: readonly ItemState[], affectedOnly = false): number | null {
  let largest: number | null = null;
  for (const state of states) {
    if (!affectedOnly && COUNT_ONLY_WHEN_FLAGGED.has(state.code) && state.finding.outcome !== 'flagged') continue;
    for (const field of state.item.facts) {
      const counted = field.peopleCount && !(affectedOnly && field.takingPart);
      const value = counted ? num(state, field.id) : undefined;
      if (value !== undefined && (largest === null || value > largest)) largest = value;
    }
  }
  return largest;
}

interface Signal {
  level: Severity;
  short: Text;
}

function urgencyOf(
  byCode: ReadonlyMap<ItemCode, ItemState>,
  people: number | null,
  ruleset: Ruleset,
): { urgency: Assessment['urgency']; signals: Signal[] } {
  const u = ruleset.urgency;
  const reasons: Text[] = [];
  const signals: Signal[] = [];
  const add = (reason: Text, short: Text) => {
    reasons.push(reason);
    signals.push({ level: 'high', short });
  };
  const m09 = byCode.get('M09');
  if (u.m09Blocking && flag(m09, 'm09_blocking_roads') === true) {
    add(
      t(
        '存在堵门、堵路，属于紧急重大事项，应立即报告。',
        'Gates or roads are blocked: an urgent major matter, report at once.',
      ),
      t('堵门、堵路', 'gates or roads blocked'),
    );
  }
  if (u.m09StillGoing && flag(m09, 'm09_still_going') === true) {
    add(
      t(
        '停工、怠工等仍在持续，属于紧急重大事项，应立即报告。',
        'The stoppage is still going on: an urgent major matter, report at once.',
      ),
      t('停工、怠工仍在持续', 'stoppage still going'),
    );
  }
  if (people !== null && people >= u.people) {
    add(
      t(
        `涉及 ${n(people)} 人，达到 ${n(u.people)} 人的紧急标准，应立即报告。`,
        `${n(people)} people involved, at or above the urgent threshold of ${n(u.people)}: report at once.`,
      ),
      t(`涉及 ${n(people)} 人（≥ ${n(u.people)}）`, `${n(people)} people involved (≥ ${n(u.people)})`),
    );
  }
  const reach = choice(byCode.get('M10'), 'm10_reach');
  if (reach !== undefined && u.m10Reach.includes(reach)) {
    add(
      t(
        '舆情已广泛传播，属于紧急重大事项，应立即报告。',
        'Public opinion is spreading widely: an urgent major matter, report at once.',
      ),
      t('舆情广泛传播', 'public opinion spreading widely'),
    );
  }
  if (reasons.length > 0) return { urgency: { level: 'immediate', reasons }, signals };
  return {
    urgency: {
      level: 'within_24h',
      reasons: [
        t(
          '未发现堵门堵路、持续停工、人数达到紧急标准或舆情广泛传播等紧急重大情形，接报后 24 小时内填报上报。',
          'No urgent major sign (blocking, ongoing stoppage, urgent head count, wide public attention): report within 24 hours.',
        ),
      ],
    },
    signals,
  };
}

// Boolean facts whose "no" is a procedural gap worth a closer look.
const GAPS: readonly { code: ItemCode; id: string; short: Text }[] = [
  { code: 'M01', id: 'm01_wages_settled', short: t('工资和经济补偿尚未结清', 'wages and compensation unsettled') },
  { code: 'M02', id: 'm02_contracts_continued', short: t('劳动合同不再继续履行', 'contracts not carried over') },
  { code: 'M03', id: 'm03_relocation_plan', short: t('尚无职工安置方案', 'no staff relocation plan') },
  { code: 'M04', id: 'm04_allowance_paid', short: t('停工期间工资或生活费未按规定支付', 'stoppage pay not paid') },
  { code: 'M08', id: 'm08_consulted', short: t('规章制度调整未经民主程序', 'rule change without consultation') },
];

function mediumSignals(byCode: ReadonlyMap<ItemCode, ItemState>, people: number | null, ruleset: Ruleset): Signal[] {
  const signals: Signal[] = [];
  const medium = (short: Text) => signals.push({ level: 'medium', short });
  const g = ruleset.groupIncident;
  if (ruleset.counting === 'taking_part') {
    if (people !== null && people >= g.people) {
      medium(t(`群体性行为参与 ${n(people)} 人，属于群体性事件`, `a group incident with ${n(people)} taking part`));
    }
  } else if (people !== null && people >= g.people) {
    medium(
      t(
        `涉及 ${n(people)} 人，达到群体性事件标准（≥ ${n(g.people)}）`,
        `${n(people)} people, a group incident (≥ ${n(g.people)})`,
      ),
    );
  } else if (g.includeM09 && byCode.has('M09')) {
    medium(t('发生停工、怠工、堵门堵路等集体行动', 'a collective stoppage or protest'));
  }
  for (const code of ['M06', 'M07'] as const) {
    const state = byCode.get(code);
    // 2026.2 flags every reduction; only a procedural gap (an extra finding) raises severity.
    const raises =
      code === 'M06' && ruleset.m06.everyReductionReportable
        ? (state?.extra.length ?? 0) > 0
        : state?.finding.outcome === 'flagged';
    if (raises) {
      medium(
        code === 'M06'
          ? t('经济性裁员程序缺失', 'art. 41 procedure incomplete')
          : t('当月离职人数达到监测标准', 'departures at the monitoring threshold'),
      );
    }
  }
  for (const gap of GAPS) {
    if (flag(byCode.get(gap.code), gap.id) === false) medium(gap.short);
  }
  const reach = choice(byCode.get('M10'), 'm10_reach');
  if (reach !== undefined && ruleset.severity.mediumM10Reach.includes(reach)) {
    medium(t('舆情在本地传播', 'public opinion spreading locally'));
  }
  return signals;
}

function arrearsSignal(byCode: ReadonlyMap<ItemCode, ItemState>, ruleset: Ruleset): Signal[] {
  const months = num(byCode.get('M05'), 'm05_months_in_arrears');
  if (months === undefined) return [];
  const grade = arrearsGrade(months, ruleset);
  if (grade === 'red') return [{ level: 'high', short: t('欠薪等级为红色', 'wage arrears graded red') }];
  if (grade === 'orange') return [{ level: 'medium', short: t('欠薪等级为橙色', 'wage arrears graded orange') }];
  return [];
}

const LEVEL_NAME: Record<Severity, Text> = { high: t('高', 'High'), medium: t('中', 'Medium'), low: t('低', 'Low') };

/**
 * The level and the signals that set it. 2026.1 recorded its reason as "高：…" with criteria notation;
 * from 2026.2 the reason is the sentence an officer reads and signs (the level is shown beside it).
 */
function severityOf(signals: readonly Signal[], wording: 'recorded' | 'plain' = 'recorded'): Assessment['severity'] {
  const level: Severity = signals.some((s) => s.level === 'high')
    ? 'high'
    : signals.some((s) => s.level === 'medium')
      ? 'medium'
      : 'low';
  const chosen = signals.filter((s) => s.level === level);
  if (wording === 'plain') {
    return {
      level,
      reason:
        chosen.length === 0
          ? t(
              '未发现紧急重大、群体性、较重欠薪或程序缺失等情形。',
              'No urgent, collective, serious-arrears or procedural-gap sign.',
            )
          : t(`${chosen.map((s) => s.short.zh).join('；')}。`, `${chosen.map((s) => s.short.en).join('; ')}.`),
    };
  }
  if (chosen.length === 0) {
    return {
      level,
      reason: t(
        '低：未发现紧急重大、群体性、较重欠薪或程序缺失等情形。',
        'Low: no urgent, collective, serious-arrears or procedural-gap sign.',
      ),
    };
  }
  return {
    level,
    reason: t(
      `${LEVEL_NAME[level].zh}：${chosen.map((s) => s.short.zh).join('；')}。`,
      `${LEVEL_NAME[level].en}: ${chosen.map((s) => s.short.en).join('; ')}.`,
    ),
  };
}

/** Assess one report under a ruleset (the current one unless re-explaining a stored assessment). */
export function assess(report: ReportInput, ruleset: Ruleset = CURRENT_RULESET): Assessment {
  const input: Loose = isRecord(report) ? report : {};
  const rawItems = own(input, 'items');
  const selected = new Set<unknown>(Array.isArray(rawItems) ? rawItems : []);
  const rawFacts = own(input, 'facts');
  const facts: Loose = isRecord(rawFacts) ? rawFacts : {};
  const employer = own(input, 'employer');
  const headcount = toCount(isRecord(employer) ? own(employer, 'headcount') : undefined);
  const employerHeadcount = headcount !== undefined && headcount >= 1 ? headcount : undefined;

  const states: ItemState[] = [];
  for (const item of MONITORING_ITEMS) {
    if (!selected.has(item.code)) continue;
    const itemFacts = readItemFacts(item, facts, employerHeadcount);
    const result = ITEM_RULES[item.code](itemFacts, ruleset);
    const finding: Finding = {
      ruleId: result.ruleId,
      item: item.code,
      outcome: result.outcome,
      facts: itemFacts.values,
      explanation: result.explanation,
      missing: itemFacts.missing,
    };
    if (result.grade !== undefined) finding.grade = result.grade;
    const extra = (result.extra ?? []).map(
      (x): Finding => ({ ...x, item: item.code, facts: itemFacts.values, missing: [] }),
    );
    states.push({ code: item.code, item, facts: itemFacts, finding, extra });
  }
  const byCode = new Map(states.map((state) => [state.code, state] as const));
  const findings = states.flatMap((state) => [state.finding, ...state.extra]);
  const late = detectLate(own(input, 'eventAt'), own(input, 'reportedAt'), ruleset, [...byCode.keys()]);

  if (ruleset.counting === 'taking_part') {
    return { ...assessTakingPart(byCode, facts, ruleset), rulesetVersion: ruleset.version, findings, late };
  }
  const peopleInvolved = largestPeopleCount(states);
  const groupIncident =
    (peopleInvolved !== null && peopleInvolved >= ruleset.groupIncident.people) ||
    (ruleset.groupIncident.includeM09 && byCode.has('M09'));
  const { urgency, signals: urgentSignals } = urgencyOf(byCode, peopleInvolved, ruleset);
  const severity = severityOf([
    ...urgentSignals,
    ...arrearsSignal(byCode, ruleset),
    ...mediumSignals(byCode, peopleInvolved, ruleset),
  ]);

  return { rulesetVersion: ruleset.version, findings, severity, urgency, late, peopleInvolved, groupIncident };
}

/** Ruleset 2026.2: urgency, group incident and severity from the people TAKING PART only. */
function assessTakingPart(
  byCode: ReadonlyMap<ItemCode, ItemState>,
  facts: Loose,
  ruleset: Ruleset,
): Omit<Assessment, 'rulesetVersion' | 'findings' | 'late'> {
  const m09State = byCode.get('M09');
  const m09: M09Facts = { selected: m09State !== undefined };
  const m09People = num(m09State, 'm09_people_involved');
  const stillGoing = flag(m09State, 'm09_still_going');
  const blocking = flag(m09State, 'm09_blocking_roads');
  if (m09People !== undefined) m09.takingPart = m09People;
  if (stillGoing !== undefined) m09.stillGoing = stillGoing;
  if (blocking !== undefined) m09.blocking = blocking;
  const collective = readCollective(facts, m09);
  const affected = largestPeopleCount([...byCode.values()], true);
  const group = groupIncidentOf(collective, m09, ruleset);
  const urgent = urgentReasons(collective, m09, choice(byCode.get('M10'), 'm10_reach'), ruleset);
  const urgency: Assessment['urgency'] =
    urgent.length > 0
      ? { level: 'immediate', reasons: urgent.map((u) => u.reason) }
      : { level: 'within_24h', reasons: [notUrgentReason(collective, affected, ruleset)] };
  const severity = severityOf(
    [
      ...urgent.map((u): Signal => ({ level: 'high', short: u.short })),
      ...arrearsSignal(byCode, ruleset),
      ...mediumSignals(byCode, group.is ? collective.takingPart : null, ruleset),
    ],
    'plain',
  );
  return {
    severity,
    urgency,
    peopleInvolved: collective.takingPart,
    groupIncident: group.is,
    affected,
    collective,
    groupReason: group.reason,
  };
}
