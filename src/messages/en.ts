// The English message catalogue: the same groups and keys as zh.ts (the source of truth), each typed as its
// Chinese group so a missing or extra key is a compile error. Plain data only, like zh.ts.
import type * as zh from './zh';

export const intake: typeof zh.intake = {
  welcome:
    'Hello! This is the Changchun labour-relations risk quick report. We will ask for each item of the employer quick report form.',
  welcomeCommands: 'You can say "back", "skip", "help" or "cancel" at any time.',
  requiredNoSkip: 'This question is required and cannot be skipped.',
  firstQuestion: 'This is already the first question.',
  nothingToConfirm: 'There is nothing to confirm; please answer the question.',
  notAnOption: 'Please pick one of the listed options.',
  notMulti: 'This question takes a single answer.',
  submitFromReview: 'Please finish the questions and submit from the review screen.',
  answerAtReview: 'Reply "submit" to send the report, or "edit <item name or number>" to change an answer.',
  unknownField: 'No such item; reply with a number or name from the review list.',
  reviewHeader: 'Please check your answers:',
  reviewFooter: 'If everything is right, reply "submit"; to change something, reply "edit <number>", e.g. "edit 3".',
  submitted: 'Your report has been submitted. Thank you; the local tripartite committee office will follow it up.',
  alreadySubmitted: 'This report has already been submitted; please start a new one for new developments.',
  cancelled: 'The report was cancelled; nothing was submitted.',
  helpCommands: 'Commands: back, skip (optional questions), review, edit <number>, submit, cancel, help.',
  selectionHint: 'When you have chosen, reply "done".',
  keepOrRetype: 'Re-enter it, or reply "confirm" to keep it.',
  missingRequired: (label) => `Please answer "${label}" first.`,
  skippedMark: '(skipped)',
  requiredMark: '(required, missing)',
};

export const answers: typeof zh.answers = {
  empty: 'This cannot be empty, please type an answer.',
  tooLong: (length, max) => `That is too long (${length} characters); please shorten it to at most ${max}.`,
  integer: 'Please enter a whole number, e.g. 1200.',
  money: 'Please enter an amount in yuan, e.g. 120000 or 120,000.50.',
  phone: 'Please enter an 11-digit mobile number or a Changchun landline (e.g. 0431-88886666).',
  date: 'Please enter a date such as 2026-03-15, today or yesterday.',
  dateTime: 'Please enter a date and time such as 2026-03-15 14:30 or today 9:00.',
  yesNo: 'Please answer yes or no.',
  notGiven: '(not given)',
  yes: 'Yes',
  no: 'No',
  list: ', ',
  yuan: (amount) => `${amount} yuan`,
};

