// Drives a conversation by answering whatever the engine asks, from a table of answers by field id,
// so tests do not depend on the order of questions (the field table may grow).

/** Realistic answers for a small manufacturer in 南关区 with unpaid wages (M05). */
export const M05_ANSWERS: Record<string, unknown> = {
  unit_name: '长春市示例机械制造有限公司',
  uscc: '91110108551385082Q',
  legal_rep: '王建国',
  business_status: 'difficult',
  headcount: '1,200',
  district: '220102',
  address: '长春市南关区人民大街 100 号',
  industry: 'C',
  reporter_name: '李梅',
  reporter_phone: '+86 138 0013 8000',
  items: ['M05'],
  m05_employees_owed: '２５',
  m05_amount_owed: '420000',
  m05_months_in_arrears: '2',
  m05_payment_plan_date: '2026-12-20',
  collective_action: 'none',
  event_at: '2026-11-24',
  details: '因回款困难，10 月、11 月工资未能按时足额发放，涉及一线职工 25 人。',
  measures: '已与工会沟通，拟于 12 月 20 日前补发。',
};

export const M09_ANSWERS: Record<string, unknown> = {
  ...M05_ANSWERS,
  items: ['M09'],
  m09_people_involved: '45',
  m09_place: '厂区正门',
  m09_started_at: '2026-11-25 08:30',
  m09_still_going: '是',
  m09_blocking_roads: '是',
  collective_action: 'happening',
  collective_kinds: ['gathering', 'blocking'],
  collective_taking_part: '45',
  event_at: '2026-11-25 08:30',
  details: '部分职工因工资问题在厂区正门聚集，堵住大门。',
};

export type ReplyLike = {
  kind: string;
  field?: { id: string; kind: string };
  error?: string;
  warning?: string;
};

/** The input that answers `reply` from `answers`; undefined when the table has no answer for it. */
export function inputFor(reply: ReplyLike, answers: Record<string, unknown>): Record<string, unknown> | undefined {
  if (reply.kind === 'review') return { type: 'submit' };
  if (reply.warning) return { type: 'confirm' };
  const id = reply.field?.id;
  if (!id) return undefined;
  if (!(id in answers)) return reply.field?.kind === 'multi' ? undefined : { type: 'skip' };
  return { type: 'answer', value: answers[id] as string };
}

/** M05 answers for another employer (no USCC, its own name): a case of its own, not a follow-up (续报). */
export function otherEmployer(unitName: string, answers: Record<string, unknown> = M05_ANSWERS) {
  const { uscc: _uscc, ...rest } = answers;
  return { ...rest, unit_name: unitName };
}
