import type { ItemCode, ReportInput } from './types';

// Shared by the rules tests only (not exported from index.ts).

export const REPORTED_AT = '2026-03-02T10:00:00+08:00';

export function report(
  items: ItemCode[],
  facts: Record<string, unknown>,
  extra: Partial<ReportInput> = {},
): ReportInput {
  return { employer: {}, items, facts, reportedAt: REPORTED_AT, ...extra };
}

/** Complete, unremarkable facts for every item: low severity, within 24 h, nobody counted. */
export const CALM_FACTS: Readonly<Record<string, unknown>> = {
  m01_event: 'term_expired',
  m01_effective_date: '2026-04-01',
  m01_employees_affected: 5,
  m01_wages_settled: true,
  m02_kind: 'merger',
  m02_date: '2026-04-01',
  m02_employees_affected: 5,
  m02_contracts_continued: true,
  m03_from_address: '南关区人民大街 1 号',
  m03_to_address: '朝阳区西安大路 2 号',
  m03_move_date: '2026-05-01',
  m03_employees_affected: 5,
  m03_relocation_plan: true,
  m04_since: '2026-03-01',
  m04_employees_affected: 5,
  m04_allowance_paid: true,
  m05_employees_owed: 5,
  m05_amount_owed: 20000,
  m05_months_in_arrears: 0,
  m06_reduction_count: 5,
  m06_headcount: 1000,
  m06_notice_30_days: true,
  m06_reported_to_labour_dept: true,
  m07_departures_this_month: 5,
  m07_headcount: 1000,
  m08_rules_area: 'hours',
  m08_effective_date: '2026-04-01',
  m08_employees_affected: 5,
  m08_consulted: true,
  m09_people_involved: 5,
  m09_place: '一号车间',
  m09_started_at: '2026-03-02T08:00:00+08:00',
  m09_still_going: false,
  m09_blocking_roads: false,
  m10_platform: 'douyin',
  m10_first_seen: '2026-03-01',
  m10_reach: 'small',
  m11_description: '食堂停止供餐，职工有意见',
  m11_people_involved: 5,
};