export const bot: typeof zh.bot = {
  back: '⬅️ Back',
  skip: 'Skip ➡️',
  done: '✅ Done',
  keep: '✅ Keep it',
  submit: '📨 Submit report',
  yes: 'Yes',
  no: 'No',
  shareContact: '📱 Share my phone number',
  backWord: 'back',
  noted: '✓ Noted',
  resumed: 'Continuing your unfinished report:',
  noDraft: 'Send /start to begin a new report.',
  nothingToCancel: 'There is no report in progress. Send /start to begin.',
  expired: 'This draft has expired; send /start to begin again.',
  stale: 'That button is out of date; please answer the current question:',
  staleShort: 'Out of date',
  unusable: 'Sorry, I can only read text and buttons, not photos, voice messages, stickers or files.',
  edited: 'Edits to sent messages are not read; send the corrected answer again, or change it on the review screen.',
  unknownCommand: 'Unknown command. Send /help for the list.',
  contactNotAsked: 'No phone number is needed right now.',
  contactNotYours: 'Please share your own contact, or type the phone number.',
  afterSubmit: (receipt) => `Check progress: /status ${receipt}\nSend /start to file a new report.`,
  afterCancel: 'Send /start to begin again.',
  help:
    'Changchun labour-relations risk quick report bot\n' +
    '/start — new report (or continue an unfinished one)\n' +
    '/back — previous question\n' +
    '/cancel — cancel the report in progress\n' +
    '/status <receipt> — progress of a report filed from this chat\n' +
    '/reply <receipt> <text> — write to the receiving office (or reply to its message)\n' +
    '/lang zh|en — language (for new reports)\n' +
    '/help — this help',
  statusUsage: 'Add the receipt number, e.g. /status CC-2026-AB12CD',
  statusNotFound: 'No report with this receipt number was filed from this chat.',
  langUsage: 'Usage: /lang zh or /lang en',
  langSet: 'OK, new reports will be in English.',
  langCurrentDraft: 'The report in progress keeps its language.',
  linkUsage: 'Usage: /link <code> (from “Link Telegram” in the console)',
  failed: 'Sorry, something went wrong; please try again.',
  replyPassedOn: (receipt) => `Passed on to the receiving office (receipt ${receipt}).`,
  replyNotYours:
    'Sorry, that report was not filed from this chat, so the message was not passed on. You can only reply about reports filed here.',
  replyUsage:
    'Usage: /reply <receipt> <message>, e.g. /reply CC-2026-AB12CD Wages were paid today. You can also reply directly to a message from the receiving office.',
  replyEmpty: 'The message is empty; nothing was passed on.',
  replyTooLong: (max) => `A message can be at most ${max} characters; please split it. Nothing was passed on.`,
  commands: {
    start: 'New report, or continue one',
    back: 'Previous question',
    cancel: 'Cancel the report in progress',
    status: 'Report progress: /status <receipt>',
    reply: 'Write to the office: /reply <receipt> <text>',
    lang: 'Language: /lang zh or /lang en',
    help: 'Help',
  },
};

export const reportStatus: typeof zh.reportStatus = {
  receipt: 'Receipt',
  unit: 'Employer',
  items: 'Monitoring items',
  submitted: 'Submitted',
  progress: 'Progress',
  beijingTime: ' (Beijing time)',
  sep: ': ',
  list: ', ',
  statuses: {
    new: 'Received, waiting for the local office',
    claimed: 'Being handled by the local office',
    annex4_submitted: 'Situation form filed and reported upward',
    closed: 'Closed',
  },
};

export const telegramClaim: typeof zh.telegramClaim = {
  unlinked:
    'Your Telegram account is not linked to an officer account. Generate a link code in the console, then send /link <code> to the bot.',
  disabled: 'Your officer account is disabled.',
  noCases:
    'Your account (administrator) does not work on cases and cannot claim. A district or city officer must claim it.',
  noScope: 'Your account has no jurisdiction set, so it cannot claim. Ask the administrator to set it.',
  notFound: 'This report was not found.',
  closed: 'This case is closed; there is nothing to claim.',
  otherDistrict: (name) => `This report belongs to ${name}; you can claim reports of your own district only.`,
  claimed: 'Claimed. Please handle it in the console and file Annex 4 in time.',
  mine: 'You have already claimed this report.',
  taken: (name, at) => `Already claimed by ${name} at ${at}.`,
  badLinkCode: 'The link code is invalid or has expired. Make a new one in the console, then send /link with the code.',
  linkDisabled: 'This officer account is disabled and cannot be linked.',
  linked: (name) => `Linked: ${name}. You can now press the “认领 Claim” button in the group to claim reports.`,
};

export const reporterMessage: typeof zh.reporterMessage = {
  office: 'Receiving office',
  header: (receipt) =>
    `[Changchun labour-relations risk early warning] About your report with receipt ${receipt}, the receiving office replies:`,
  footer: 'To answer, reply directly to this message.',
};

