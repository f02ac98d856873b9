// Officer catalogue, Chinese (source of truth) — Case pages: inbox, case page and its forms, ledgers, new case,
// Annex 4 page, filters and links, and the console's error page.
// Plain data only, one named export per page group; src/messages/officer.ts joins the areas.

/** The case page (src/web/console/case-page.tsx): its header, sections and what an action answers. */
export const casePage = {
  /** The line shown after an action (?done=…). */
  done: {
    major: '已列入重大风险专门台账。',
    claimed: '已认领。',
    handed_over: '已转交。',
    note: '备注已保存。',
    message: '消息已发送给报告人。',
    closed: '已销号。',
    annex4_saved: '附件4 草稿已保存。',
    annex4_submitted: '附件4 已报送市协调劳动关系三方委员会办公室。',
    created: '案件已录入。',
    split: '已拆分为独立案件。',
    merged: '已合并，原案件及其续报已并入本案件。',
    accountability: '核实意见已记录。',
    phone_joined: '该单位已有正在办理的本案件，这次电话报告已作为续报并入本案件（见“续报”）。',
    urgent: '已改为紧急重大：附件4时限已相应提前，本辖区和市办已收到通知。',
    not_urgent: '已改为非紧急：附件4按 24 小时时限，本辖区和市办已收到通知。',
  },
  receipt: (receipt: string) => `回执号 ${receipt}`,
  source: (channel: string) => `来源：${channel}`,
  reportedAt: '报告时间',
  callerPhone: (phone: string) => ` · 来电号码 ${phone}`,
  ruleset: (version: string) => `研判规则版本 ${version}`,
  annex4: '附件4：',
  tracker: ' · 跟踪人：',
  unclaimed: '待认领',
  jumpLabel: '本页',
  jumpActions: '操作',
  jumpAnnex3: '速报表',
  jumpTimeline: '处理记录',
  jumpMessage: '回复报告人',
  jumpClose: '销号',
  annex3: '速报表（附件3）',
  assessment: '规则评估',
  timeline: '处理记录',
  /** A claim from the inbox returns there naming the case: "长春市某公司（CC-…）". */
  claimedCase: (unit: string, receipt: string) => `${unit}（${receipt}）`,
  closeNoReason: '请填写销号理由（报告人会看到）。',
  closeUnconfirmed: '请勾选“我确认销号”后再提交：销号后无法撤销。',
};

/** The case page's read-only sections (src/web/console/case-sections.tsx). */
export const caseSections = {
  reporter: '报告人',
  system: '系统',
  officer: '工作人员',
  handedTo: '转交给：',
  reason: '理由：',
  due: '期限：',
  undeliverable: '微信平台拒绝发送（报告人 48 小时内未互动或已取消关注），请改为电话联系报告人。',
  /** A finding's outcome as its badge says it. */
  outcomes: { flagged: '符合监测情形', not_flagged: '未达到标准', needs_info: '信息不足' },
  noAssessment: '没有规则评估结果。',
  late: '疑似迟报',
  unreported: '漏报',
  unreportedWhy: '用人单位未主动报告，由工作人员走访摸排发现。',
  ruleset: (version: string) => `规则版本 ${version}`,
  auditTitle: '查阅与导出记录',
  auditAnnex4Docx: '附件4（DOCX）',
  auditAnnex4: '附件4',
  /** "3 次（09:00–09:30）": several views of one day folded into one line. */
  auditTimes: (count: number, first: string, last: string) => ` ${count} 次（${first}–${last}）`,
};

/** The case page's action forms (src/web/console/case-forms.tsx). */
export const caseForms = {
  closeTitle: '销号',
  closeEarly: '附件4 报送后方可销号；提前销号须由市协调劳动关系三方委员会办公室批准，理由即批准意见。',
  closeConsequence:
    '销号后案件关闭，不能再认领、转交、回复报告人或修改附件4，且无法撤销。报告人在查询页面会看到“已办结”和下面的理由。',
  closeReason: '销号理由（报告人可见）',
  closeConfirm: '我确认销号，此操作不可撤销',
  closeSubmit: '确认销号',
  majorTitle: '重大风险专门台账',
  majorWhat: '可能引发媒体关注、连锁反应或扩散的重大风险，列入专门台账，落实专人跟踪，定期提醒跟进直至销号。',
  majorTracker: '跟踪责任人',
  majorPhone: '联系电话',
  majorInterval: (days: number) => `跟进间隔（天，默认 ${days}）`,
  majorNote: '说明',
  majorSubmit: '列入专门台账',
  actionsTitle: '操作',
  claim: '认领此案件',
  fillAnnex4: '填写附件4',
  downloadAnnex4: '下载附件4（DOCX）',
  handoverTo: '转交给本辖区工作人员',
  handoverNote: '转交说明（可选）',
  handover: '转交',
  noteTitle: '内部备注',
  note: '备注（仅工作人员可见）',
  saveNote: '保存备注',
  viaTelegram: '将通过 Telegram 发送给报告人',
  viaWechat: '将通过微信公众号发送给报告人',
  viaStatusPage: '报告人凭回执号和电话在查询页面看到；已开通短信时另发短信提醒',
  messageTitle: '回复报告人',
  wechatUnreachable:
    '微信消息未能送达：报告人超过 48 小时未与公众号互动（或已取消关注），平台不允许再发消息。请致电报告人',
  sentenceEnd: '。',
  message: (route: string) => `消息（${route}）`,
  send: '发送',
};

