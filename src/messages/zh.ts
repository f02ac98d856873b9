// The Chinese message catalogue: every fixed sentence the product says, grouped by where it is said. Chinese
// is the source of truth — en.ts is typed as this file's shape, so a key missing there is a compile error and
// messages.test.ts checks that every message is filled and that parameterised ones use the same parameters.
// Plain data only (no imports, no calls at the top level): the widget bundle imports just its own group and
// esbuild drops the rest. Field labels and questions stay in the field table (src/intake/fields.ts), the
// monitoring items' names in src/rules/catalogue.ts. ARCHITECTURE.md § One message catalogue.

/** The intake engine's own sentences (src/intake/messages.ts); questions come from the field table. */
export const intake = {
  welcome: '您好！这里是长春市劳动关系风险监测预警速报。我们将逐项询问《用人单位速报表》的内容。',
  // The typed commands, said with the welcome in chats only (the widget and forms have buttons for them).
  welcomeCommands: '随时可回复“返回”“跳过”“帮助”或“取消”。',
  requiredNoSkip: '此项为必填项，不能跳过。',
  firstQuestion: '已经是第一个问题了。',
  nothingToConfirm: '当前没有需要确认的内容，请直接回答问题。',
  notAnOption: '请从列出的选项中选择。',
  notMulti: '这个问题只能选择一项，请直接回答。',
  submitFromReview: '请先回答完问题，在核对页面确认后再提交。',
  answerAtReview: '请回复“提交”提交报告，或回复“修改 项目名称（或序号）”修改某一项。',
  unknownField: '没有找到要修改的项目，请回复核对页中的序号或名称。',
  reviewHeader: '请核对以下信息：',
  reviewFooter: '无误请回复“提交”；如需修改，请回复“修改 序号”，例如“修改 3”。',
  submitted: '报告已提交，感谢您的报告。属地协调劳动关系三方委员会办公室将尽快处理。',
  alreadySubmitted: '该报告已提交，无法再修改。如有新情况，请新建报告。',
  cancelled: '已取消本次报告，填写的内容不会提交。',
  helpCommands: '可用指令：返回（上一步）、跳过（选填项）、核对（查看全部回答）、修改 序号、提交、取消、帮助。',
  // Said after a multi-choice prompt (which already says "可多选"): only how to finish, and only in chats.
  selectionHint: '选好后回复“完成”。',
  // Said after a warning (a doubtful check character), only in chats: buttons and forms have their own control.
  keepOrRetype: '请重新输入；如确认无误，请回复“确认”。',
  missingRequired: (label: string) => `请先填写“${label}”。`,
  skippedMark: '（已跳过）',
  requiredMark: '（必填，未填写）',
};

/** What an answer's normaliser says is wrong with it (src/intake/normalize.ts), and how answers read back. */
export const answers = {
  empty: '内容不能为空，请重新输入。',
  tooLong: (length: number, max: number) => `内容过长（${length} 字），请精简到 ${max} 字以内。`,
  integer: '请输入一个整数，例如 1200。',
  money: '请输入金额（元），例如 120000 或 12.5万。',
  phone: '请输入11位手机号码，或长春固定电话（如 0431-88886666）。',
  date: '请输入日期，例如 2026-03-15、2026年3月15日、今天 或 昨天。',
  dateTime: '请输入日期和时间，例如 2026-03-15 14:30 或 今天 9:00。',
  yesNo: '请回答“是”或“否”。',
  notGiven: '（未填写）',
  yes: '是',
  no: '否',
  list: '、',
  yuan: (amount: string) => `${amount} 元`,
};

