// Officer catalogue, English — the same groups and keys as documents.zh.ts, each typed as its Chinese group.
import type * as zh from './documents.zh';

export const annex4Fields: typeof zh.annex4Fields = {
  reportingUnit: 'Reporting unit',
  filledAt: 'Date filled in',
  title: 'Title',
  level: 'Warning level',
  levelNote: 'Grounds for the warning level',
  basicSituation: 'Basic facts (time, place, what happened and its impact)',
  causeAnalysis: 'Causes',
  trend: 'Likely development',
  measures: 'Measures taken and their effect',
  nextSteps: 'Next steps',
  remarks: 'Remarks',
  headOfOffice: 'Head of division (office)',
  filledBy: 'Filled in by',
  contactPhone: 'Contact phone',
};

export const annex4Checks: typeof zh.annex4Checks = {
  tooLong: (max: number) => `At most ${max} characters`,
  realDate: 'Enter a real date from 2000 on, e.g. 2026-11-25',
};

export const annex4Draft: typeof zh.annex4Draft = {
  timeUnknown: 'Time unknown',
  placeUnknown: 'Place unknown',
  noDetails: '(no details given)',
  foundByOfficer: 'found during a field visit',
  reportedByUnit: 'reported',
  what: (when: string, unit: string, place: string, how: string, details: string) =>
    `${when}, ${unit} (${place}) ${how}: ${details}`,
  items: (items: string) => `Monitoring items concerned: ${items}.`,
  fact: (label: string, value: string) => `${label}: ${value}`,
  itemFacts: (item: string, facts: string) => `${item}: ${facts}.`,
  people: (n: number) => `About ${n} people involved.`,
  impact: (severity: string, reason: string) => `Impact: severity ${severity}, ${reason}`,
  businessStatus: (status: string) => `The employer describes its business as: ${status}.`,
  groupIncident: 'A group incident has happened or may happen; keep following it.',
  enteredByOfficer: 'entered by an officer',
  reportedOnline: 'reported online by the employer',
  receipt: (receipt: string, at: string, how: string) => `Receipt ${receipt}, ${at}, ${how}.`,
  lateSince: (at: string) => `Late: it happened at ${at} and was reported more than 24 hours later.`,
  late: 'Late: reported more than 24 hours after it happened.',
  unreported: 'The employer did not report it itself (unreported).',
  nextSteps: 'Keep following the case, guide the employer to handle it lawfully and report progress promptly.',
  list: ', ',
  clause: '; ',
};

export const annex4Docx: typeof zh.annex4Docx = {
  annex: 'Annex 4',
  title: 'Changchun labour-relations risk monitoring and early-warning information form',
  stamp: ' (seal)',
  blankDate: '      (year)   (month)   (day)',
  date: (year: number, month: number, day: number) => `${day} ${month} ${year}`,
  itemHeader: 'Item',
  contentHeader: 'Content',
  followUps: (n: number) => `Follow-up reports (${n}):`,
  sep: ': ',
};

export const warningLevels: typeof zh.warningLevels = { 1: 'level-1', 2: 'level-2', 3: 'level-3' };

export const govDocument: typeof zh.govDocument = {
  office: 'Office of the Changchun Tripartite Committee for Coordinating Labour Relations',
  date: (year: number, month: number, day: number) => `${day} ${month} ${year}`,
};

export const criteria: typeof zh.criteria = {
  row: (level: string, standard: string) => `${level}: ${standard}`,
  groupIncidents: (min: number, how: string) =>
    `At least ${min} cases where a group incident or collective stoppage has happened or may happen${how}`,
  groupIncidentsMany: ' (many)',
  groupIncidentsFrequent: ' (frequent)',
  cases: (n: number) => `${n} cases`,
  withinCity: 'Impact confined to the city',
  withinCityNow: 'The system knows only the city’s cases, so taken as confined to the city',
  trend: (ratio: number) => `Cases grew to ${ratio} times the previous period or more (getting worse)`,
  trendNow: (current: number, previous: string) => `This period ${current} cases, previous period ${previous}`,
  noData: 'no data',
  people: (min: number) => `At least ${min} people involved (many people)`,
  persons: (n: number) => `${n} people`,
  districts: (min: number, why: string) => `At least ${min} districts, counties or development zones${why}`,
  districtsBeyondCity: ' (instead of “may spread beyond the city”, which the system cannot see)',
  industries: (min: number) => `At least ${min} industry sections (several industries)`,
  count: (n: number) => `${n}`,
};