export const widget: typeof zh.widget = {
  launcher: 'Report a labour risk',
  launcherResume: 'Continue your report',
  title: 'Labour-relations risk quick report',
  close: 'Close',
  intro:
    'When a labour-relations risk arises at your workplace, fill in the employer quick report here, one question at a time. Your answers are saved and you can continue later.',
  start: 'Start the report',
  send: 'Send',
  back: 'Previous question',
  skip: 'Skip',
  done: 'Done',
  yes: 'Yes',
  no: 'No',
  confirm: 'Keep it',
  edit: (label) => `Edit "${label}"`,
  editButton: 'Edit',
  listSeparator: ', ',
  reviewIntro: 'Please check your answers, then submit.',
  destination: (area) => `This report goes to the ${area} tripartite committee office`,
  changeDestination: 'Change',
  submit: 'Submit the report',
  receipt: (receipt) => `Receipt number: ${receipt}`,
  statusLink: 'Check the status',
  restart: 'New report',
  retry: 'Retry',
  offline: 'No connection. Your answer is kept; check the network and press "Retry".',
  server: 'The server could not answer. Your answer is kept; press "Retry" in a moment.',
  expired: 'The earlier draft has expired, so a new report was started.',
  sending: 'Sending…',
  progress: (answered, total) => `${answered} of ${total} answered`,
  logLabel: 'Conversation',
};

export const pages: typeof zh.pages = {
  site: 'Changchun labour-relations risk early warning',
  switchLang: '中文',
  switchLangCode: 'zh',
  reportTitle: 'Employer quick report',
  reportIntro:
    'When a labour-relations risk arises at your workplace, please fill in this form. Fields marked "required" must be answered. You will get a receipt number to check the status with your phone number.',
  sections: {
    employer: 'Employer',
    reporter: 'Reporter',
    items: 'Monitoring items',
    collective: 'Collective action',
    details: 'What happened',
  },
  joinedCase: (receipt) =>
    `This employer already has an open case (receipt ${receipt}): your report was added to it as a follow-up (续报), and the office handling it has been told.`,
  collectiveNote:
    'If you answer "No", leave the form and number blank. Count only the people taking part (gathering, stoppage…), not everyone affected.',
  followupLegend: (item) => `${item}: more details`,
  required: 'required',
  optional: 'optional',
  choose: 'Please choose',
  yes: 'Yes',
  no: 'No',
  submit: 'Submit the report',
  destination: (area) => `This report goes to the ${area} tripartite committee office`,
  destinationUnknown:
    "This report goes to the tripartite committee office of the employer's district (choose it above)",
  changeDestination: 'Change',
  step2:
    'Please answer the follow-up questions for the items you chose below, then submit again. Everything you entered is kept.',
  errorSummary: 'Please correct the following before submitting:',
  resubmitted:
    'This form was submitted once before; your changes have not been submitted yet. Everything you entered is kept: check it and press "Submit the report" to send it as a new report.',
  requiredMissing: 'This field is required.',
  confirmWarning: 'I have checked it and it is correct',
  submittedTitle: 'Report submitted',
  submittedText:
    'Thank you. The local tripartite committee office will follow it up. Keep the receipt number: with it and your phone number you can check the status.',
  receipt: 'Receipt number',
  checkStatus: 'Check the status',
  newReport: 'Fill in another report',
  forbiddenTitle: 'Cannot submit',
  forbiddenText: "Please submit the form from this site's own page, not from another website.",
  backToForm: 'Back to the form',
  statusTitle: 'Check the status of a report',
  statusIntro: 'Enter the receipt number and the phone number given in the report.',
  statusPhone: 'Phone number',
  lookup: 'Look up',
  notFound: 'No report matches this receipt number and phone. Please check them and try again.',
  throttled: 'Too many lookups did not match. Please try again in 15 minutes, or call the receiving office.',
  unit: 'Employer',
  items: 'Monitoring items',
  submittedAt: 'Submitted',
  status: 'Status',
  timeline: 'History',
  conversation: 'Messages',
  noMessages: 'No messages yet. Messages from the receiving office will appear here.',
  fromOffice: 'Receiving office',
  fromYou: 'You',
  viaTelegram: ' (Telegram)',
  messageLabel: 'Message to the receiving office',
  messageHint: (max) =>
    `Up to ${max} characters. The office's answer will appear on this page: look the report up again with the receipt number and phone.`,
  sendMessage: 'Send the message',
  messageSent: 'Message sent. The receiving office will see it in the case history.',
  messageEmpty: 'Please write a message before sending.',
  messageTooMany: 'Messages are being sent too quickly; wait a minute and send again. Your text is kept.',
  tooManyDrafts:
    'Too many reports from this network; wait a minute, then press "Submit the report" again. Everything you entered is kept.',
  messageTooLong: (max) => `The message can be at most ${max} characters; please shorten it.`,
  closedReason: 'Closing note: ',
  statuses: {
    new: 'Submitted, waiting to be taken up',
    claimed: 'Taken up by an officer',
    annex4_submitted: 'Situation report filed',
    closed: 'Closed',
  },
  events: {
    submitted: 'Report submitted',
    claimed: 'Taken up by an officer',
    message_out: 'Message from the officer',
    message_in: 'Your message',
    annex4_submitted: 'Situation report filed',
    closed: 'Closed',
  },
};