/** The Telegram bot's own sentences (buttons, hints, command answers). Plain text: the renderer escapes them. */
export const bot = {
  back: '⬅️ 返回',
  skip: '跳过 ➡️',
  done: '✅ 完成',
  keep: '✅ 确认无误',
  submit: '📨 提交报告',
  yes: '是',
  no: '否',
  shareContact: '📱 发送我的手机号',
  /** Reply-keyboard text that `parseTextCommand` reads as "back" in that language. */
  backWord: '返回',
  noted: '✓ 已记录',
  resumed: '继续填写您尚未完成的报告：',
  noDraft: '发送 /start 开始一份新的报告。',
  nothingToCancel: '目前没有正在填写的报告。发送 /start 开始。',
  expired: '这份报告草稿已过期，请发送 /start 重新开始。',
  stale: '这个按钮已过期，请回答当前问题：',
  staleShort: '按钮已过期',
  unusable: '抱歉，我只能读取文字消息和按钮，无法读取图片、语音、贴纸或文件。',
  edited: '修改已发送的消息不会被读取；如需更正，请重新发送答案，或在核对页修改。',
  unknownCommand: '没有这个指令。发送 /help 查看可用指令。',
  contactNotAsked: '现在还不需要电话号码。',
  contactNotYours: '请分享您本人的联系方式，或直接输入电话号码。',
  afterSubmit: (receipt: string) => `查询处理进度：/status ${receipt}\n如有新情况，可发送 /start 新建报告。`,
  afterCancel: '发送 /start 可重新开始。',
  help:
    '长春市劳动关系风险监测预警速报机器人\n' +
    '/start — 新建报告（或继续未完成的报告）\n' +
    '/back — 返回上一题\n' +
    '/cancel — 取消正在填写的报告\n' +
    '/status 回执号 — 查询本聊天提交的报告进度\n' +
    '/reply 回执号 留言 — 给接报部门留言（也可直接回复接报部门发来的消息）\n' +
    '/lang zh|en — 切换语言（用于新的报告）\n' +
    '/help — 帮助',
  statusUsage: '请在指令后写回执号，例如：/status CC-2026-AB12CD',
  statusNotFound: '没有找到这个回执号对应的、由本聊天提交的报告。',
  langUsage: '用法：/lang zh 或 /lang en',
  langSet: '好的，新的报告将使用中文。',
  langCurrentDraft: '正在填写的报告仍使用原来的语言。',
  linkUsage: '用法：/link 绑定码（在工作台“绑定 Telegram”处获取）',
  failed: '抱歉，处理时出错了，请稍后再试。',
  replyPassedOn: (receipt: string) => `已转交接报部门（回执号 ${receipt}）。`,
  replyNotYours: '抱歉，这份报告不是从本聊天提交的，留言没有转交。只能回复本聊天提交的报告。',
  replyUsage:
    '用法：/reply 回执号 留言内容，例如：/reply CC-2026-AB12CD 工资已于今日发放。也可以直接回复接报部门发来的消息。',
  replyEmpty: '留言内容为空，没有转交。',
  replyTooLong: (max: number) => `留言不能超过 ${max} 个字，请分几条发送。没有转交。`,
  /** The command menu (setMyCommands). */
  commands: {
    start: '新建或继续报告',
    back: '返回上一题',
    cancel: '取消正在填写的报告',
    status: '查询报告进度：/status 回执号',
    reply: '给接报部门留言：/reply 回执号 留言',
    lang: '语言：/lang zh 或 /lang en',
    help: '帮助',
  },
};

/** The answer to the bot's `/status` (and WeChat's 查询): what a reporter may see about their own report. */
export const reportStatus = {
  receipt: '回执号',
  unit: '用人单位',
  items: '监测事项',
  submitted: '提交时间',
  progress: '处理进度',
  beijingTime: '（北京时间）',
  sep: '：',
  list: '、',
  statuses: {
    new: '已受理，等待属地办公室处理',
    claimed: '属地办公室正在处理',
    annex4_submitted: '已形成信息情况表并上报',
    closed: '已办结',
  },
};

