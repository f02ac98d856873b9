// Officer catalogue, English — the same groups and keys as console-cases.zh.ts, each typed as its Chinese group.
import type * as zh from './console-cases.zh';

export const casePage: typeof zh.casePage = {
  done: {
    major: 'Listed in the major-risk ledger.',
    claimed: 'Claimed.',
    handed_over: 'Handed over.',
    note: 'Note saved.',
    message: 'Message sent to the reporter.',
    closed: 'Closed.',
    annex4_saved: 'Annex 4 draft saved.',
    annex4_submitted: 'Annex 4 submitted to the city tripartite office.',
    created: 'Case entered.',
    split: 'Split off into a case of its own.',
    merged: 'Merged: the other case and its follow-ups are now part of this case.',
    accountability: 'Your finding has been recorded.',
    phone_joined:
      'This employer already has an open case: the phone report was added to it as a follow-up (see “Follow-ups”).',
    urgent: 'Marked urgent: the Annex 4 deadline moved earlier, and the district and the city office were told.',
    not_urgent: 'Marked not urgent: Annex 4 is due within 24 hours, and the district and the city office were told.',
  },
  receipt: (receipt: string) => `Receipt ${receipt}`,
  source: (channel: string) => `Source: ${channel}`,
  reportedAt: 'Reported at',
  callerPhone: (phone: string) => ` · Caller ${phone}`,
  ruleset: (version: string) => `Ruleset ${version}`,
  annex4: 'Annex 4: ',
  tracker: ' · Followed by: ',
  unclaimed: 'Unclaimed',
  jumpLabel: 'On this page',
  jumpActions: 'Actions',
  jumpAnnex3: 'Report form',
  jumpTimeline: 'History',
  jumpMessage: 'Reply to the reporter',
  jumpClose: 'Close',
  annex3: 'Report form (Annex 3)',
  assessment: 'Rules’ assessment',
  timeline: 'History',
  claimedCase: (unit: string, receipt: string) => `${unit} (${receipt})`,
  closeNoReason: 'Give the reason for closing (the reporter will see it).',
  closeUnconfirmed: 'Tick “I confirm closing” before sending: closing cannot be undone.',
};

export const caseSections: typeof zh.caseSections = {
  reporter: 'Reporter',
  system: 'System',
  officer: 'Officer',
  handedTo: 'Handed to: ',
  reason: 'Reason: ',
  due: 'Due: ',
  undeliverable:
    'WeChat refused the message (the reporter has not interacted for 48 hours or has unfollowed); phone the reporter instead.',
  outcomes: { flagged: 'Meets the criteria', not_flagged: 'Below the threshold', needs_info: 'Not enough information' },
  noAssessment: 'No assessment by the rules.',
  late: 'Possibly late',
  unreported: 'Unreported',
  unreportedWhy: 'The employer did not report it; officers found it during a field visit.',
  ruleset: (version: string) => `Ruleset ${version}`,
  auditTitle: 'Views and exports',
  auditAnnex4Docx: 'Annex 4 (DOCX)',
  auditAnnex4: 'Annex 4',
  auditTimes: (count: number, first: string, last: string) => ` ${count} times (${first}–${last})`,
};

export const caseForms: typeof zh.caseForms = {
  closeTitle: 'Close the case',
  closeEarly:
    'A case can be closed once Annex 4 is submitted; closing earlier needs the city tripartite office’s approval, and the reason is that approval.',
  closeConsequence:
    'Once closed, the case cannot be claimed, handed over, replied to or have its Annex 4 changed, and closing cannot be undone. The reporter’s status page shows “Closed” with the reason below.',
  closeReason: 'Reason for closing (the reporter sees it)',
  closeConfirm: 'I confirm closing; this cannot be undone',
  closeSubmit: 'Close the case',
  majorTitle: 'Major-risk ledger',
  majorWhat:
    'A major risk that may draw media attention, set off a chain reaction or spread is listed in the special ledger with a named person following it and regular reminders until it is closed.',
  majorTracker: 'Person following it',
  majorPhone: 'Contact phone',
  majorInterval: (days: number) => `Follow-up interval (days, default ${days})`,
  majorNote: 'Notes',
  majorSubmit: 'List in the ledger',
  actionsTitle: 'Actions',
  claim: 'Claim this case',
  fillAnnex4: 'Fill in Annex 4',
  downloadAnnex4: 'Download Annex 4 (DOCX)',
  handoverTo: 'Hand over to an officer of this district',
  handoverNote: 'Handover note (optional)',
  handover: 'Hand over',
  noteTitle: 'Internal note',
  note: 'Note (officers only)',
  saveNote: 'Save note',
  viaTelegram: 'sent to the reporter on Telegram',
  viaWechat: 'sent to the reporter on the WeChat account',
  viaStatusPage: 'the reporter sees it on the status page with the receipt and phone; also by SMS where SMS is on',
  messageTitle: 'Reply to the reporter',
  wechatUnreachable:
    'The WeChat message could not be delivered: the reporter has not interacted with the account for over 48 hours (or has unfollowed), and WeChat allows no more messages. Phone the reporter on',
  sentenceEnd: '.',
  message: (route: string) => `Message (${route})`,
  send: 'Send',
};

