import { beijingDateTime, parseInstant } from '../time';
import { itemByCode } from './catalogue';
import { formatNumber, formatPercent, formatRatio, quote } from './format';
import type { Ruleset } from './ruleset';
import type { ArrearsGrade, ItemCode, Outcome, Text } from './types';

// One rule per monitoring item. Each reads the item's already-normalised facts and returns an outcome
// with one sentence for an officer. Items without a threshold in the seed (everything but M06 and M07)
// are flagged by being reported; their sentence summarises what matters and they need every required fact.

export interface ItemFacts {
  /** Usable, normalised values by fact id. */
  values: Record<string, unknown>;
  /** Required fact ids that are missing or unusable. */
  missing: string[];
}

export interface RuleResult {
  ruleId: string;
  outcome: Outcome;
  explanation: Text;
  grade?: ArrearsGrade;
  /** 2026.2: findings on top of the item's own (M06: a missing notice or report to the labour department). */
  extra?: { ruleId: string; outcome: Outcome; explanation: Text }[];
}

type ItemRule = (facts: ItemFacts, ruleset: Ruleset) => RuleResult;

const t = (zh: string, en: string): Text => ({ zh, en });
const n = formatNumber;

const num = (f: ItemFacts, id: string): number | undefined => {
  const v = f.values[id];
  return typeof v === 'number' ? v : undefined;
};
const bool = (f: ItemFacts, id: string): boolean | undefined => {
  const v = f.values[id];
  return typeof v === 'boolean' ? v : undefined;
};
const str = (f: ItemFacts, id: string): string => {
  const v = f.values[id];
  return typeof v === 'string' ? v : '';
};

function optionLabel(item: ItemCode, id: string, value: string): Text {
  const field = itemByCode(item).facts.find((candidate) => candidate.id === id);
  const option = field?.options?.find((candidate) => candidate.value === value);
  return option?.label ?? t(value, value);
}

function needsInfo(ruleId: string, item: ItemCode, ids: readonly string[], why?: Text): RuleResult {
  const fields = itemByCode(item).facts.filter((field) => ids.includes(field.id));
  const zh = fields.map((field) => (field.kind === 'boolean' ? `是否${field.label.zh}` : field.label.zh)).join('、');
  const en = fields.map((field) => field.label.en.toLowerCase()).join(', ');
  const name = itemByCode(item).name;
  return {
    ruleId,
    outcome: 'needs_info',
    explanation:
      why ??
      t(`${name.zh}：还缺少${zh}，请向用人单位补充了解。`, `${name.en}: still missing ${en}; please ask the employer.`),
  };
}

function dateTimeText(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? iso : beijingDateTime(ms);
}

const m01: ItemRule = (f) => {
  const ruleId = 'M01.closure';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M01', f.missing);
  const event = optionLabel('M01', 'm01_event', str(f, 'm01_event'));
  const settled = bool(f, 'm01_wages_settled');
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `用人单位${event.zh}（${str(f, 'm01_effective_date')} 生效），涉及职工 ${n(num(f, 'm01_employees_affected') ?? 0)} 人，工资和经济补偿${settled ? '已结清' : '尚未结清'}。`,
      `Employer: ${event.en.toLowerCase()} (effective ${str(f, 'm01_effective_date')}), ${n(num(f, 'm01_employees_affected') ?? 0)} employees affected, wages and compensation ${settled ? 'settled' : 'not yet settled'}.`,
    ),
  };
};

const m02: ItemRule = (f) => {
  const ruleId = 'M02.restructuring';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M02', f.missing);
  const kind = optionLabel('M02', 'm02_kind', str(f, 'm02_kind'));
  const continued = bool(f, 'm02_contracts_continued');
  const people = n(num(f, 'm02_employees_affected') ?? 0);
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `用人单位发生${kind.zh}（${str(f, 'm02_date')}），涉及职工 ${people} 人，劳动合同${continued ? '由承继单位继续履行' : '不由承继单位继续履行'}。`,
      `${kind.en} on ${str(f, 'm02_date')}, ${people} employees affected, contracts ${continued ? 'carried over' : 'not carried over'} by the resulting employer.`,
    ),
  };
};