/** [认领 Claim] pressed in Telegram (src/notify/telegram-claim.ts): the callback query's answers. */
export const telegramClaim = {
  unlinked: '您的 Telegram 账号尚未绑定工作人员账号。请先在控制台生成绑定码，然后向机器人发送 /link 绑定码',
  disabled: '您的工作人员账号已停用，无法认领。',
  noCases: '您的账号（系统管理员）不办理案件，无法认领。请由属地调度室或市办工作人员认领。',
  noScope: '您的账号尚未设置所属辖区，无法认领。请联系系统管理员设置辖区。',
  notFound: '没有找到这份报告。',
  closed: '这份报告已结案，无需认领。',
  otherDistrict: (name: string) => `这份报告属于${name}，您只能认领本辖区的报告。`,
  claimed: '认领成功，请在控制台处理并于时限内报送信息情况表。',
  mine: '您已认领这份报告。',
  taken: (name: string, at: string) => `这份报告已由 ${name} 于 ${at} 认领，无需重复认领。`,
  /** /link 绑定码 (src/notify/telegram-link.ts): tying a Telegram account to an officer's, so the button works. */
  badLinkCode: '绑定码无效或已过期，请在控制台重新生成绑定码后发送 /link 绑定码。',
  linkDisabled: '该工作人员账号已停用，无法绑定。',
  linked: (name: string) => `绑定成功：${name}。之后可在群内点击“认领 Claim”按钮认领报告。`,
};

/**
 * An officer's message to a reporter. The bot's reply path recognises the header's `回执号 CC-YYYY-XXXXXX`
 * (src/bot/replies.ts), so keep it stable.
 */
export const reporterMessage = {
  /** Who speaks for the officers in what the reporter reads. */
  office: '接报部门',
  header: (receipt: string) => `【长春市劳动关系风险监测预警】关于回执号 ${receipt} 的报告，接报部门回复：`,
  footer: '如需回复，请直接回复本条消息。',
};

/** The embeddable widget's own words (src/widget); questions and answers' wording come from the engine. */
export const widget = {
  launcher: '劳动关系风险速报',
  launcherResume: '继续填写速报',
  title: '劳动关系风险监测预警速报',
  close: '关闭',
  intro: '用人单位发生劳动关系风险事项时，请在此逐项填报《用人单位速报表》。填写内容会自动保存，可随时继续。',
  start: '开始填报',
  send: '发送',
  back: '返回上一题',
  skip: '跳过',
  done: '完成',
  yes: '是',
  no: '否',
  confirm: '确认无误',
  edit: (label: string) => `修改“${label}”`,
  editButton: '修改',
  listSeparator: '、',
  reviewIntro: '请核对以下信息，确认无误后提交。',
  /** "将报送至 南关区协调劳动关系三方委员会办公室" */
  destination: (area: string) => `将报送至 ${area}协调劳动关系三方委员会办公室`,
  changeDestination: '更改',
  submit: '提交报告',
  receipt: (receipt: string) => `回执号：${receipt}`,
  statusLink: '查询办理进度',
  restart: '新建报告',
  retry: '重试',
  offline: '网络连接失败，您填写的内容已保留。请检查网络后点击“重试”。',
  server: '服务器暂时无法处理，您填写的内容已保留。请稍后点击“重试”。',
  expired: '原来的草稿已过期或已失效，已为您重新开始。',
  sending: '正在发送…',
  progress: (answered: number, total: number) => `已完成 ${answered} / ${total} 项`,
  logLabel: '对话记录',
};

