// Officer catalogue, Chinese (source of truth) — Documents officers download: Annex 4 (its form's labels, the
// first draft's sentences and the Word file), the city office's Word documents (the period report, the request
// to the province) and the warning criteria they print.
// Plain data only, one named export per page group; src/messages/officer.ts joins the areas.

import { warningLevel } from './zh';

/** Annex 4's fields (src/cases/annex4.ts), as the printed annex and the form label them. */
export const annex4Fields = {
  reportingUnit: '报告单位',
  filledAt: '填报时间',
  title: '信息名称',
  level: '预警级别',
  levelNote: '预警级别依据',
  basicSituation: '基本情况（时间、地点、事情经过及影响）',
  causeAnalysis: '原因分析',
  trend: '发展趋势',
  measures: '已采取措施及成效',
  nextSteps: '下一步工作安排',
  remarks: '备注',
  headOfOffice: '处（室）负责人',
  filledBy: '填报人',
  contactPhone: '联系电话',
};

/** What Annex 4's form says of a value it refuses (src/cases/annex4.ts). */
export const annex4Checks = {
  tooLong: (max: number) => `不能超过 ${max} 个字符`,
  realDate: '请填写 2000 年以后的真实日期，如 2026-11-25',
};

/** The sentences of Annex 4's first draft, prefilled from the report (src/cases/annex4.ts). */
export const annex4Draft = {
  timeUnknown: '时间不详',
  placeUnknown: '地点不详',
  noDetails: '（未填写详情）',
  foundByOfficer: '经走访摸排发现',
  reportedByUnit: '报告',
  /** "2026-11-25 09:00，长春市某公司（南关区…）报告：…" */
  what: (when: string, unit: string, place: string, how: string, details: string) =>
    `${when}，${unit}（${place}）${how}：${details}`,
  items: (items: string) => `涉及监测事项：${items}。`,
  fact: (label: string, value: string) => `${label}：${value}`,
  itemFacts: (item: string, facts: string) => `${item}：${facts}。`,
  people: (n: number) => `涉及约 ${n} 人。`,
  impact: (severity: string, reason: string) => `影响：严重程度${severity}，${reason}`,
  businessStatus: (status: string) => `用人单位自报经营状况：${status}。`,
  groupIncident: '已经或可能发生群体性事件，需持续跟踪。',
  enteredByOfficer: '工作人员录入',
  reportedOnline: '用人单位网上速报',
  receipt: (receipt: string, at: string, how: string) => `回执号 ${receipt}，${at} ${how}。`,
  lateSince: (at: string) => `迟报：事发于 ${at}，超过 24 小时后才报告。`,
  late: '迟报：超过 24 小时后才报告。',
  unreported: '用人单位未主动报告（漏报）。',
  nextSteps: '继续跟踪，指导用人单位依法处置，及时报告进展。',
  list: '、',
  clause: '；',
};

/** Annex 4 as a Word file (src/cases/annex4-docx.ts): what is printed besides the officer's text. */
export const annex4Docx = {
  annex: '附件4',
  title: '长春市劳动关系风险监测预警信息情况表',
  stamp: '（盖章）',
  /** The date line left blank for the pen when no date is filled in. */
  blankDate: '      年   月   日',
  date: (year: number, month: number, day: number) => `${year} 年 ${month} 月 ${day} 日`,
  itemHeader: '项  目',
  contentHeader: '内    容',
  followUps: (n: number) => `续报情况（共 ${n} 份）：`,
  sep: '：',
};

/** The warning levels as the city office's documents name them (seed §3): the catalogue's names. */
export const warningLevels = { ...warningLevel };

/** The layout of the city office's documents (src/city/gov-docx.ts). */
export const govDocument = {
  office: '长春市协调劳动关系三方委员会办公室',
  date: (year: number, month: number, day: number) => `${year}年${month}月${day}日`,
};

/** The warning criteria as officers read them (src/city/criteria.ts): 标准 and 本期 of each row. */
export const criteria = {
  row: (level: string, standard: string) => `${level}：${standard}`,
  groupIncidents: (min: number, how: string) => `已经或可能发生群体性事件、集体停工的案件不少于 ${min} 起${how}`,
  groupIncidentsMany: '（多发）',
  groupIncidentsFrequent: '（频发）',
  cases: (n: number) => `${n} 起`,
  withinCity: '影响范围限于本市',
  withinCityNow: '本系统只掌握本市案件，视为限于本市',
  trend: (ratio: number) => `案件数比上一期增长到 ${ratio} 倍及以上（呈恶化趋势）`,
  trendNow: (current: number, previous: string) => `本期 ${current} 起，上一期 ${previous}`,
  noData: '无数据',
  people: (min: number) => `涉及人数不少于 ${min} 人（人数较多）`,
  persons: (n: number) => `${n} 人`,
  districts: (min: number, why: string) => `涉及的县（市）区、开发区不少于 ${min} 个${why}`,
  districtsBeyondCity: '（代替“可能跨地市蔓延”，本系统看不到外市）',
  industries: (min: number) => `涉及的行业门类不少于 ${min} 个（多个行业）`,
  count: (n: number) => `${n} 个`,
};