export const errors: typeof zh.errors = {
  not_found: 'Nothing was found at this address.',
  internal: 'Internal server error. Please try again; if it keeps happening, tell us the request id.',
  bad_request: 'The request is malformed.',
  invalid_json: 'The request body is not valid JSON.',
  validation: 'The request is invalid: ',
  payload_too_large: 'The request body is too large',
  draft_not_found: 'This draft was not found; it may have expired. Please start again.',
  forbidden_token: 'The resume token is wrong.',
  conflict: 'This draft was just changed elsewhere; please answer the current question again.',
  draft_closed: 'This report was already submitted or cancelled and cannot be changed.',
  idempotency_key_reused:
    'This Idempotency-Key was already used for another report; this draft was not submitted. Submit it again with a new key.',
  report_not_found: 'No report matches this receipt number and phone.',
  origin_forbidden: 'This website is not allowed to use the report API.',
  forbidden: 'Forbidden.',
  unauthorized: 'Please sign in first.',
  too_many_requests: 'Too many attempts; please try again later.',
  too_many_drafts:
    'Too many new reports from this network; please try again shortly. Reports in progress are not affected.',
  too_many_messages: 'Messages are being sent too quickly; please send again shortly. Your text is kept.',
  csrf_invalid: 'The form has expired (security check failed); go back, reload the page and try again.',
  case_not_found: 'This case was not found.',
  login_throttled: 'Too many failed sign-ins; please try again in 15 minutes.',
  claim_conflict: 'Someone else claimed or handed over this case first; the page has been updated.',
  annex4_submitted_already: 'Annex 4 was already submitted and can no longer be changed.',
  case_closed: 'This case is closed.',
  close_needs_annex4:
    'A case is closed after its Annex 4 is filed; closing earlier needs the city office’s approval with a reason.',
  not_a_follow_up: 'This report is not a follow-up, so there is nothing to split off.',
  not_an_open_case: 'Only an open case (not a follow-up) can be merged into another case.',
};

