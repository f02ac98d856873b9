import { COLLECTIVE_KIND_OPTIONS } from './catalogue';
import { toCount } from './coerce';
import { formatNumber } from './format';
import type { Ruleset } from './ruleset';
import type { Assessment, CollectiveAction, CollectiveKind, Text } from './types';

// Ruleset 2026.2 (SPEC "Triage — who is counted, what is urgent"): only people TAKING PART in a collective
// action — happening now or announced — make a group incident or an urgent report. People affected (owed
// wages, to be cut, leaving) describe scale and are reported as such, never as a reason for urgency.

const t = (zh: string, en: string): Text => ({ zh, en });
const n = formatNumber;

const ACTIONS: readonly CollectiveAction[] = ['none', 'happening', 'announced'];
const KINDS = new Set<string>(COLLECTIVE_KIND_OPTIONS.map((o) => o.value));

export type Collective = NonNullable<Assessment['collective']>;

/** What M09's own follow-ups say (a stoppage/blocking item is a collective action by definition). */
export interface M09Facts {
  selected: boolean;
  takingPart?: number;
  stillGoing?: boolean;
  blocking?: boolean;
}

/** Reads the once-per-report collective-action answers together with M09's facts; junk reads as unknown. */
export function readCollective(facts: Readonly<Record<string, unknown>>, m09: M09Facts): Collective {
  const rawAction = Object.hasOwn(facts, 'collective_action') ? facts.collective_action : undefined;
  const action = ACTIONS.find((a) => a === rawAction) ?? null;
  const rawKinds = Object.hasOwn(facts, 'collective_kinds') ? facts.collective_kinds : undefined;
  const kinds =
    action === 'happening' || action === 'announced'
      ? (Array.isArray(rawKinds) ? rawKinds : [rawKinds]).filter(
          (k): k is CollectiveKind => typeof k === 'string' && KINDS.has(k),
        )
      : [];
  const asked =
    action === 'happening' || action === 'announced'
      ? toCount(Object.hasOwn(facts, 'collective_taking_part') ? facts.collective_taking_part : undefined)
      : undefined;
  const counts = [asked, m09.selected ? m09.takingPart : undefined].filter((v): v is number => v !== undefined);
  const takingPart = counts.length > 0 ? Math.max(...counts) : null;
  // Blocking counts when it is happening: reported in M09, or as the form of an action under way.
  const blocking = m09.blocking === true || (action === 'happening' && kinds.includes('blocking'));
  return { action, kinds, takingPart, blocking };
}

/** Is the collective action (or M09's stoppage) going on now? */
export function underWay(c: Collective, m09: M09Facts): boolean {
  return c.action === 'happening' || (m09.selected && m09.stillGoing === true);
}

/** A collective action, actual or threatened, with at least the group-incident number taking part. */
export function groupIncidentOf(c: Collective, m09: M09Facts, ruleset: Ruleset): { is: boolean; reason: Text } {
  const min = ruleset.groupIncident.people;
  const anyAction = m09.selected || c.action === 'happening' || c.action === 'announced';
  if (!anyAction) {
    return {
      is: false,
      reason: t(
        '未发生、也未可能发生群体性行为：不属于群体性事件（受影响人数不计入）。',
        'No collective action happening or announced: not a group incident (people affected do not count).',
      ),
    };
  }
  if (c.takingPart === null) {
    return {
      is: false,
      reason: t(
        `有群体性行为，但参与人数不详：请核实是否达到 ${n(min)} 人的群体性事件标准。`,
        `A collective action, but the number taking part is unknown: check it against the ${n(min)}-person group-incident threshold.`,
      ),
    };
  }
  const is = c.takingPart >= min;
  return {
    is,
    reason: is
      ? t(
          `群体性行为参与 ${n(c.takingPart)} 人，达到 ${n(min)} 人的群体性事件标准。`,
          `${n(c.takingPart)} people take part in a collective action, at or above the group-incident threshold of ${n(min)}.`,
        )
      : t(
          `群体性行为参与 ${n(c.takingPart)} 人，不足群体性事件标准（${n(min)} 人）。`,
          `${n(c.takingPart)} people take part in a collective action, below the group-incident threshold of ${n(min)}.`,
        ),
  };
}

export interface UrgentReason {
  reason: Text;
  short: Text;
}

/** The 2026.2 reasons a report is urgent (empty when it is not), each in zh and en. */
export function urgentReasons(
  c: Collective,
  m09: M09Facts,
  m10Reach: string | undefined,
  ruleset: Ruleset,
): UrgentReason[] {
  const u = ruleset.urgency;
  const out: UrgentReason[] = [];
  if (u.m09Blocking && c.blocking) {
    out.push({
      reason: t(
        `存在堵门、堵路${c.takingPart === null ? '' : `（约 ${n(c.takingPart)} 人）`}，不论人数多少，属于紧急重大事项，应立即报告。`,
        `Gates or roads are blocked${c.takingPart === null ? '' : ` (about ${n(c.takingPart)} people)`}: urgent whatever the number, report at once.`,
      ),
      short: t('堵门、堵路', 'gates or roads blocked'),
    });
  }
  if (c.takingPart !== null && c.takingPart >= u.people && underWay(c, m09)) {
    out.push({
      reason: t(
        `群体性行为正在发生，参与 ${n(c.takingPart)} 人，达到 ${n(u.people)} 人的紧急标准，应立即报告。`,
        `A collective action is under way with ${n(c.takingPart)} taking part, at or above ${n(u.people)}: report at once.`,
      ),
      short: t(
        `群体性行为正在发生，参与 ${n(c.takingPart)} 人`,
        `a collective action under way with ${n(c.takingPart)} taking part`,
      ),
    });
  }
  if (m10Reach !== undefined && u.m10Reach.includes(m10Reach)) {
    out.push({
      reason: t(
        '舆情已广泛传播，属于紧急重大事项，应立即报告。',
        'Public opinion is spreading widely: an urgent major matter, report at once.',
      ),
      short: t('舆情广泛传播', 'public opinion spreading widely'),
    });
  }
  return out;
}

/** Why a 2026.2 report is not urgent: what was checked, and the affected count as scale only. */
export function notUrgentReason(c: Collective, affected: number | null, ruleset: Ruleset): Text {
  const scale =
    affected === null
      ? t('', '')
      : t(
          `涉及（受影响）职工 ${n(affected)} 人，只说明规模，不作为紧急判断依据。`,
          ` ${n(affected)} employees are affected: that is scale, not a reason for urgency.`,
        );
  const action =
    c.action === 'announced'
      ? t('群体性行为尚未发生（可能发生），', 'The collective action has not started (it is announced); ')
      : c.takingPart !== null
        ? t(`参与人数 ${n(c.takingPart)} 人，`, `${n(c.takingPart)} taking part; `)
        : t('', '');
  return t(
    `${action.zh}未发现堵门堵路、正在发生且参与 ${n(ruleset.urgency.people)} 人以上的群体性行为或舆情广泛传播等紧急重大情形，接报后 24 小时内填报上报。${scale.zh}`,
    `${action.en}No blocking, no collective action under way with ${n(ruleset.urgency.people)} or more taking part, no wide public attention: report within 24 hours.${scale.en}`,
  );
}