/** The reporter's pages (/report, /status); field labels, hints and validation come from the field table. */
export const pages = {
  site: '长春市劳动关系风险监测预警',
  switchLang: 'English',
  switchLangCode: 'en',
  reportTitle: '用人单位速报表',
  reportIntro:
    '用人单位发生劳动关系风险事项时，请如实填写本表。带“必填”标记的项目必须填写。提交后您将获得回执号，可凭回执号和联系电话查询办理进度。',
  sections: {
    employer: '用人单位信息',
    reporter: '报告人信息',
    items: '监测事项',
    collective: '群体性行为',
    details: '事项详情',
  },
  joinedCase: (receipt: string) =>
    `该单位已有正在办理的案件（回执号 ${receipt}），本报告已作为续报并入该案件，承办部门已收到通知。`,
  collectiveNote: '如选择“没有”，行为方式和参与人数可不填。参与人数只计参与聚集、停工等行为的人，不计受影响的职工。',
  followupLegend: (item: string) => `${item}：补充信息`,
  required: '必填',
  optional: '选填',
  choose: '请选择',
  yes: '是',
  no: '否',
  submit: '提交报告',
  destination: (area: string) => `将报送至 ${area}协调劳动关系三方委员会办公室`,
  destinationUnknown: '将报送至 所在县（市）区或开发区的协调劳动关系三方委员会办公室（请在上方选择）',
  changeDestination: '更改',
  step2: '请填写下方所选监测事项的补充信息，然后再次提交。您已填写的内容均已保留。',
  errorSummary: '请修正以下问题后再提交：',
  resubmitted:
    '这张表单之前已经提交过一次，修改后的内容还没有提交。您填写的内容均已保留，请核对后点击“提交报告”，将作为一份新的报告提交。',
  requiredMissing: '此项为必填项，请填写。',
  confirmWarning: '我已核对，确认填写无误',
  submittedTitle: '报告已提交',
  submittedText:
    '感谢您的报告，属地协调劳动关系三方委员会办公室将尽快处理。请保存回执号，可凭回执号和联系电话查询办理进度。',
  receipt: '回执号',
  checkStatus: '查询办理进度',
  newReport: '再填写一份报告',
  forbiddenTitle: '无法提交',
  forbiddenText: '请从本站的表单页面提交，不要从其他网站提交。',
  backToForm: '返回表单',
  statusTitle: '查询办理进度',
  statusIntro: '请输入回执号和提交报告时填写的联系电话。',
  statusPhone: '联系电话',
  lookup: '查询',
  notFound: '没有找到与回执号和联系电话相符的报告，请核对后重试。',
  throttled: '查询失败次数过多，请 15 分钟后再试。如有急事，请直接致电接报部门。',
  unit: '用人单位',
  items: '监测事项',
  submittedAt: '提交时间',
  status: '办理状态',
  timeline: '办理记录',
  conversation: '留言',
  noMessages: '暂无留言。接报部门给您的留言会显示在这里。',
  fromOffice: '接报部门',
  fromYou: '您',
  viaTelegram: '（Telegram）',
  messageLabel: '给接报部门留言',
  messageHint: (max: number) => `最多 ${max} 字。接报部门的回复会显示在本页，请日后凭回执号和联系电话再次查询。`,
  sendMessage: '发送留言',
  messageSent: '留言已发送，接报部门会在办理记录中看到。',
  messageEmpty: '请填写留言内容后再发送。',
  messageTooMany: '留言发送过于频繁，请稍等一分钟后再发送。您的留言内容已保留。',
  tooManyDrafts: '从同一网络提交的报告过多，请稍等一分钟后再点击“提交报告”。您填写的内容均已保留。',
  messageTooLong: (max: number) => `留言不能超过 ${max} 个字，请删减后再发送。`,
  closedReason: '办结说明：',
  statuses: {
    new: '已提交，等待受理',
    claimed: '已受理，正在处理',
    annex4_submitted: '已上报信息情况表',
    closed: '已办结',
  },
  events: {
    submitted: '报告已提交',
    claimed: '工作人员已受理',
    message_out: '工作人员留言',
    message_in: '您的补充',
    annex4_submitted: '已上报信息情况表',
    closed: '已办结',
  },
};

