import type { FactField, FactOption, ItemCode, MonitoringItem, ReportFact, Text } from './types';

// The eleven monitoring items of seed §6 and the follow-up facts the intake asks for each (SPEC.md table).
// This is the only declaration of those facts: the chat, the forms, the review screen and assess() read it.

const t = (zh: string, en: string): Text => ({ zh, en });
const opt = (value: string, zh: string, en: string): FactOption => ({ value, label: t(zh, en) });

// Upper bounds keep typos (an extra zero or a phone number in a count box) out of the forms; assess()
// itself does not reject big numbers, so a real large figure still raises severity.
const MAX_PEOPLE = 1_000_000;
const MAX_YUAN = 100_000_000_000;

const people = (item: ItemCode, id: string, label: Text, prompt: Text, required = true): FactField => ({
  id,
  item,
  kind: 'integer',
  label,
  prompt,
  required,
  min: 0,
  max: MAX_PEOPLE,
  peopleCount: true,
});

const headcount = (item: ItemCode, id: string): FactField => ({
  id,
  item,
  kind: 'integer',
  label: t('用工总数', 'Total headcount'),
  prompt: t('单位目前用工总数是多少人？', 'How many people does the employer employ in total?'),
  required: true,
  min: 1,
  max: MAX_PEOPLE,
  answeredBy: 'headcount',
});

const M01_FACTS: FactField[] = [
  {
    id: 'm01_event',
    item: 'M01',
    kind: 'choice',
    label: t('事件类型', 'Event'),
    prompt: t('发生的是下列哪种情形？', 'Which of these happened?'),
    required: true,
    options: [
      opt('bankruptcy', '依法宣告破产', 'Declared bankrupt'),
      opt('licence_revoked', '吊销营业执照', 'Business licence revoked'),
      opt('ordered_closed', '责令关闭', 'Ordered to close'),
      opt('deregistered', '撤销', 'Registration cancelled'),
      opt('early_dissolution', '决定提前解散', 'Decided to dissolve early'),
      opt('term_expired', '经营期限届满不再继续经营', 'Operating term expired, not continuing'),
    ],
  },
  {
    id: 'm01_effective_date',
    item: 'M01',
    kind: 'date',
    label: t('生效日期', 'Effective date'),
    prompt: t('该情形何日生效（或预计何日生效）？', 'On what date does (or will) it take effect?'),
    required: true,
  },
  people(
    'M01',
    'm01_employees_affected',
    t('涉及职工人数', 'Employees affected'),
    t('涉及多少名职工？', 'How many employees are affected?'),
  ),
  {
    id: 'm01_wages_settled',
    item: 'M01',
    kind: 'boolean',
    label: t('工资和经济补偿已结清', 'Wages and compensation settled'),
    prompt: t('职工工资和经济补偿是否已全部结清？', 'Have all wages and severance payments been settled?'),
    required: true,
  },
];

const M02_FACTS: FactField[] = [
  {
    id: 'm02_kind',
    item: 'M02',
    kind: 'choice',
    label: t('变化类型', 'Kind of change'),
    prompt: t('发生的是合并、分立还是实际控制人变更？', 'Is it a merger, a split or a change of actual controller?'),
    required: true,
    options: [
      opt('merger', '合并', 'Merger'),
      opt('split', '分立', 'Split'),
      opt('controller_change', '实际控制人变更', 'Change of actual controller'),
    ],
  },
  {
    id: 'm02_date',
    item: 'M02',
    kind: 'date',
    label: t('发生日期', 'Date'),
    prompt: t('变更在哪一天发生（或预计哪一天）？', 'On what date did (or will) the change happen?'),
    required: true,
  },
  people(
    'M02',
    'm02_employees_affected',
    t('涉及职工人数', 'Employees affected'),
    t('涉及多少名职工？', 'How many employees are affected?'),
  ),
  {
    id: 'm02_contracts_continued',
    item: 'M02',
    kind: 'boolean',
    label: t('劳动合同继续履行', 'Contracts carried over'),
    prompt: t(
      '职工的劳动合同是否由变更后的单位继续履行？',
      "Will the employees' contracts be carried over by the resulting employer?",
    ),
    required: true,
  },
];