export const errorDetails: typeof zh.errorDetails = {
  retryAfter: (seconds) => ` (retry in about ${seconds} s)`,
  bodyLimit: (kb) => ` (limit ${kb} KB).`,
  fieldIssue: (where, problem) => `${where}: ${problem}`,
  messageEmpty: 'text: the message is empty.',
  messageTooLong: (max) => `text: at most ${max} characters.`,
  targetNotUrl: 'The target must be a full https webhook URL.',
  targetNotHttps: 'The target must be an https webhook URL.',
  targetCredentials: 'The target URL must not contain a user name or password.',
  targetPrivate:
    'The target may not be a loopback, private or link-local address. If the robot really is on a private network, set ALLOW_PRIVATE_TARGETS.',
  noWarningToLift: 'No warning is in force to lift.',
  returnNeedsReason: 'Say why it is returned (what to add).',
  annex4NotAwaitingReview: 'Annex 4 is not submitted, or was already answered.',
  majorRiskTracking: 'Name the tracking person; the interval is 1 to 90 days.',
  handoverOfficer: 'Choose an officer of this jurisdiction.',
  alreadyUrgent: 'The case is already urgent.',
  alreadyNotUrgent: 'The case is already not urgent.',
  mergeTarget: 'Enter the receipt of another open case in your area.',
  textEmpty: (what: string) => `${what} is empty.`,
  textTooLong: (what: string, max: number) => `${what} is too long (at most ${max} characters).`,
  invalidConfiguration: 'Invalid configuration',
};

export const wechatPush: typeof zh.wechatPush = {
  signatureParams: 'Missing or invalid signature parameters.',
  signature: 'Bad signature.',
  timestamp: 'The timestamp is more than 5 minutes off; refused.',
  xml: 'The XML is malformed.',
  mustEncrypt: 'This account uses safe mode: pushes must be encrypted.',
  msgSignature: 'Bad msg_signature.',
  appId: 'The AppID in the ciphertext is not ours.',
  undecryptable: 'The ciphertext cannot be decrypted.',
  fields: 'The message lacks required fields.',
  sender: 'The sender does not match the openid parameter.',
};

export const alert: typeof zh.alert = {
  urgentTitle: 'URGENT — labour-relations risk report, act now',
  title: 'Labour-relations risk report',
  unit: 'Employer',
  district: 'District',
  items: 'Monitoring items',
  people: 'People involved',
  takingPart: 'Taking part',
  affected: 'Employees affected',
  noAction: 'no collective action',
  urgency: 'Urgency',
  severity: 'Severity',
  late: 'Late?',
  reporter: 'Reporter',
  due: 'Annex 4 due',
  receipt: 'Receipt',
  reasons: 'Findings',
  link: 'Open in the console',
  unknown: 'not given',
  persons: (n) => String(n),
  group: ' (group incident)',
  immediate: 'Immediate — report at once',
  within24h: 'Within 24 hours',
  severityLevel: { high: 'High', medium: 'Medium', low: 'Low' },
  dueSuffix: ' (Beijing time)',
  more: (n) => `${n} more in the console`,
  claimed: (name, at) => `✅ Claimed by ${name} (${at})`,
  urgentMark: 'URGENT — ',
  reminderHours: (hours) => `Annex 4 due in about ${hours} hour${hours === 1 ? '' : 's'}`,
  reminderMinutes: (minutes) => `Annex 4 due in about ${minutes} minute${minutes === 1 ? '' : 's'}`,
  dueNow: 'Annex 4 is due now',
  escalation: 'Annex 4 overdue',
  submitted: 'Annex 4 submitted',
  replied: 'The reporter sent a message: read and answer it in the console',
  majorFollowUp: 'Major-risk ledger: follow this case up and record the latest in the console',
  returned: 'Annex 4 was returned by the city office for more: read why and submit it again',
  repliedMany: (n) => `The reporter sent ${n} messages: read and answer them in the console`,
  markedUrgent: (due) => `An officer marked the case urgent: Annex 4 due by ${due} (Beijing time)`,
  markedNotUrgent: (due) => `An officer marked the case not urgent: Annex 4 due by ${due} (Beijing time)`,
  sep: ': ',
  list: ', ',
  clause: '; ',
  caseRef: (receipt) => `case ${receipt}`,
  claimant: (name) => `claimed by ${name}`,
  unclaimed: 'not claimed yet',
  lineSep: ', ',
  claimButton: 'Claim',
  viewButton: 'View',
  followUpUrgent: 'URGENT ',
  followUp: (unit: string, receipt: string, caseReceipt: string, claimant: string) =>
    `Follow-up (续报) on case ${caseReceipt}, ${unit}: new report ${receipt}; ${claimant}`,
  openCase: 'Open the case',
};

