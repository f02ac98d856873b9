import type { Locale } from '../../http/locale';

// Fixed words of the public pages (/report, /status). Field labels, hints and validation messages come
// from the intake field table.

const zh = {
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
    details: '事项详情',
  } as Record<string, string>,
  followupLegend: (item: string) => `${item}：补充信息`,
  required: '必填',
  optional: '选填',
  choose: '请选择',
  yes: '是',
  no: '否',
  submit: '提交报告',
  step2: '请填写下方所选监测事项的补充信息，然后再次提交。您已填写的内容均已保留。',
  errorSummary: '请修正以下问题后再提交：',
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
  unit: '用人单位',
  items: '监测事项',
  submittedAt: '提交时间',
  status: '办理状态',
  timeline: '办理记录',
  statuses: {
    new: '已提交，等待受理',
    claimed: '已受理，正在处理',
    annex4_submitted: '已上报信息情况表',
    closed: '已办结',
  } as Record<string, string>,
  events: {
    submitted: '报告已提交',
    claimed: '工作人员已受理',
    message_out: '工作人员留言',
    message_in: '您的补充',
    annex4_submitted: '已上报信息情况表',
    closed: '已办结',
  } as Record<string, string>,
};

export type PageStrings = typeof zh;

const en: PageStrings = {
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
    details: 'What happened',
  },
  followupLegend: (item) => `${item}: more details`,
  required: 'required',
  optional: 'optional',
  choose: 'Please choose',
  yes: 'Yes',
  no: 'No',
  submit: 'Submit the report',
  step2:
    'Please answer the follow-up questions for the items you chose below, then submit again. Everything you entered is kept.',
  errorSummary: 'Please correct the following before submitting:',
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
  unit: 'Employer',
  items: 'Monitoring items',
  submittedAt: 'Submitted',
  status: 'Status',
  timeline: 'History',
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

export const PAGE_STRINGS: Record<Locale, PageStrings> = { zh, en };