const M03_FACTS: FactField[] = [
  {
    id: 'm03_from_address',
    item: 'M03',
    kind: 'text',
    label: t('原地址', 'From address'),
    prompt: t('搬迁前的生产经营地址是哪里？', 'What is the current (old) workplace address?'),
    required: true,
    maxLength: 200,
  },
  {
    id: 'm03_to_address',
    item: 'M03',
    kind: 'text',
    label: t('新地址', 'To address'),
    prompt: t('搬迁后的新地址是哪里？', 'What is the new workplace address?'),
    required: true,
    maxLength: 200,
  },
  {
    id: 'm03_distance_km',
    item: 'M03',
    kind: 'integer',
    label: t('搬迁距离（公里）', 'Distance (km)'),
    prompt: t('新旧地址大约相距多少公里？', 'Roughly how many kilometres apart are the two addresses?'),
    required: false,
    min: 0,
    max: 10_000,
  },
  {
    id: 'm03_move_date',
    item: 'M03',
    kind: 'date',
    label: t('搬迁日期', 'Move date'),
    prompt: t('哪一天搬迁（或预计哪一天）？', 'On what date is (or was) the move?'),
    required: true,
  },
  people(
    'M03',
    'm03_employees_affected',
    t('涉及职工人数', 'Employees affected'),
    t('需要变更工作地点的职工有多少人？', 'How many employees must change workplace?'),
  ),
  {
    id: 'm03_relocation_plan',
    item: 'M03',
    kind: 'boolean',
    label: t('已制定职工安置方案', 'Staff relocation plan in place'),
    prompt: t(
      '是否已制定职工安置方案（通勤、补偿、解除合同等）？',
      'Is there a plan for the staff (commuting, compensation, ending contracts)?',
    ),
    required: true,
  },
];

const M04_FACTS: FactField[] = [
  {
    id: 'm04_cause',
    item: 'M04',
    kind: 'choice',
    label: t('情形', 'Situation'),
    prompt: t(
      '属于停工、停产、歇业还是不可抗力？',
      'Is it a work stoppage, a production halt, a closure or force majeure?',
    ),
    required: false,
    options: [
      opt('stoppage', '停工', 'Work stoppage'),
      opt('production_halt', '停产', 'Production halt'),
      opt('business_suspended', '歇业', 'Business suspended'),
      opt('force_majeure', '不可抗力', 'Force majeure'),
    ],
  },
  {
    id: 'm04_since',
    when: 'past',
    item: 'M04',
    kind: 'date',
    label: t('开始日期', 'Since'),
    prompt: t('从哪一天开始停工停产？', 'Since what date has work been stopped?'),
    required: true,
  },
  people(
    'M04',
    'm04_employees_affected',
    t('涉及职工人数', 'Employees affected'),
    t('涉及多少名职工？', 'How many employees are affected?'),
  ),
  {
    id: 'm04_allowance_paid',
    item: 'M04',
    kind: 'boolean',
    label: t('工资或生活费已按规定支付', 'Wages or living allowance paid'),
    prompt: t(
      '停工期间的工资或生活费是否已按规定支付？',
      'Are wages or the living allowance for the stoppage being paid as required?',
    ),
    required: true,
  },
];

const M05_FACTS: FactField[] = [
  people(
    'M05',
    'm05_employees_owed',
    t('被拖欠工资人数', 'Employees owed'),
    t('有多少名职工被拖欠工资？', 'How many employees are owed wages?'),
  ),
  {
    id: 'm05_amount_owed',
    item: 'M05',
    kind: 'money',
    label: t('拖欠金额（元）', 'Amount owed (yuan)'),
    prompt: t('拖欠工资总额大约多少元？', 'Roughly how much is owed in total, in yuan?'),
    required: true,
    min: 0,
    max: MAX_YUAN,
  },
  // Whole months, counted down ("不足一个月填 0"): employers and officers talk about arrears in months and
  // a whole number is easy to answer in chat. The cost: 2.5 months is entered as 2 and graded orange, not
  // red; ask in days in a later ruleset if that matters. arrearsGrade() itself compares any number.
  {
    id: 'm05_months_in_arrears',
    item: 'M05',
    kind: 'integer',
    label: t('拖欠月数', 'Months in arrears'),
    prompt: t(
      '工资已拖欠几个整月？不足一个月请填 0。',
      'For how many whole months have wages been unpaid? Enter 0 if less than a month.',
    ),
    required: true,
    min: 0,
    max: 600,
  },
  {
    id: 'm05_payment_plan_date',
    item: 'M05',
    kind: 'date',
    label: t('承诺支付日期', 'Promised payment date'),
    prompt: t('单位承诺哪一天前付清？没有可跳过。', 'By what date has the employer promised to pay? Skip if none.'),
    required: false,
  },
];