export const inbox: typeof zh.inbox = {
  unclaimed: 'Unclaimed',
  soon: 'Due soon',
  overdue: 'Overdue',
  countsLabel: 'To-do counts',
  unit: 'Employer',
  area: 'District / county',
  items: 'Monitoring items',
  urgencySeverity: 'Urgency / severity',
  due: 'Annex 4 due',
  claimant: 'Claimed by',
  status: 'Status',
  reports: (n: number) => `${n} reports (with follow-ups)`,
  list: ', ',
  late: 'Possibly late',
  unreported: 'Unreported',
  claimLabel: (unit: string) => `Claim: ${unit}`,
  claim: 'Claim',
  title: 'To do',
  heading: (area: string) => `Cases to handle · ${area}`,
  wholeCity: 'whole city',
  claimed: (what: string) => `Claimed: ${what}`,
  none: 'No cases match.',
  previous: 'Previous page',
  next: 'Next page',
  refreshing: 'This page reloads every minute so the time left stays current.',
  stopRefresh: 'Stop reloading',
  refreshStopped: 'Automatic reload is off.',
  resumeRefresh: 'Reload automatically again',
};

export const caseFilters: typeof zh.caseFilters = {
  search: 'Search',
  searchHint: 'Employer name / unified social credit code / receipt',
  area: 'District / county',
  all: 'All',
  item: 'Monitoring item',
  status: 'Status',
  from: 'Reported from',
  to: 'to',
  showClosed: 'Show closed cases',
  filter: 'Filter',
  clear: 'Clear',
};

export const caseLinks: typeof zh.caseLinks = {
  title: 'Follow-ups',
  titleCount: (n: number) => `Follow-ups (${n})`,
  followUpOf: 'This report is a follow-up of ',
  joinedCase: 'the case it joined',
  followUpOfEnd: '.',
  splitReason: 'Why it is a case of its own',
  split: 'Split off into a case of its own',
  none: 'No follow-ups yet.',
  urgent: ' · urgent and major',
  mergeInto: 'Merge into case (receipt)',
  mergeHint: 'CC-2026-……',
  mergeReason: 'Why they are one incident',
  merge: 'Merge into that case',
};

export const newCase: typeof zh.newCase = {
  callTitle: 'The call',
  callerPhone: 'Caller’s number (required)',
  callAt: 'Time of the call (required; taken as the time reported)',
  callHelp:
    'An employer reporting by phone: enter the report form item by item. Without a reporter phone, the caller’s number is used.',
  district: (name: string) => `District / county: ${name}`,
  phoneTitle: 'Enter a phone report',
  officerTitle: 'Enter a case',
  phoneHeading: 'Enter a phone report (an employer reporting by phone)',
  officerHeading: 'Enter a case (found on a field visit or by public-opinion monitoring)',
  fix: 'Correct the marked entries.',
  itemsTitle: 'Details of the monitoring items',
  itemsHelp: 'Fill in only the parts of the items chosen above.',
  collectiveTitle: 'Collective action',
  collectiveHelp:
    'Count only the people taking part in gathering, stopping or slowing work, blocking gates or roads, or petitioning together, not the workers affected.',
  originTitle: 'Where the case came from',
  source: 'Source (required)',
  choose: 'Choose',
  employerReportedAt:
    'When the employer called or wrote (required when the source is phone or WeChat: that is the employer’s report)',
  unreported: 'Verified: the employer did not report this (unreported)',
  submitPhone: 'Enter the phone report',
  submit: 'Enter',
  chooseSource: 'Choose where the case came from.',
  realDateTime: 'Enter a real date and time.',
  notFuture: 'The time cannot be later than now.',
  employerTimeNeeded: 'When the source is phone or WeChat, enter when the employer called or wrote.',
  notUnreported: 'An employer who called or wrote has reported; it cannot be marked unreported.',
};

