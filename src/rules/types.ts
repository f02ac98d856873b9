// Shared shapes of the rules module. The intake engine is written against these names:
// fields may be added, none renamed or removed.

export type Locale = 'zh' | 'en';
export type Text = { zh: string; en: string };
export type ItemCode = 'M01' | 'M02' | 'M03' | 'M04' | 'M05' | 'M06' | 'M07' | 'M08' | 'M09' | 'M10' | 'M11';
export type FactKind = 'text' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean' | 'choice' | 'url';

export interface FactOption {
  value: string;
  label: Text;
}

export interface FactField {
  /** Globally unique, snake_case, prefixed by item: 'm05_employees_owed'. */
  id: string;
  item: ItemCode;
  /** integer: whole >= 0; money: yuan, number >= 0; date 'YYYY-MM-DD'; datetime ISO; boolean; choice: one of options. */
  kind: FactKind;
  /** Short label for review screens and forms. */
  label: Text;
  /** The question asked in chat, one sentence. */
  prompt: Text;
  required: boolean;
  /** For 'choice'. */
  options?: FactOption[];
  min?: number;
  max?: number;
  maxLength?: number;
  /**
   * date/datetime: 'past' facts say when something began or was seen, so they cannot be in the future; other
   * dates may be planned (a promised payment, an effective date). None may be before 2000.
   */
  when?: 'past';
  /**
   * True when this fact counts people: under 2026.1 every such count was "people involved"; from 2026.2
   * only `takingPart` counts (people in a collective action) drive urgency and levels, the rest is scale.
   */
  peopleCount?: boolean;
  /** 2026.2: this count is of people taking part in a collective action (M09), not merely affected. */
  takingPart?: boolean;
  /**
   * An Annex 3 field that already answers this fact (e.g. 用工人数 for a headcount): the intake does not
   * ask it again when that field is answered, and assess() falls back to the Annex 3 value.
   */
  answeredBy?: 'headcount';
}

/**
 * A question asked once per report, after the items' follow-ups (ruleset 2026.2): whether a collective
 * action is happening or announced, what kind, and how many take part. Not tied to one monitoring item.
 */
export interface ReportFact extends Omit<FactField, 'item' | 'kind' | 'peopleCount' | 'answeredBy'> {
  kind: FactKind | 'multi';
  /** Asked only when the collective-action answer is one of these values. */
  askedWhen?: readonly string[];
}

export type CollectiveAction = 'none' | 'happening' | 'announced';
export type CollectiveKind = 'gathering' | 'stoppage' | 'slowdown' | 'blocking' | 'petition';

export interface MonitoringItem {
  code: ItemCode;
  /** The seed's exact §6 wording (zh). */
  official: string;
  /** Short name. */
  name: Text;
  facts: FactField[];
}

export interface ReportInput {
  employer: {
    name?: string;
    uscc?: string;
    headcount?: number;
    /** GB/T 4754-2017 section letter A–T. */
    industry?: string;
    district?: string;
  };
  items: ItemCode[];
  /** By FactField.id; values may be any junk (strings for numbers, NaN, negative, missing). */
  facts: Record<string, unknown>;
  /** ISO datetime or YYYY-MM-DD of 事发时间. */
  eventAt?: string;
  /** ISO datetime the report was submitted. */
  reportedAt: string;
}

export type Outcome = 'flagged' | 'not_flagged' | 'needs_info';

/** M05 wage-arrears grade (other cities' published grading, see ruleset.ts). */
export type ArrearsGrade = 'yellow' | 'orange' | 'red';

export interface Finding {
  ruleId: string;
  item: ItemCode;
  outcome: Outcome;
  /** The normalised facts the rule read (unusable values are left out and listed in `missing`). */
  facts: Record<string, unknown>;
  explanation: Text;
  /** Required fact ids that were missing or unusable, in catalogue order: what to ask next. */
  missing: string[];
  /** M05 only, when months in arrears is known. */
  grade?: ArrearsGrade;
}

export type Severity = 'low' | 'medium' | 'high';
export type Urgency = 'immediate' | 'within_24h';

export interface Assessment {
  rulesetVersion: string;
  findings: Finding[];
  severity: { level: Severity; reason: Text };
  urgency: { level: Urgency; reasons: Text[] };
  /**
   * 2026.1: isLate is the automatic 迟报 flag. 2026.2: isLate means 疑似迟报, a suggestion for the officer
   * to confirm or dismiss (situations that build up have an event date that says when they began).
   */
  late: { isLate: boolean; delayHours: number | null; reason: Text | null; suggestionOnly?: boolean };
  /**
   * The count that drives urgency, group incidents and levels. 2026.1: the largest people count among the
   * facts. 2026.2: people taking part in a collective action (happening or announced), null when none.
   */
  peopleInvolved: number | null;
  /** 2026.1: people involved ≥ threshold or M09 present. 2026.2: a collective action with ≥ 10 taking part. */
  groupIncident: boolean;
  /** 2026.2: the largest count of people affected (owed wages, to be cut, leaving…): scale only. */
  affected?: number | null;
  /** 2026.2: the collective action asked about after the items (and M09's own facts). */
  collective?: {
    action: CollectiveAction | null;
    kinds: CollectiveKind[];
    takingPart: number | null;
    blocking: boolean;
  };
  /** 2026.2: reasons for the group-incident decision and the Annex 4 level hint, zh and en. */
  groupReason?: Text;
}