const m03: ItemRule = (f) => {
  const ruleId = 'M03.relocation';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M03', f.missing);
  const km = num(f, 'm03_distance_km');
  const plan = bool(f, 'm03_relocation_plan');
  const people = n(num(f, 'm03_employees_affected') ?? 0);
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `用人单位于 ${str(f, 'm03_move_date')} 搬迁${km === undefined ? '' : `（约 ${n(km)} 公里）`}，${people} 名职工需变更工作地点，${plan ? '已' : '尚未'}制定职工安置方案。`,
      `The workplace moves on ${str(f, 'm03_move_date')}${km === undefined ? '' : ` (about ${n(km)} km)`}, ${people} employees must change workplace, and a staff plan is ${plan ? 'in place' : 'not yet in place'}.`,
    ),
  };
};

const m04: ItemRule = (f) => {
  const ruleId = 'M04.stoppage_pay';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M04', f.missing);
  const causeValue = str(f, 'm04_cause');
  const cause = causeValue === '' ? t('停工停产', 'work stopped') : optionLabel('M04', 'm04_cause', causeValue);
  const paid = bool(f, 'm04_allowance_paid');
  const people = n(num(f, 'm04_employees_affected') ?? 0);
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `自 ${str(f, 'm04_since')} 起${cause.zh}，涉及职工 ${people} 人，停工期间工资或生活费${paid ? '已按规定支付' : '未按规定支付'}。`,
      `${cause.en} since ${str(f, 'm04_since')}, ${people} employees affected, wages or living allowance ${paid ? 'paid as required' : 'not paid as required'}.`,
    ),
  };
};

/** Grade of wage arrears by months unpaid (ruleset m05, "other cities" defaults). */
export function arrearsGrade(months: number, ruleset: Ruleset): ArrearsGrade {
  if (months < ruleset.m05.orangeFromMonths) return 'yellow';
  if (months <= ruleset.m05.redAboveMonths) return 'orange';
  return 'red';
}

function gradePhrase(grade: ArrearsGrade, ruleset: Ruleset): Text {
  const { orangeFromMonths: o, redAboveMonths: r } = ruleset.m05;
  if (grade === 'yellow') return t(`不足 ${n(o)} 个月，欠薪等级为黄色`, `under ${n(o)} month(s), graded yellow`);
  if (grade === 'orange')
    return t(`在 ${n(o)}–${n(r)} 个月之间，欠薪等级为橙色`, `between ${n(o)} and ${n(r)} months, graded orange`);
  return t(`超过 ${n(r)} 个月，欠薪等级为红色`, `more than ${n(r)} months, graded red`);
}

const m05: ItemRule = (f, ruleset) => {
  const ruleId = 'M05.wage_arrears';
  const months = num(f, 'm05_months_in_arrears');
  const grade = months === undefined ? undefined : arrearsGrade(months, ruleset);
  if (f.missing.length > 0) {
    const result = needsInfo(ruleId, 'M05', f.missing);
    return grade === undefined ? result : { ...result, grade };
  }
  const phrase = gradePhrase(grade ?? 'yellow', ruleset);
  const plan = str(f, 'm05_payment_plan_date');
  const people = n(num(f, 'm05_employees_owed') ?? 0);
  const amount = n(num(f, 'm05_amount_owed') ?? 0);
  return {
    ruleId,
    outcome: 'flagged',
    grade: grade ?? 'yellow',
    explanation: t(
      `拖欠 ${people} 名职工工资共 ${amount} 元，已拖欠 ${n(months ?? 0)} 个月，${phrase.zh}${plan ? `，单位承诺 ${plan} 前付清` : ''}。`,
      `${people} employees are owed ${amount} yuan for ${n(months ?? 0)} month(s), ${phrase.en}${plan ? `; payment promised by ${plan}` : ''}.`,
    ),
  };
};