/** The message of every HTTP error code (src/http/errors.ts), and the details some of them append. */
export const errors = {
  not_found: '没有找到这个地址。',
  internal: '服务器内部错误，请稍后重试；如果反复出现，请把请求编号告诉我们。',
  bad_request: '请求格式不正确。',
  invalid_json: '请求内容不是有效的 JSON。',
  validation: '请求内容有误：',
  payload_too_large: '请求内容太大',
  draft_not_found: '没有找到这份草稿，可能已过期，请重新开始。',
  forbidden_token: '续填凭证不正确。',
  conflict: '这份草稿刚被另一个窗口修改过，请根据当前问题重新作答。',
  draft_closed: '这份报告已经提交或取消，不能再修改。',
  idempotency_key_reused: '这个 Idempotency-Key 已用于另一份报告，本草稿尚未提交。请为本草稿换一个新的键后重新提交。',
  report_not_found: '没有找到与回执号和联系电话相符的报告。',
  origin_forbidden: '此网站未被允许使用报告接口。',
  forbidden: '没有权限。',
  unauthorized: '请先登录。',
  too_many_requests: '尝试次数过多，请稍后再试。',
  too_many_drafts: '从同一网络新建的报告过多，请稍后再试；已填写的内容不受影响。',
  too_many_messages: '留言发送过于频繁，请稍后再发；您的留言内容未丢失。',
  csrf_invalid: '表单已失效（安全校验未通过），请返回刷新页面后重试。',
  case_not_found: '没有找到这个案件。',
  login_throttled: '登录失败次数过多，请 15 分钟后再试。',
  claim_conflict: '案件已被其他工作人员认领或转交，页面已更新。',
  annex4_submitted_already: '附件4 已经报送，不能再修改。',
  case_closed: '案件已销号。',
  close_needs_annex4: '附件4 报送后才能销号；确需提前销号的，须由市协调劳动关系三方委员会办公室批准并写明理由。',
  not_a_follow_up: '这份报告不是续报，无需拆分。',
  not_an_open_case: '只有未销号的案件（不是续报）可以并入另一个案件。',
};

/** Details appended to an error's message. */
export const errorDetails = {
  retryAfter: (seconds: number) => `（约 ${seconds} 秒后可再试）`,
  bodyLimit: (kb: number) => `（上限 ${kb} KB）。`,
  /** A request field zod refused: where, then zod's own words. */
  fieldIssue: (where: string, problem: string) => `${where}：${problem}`,
  messageEmpty: 'text：留言内容不能为空。',
  messageTooLong: (max: number) => `text：留言不能超过 ${max} 个字。`,
  targetNotUrl: '目标必须是完整的 https Webhook 地址。',
  targetNotHttps: '目标必须是 https Webhook 地址。',
  targetCredentials: '目标地址中不能含用户名或密码。',
  targetPrivate:
    '目标不能是本机、内网或链路本地地址（如 127.0.0.1、10.x、192.168.x、169.254.x）。如机器人确实在内网，请由运维设置 ALLOW_PRIVATE_TARGETS。',
  noWarningToLift: '当前没有生效的预警，无需解除。',
  returnNeedsReason: '请写明退回补充的理由（需要补充哪些内容）。',
  annex4NotAwaitingReview: '附件4 尚未报送，或已签收、已退回。',
  majorRiskTracking: '请填写跟踪责任人，跟进间隔为 1 到 90 天的整数。',
  handoverOfficer: '请选择本辖区的工作人员。',
  alreadyUrgent: '本案已是紧急重大，无需再标记。',
  alreadyNotUrgent: '本案已不是紧急重大，无需再标记。',
  mergeTarget: '请填写本辖区另一个未销号案件的回执号。',
  textEmpty: (what: string) => `${what}不能为空。`,
  textTooLong: (what: string, max: number) => `${what}不能超过 ${max} 个字符。`,
  /** The heading of a start-up line about a bad setting; the line carries both languages (ops read the log). */
  invalidConfiguration: '配置错误',
};