export const warningRequest: typeof zh.warningRequest = {
  title: (level: string) => `Request to issue a ${level} labour-relations risk warning for Changchun`,
  docNumber: (year: string) => `Changchun Tripartite Office [${year}] No.    `,
  addresseeLevel2: 'Office of the Jilin Provincial Tripartite Committee for Coordinating Labour Relations:',
  addresseeLevel3:
    'Office of the Jilin Provincial Tripartite Committee for Coordinating Labour Relations (please forward to the National Tripartite Conference):',
  opening: (office: string, level: string) =>
    `Under the graded risk-warning system of the Changchun labour-relations risk monitoring and early-warning implementation plan, the ${office} has assessed that labour-relations risk in the city has reached the ${level} warning threshold. It reports as follows and requests that a ${level} warning be issued.`,
  figures: (
    days: number,
    employers: number,
    industries: number,
    districts: number,
    people: number,
    groupIncidents: number,
    trend: string,
  ) =>
    `In the last ${days} days the city's open labour-relations risk cases involve ${employers} employers, ` +
    `${industries} industry sections and ${districts} districts, counties or development zones, and ${people} people; ` +
    `${groupIncidents} cases involve a group incident or collective stoppage that has happened or may happen; ${trend}.`,
  trend: (current: number, previous: string) => `this period ${current} cases, the previous period ${previous}`,
  monitoring: '1. What monitoring shows',
  criteria: '2. Against the warning criteria',
  standard: 'Criterion',
  current: 'This period',
  met: 'Met',
  yes: 'met',
  no: 'not met',
  opinion: '3. Assessment and reasons',
  closing: 'We request your instructions.',
};

export const periodReport: typeof zh.periodReport = {
  title: 'Changchun labour-relations risk monitoring and early-warning report',
  total: 'Total',
  major: 'major risk',
  groupIncident: 'group incident',
  urgent: 'urgent and major',
  highSeverity: 'high severity',
  list: ', ',
  changeFromNone: (change: string) => `${change} (none in the previous period)`,
  changeWithPercent: (change: string, percent: string) => `${change} (${percent}%)`,
  level: 'the same as the previous period',
  percentUp: (percent: string) => `, up ${percent}%`,
  percentDown: (percent: string) => `, down ${percent}%`,
  more: (n: number, percent: string) => `${n} more than the previous period${percent}`,
  fewer: (n: number, percent: string) => `${n} fewer than the previous period${percent}`,
  leader: (name: string, n: number) => `${name} ${n}`,
  summary: (
    from: string,
    to: string,
    n: number,
    previousFrom: string,
    previousTo: string,
    previous: number,
    trend: string,
  ) =>
    `From ${from} to ${to} the city recorded ${n} labour-relations risk cases; ` +
    `the previous period (${previousFrom} to ${previousTo}) ${previous}: ${trend}.`,
  leaders: (areas: string, items: string) =>
    `Most cases were in ${areas}; the most frequent monitoring items were ${items}. ` +
    'A case with several monitoring items is counted under each of them.',
  thisPeriod: 'This period (cases)',
  lastPeriod: 'Previous period (cases)',
  change: 'Change',
  receipt: 'Receipt',
  unit: 'Employer',
  area: 'District / county',
  items: 'Monitoring items',
  people: 'People involved',
  why: 'Why it matters',
  status: 'Status',
  noNotable: 'No group-incident, urgent or major-risk cases in this period.',
  period: (from: string, to: string) => `(${from} to ${to})`,
  overall: '1. Overview',
  byArea: '2. By district and county',
  byItem: '3. By monitoring item',
  byIndustry: '4. By industry section',
  industry: 'Industry section',
  noIndustry: 'No cases in this or the previous period.',
  notable: '5. Cases that need attention',
  analysis: '6. Analysis',
  nextSteps: '7. Next steps',
};

export const levelAdvice: typeof zh.levelAdvice = {
  groupIncident: 'A group incident or collective stoppage has happened or may happen in this case.',
  groupIncidentPeople: (who, people) =>
    `A group incident or collective stoppage has happened or may happen in this case (about ${people} people ${who}).`,
  takingPart: 'taking part',
  involved: 'involved',
  urgent: (why) => `An urgent major matter: ${why}`,
  reportAtOnce: 'It must be reported at once.',
  severe: (why) => `Severity high: ${why}`,
  belowLevel1: 'This case does not meet the level 1 warning criteria.',
  belowLevel1Because: (severity, why) =>
    `This case does not meet the level 1 warning criteria: severity ${severity}, ${why}`,
  regional: (area, days, level) => `${area}: the open cases of the last ${days} days meet the ${level} criteria.`,
};