/** The request to the province for a level-2 or level-3 warning (src/city/request-docx.ts). */
export const warningRequest = {
  title: (level: string) => `关于提请发布长春市劳动关系风险${level}预警的请示`,
  docNumber: (year: string) => `长劳三方办〔${year}〕    号`,
  addresseeLevel2: '吉林省协调劳动关系三方委员会办公室：',
  addresseeLevel3: '吉林省协调劳动关系三方委员会办公室（并请转报国家协调劳动关系三方会议）：',
  opening: (office: string, level: string) =>
    `根据《长春市劳动关系风险监测预警工作实施方案》劳动关系领域风险分级预警制度，经监测研判，${office}认为本市劳动关系风险已达到${level}预警情形，现将有关情况报告如下，提请发布${level}预警。`,
  figures: (
    days: number,
    employers: number,
    industries: number,
    districts: number,
    people: number,
    groupIncidents: number,
    trend: string,
  ) =>
    `近 ${days} 天全市未销号劳动关系风险案件涉及用人单位 ${employers} 家、行业门类 ${industries} 个、` +
    `县（市）区和开发区 ${districts} 个，涉及 ${people} 人，已经或可能发生群体性事件、集体停工的案件 ` +
    `${groupIncidents} 起；${trend}。`,
  trend: (current: number, previous: string) => `本期案件 ${current} 起，上一期 ${previous}`,
  monitoring: '一、监测情况',
  criteria: '二、对照预警标准',
  standard: '标准',
  current: '本期',
  met: '是否满足',
  yes: '满足',
  no: '不满足',
  opinion: '三、研判意见和理由',
  closing: '妥否，请批示。',
};

/** The period report (src/city/period-report.ts): its title, headings, tables and summary sentences. */
export const periodReport = {
  title: '长春市劳动关系风险监测预警情况报告',
  total: '合计',
  major: '重大风险',
  groupIncident: '群体性事件',
  urgent: '紧急重大',
  highSeverity: '严重程度高',
  list: '、',
  /** A change against a period without cases: "+4（上期无）". */
  changeFromNone: (change: string) => `${change}（上期无）`,
  changeWithPercent: (change: string, percent: string) => `${change}（${percent}%）`,
  level: '与上一期持平',
  percentUp: (percent: string) => `，增长 ${percent}%`,
  percentDown: (percent: string) => `，下降 ${percent}%`,
  more: (n: number, percent: string) => `较上一期增加 ${n} 起${percent}`,
  fewer: (n: number, percent: string) => `较上一期减少 ${n} 起${percent}`,
  leader: (name: string, n: number) => `${name} ${n} 起`,
  summary: (
    from: string,
    to: string,
    n: number,
    previousFrom: string,
    previousTo: string,
    previous: number,
    trend: string,
  ) =>
    `${from}至${to}，全市共监测到劳动关系风险案件 ${n} 起，上一期（${previousFrom}至${previousTo}）${previous} 起，${trend}。`,
  leaders: (areas: string, items: string) =>
    `案件较多的县（市）区是${areas}；较多的监测事项是${items}。一起案件涉及多个监测事项的，在各事项下分别计数。`,
  thisPeriod: '本期（起）',
  lastPeriod: '上期（起）',
  change: '增减',
  receipt: '回执号',
  unit: '用人单位',
  area: '县（市）区',
  items: '监测事项',
  people: '涉及人数',
  why: '关注原因',
  status: '状态',
  noNotable: '本期无群体性事件、紧急重大或重大风险案件。',
  period: (from: string, to: string) => `（${from}至${to}）`,
  overall: '一、总体情况',
  byArea: '二、分县（市）区情况',
  byItem: '三、分监测事项情况',
  byIndustry: '四、分行业门类情况',
  industry: '行业门类',
  noIndustry: '本期和上期均无案件。',
  notable: '五、需要关注的案件',
  analysis: '六、分析研判',
  nextSteps: '七、下一步工作',
};

/** The case's own reasons for a warning level, prefilled in Annex 4 (src/cases/warning-level.ts). */
export const levelAdvice = {
  groupIncident: '本案已经或可能发生群体性事件或集体停工。',
  /** `who`: takingPart (ruleset 2026.2 stores the number taking part) or involved (2026.1: everyone involved). */
  groupIncidentPeople: (who: string, people: number) =>
    `本案已经或可能发生群体性事件或集体停工（${who}约 ${people} 人）。`,
  takingPart: '参与',
  involved: '涉及',
  urgent: (why: string) => `属紧急重大事项：${why}`,
  reportAtOnce: '需立即报告。',
  severe: (why: string) => `严重程度高：${why}`,
  belowLevel1: '本案未达到一级预警情形。',
  belowLevel1Because: (severity: string, why: string) => `本案未达到一级预警情形：严重程度${severity}，${why}`,
  regional: (area: string, days: number, level: string) => `${area}近 ${days} 天未结案件已达到${level}情形。`,
};