const M06_FACTS: FactField[] = [
  people(
    'M06',
    'm06_reduction_count',
    t('拟裁减人数', 'Employees to be cut'),
    t('计划裁减多少人？', 'How many employees are to be cut?'),
  ),
  headcount('M06', 'm06_headcount'),
  {
    id: 'm06_notice_30_days',
    item: 'M06',
    kind: 'boolean',
    label: t('已提前30日向工会或全体职工说明', 'Union or all staff told 30 days ahead'),
    prompt: t(
      '是否已提前 30 日向工会或者全体职工说明情况并听取意见？',
      'Were the union or all staff told at least 30 days in advance and heard?',
    ),
    required: true,
  },
  {
    id: 'm06_reported_to_labour_dept',
    item: 'M06',
    kind: 'boolean',
    label: t('裁减方案已向劳动行政部门报告', 'Plan reported to the labour department'),
    prompt: t(
      '裁减人员方案是否已向劳动行政部门报告？',
      'Has the reduction plan been reported to the labour department?',
    ),
    required: true,
  },
];

const M07_FACTS: FactField[] = [
  people(
    'M07',
    'm07_departures_this_month',
    t('本月离职人数', 'Departures this month'),
    t('本月已有多少人离职？', 'How many people have left this month?'),
  ),
  headcount('M07', 'm07_headcount'),
];