const m06: ItemRule = (f, ruleset) => {
  const ruleId = 'M06.art41_reduction';
  const { people: minPeople, ratio, noticeDays } = ruleset.m06;
  const cut = num(f, 'm06_reduction_count');
  const headcount = num(f, 'm06_headcount');
  if (cut === undefined) return needsInfo(ruleId, 'M06', f.missing);
  const share = headcount === undefined ? null : formatPercent(cut, headcount);
  const scale = t(
    share === null ? `拟裁减 ${n(cut)} 人` : `拟裁减 ${n(cut)} 人（占用工总数 ${n(headcount ?? 0)} 人的 ${share}）`,
    share === null
      ? `${n(cut)} employees to be cut`
      : `${n(cut)} of ${n(headcount ?? 0)} employees to be cut (${share})`,
  );
  const standard = t(
    `《劳动合同法》第四十一条规模（${n(minPeople)} 人以上或占 ${formatRatio(ratio)} 以上）`,
    `the art. 41 scale (${n(minPeople)} people, or ${formatRatio(ratio)} of staff)`,
  );
  if (cut < minPeople && headcount === undefined && ruleset.m06.everyReductionReportable) {
    return {
      ruleId,
      outcome: 'flagged',
      explanation: t(
        `${scale.zh}，属于经济性裁员监测事项；不足 ${n(minPeople)} 人，还缺少用工总数，无法判断是否达到${standard.zh}。`,
        `${scale.en}: a reportable reduction, fewer than ${n(minPeople)}; the headcount is needed to tell whether it reaches ${standard.en}.`,
      ),
    };
  }
  if (cut < minPeople && headcount === undefined) {
    return needsInfo(
      ruleId,
      'M06',
      f.missing,
      t(
        `${scale.zh}，不足 ${n(minPeople)} 人，还缺少用工总数，无法判断是否达到${standard.zh}。`,
        `${scale.en}, fewer than ${n(minPeople)}; the headcount is needed to tell whether it reaches ${standard.en}.`,
      ),
    );
  }
  const meets = cut >= minPeople || (headcount !== undefined && cut / headcount >= ratio);
  if (!meets && ruleset.m06.everyReductionReportable) {
    // Seed §6(六) lists the reduction itself: below the art. 41 scale it is still a reported item.
    return {
      ruleId,
      outcome: 'flagged',
      explanation: t(
        `${scale.zh}，属于经济性裁员监测事项；未达到${standard.zh}，不适用提前 ${noticeDays} 日说明和报告程序。`,
        `${scale.en}: a reportable reduction; below ${standard.en}, so the ${noticeDays}-day notice and report do not apply.`,
      ),
    };
  }
  if (!meets) {
    return {
      ruleId,
      outcome: 'not_flagged',
      explanation: t(
        `${scale.zh}，未达到${standard.zh}，不适用提前 ${noticeDays} 日说明和报告程序。`,
        `${scale.en}: below ${standard.en}, so the ${noticeDays}-day notice and report do not apply.`,
      ),
    };
  }
  const notice = bool(f, 'm06_notice_30_days');
  const reported = bool(f, 'm06_reported_to_labour_dept');
  const gapsZh: string[] = [];
  const gapsEn: string[] = [];
  if (notice === false) {
    gapsZh.push(`未提前 ${noticeDays} 日向工会或全体职工说明情况`);
    gapsEn.push(`the union or all staff were not told ${noticeDays} days ahead`);
  }
  if (reported === false) {
    gapsZh.push('未向劳动行政部门报告裁减方案');
    gapsEn.push('the plan was not reported to the labour department');
  }
  const unknownZh: string[] = [];
  const unknownEn: string[] = [];
  if (notice === undefined) {
    unknownZh.push(`是否已提前 ${noticeDays} 日说明情况`);
    unknownEn.push(`whether staff were told ${noticeDays} days ahead`);
  }
  if (reported === undefined) {
    unknownZh.push('是否已向劳动行政部门报告');
    unknownEn.push('whether the plan was reported');
  }
  const head = t(`${scale.zh}，达到${standard.zh}`, `${scale.en}, reaching ${standard.en}`);
  if (ruleset.m06.everyReductionReportable) {
    const unknownPart =
      unknownZh.length > 0
        ? t(`；尚不清楚${unknownZh.join('、')}`, `; it is not known ${unknownEn.join(' or ')}`)
        : t('', '');
    const result: RuleResult = {
      ruleId,
      outcome: 'flagged',
      explanation: t(
        `${head.zh}，须提前 ${noticeDays} 日说明情况并向劳动行政部门报告${unknownPart.zh}。`,
        `${head.en}: ${noticeDays} days' notice and a report to the labour department are required${unknownPart.en}.`,
      ),
    };
    if (gapsZh.length === 0) return result;
    return {
      ...result,
      extra: [
        {
          ruleId: 'M06.art41_procedure_gap',
          outcome: 'flagged',
          explanation: t(
            `经济性裁员程序缺失：${gapsZh.join('；')}。`,
            `Art. 41 procedure incomplete: ${gapsEn.join('; ')}.`,
          ),
        },
      ],
    };
  }
  if (gapsZh.length > 0) {
    const unknown =
      unknownZh.length > 0
        ? t(`；${unknownZh.join('、')}尚不清楚`, `; ${unknownEn.join(' and ')} is unknown`)
        : t('', '');
    return {
      ruleId,
      outcome: 'flagged',
      explanation: t(
        `${head.zh}，但${gapsZh.join('，也')}${unknown.zh}。`,
        `${head.en}, but ${gapsEn.join(', and ')}${unknown.en}.`,
      ),
    };
  }
  if (unknownZh.length > 0) {
    return needsInfo(
      ruleId,
      'M06',
      f.missing,
      t(
        `${head.zh}，但尚不清楚${unknownZh.join('、')}，请补充。`,
        `${head.en}, but it is not known ${unknownEn.join(' or ')}; please ask.`,
      ),
    );
  }
  return {
    ruleId,
    outcome: 'not_flagged',
    explanation: t(
      `${head.zh}，已提前 ${noticeDays} 日说明情况并向劳动行政部门报告裁减方案，程序要件齐备。`,
      `${head.en}; staff were told ${noticeDays} days ahead and the plan was reported, so the procedure is complete.`,
    ),
  };
};

