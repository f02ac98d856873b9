// Every threshold the rules use, as data with a version. The version is stored with each assessment and
// level suggestion, so an old result can be re-explained with the ruleset it was made under: never edit a
// published ruleset, add a new one with a new version and point CURRENT_RULESET at it.

export interface Ruleset {
  readonly version: string;
  /**
   * Who is counted. 'involved' (2026.1): the largest people count of any fact drives urgency, group
   * incidents and levels. 'taking_part' (2026.2): only people taking part in a collective action do;
   * affected counts describe scale and never by themselves make a report urgent or a group incident.
   */
  readonly counting: 'involved' | 'taking_part';
  /** M05 wage arrears grading by months unpaid. */
  readonly m05: {
    /** months < orangeFromMonths → yellow. */
    readonly orangeFromMonths: number;
    /** orangeFromMonths ≤ months ≤ redAboveMonths → orange; months > redAboveMonths → red. */
    readonly redAboveMonths: number;
  };
  /** M06 Labour Contract Law art. 41 economic reduction. */
  readonly m06: {
    readonly people: number;
    readonly ratio: number;
    readonly noticeDays: number;
    /** 2026.2: every reduction is a reportable item; missing notice/report is an extra finding on top. */
    readonly everyReductionReportable: boolean;
  };
  /** M07 departures this month. */
  readonly m07: { readonly departures: number; readonly ratio: number };
  /** 紧急重大: report upward at once instead of within 24 h. */
  readonly urgency: {
    /** 2026.1: people involved; 2026.2: people taking part in a collective action under way. */
    readonly people: number;
    readonly m09Blocking: boolean;
    readonly m09StillGoing: boolean;
    /** M10 reach choice values that make a report urgent. */
    readonly m10Reach: readonly string[];
  };
  readonly groupIncident: { readonly people: number; readonly includeM09: boolean };
  readonly late: {
    readonly graceHours: number;
    /** 2026.2: lateness is only suggested (疑似迟报); an officer confirms or dismisses it. */
    readonly suggestionOnly: boolean;
  };
  readonly severity: {
    /** M10 reach values that make a report at least medium (wide already makes it urgent, hence high). */
    readonly mediumM10Reach: readonly string[];
  };
  /** Regional warning-level suggestion (seed §3). */
  readonly levels: {
    readonly level1: { readonly minGroupIncidents: number };
    readonly level2: {
      readonly minDistricts: number;
      readonly minGroupIncidents: number;
      readonly minPeople: number;
      /** Worsening: cases this window ≥ trendRatio × cases in the previous window of equal length. */
      readonly trendRatio: number;
    };
    readonly level3: {
      readonly minIndustries: number;
      readonly minGroupIncidents: number;
      /** Proxy for "may cross prefectures": we only see Changchun, so wide spread across its districts. */
      readonly minDistricts: number;
    };
  };
}

export const RULESET_V1: Ruleset = deepFreeze({
  version: '2026.1',
  counting: 'involved',
  // SPEC.md "other cities": < 1 month yellow, 1–2 months orange, > 2 months red.
  m05: { orangeFromMonths: 1, redAboveMonths: 2 },
  // Labour Contract Law art. 41 (seed §6(六)): ≥ 20 people, or < 20 but ≥ 10 % of staff; 30 days' notice.
  m06: { people: 20, ratio: 0.1, noticeDays: 30, everyReductionReportable: false },
  // Seed §6(七): ≥ 50 departures in the month, or < 50 but ≥ 10 % of the workforce.
  m07: { departures: 50, ratio: 0.1 },
  // Seed §8 says 紧急重大 reports go up immediately without defining them; SPEC.md fixes the triggers:
  // M09 roads/gates blocked or still going, ≥ 30 people (team default, configurable), M10 wide reach.
  urgency: { people: 30, m09Blocking: true, m09StillGoing: true, m10Reach: ['wide'] },
  // SPEC.md "other cities": a group incident means ≥ 10 people; M09 is a collective action by definition.
  groupIncident: { people: 10, includeM09: true },
  // Seed §10 (迟报) gives no number; 24 h mirrors the §8 deadline for the district's own Annex 4.
  late: { graceHours: 24, suggestionOnly: false },
  // Team default: locally spreading public opinion deserves a closer look than a few comments.
  severity: { mediumM10Reach: ['local'] },
  levels: {
    // Seed §3 level 1: some employers, a group incident or stoppage happened or is possible.
    level1: { minGroupIncidents: 1 },
    // Seed §3 level 2: ≥ 2 counties/districts/zones (from the seed); "multiplying" (≥ 3 incidents), "many
    // people" (≥ 100) and "worsening" (×1.5 on the previous window) are team defaults, not published figures.
    level2: { minDistricts: 2, minGroupIncidents: 3, minPeople: 100, trendRatio: 1.5 },
    // Seed §3 level 3: many industries, frequent incidents, may cross prefectures. Team defaults: ≥ 4
    // GB/T 4754 sections, ≥ 8 incidents, ≥ 5 of the city's 18 districts/zones as the cross-prefecture proxy.
    level3: { minIndustries: 4, minGroupIncidents: 8, minDistricts: 5 },
  },
});

/**
 * Ruleset 2026.2 (SPEC "Triage — who is counted, what is urgent"): affected vs taking part. Numbers the
 * seed does not give are TEAM DEFAULTS (marked below), changed by publishing a new version.
 */
export const RULESET_V2: Ruleset = deepFreeze({
  version: '2026.2',
  counting: 'taking_part',
  m05: { orangeFromMonths: 1, redAboveMonths: 2 },
  // Seed §6(六) lists the reduction itself: every art. 41 reduction is reportable; a missing 30-day notice
  // or report to the labour department is an additional compliance finding.
  m06: { people: 20, ratio: 0.1, noticeDays: 30, everyReductionReportable: true },
  m07: { departures: 50, ratio: 0.1 },
  // 紧急重大 — team defaults: a collective action under way with ≥ 30 taking part; any blocking of gates or
  // public roads, whatever the number; M10 with wide reach. (An officer may also mark a case urgent.)
  urgency: { people: 30, m09Blocking: true, m09StillGoing: false, m10Reach: ['wide'] },
  // 群体性事件 — team default: a collective action, actual or threatened, with ≥ 10 taking part.
  groupIncident: { people: 10, includeM09: false },
  // Team default: more than 24 h between the event date and the report makes a 疑似迟报 suggestion only.
  late: { graceHours: 24, suggestionOnly: true },
  severity: { mediumM10Reach: ['local'] },
  // Same level criteria as 2026.1 (team defaults where marked there), now fed by taking-part counts and
  // counting cases (incidents), not reports.
  levels: {
    level1: { minGroupIncidents: 1 },
    level2: { minDistricts: 2, minGroupIncidents: 3, minPeople: 100, trendRatio: 1.5 },
    level3: { minIndustries: 4, minGroupIncidents: 8, minDistricts: 5 },
  },
});

export const CURRENT_RULESET: Ruleset = RULESET_V2;

/** Every published ruleset by version, to re-explain stored assessments. */
export const RULESETS: Readonly<Record<string, Ruleset>> = Object.freeze({
  [RULESET_V1.version]: RULESET_V1,
  [RULESET_V2.version]: RULESET_V2,
});

/** The ruleset a stored result was made under, or undefined when this build does not know that version. */
export function rulesetFor(
  version: string,
  registry: Readonly<Record<string, Ruleset>> = RULESETS,
): Ruleset | undefined {
  return Object.hasOwn(registry, version) ? registry[version] : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