/** Why a WeChat push was refused (src/wechat/routes.ts), appended to `forbidden` / `bad_request`. */
export const wechatPush = {
  signatureParams: '缺少或无效的签名参数。',
  signature: '签名不正确。',
  timestamp: '时间戳已超过 5 分钟，请求被拒绝。',
  xml: 'XML 格式不正确。',
  mustEncrypt: '本公众号使用安全模式，消息须加密。',
  msgSignature: '消息签名不正确。',
  appId: '密文中的 AppID 与本公众号不符。',
  undecryptable: '密文无法解密。',
  fields: '消息缺少必需的字段。',
  sender: '消息发送者与 openid 参数不符。',
};

/** Officers' notices about a report (src/notify/format.ts): labels and first lines. */
export const alert = {
  urgentTitle: '【紧急重大】劳动关系风险报告，请立即处置',
  title: '【监测预警】劳动关系风险报告',
  unit: '用人单位',
  district: '所属辖区',
  items: '监测事项',
  people: '涉及人数',
  takingPart: '参与人数',
  affected: '涉及职工',
  noAction: '无群体性行为',
  urgency: '紧急程度',
  severity: '严重程度',
  late: '迟报提示',
  reporter: '报告人',
  due: '信息情况表报送时限',
  receipt: '回执号',
  reasons: '研判依据',
  link: '在控制台查看详情',
  unknown: '未填报',
  persons: (n: number) => `${n} 人`,
  group: '（群体性事件）',
  immediate: '紧急重大，须立即报告',
  within24h: '24 小时内报告',
  severityLevel: { high: '高', medium: '中', low: '低' },
  dueSuffix: '（北京时间）',
  more: (n: number) => `另有 ${n} 条，见控制台`,
  claimed: (name: string, at: string) => `✅ 已由 ${name} 认领（${at}）`,
  urgentMark: '【紧急重大】',
  reminderHours: (hours: number) => `附件4即将到期（剩余约 ${hours} 小时）`,
  reminderMinutes: (minutes: number) => `附件4即将到期（剩余约 ${minutes} 分钟）`,
  dueNow: '附件4报送时限已到',
  escalation: '附件4已超时未报送',
  submitted: '附件4已报送市协调劳动关系三方委员会办公室',
  replied: '报告人发来新消息，请在控制台查看并答复',
  majorFollowUp: '重大风险专门台账：请跟进本案并在控制台记录最新情况',
  returned: '附件4已被市协调劳动关系三方委员会办公室退回补充，请查看理由后重新报送',
  repliedMany: (n: number) => `报告人发来 ${n} 条新消息，请在控制台查看并答复`,
  markedUrgent: (due: string) => `工作人员研判改为紧急重大，附件4须于 ${due} 前报送`,
  markedNotUrgent: (due: string) => `工作人员研判改为非紧急，附件4须于 ${due} 前报送`,
  sep: '：',
  list: '、',
  clause: '；',
  caseRef: (receipt: string) => `案件 ${receipt}`,
  claimant: (name: string) => `认领人 ${name}`,
  unclaimed: '待认领',
  lineSep: '，',
  /** Telegram's buttons under a notice, printed in both languages: "认领 Claim", "查看 View". */
  claimButton: '认领',
  viewButton: '查看',
  /** A report that joined an open case (src/notify/follow-up.ts): one short 续报 line, not a second alert. */
  followUpUrgent: '【紧急重大】',
  followUp: (unit: string, receipt: string, caseReceipt: string, claimant: string) =>
    `【续报】${unit}：新报告 ${receipt} 已并入案件 ${caseReceipt}，${claimant}`,
  openCase: '查看案件',
};

/**
 * The three regional warning levels' names (seed §3), 1 the highest. The one source: the rules' suggestion,
 * the case vocabulary (一级预警 …), the documents and the warning notice derive theirs from it.
 */
export const warningLevel = { 1: '一级', 2: '二级', 3: '三级' };