const M08_FACTS: FactField[] = [
  {
    id: 'm08_rules_area',
    item: 'M08',
    kind: 'choice',
    label: t('调整的规章制度', 'Rules changed'),
    prompt: t('主要调整的是哪方面的规章制度？', 'Which area of workplace rules is mainly being changed?'),
    required: true,
    options: [
      opt('pay', '劳动报酬', 'Pay'),
      opt('hours', '工作时间', 'Working hours'),
      opt('rest', '休息休假', 'Rest and leave'),
      opt('safety', '劳动安全卫生', 'Occupational safety and health'),
      opt('insurance', '保险福利', 'Insurance and benefits'),
      opt('discipline', '劳动纪律', 'Discipline'),
      opt('quotas', '劳动定额管理', 'Work quotas'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    id: 'm08_details',
    item: 'M08',
    kind: 'text',
    label: t('调整内容', 'What changes'),
    prompt: t('请简要说明调整内容。', 'Briefly, what changes?'),
    required: false,
    maxLength: 500,
  },
  {
    id: 'm08_effective_date',
    item: 'M08',
    kind: 'date',
    label: t('施行日期', 'Effective date'),
    prompt: t('新制度从哪一天开始施行？', 'From what date do the new rules apply?'),
    required: true,
  },
  people(
    'M08',
    'm08_employees_affected',
    t('涉及职工人数', 'Employees affected'),
    t('涉及多少名职工？', 'How many employees are affected?'),
  ),
  {
    id: 'm08_consulted',
    item: 'M08',
    kind: 'boolean',
    label: t('已经职代会或全体职工讨论、与工会协商', 'Discussed with staff congress or all staff and the union'),
    prompt: t(
      '调整是否经过职工代表大会或者全体职工讨论，并与工会或职工代表平等协商？',
      'Was the change discussed by the staff congress or all staff and negotiated with the union or staff representatives?',
    ),
    required: true,
  },
];

const M09_FACTS: FactField[] = [
  {
    ...people(
      'M09',
      'm09_people_involved',
      t('参与人数', 'People taking part'),
      t('大约有多少人参与？', 'Roughly how many people are taking part?'),
    ),
    takingPart: true,
  },
  {
    id: 'm09_place',
    item: 'M09',
    kind: 'text',
    label: t('地点', 'Place'),
    prompt: t('在什么地点？', 'Where is it happening?'),
    required: true,
    maxLength: 200,
  },
  {
    id: 'm09_started_at',
    when: 'past',
    item: 'M09',
    kind: 'datetime',
    label: t('开始时间', 'Started at'),
    prompt: t('什么时候开始的？', 'When did it start?'),
    required: true,
  },
  {
    id: 'm09_still_going',
    item: 'M09',
    kind: 'boolean',
    label: t('仍在持续', 'Still going'),
    prompt: t('现在是否仍在持续？', 'Is it still going on now?'),
    required: true,
  },
  {
    id: 'm09_blocking_roads',
    item: 'M09',
    kind: 'boolean',
    label: t('堵门或堵路', 'Blocking gates or roads'),
    prompt: t('是否有堵门、堵路的情况？', 'Are gates or roads being blocked?'),
    required: true,
  },
];

const M10_FACTS: FactField[] = [
  {
    id: 'm10_platform',
    item: 'M10',
    kind: 'choice',
    label: t('平台', 'Platform'),
    prompt: t('舆情主要出现在哪个平台？', 'On which platform did it mainly appear?'),
    required: true,
    options: [
      opt('weibo', '微博', 'Weibo'),
      opt('douyin', '抖音', 'Douyin'),
      opt('kuaishou', '快手', 'Kuaishou'),
      opt('wechat', '微信（公众号、视频号、群聊）', 'WeChat (accounts, channels, groups)'),
      opt('xiaohongshu', '小红书', 'Xiaohongshu'),
      opt('toutiao', '今日头条', 'Toutiao'),
      opt('news', '新闻媒体', 'News media'),
      opt('other', '其他', 'Other'),
    ],
  },
  {
    id: 'm10_link',
    item: 'M10',
    kind: 'url',
    label: t('链接', 'Link'),
    prompt: t('如有链接请发送，没有可跳过。', 'Send a link if you have one, or skip.'),
    required: false,
    maxLength: 2048,
  },
  {
    id: 'm10_first_seen',
    when: 'past',
    item: 'M10',
    kind: 'date',
    label: t('首次发现日期', 'First seen'),
    prompt: t('哪一天首次发现？', 'On what date was it first seen?'),
    required: true,
  },
  {
    id: 'm10_reach',
    item: 'M10',
    kind: 'choice',
    label: t('传播范围', 'Reach'),
    prompt: t('目前传播范围有多大？', 'How far has it spread so far?'),
    required: true,
    options: [
      opt('small', '少量关注（转发评论很少）', 'Little attention (few shares or comments)'),
      opt('local', '本地传播（本地群聊、本地媒体）', 'Local (local groups, local media)'),
      opt('wide', '广泛传播（上热搜、大量转发或外地媒体报道）', 'Wide (trending, mass sharing or media elsewhere)'),
    ],
  },
];

const M11_FACTS: FactField[] = [
  {
    id: 'm11_description',
    item: 'M11',
    kind: 'text',
    label: t('事项描述', 'Description'),
    prompt: t('请简要描述发生了什么。', 'Briefly describe what happened.'),
    required: true,
    maxLength: 500,
  },
  people(
    'M11',
    'm11_people_involved',
    t('涉及人数', 'People involved'),
    t('大约涉及多少人？不清楚可跳过。', 'Roughly how many people are involved? Skip if unknown.'),
    false,
  ),
];

export const MONITORING_ITEMS: readonly MonitoringItem[] = [
  {
    code: 'M01',
    official: '被依法宣告破产、吊销营业执照、责令关闭、撤销、决定提前解散或经营期限届满不再继续经营的',
    name: t('破产、关闭或解散', 'Bankruptcy, closure or dissolution'),
    facts: M01_FACTS,
  },
  {
    code: 'M02',
    official: '发生合并、分立或实际控制人变更，可能引发集体劳动争议的',
    name: t('合并、分立或控制人变更', 'Merger, split or change of controller'),
    facts: M02_FACTS,
  },
  {
    code: 'M03',
    official: '生产经营地址搬迁需变更劳动者工作地点，可能引发集体劳动争议的',
    name: t('搬迁变更工作地点', 'Relocation of the workplace'),
    facts: M03_FACTS,
  },
  {
    code: 'M04',
    official: '非因劳动者原因停工、停产、歇业、发生不可抗力导致支付工资或生活费出现纠纷，可能引发集体劳动争议的',
    name: t('停工停产工资纠纷', 'Stoppage with wage or allowance disputes'),
    facts: M04_FACTS,
  },
  {
    code: 'M05',
    official: '未按时足额支付劳动者工资，可能引发劳动者集体维权的',
    name: t('拖欠工资', 'Wage arrears'),
    facts: M05_FACTS,
  },
  {
    code: 'M06',
    official: '出现《劳动合同法》第四十一条情形需要裁减人员，可能引发集体劳动争议的',
    name: t('经济性裁员', 'Workforce reduction (art. 41)'),
    facts: M06_FACTS,
  },
  {
    code: 'M07',
    // Copied as printed, including the seed's typo 引必 (for 引发).
    official: '当月离职人数50人以上或离职不足50人但占用人单位劳动者总数10%以上，可能引必集体劳动争议的',
    name: t('当月离职人数多', 'Many departures this month'),
    facts: M07_FACTS,
  },
  {
    code: 'M08',
    official:
      '调整有关劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、劳动纪律以及劳动定额管理等直接涉及劳动者切身利益的规章制度，可能引发集体劳动争议的',
    name: t('调整规章制度', 'Change of workplace rules'),
    facts: M08_FACTS,
  },
  {
    code: 'M09',
    official: '出现劳动者因劳动关系权利诉求引发的停工、怠工、堵门、堵路等严重影响生产经营或公共秩序的',
    name: t('停工、怠工、堵门堵路', 'Stoppage, slowdown, blocking gates or roads'),
    facts: M09_FACTS,
  },
  {
    code: 'M10',
    official: '因劳动关系引发社会舆情关注，可能造成负面影响的',
    name: t('社会舆情', 'Public-opinion attention'),
    facts: M10_FACTS,
  },
  {
    code: 'M11',
    official: '涉及劳动关系稳定的其他重大事项',
    name: t('其他重大事项', 'Other major matter'),
    facts: M11_FACTS,
  },
];

// Ruleset 2026.2 (SPEC "Triage"): asked once per report, after the items. Affected counts describe scale;
// only these (and M09's own count) say how many people take part in a collective action.
export const COLLECTIVE_ACTION_OPTIONS: readonly FactOption[] = [
  opt('none', '没有', 'No'),
  opt('happening', '正在发生', 'Yes, happening now'),
  opt('announced', '可能发生（有人扬言、已约定时间等）', 'Possibly (threatened or announced)'),
];

export const COLLECTIVE_KIND_OPTIONS: readonly FactOption[] = [
  opt('gathering', '聚集', 'Gathering'),
  opt('stoppage', '停工', 'Work stoppage'),
  opt('slowdown', '怠工', 'Slowdown'),
  opt('blocking', '堵门堵路', 'Blocking gates or roads'),
  opt('petition', '集体上访', 'Collective petition'),
];

const ACTION_ANSWERED = ['happening', 'announced'] as const;

export const COLLECTIVE_FACTS: readonly ReportFact[] = [
  {
    id: 'collective_action',
    kind: 'choice',
    label: t('群体性行为', 'Collective action'),
    prompt: t(
      '是否已经或可能发生职工聚集、集体上访、停工等群体性行为？',
      'Is a collective action (gathering, collective petition, stoppage…) happening or likely?',
    ),
    required: true,
    options: [...COLLECTIVE_ACTION_OPTIONS],
  },
  {
    id: 'collective_kinds',
    kind: 'multi',
    label: t('行为方式', 'Form of action'),
    prompt: t('是哪种（或哪几种）行为？可多选。', 'What form does it take? Choose one or more.'),
    required: true,
    options: [...COLLECTIVE_KIND_OPTIONS],
    askedWhen: ACTION_ANSWERED,
  },
  {
    id: 'collective_taking_part',
    kind: 'integer',
    label: t('参与人数', 'People taking part'),
    prompt: t('大约有多少人参与（或可能参与）？', 'Roughly how many people take part (or may take part)?'),
    required: true,
    min: 1,
    max: MAX_PEOPLE,
    askedWhen: ACTION_ANSWERED,
  },
];

export const ITEM_CODES: readonly ItemCode[] = MONITORING_ITEMS.map((item) => item.code);

export function isItemCode(value: unknown): value is ItemCode {
  return typeof value === 'string' && (ITEM_CODES as readonly string[]).includes(value);
}

export function itemByCode(code: ItemCode): MonitoringItem {
  const item = MONITORING_ITEMS.find((candidate) => candidate.code === code);
  // Unreachable for a typed ItemCode; throwing beats returning a half-empty item.
  if (!item) throw new Error(`unknown monitoring item ${String(code)}`);
  return item;
}

const ALL_FACT_FIELDS: readonly FactField[] = MONITORING_ITEMS.flatMap((item) => item.facts);

/** Every follow-up fact of every item, in catalogue order. */
export function allFactFields(): readonly FactField[] {
  return ALL_FACT_FIELDS;
}

/** The follow-up facts for the selected items, in catalogue order, each item once. */
export function factFieldsFor(items: readonly ItemCode[]): FactField[] {
  const selected = new Set(items);
  return ALL_FACT_FIELDS.filter((field) => selected.has(field.item));
}

export function factFieldById(id: string): FactField | undefined {
  return ALL_FACT_FIELDS.find((field) => field.id === id);
}
