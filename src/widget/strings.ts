// The widget's own words (buttons, states, errors it detects itself). Questions and answers' wording come
// from the engine's Reply, never from here.

export type Locale = 'zh' | 'en';

export interface Strings {
  launcher: string;
  launcherResume: string;
  title: string;
  close: string;
  intro: string;
  start: string;
  send: string;
  back: string;
  skip: string;
  done: string;
  yes: string;
  no: string;
  confirm: string;
  edit: (label: string) => string;
  editButton: string;
  listSeparator: string;
  reviewIntro: string;
  /** "将报送至 南关区协调劳动关系三方委员会办公室" */
  destination: (area: string) => string;
  changeDestination: string;
  submit: string;
  receipt: (receipt: string) => string;
  statusLink: string;
  restart: string;
  retry: string;
  offline: string;
  server: string;
  expired: string;
  sending: string;
  progress: (answered: number, total: number) => string;
  logLabel: string;
}

const zh: Strings = {
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
  edit: (label) => `修改“${label}”`,
  editButton: '修改',
  listSeparator: '、',
  reviewIntro: '请核对以下信息，确认无误后提交。',
  destination: (area) => `将报送至 ${area}协调劳动关系三方委员会办公室`,
  changeDestination: '更改',
  submit: '提交报告',
  receipt: (r) => `回执号：${r}`,
  statusLink: '查询办理进度',
  restart: '新建报告',
  retry: '重试',
  offline: '网络连接失败，您填写的内容已保留。请检查网络后点击“重试”。',
  server: '服务器暂时无法处理，您填写的内容已保留。请稍后点击“重试”。',
  expired: '原来的草稿已过期或已失效，已为您重新开始。',
  sending: '正在发送…',
  progress: (a, t) => `已完成 ${a} / ${t} 项`,
  logLabel: '对话记录',
};

const en: Strings = {
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
  receipt: (r) => `Receipt number: ${r}`,
  statusLink: 'Check the status',
  restart: 'New report',
  retry: 'Retry',
  offline: 'No connection. Your answer is kept; check the network and press "Retry".',
  server: 'The server could not answer. Your answer is kept; press "Retry" in a moment.',
  expired: 'The earlier draft has expired, so a new report was started.',
  sending: 'Sending…',
  progress: (a, t) => `${a} of ${t} answered`,
  logLabel: 'Conversation',
};

export const STRINGS: Record<Locale, Strings> = { zh, en };