/** The inbox (src/web/console/inbox.tsx) and its case list, shared with the overview. */
export const inbox = {
  unclaimed: '待认领',
  soon: '即将逾期',
  overdue: '已逾期',
  countsLabel: '待办统计',
  unit: '用人单位',
  area: '县（市）区',
  items: '监测事项',
  urgencySeverity: '紧急程度 / 严重程度',
  due: '附件4 期限',
  claimant: '认领人',
  status: '状态',
  reports: (n: number) => `共 ${n} 份报告（含续报）`,
  list: '、',
  late: '疑似迟报',
  unreported: '漏报',
  claimLabel: (unit: string) => `认领：${unit}`,
  claim: '认领',
  title: '待办',
  heading: (area: string) => `待办案件 · ${area}`,
  wholeCity: '全市',
  claimed: (what: string) => `已认领：${what}`,
  none: '没有符合条件的案件。',
  previous: '上一页',
  next: '下一页',
  refreshing: '本页每分钟自动刷新，剩余时间随之更新。',
  stopRefresh: '停止自动刷新',
  refreshStopped: '自动刷新已停止。',
  resumeRefresh: '恢复自动刷新',
};

/** The filter form of the inbox and the ledger (src/web/console/case-filters.tsx). */
export const caseFilters = {
  search: '搜索',
  searchHint: '单位名称 / 统一社会信用代码 / 回执号',
  area: '县（市）区',
  all: '全部',
  item: '监测事项',
  status: '状态',
  from: '报告日期自',
  to: '至',
  showClosed: '显示已销号',
  filter: '筛选',
  clear: '清除',
};

/** Follow-ups (续报), split and merge on the case page (src/web/console/case-links.tsx). */
export const caseLinks = {
  title: '续报',
  titleCount: (n: number) => `续报（${n}）`,
  followUpOf: '本报告是',
  joinedCase: '所并入案件',
  followUpOfEnd: '的续报。',
  splitReason: '拆分为独立案件的理由',
  split: '拆分为独立案件',
  none: '暂无续报。',
  urgent: ' · 紧急重大',
  mergeInto: '并入案件（回执号）',
  mergeHint: 'CC-2026-……',
  mergeReason: '合并理由',
  merge: '并入该案件',
};

/** A case found by officers or an employer's phone report (src/web/console/new-case.tsx). */
export const newCase = {
  callTitle: '来电信息',
  callerPhone: '来电号码（必填）',
  callAt: '来电时间（必填，作为报告时间）',
  callHelp: '用人单位通过电话报告：按速报表逐项录入。报告人联系电话不填时，使用来电号码。',
  district: (name: string) => `所在县（市）区：${name}`,
  phoneTitle: '录入电话报告',
  officerTitle: '录入案件',
  phoneHeading: '录入电话报告（用人单位电话报告）',
  officerHeading: '录入案件（走访摸排 / 舆情监测发现）',
  fix: '请更正标出的内容。',
  itemsTitle: '监测事项的具体情况',
  itemsHelp: '只需填写上面所选事项对应的部分。',
  collectiveTitle: '群体性行为',
  collectiveHelp: '参与人数只计参与聚集、停工、怠工、堵门堵路、集体上访的人，不计受影响的职工。',
  originTitle: '案件来源',
  source: '来源（必填）',
  choose: '请选择',
  employerReportedAt: '用人单位来电、来信时间（来源为电话、微信时必填：这是用人单位的报告）',
  unreported: '经核实，用人单位未报告 此事项（漏报）',
  submitPhone: '录入电话报告',
  submit: '录入',
  chooseSource: '请选择案件来源。',
  realDateTime: '请填写真实的日期和时间。',
  notFuture: '时间不能晚于现在。',
  employerTimeNeeded: '来源为电话或微信时，请填写用人单位来电、来信的时间。',
  notUnreported: '用人单位来电、来信即为报告，不能认定为漏报。',
};