const m07: ItemRule = (f, ruleset) => {
  const ruleId = 'M07.departures';
  const { departures: minDepartures, ratio } = ruleset.m07;
  const left = num(f, 'm07_departures_this_month');
  const headcount = num(f, 'm07_headcount');
  if (left === undefined) return needsInfo(ruleId, 'M07', f.missing);
  const pct = headcount === undefined ? null : formatPercent(left, headcount);
  if (left >= minDepartures) {
    return {
      ruleId,
      outcome: 'flagged',
      explanation: t(
        `本月离职 ${n(left)} 人${pct === null ? '' : `（占用工总数 ${n(headcount ?? 0)} 人的 ${pct}）`}，达到 ${n(minDepartures)} 人标准。`,
        `${n(left)} departures this month${pct === null ? '' : ` (${pct} of a headcount of ${n(headcount ?? 0)})`}, meeting the ${n(minDepartures)}-person threshold.`,
      ),
    };
  }
  if (headcount === undefined || pct === null) {
    return needsInfo(
      ruleId,
      'M07',
      f.missing,
      t(
        `本月离职 ${n(left)} 人，不足 ${n(minDepartures)} 人，还缺少用工总数，无法判断是否达到 ${formatRatio(ratio)} 标准。`,
        `${n(left)} departures this month, fewer than ${n(minDepartures)}; the headcount is needed to check the ${formatRatio(ratio)} threshold.`,
      ),
    );
  }
  const meets = left / headcount >= ratio;
  const share = t(
    `本月离职 ${n(left)} 人，占用工总数 ${n(headcount)} 人的 ${pct}`,
    `${n(left)} departures this month, ${pct} of a headcount of ${n(headcount)}`,
  );
  return {
    ruleId,
    outcome: meets ? 'flagged' : 'not_flagged',
    explanation: meets
      ? t(`${share.zh}，达到 ${formatRatio(ratio)} 标准。`, `${share.en}, meeting the ${formatRatio(ratio)} threshold.`)
      : t(
          `${share.zh}，未达到 ${n(minDepartures)} 人或 ${formatRatio(ratio)} 标准。`,
          `${share.en}, below both the ${n(minDepartures)}-person and the ${formatRatio(ratio)} thresholds.`,
        ),
  };
};

