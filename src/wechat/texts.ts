// What the Official Account says besides the intake's questions. Plain text, Chinese: the account serves
// employers in Changchun (the intake engine's own sentences come in the draft's language, which is zh here).

export const WX = {
  greeting: [
    '您好！这里是长春市劳动关系风险监测预警速报。',
    '用人单位发生欠薪、停工、聚集等劳动关系风险时，请立即报告：回复“我要报告”（或点击菜单“我要报告”），按提示逐项填写。',
    '查询已提交的报告：回复“查询 回执号”。',
  ].join('\n'),
  help: [
    '可用指令：',
    '我要报告 — 新建报告（或继续未完成的报告）',
    '返回 — 上一题；跳过 — 跳过选填项；帮助 — 查看说明',
    '修改 序号 — 在核对页修改某一项；提交 — 提交报告；取消 — 取消正在填写的报告',
    '查询 回执号 — 查询本微信提交的报告进度',
    '回复 回执号 内容 — 给接报部门留言',
  ].join('\n'),
  noDraft: '目前没有正在填写的报告。回复“我要报告”开始报告，回复“帮助”查看指令。',
  nothingToCancel: '目前没有正在填写的报告。回复“我要报告”开始。',
  resumed: '继续填写您尚未完成的报告：',
  textOnly: '抱歉，目前只能读取文字消息，请发送文字。',
  choose: '请回复序号。',
  chooseMany: '可回复多个序号（用空格或逗号分开），再次回复序号可取消；选好后回复“完成”。',
  selected: (labels: string[]) => (labels.length ? `已选：${labels.join('、')}` : '尚未选择。'),
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
} as const;