/** The Annex 4 page (src/web/console/annex4-page.tsx); the fields' labels are documents' annex4Fields. */
export const annex4Page = {
  accepted: '已签收。',
  returned: '已退回补充，区县已收到通知。',
  reviewTitle: '市办签收',
  reviewNote: '签收意见或退回理由（退回补充时必填，区县将看到并据此补充）',
  accept: '签收',
  returnForMore: '退回补充',
  acceptedAt: (when: string) => `市办已于 ${when} 签收。`,
  acceptedNote: (note: string) => `意见：${note}`,
  returnedAt: (when: string, reason: string) => `市办已于 ${when} 退回补充，理由：${reason}。请补充后重新报送。`,
  title: (unit: string) => `附件4 · ${unit}`,
  back: '← 返回案件',
  heading: '长春市劳动关系风险监测预警信息情况表',
  fix: (fields: string) => `请补全或更正：${fields}`,
  list: '、',
  submitted: '已报送市协调劳动关系三方委员会办公室，不能再修改。',
  saved: '已保存的草稿。',
  prefilled: '以下内容根据用人单位速报表和规则评估预填，请核实修改后保存或报送。',
  level: '预警级别',
  consequence:
    '点击“报送市办”后，附件4 将报送市协调劳动关系三方委员会办公室，市办会立即收到通知；报送后本表不能再修改，也不能撤回。',
  confirm: '我已核对以上内容，确认报送市办',
  unconfirmed: '请勾选确认后再报送；本表尚未报送，填写的内容均已保留。',
  save: '保存草稿',
  submit: '报送市办',
  download: '下载 DOCX',
  chooseDecision: '请选择签收或退回补充。',
  notAfterToday: (label: string) => `${label}（不能晚于今天）`,
  fileName: (receipt: string) => `附件4-${receipt}.docx`,
};

/** The ledger (src/web/console/ledger.tsx). */
export const ledger = {
  title: '台账',
  heading: '风险隐患台账',
  export: '导出台账（Excel）',
  major: '重大风险专门台账',
  receipt: '回执号',
  unit: '用人单位',
  area: '县（市）区',
  items: '监测事项',
  source: '来源',
  tracker: '跟踪人',
  status: '状态',
  closed: '销号',
  late: '疑似迟报',
  unreported: '漏报',
  list: '、',
  noTracker: '未落实',
  previous: '上一页',
  next: '下一页',
  flagsTitle: '迟报、漏报的用人单位',
  noFlags: '暂无迟报或漏报记录。',
  uscc: '统一社会信用代码',
  cases: '案件数',
  lateCount: '迟报',
  unreportedCount: '漏报',
  fileName: (date: string) => `台账-${date}.xlsx`,
};

/** The special ledger of major risks (src/web/console/major-ledger.tsx). */
export const majorLedger = {
  title: '重大风险专门台账',
  what: '列入的案件落实专人跟踪，按间隔提醒跟进，直至销号。',
  none: '暂无列入专门台账的案件。',
  receipt: '回执号',
  unit: '用人单位',
  area: '县（市）区',
  tracker: '跟踪责任人',
  markedAt: '列入时间',
  interval: '跟进间隔',
  next: '下次提醒',
  reminded: '已提醒',
  status: '状态',
  days: (n: number) => `${n} 天`,
  closed: '已销号，不再提醒',
  times: (n: number) => `${n} 次`,
};

/** The officer's word on urgency (src/web/console/urgency-mark.tsx). */
export const urgencyMark = {
  title: (urgency: string) => `紧急程度：${urgency}`,
  urgent: '紧急重大',
  within24h: '24 小时内报告',
  marked: (who: string, at: string, reason: string) => `${who}于 ${at} 研判：${reason}`,
  byRules: '由监测规则研判。工作人员可根据掌握的情况改定，并写明理由；本辖区和市办会收到通知。',
  notUrgentReason: '改为非紧急的理由',
  urgentReason: '改为紧急重大的理由',
  markNotUrgent: '改为非紧急（附件4 按 24 小时时限）',
  markUrgent: '改为紧急重大（附件4 须 1 小时内报送）',
  chooseMark: '请选择改为紧急重大或非紧急。',
  reasonNeeded: '请填写理由。',
};

/** One Annex 3 field as a form control (src/web/console/field-input.tsx). */
export const fieldInput = {
  required: '（必填）',
  choose: '请选择',
  yes: '是',
  no: '否',
  dateTimeHint: '2026-11-25 08:30',
};

/** Forms that come back after a refusal (src/web/console/form-fields.tsx). */
export const formFields = {
  notSaved: '未保存：请按各项下方的提示修改后再提交，已填写的内容都保留着。',
};

/** Badges and the deadline on the case pages (src/web/console/components.tsx). */
export const caseBadges = {
  urgency: (level: string) => `紧急程度：${level}`,
  severity: (level: string) => `严重程度：${level}`,
  annex4Submitted: '附件4 已报送',
  closed: '已销号',
  dueBy: (at: string) => `（${at} 前报附件4）`,
};

/** The console's error page (src/web/console/routes.tsx). */
export const consoleError = {
  title: '出错了',
  notFound: '没有找到',
  forbidden: '无法完成',
  requestId: (id: string) => `请求编号 ${id}`,
  home: '返回首页',
  signIn: '登录',
};

/** The console's JSON API (src/web/console/api.ts). */
export const consoleApi = {
  warningBody: '请求应为 { level: 0–3, reason: 理由, issue: true/false }。',
};