export const warningLevel: typeof zh.warningLevel = { 1: 'level 1', 2: 'level 2', 3: 'level 3' };

export const coverage: typeof zh.coverage = {
  cityUncovered:
    'The city office (whole city) has no enabled notification channel: urgent reports and overdue escalations will not reach it.',
  uncovered: (names: string) =>
    `${names}: no enabled notification channel, so new reports will not reach the receiving department.`,
  placeholderPhone: (names: string, phone: string) =>
    `${names}: the receiving department's phone is still the default ${phone}; enter the real number on the Jurisdictions page.`,
  andMore: (names: string, n: number) => `${names} and others, ${n} jurisdictions in all`,
  list: ', ',
};

export const wechat: typeof zh.wechat = {
  greeting:
    'Hello! This is the Changchun labour-relations risk quick report.\n' +
    'When wage arrears, a stoppage, a gathering or another labour-relations risk arises at an employer, report it at once: reply "report" (or tap "report" in the menu) and answer each question.\n' +
    'To check a report you filed: reply "status <receipt>".',
  help:
    'Commands:\n' +
    'report — new report (or continue an unfinished one)\n' +
    'back — previous question; skip — skip an optional question; help — this help\n' +
    'edit <number> — change an answer on the review screen; submit — submit the report; cancel — cancel the report in progress\n' +
    'status <receipt> — progress of a report filed from this account\n' +
    'reply <receipt> <text> — write to the receiving office',
  noDraft: 'There is no report in progress. Reply "report" to begin, or "help" for the commands.',
  nothingToCancel: 'There is no report in progress. Reply "report" to begin.',
  resumed: 'Continuing your unfinished report:',
  textOnly: 'Sorry, only text messages can be read; please send text.',
  choose: 'Reply with a number.',
  chooseMany:
    'Reply with one or more numbers (separated by spaces or commas); a number sent again is unselected; reply "done" when finished.',
  selected: (list) => `Selected: ${list}`,
  noneSelected: 'Nothing selected yet.',
  list: ', ',
  yesNo: 'Reply: 1. Yes  2. No',
  keepOrRetype: 'Reply "confirm" to keep it, or enter it again.',
  progress: (n, total) => `(question ${n} of ${total})`,
  afterSubmit: (receipt) =>
    `Check progress: reply "status ${receipt}".\nThe receiving office's answers come through this account; to write to the office, just send text.`,
  afterCancel: 'Reply "report" to begin again.',
  statusUsage: 'Add the receipt number after "status", e.g. status CC-2026-AB12CD',
  statusNotFound: 'No report with this receipt number was filed from this account. Please check the receipt number.',
  expired: 'This draft has expired; reply "report" to begin again.',
  stale: 'Your previous message was already handled; please answer the current question:',
  replyPassedOn: (receipt) => `Passed on to the receiving office (receipt ${receipt}).`,
  replyNotYours:
    'No such report was filed from this account, so the message was not passed on. Please check the receipt number.',
  replyUsage: 'Usage: reply <receipt> <message>, e.g. reply CC-2026-AB12CD Wages were paid today.',
  replyEmpty: 'The message is empty; nothing was passed on.',
  replyTooLong: (max) => `A message can be at most ${max} characters; please split it. Nothing was passed on.`,
  officeHeader: (receipt) =>
    `[Changchun labour-relations risk early warning] About your report with receipt ${receipt}, the receiving office replies:`,
  officeFooter: 'To answer, send a text message (or "reply <receipt> <text>").',
  more: '(continued)',
};