const m08: ItemRule = (f) => {
  const ruleId = 'M08.rule_change';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M08', f.missing);
  const area = optionLabel('M08', 'm08_rules_area', str(f, 'm08_rules_area'));
  const consulted = bool(f, 'm08_consulted');
  const people = n(num(f, 'm08_employees_affected') ?? 0);
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `用人单位调整${area.zh}方面的规章制度（${str(f, 'm08_effective_date')} 施行），涉及职工 ${people} 人，${consulted ? '已' : '未'}经职工代表大会或全体职工讨论协商。`,
      `Rules on ${area.en.toLowerCase()} change from ${str(f, 'm08_effective_date')}, ${people} employees affected, ${consulted ? 'after' : 'without'} discussion with the staff congress or all staff.`,
    ),
  };
};

const m09: ItemRule = (f) => {
  const ruleId = 'M09.collective_action';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M09', f.missing);
  const still = bool(f, 'm09_still_going');
  const blocking = bool(f, 'm09_blocking_roads');
  const people = n(num(f, 'm09_people_involved') ?? 0);
  const place = quote(str(f, 'm09_place'), 40);
  const since = dateTimeText(str(f, 'm09_started_at'));
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `约 ${people} 人自 ${since} 起在“${place}”停工或聚集，目前${still ? '仍在持续' : '已停止'}，${blocking ? '存在堵门、堵路' : '未堵门、堵路'}。`,
      `About ${people} people have stopped work or gathered at "${place}" since ${since} (Changchun time), ${still ? 'still going' : 'now over'}, ${blocking ? 'with gates or roads blocked' : 'with no gates or roads blocked'}.`,
    ),
  };
};

const m10: ItemRule = (f) => {
  const ruleId = 'M10.public_opinion';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M10', f.missing);
  const platform = optionLabel('M10', 'm10_platform', str(f, 'm10_platform'));
  const reach = optionLabel('M10', 'm10_reach', str(f, 'm10_reach'));
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `${platform.zh}出现相关舆情（${str(f, 'm10_first_seen')} 首次发现），传播范围：${reach.zh}。`,
      `Public attention on ${platform.en}, first seen ${str(f, 'm10_first_seen')}; reach: ${reach.en.toLowerCase()}.`,
    ),
  };
};

const m11: ItemRule = (f) => {
  const ruleId = 'M11.other';
  if (f.missing.length > 0) return needsInfo(ruleId, 'M11', f.missing);
  const people = num(f, 'm11_people_involved');
  const what = quote(str(f, 'm11_description'));
  return {
    ruleId,
    outcome: 'flagged',
    explanation: t(
      `其他重大事项：“${what}”${people === undefined ? '' : `，涉及约 ${n(people)} 人`}。`,
      `Other major matter: "${what}"${people === undefined ? '' : `, about ${n(people)} people involved`}.`,
    ),
  };
};

export const ITEM_RULES: Readonly<Record<ItemCode, ItemRule>> = {
  M01: m01,
  M02: m02,
  M03: m03,
  M04: m04,
  M05: m05,
  M06: m06,
  M07: m07,
  M08: m08,
  M09: m09,
  M10: m10,
  M11: m11,
};