export const annex4Page: typeof zh.annex4Page = {
  accepted: 'Accepted.',
  returned: 'Returned for more; the district has been told.',
  reviewTitle: 'City office review',
  reviewNote: 'Comment or reason for returning (required when returning; the district sees it and adds to the form)',
  accept: 'Accept',
  returnForMore: 'Return for more',
  acceptedAt: (when: string) => `The city office accepted it at ${when}.`,
  acceptedNote: (note: string) => `Comment: ${note}`,
  returnedAt: (when: string, reason: string) =>
    `The city office returned it for more at ${when}. Reason: ${reason}. Add to it and submit again.`,
  title: (unit: string) => `Annex 4 · ${unit}`,
  back: '← Back to the case',
  heading: 'Changchun labour-relations risk monitoring and early-warning information form',
  fix: (fields: string) => `Complete or correct: ${fields}`,
  list: ', ',
  submitted: 'Submitted to the city tripartite office; it can no longer be changed.',
  saved: 'Saved draft.',
  prefilled:
    'Prefilled from the employer’s report form and the rules’ assessment: check and correct it, then save or submit.',
  level: 'Warning level',
  consequence:
    'After “Submit to the city office”, Annex 4 goes to the city tripartite office, which is told at once; it can then neither be changed nor withdrawn.',
  confirm: 'I have checked the above and confirm submitting it to the city office',
  unconfirmed: 'Tick the confirmation before submitting; nothing was submitted and everything entered is kept.',
  save: 'Save draft',
  submit: 'Submit to the city office',
  download: 'Download DOCX',
  chooseDecision: 'Accept or return.',
  notAfterToday: (label: string) => `${label} (cannot be later than today)`,
  fileName: (receipt: string) => `annex4-${receipt}.docx`,
};

export const ledger: typeof zh.ledger = {
  title: 'Ledger',
  heading: 'Risk ledger',
  export: 'Export the ledger (Excel)',
  major: 'Major-risk ledger',
  receipt: 'Receipt',
  unit: 'Employer',
  area: 'District / county',
  items: 'Monitoring items',
  source: 'Source',
  tracker: 'Followed by',
  status: 'Status',
  closed: 'Closed',
  late: 'Possibly late',
  unreported: 'Unreported',
  list: ', ',
  noTracker: 'Nobody yet',
  previous: 'Previous page',
  next: 'Next page',
  flagsTitle: 'Employers with late or unreported reports',
  noFlags: 'No late or unreported reports.',
  uscc: 'Unified social credit code',
  cases: 'Cases',
  lateCount: 'Late',
  unreportedCount: 'Unreported',
  fileName: (date: string) => `ledger-${date}.xlsx`,
};

export const majorLedger: typeof zh.majorLedger = {
  title: 'Major-risk ledger',
  what: 'Each listed case has a named person following it, with reminders at its interval until it is closed.',
  none: 'No cases in the major-risk ledger.',
  receipt: 'Receipt',
  unit: 'Employer',
  area: 'District / county',
  tracker: 'Person following it',
  markedAt: 'Listed on',
  interval: 'Interval',
  next: 'Next reminder',
  reminded: 'Reminders sent',
  status: 'Status',
  days: (n: number) => `${n} days`,
  closed: 'Closed; no more reminders',
  times: (n: number) => `${n}`,
};

export const urgencyMark: typeof zh.urgencyMark = {
  title: (urgency: string) => `Urgency: ${urgency}`,
  urgent: 'urgent and major',
  within24h: 'report within 24 hours',
  marked: (who: string, at: string, reason: string) => `${who} decided at ${at}: ${reason}`,
  byRules:
    'Decided by the monitoring rules. An officer who knows more may change it, giving the reason; the district and the city office are told.',
  notUrgentReason: 'Why it is not urgent',
  urgentReason: 'Why it is urgent and major',
  markNotUrgent: 'Mark not urgent (Annex 4 within 24 hours)',
  markUrgent: 'Mark urgent and major (Annex 4 within 1 hour)',
  chooseMark: 'Choose urgent and major or not urgent.',
  reasonNeeded: 'Give the reason.',
};

export const fieldInput: typeof zh.fieldInput = {
  required: ' (required)',
  choose: 'Choose',
  yes: 'Yes',
  no: 'No',
  dateTimeHint: '2026-11-25 08:30',
};

export const formFields: typeof zh.formFields = {
  notSaved: 'Not saved: correct each entry as its note says and send again; everything entered is kept.',
};

export const caseBadges: typeof zh.caseBadges = {
  urgency: (level: string) => `Urgency: ${level}`,
  severity: (level: string) => `Severity: ${level}`,
  annex4Submitted: 'Annex 4 submitted',
  closed: 'Closed',
  dueBy: (at: string) => ` (Annex 4 due by ${at})`,
};

export const consoleError: typeof zh.consoleError = {
  title: 'Something went wrong',
  notFound: 'Not found',
  forbidden: 'Not allowed',
  requestId: (id: string) => `Request ID ${id}`,
  home: 'Back to the start page',
  signIn: 'Sign in',
};

export const consoleApi: typeof zh.consoleApi = {
  warningBody: 'Send { level: 0–3, reason, issue: true/false }.',
};