/**
 * Whether every report reaches someone (src/notify/coverage.ts), for the channels page and /healthz. Here and
 * not in the officer catalogue because /healthz, on the public path, says it too.
 */
export const coverage = {
  cityUncovered: '市办（全市）没有启用的通知渠道：紧急重大报告和逾期上报不会通知到市办。',
  uncovered: (names: string) => `${names}没有启用的通知渠道：新报告不会通知到接报部门。`,
  placeholderPhone: (names: string, phone: string) =>
    `${names}的接报部门电话仍是默认的 ${phone}，请在“辖区”页面填写实际电话。`,
  /** The first names of a long list and how many there are. */
  andMore: (names: string, n: number) => `${names} 等 ${n} 个辖区`,
  list: '、',
};
/**
 * What the WeChat Official Account says besides the intake's questions (src/wechat). The account serves
 * employers in Changchun in Chinese; the English is kept so the catalogue stays complete.
 */
export const wechat = {
  greeting:
    '您好！这里是长春市劳动关系风险监测预警速报。\n' +
    '用人单位发生欠薪、停工、聚集等劳动关系风险时，请立即报告：回复“我要报告”（或点击菜单“我要报告”），按提示逐项填写。\n' +
    '查询已提交的报告：回复“查询 回执号”。',
  help:
    '可用指令：\n' +
    '我要报告 — 新建报告（或继续未完成的报告）\n' +
    '返回 — 上一题；跳过 — 跳过选填项；帮助 — 查看说明\n' +
    '修改 序号 — 在核对页修改某一项；提交 — 提交报告；取消 — 取消正在填写的报告\n' +
    '查询 回执号 — 查询本微信提交的报告进度\n' +
    '回复 回执号 内容 — 给接报部门留言',
  noDraft: '目前没有正在填写的报告。回复“我要报告”开始报告，回复“帮助”查看指令。',
  nothingToCancel: '目前没有正在填写的报告。回复“我要报告”开始。',
  resumed: '继续填写您尚未完成的报告：',
  textOnly: '抱歉，目前只能读取文字消息，请发送文字。',
  choose: '请回复序号。',
  chooseMany: '可回复多个序号（用空格或逗号分开），再次回复序号可取消；选好后回复“完成”。',
  selected: (list: string) => `已选：${list}`,
  noneSelected: '尚未选择。',
  list: '、',
  yesNo: '请回复：1. 是　2. 否',
  keepOrRetype: '如确认无误请回复“确认”，或重新输入。',
  progress: (n: number, total: number) => `（第 ${n}/${total} 项）`,
  afterSubmit: (receipt: string) =>
    `查询处理进度：回复“查询 ${receipt}”。\n接报部门如有回复会通过本公众号通知您；给接报部门留言可直接发送文字。`,
  afterCancel: '回复“我要报告”可重新开始。',
  statusUsage: '请在“查询”后写回执号，例如：查询 CC-2026-AB12CD',
  statusNotFound: '没有找到这个回执号对应的、由本微信提交的报告。请核对回执号。',
  expired: '这份报告草稿已过期，请回复“我要报告”重新开始。',
  stale: '您的上一条消息已处理，请回答当前问题：',
  replyPassedOn: (receipt: string) => `已转交接报部门（回执号 ${receipt}）。`,
  replyNotYours: '没有找到由本微信提交的这份报告，留言没有转交。请核对回执号。',
  replyUsage: '用法：回复 回执号 留言内容，例如：回复 CC-2026-AB12CD 工资已于今日发放。',
  replyEmpty: '留言内容为空，没有转交。',
  replyTooLong: (max: number) => `留言不能超过 ${max} 个字，请分几条发送。没有转交。`,
  officeHeader: (receipt: string) => `【长春市劳动关系风险监测预警】关于回执号 ${receipt} 的报告，接报部门回复：`,
  officeFooter: '如需回复，请直接发送文字消息（或“回复 回执号 内容”）。',
  more: '（续）',
};
