// Officer catalogue, Chinese (source of truth) — the case vocabulary every officer-side page, export and notice
// names things with: statuses, severity, urgency, channels, warning levels, timeline events, robot types.
// src/cases/labels.ts gives them to the code under their old names (STATUS_ZH …). Plain data only; the level
// names are derived from the catalogue's one list of them (zh.ts warningLevel).

import { warningLevel } from './zh';

/** One vocabulary everywhere (pages, alerts, DOCX): 严重程度 高/中/低, 紧急程度 紧急重大/24 小时内报告. */
export const vocabulary = {
  status: { new: '待认领', claimed: '处理中', annex4_submitted: '已报送附件4', closed: '已销号' },
  severity: { low: '低', medium: '中', high: '高' },
  urgency: { immediate: '紧急重大', within_24h: '24 小时内报告' },
  channel: {
    web: '网页',
    widget: '门户组件',
    telegram: 'Telegram',
    form: '表单',
    officer: '走访摸排',
    wechat: '微信公众号',
    phone: '电话',
  },
  /** Indexed by level: 0 is no warning, 1 the highest (一级). */
  level: ['暂不预警', ...([1, 2, 3] as const).map((l) => `${warningLevel[l]}预警`)],
  event: {
    submitted: '用人单位提交报告',
    created: '工作人员录入（走访摸排）',
    phone_recorded: '工作人员录入电话报告',
    notified: '已通知',
    claimed: '认领',
    handed_over: '转交',
    note: '内部备注',
    message_out: '发给报告人的消息',
    message_in: '报告人回复',
    message_undeliverable: '消息未能送达报告人',
    annex4_saved: '保存附件4草稿',
    annex4_submitted: '报送附件4',
    follow_up: '续报',
    annex4_accepted: '市办签收附件4',
    annex4_returned: '市办退回附件4补充',
    major_marked: '列入重大风险专门台账',
    major_followup: '重大风险跟进记录',
    annex4_reminder: '附件4即将到期提醒',
    annex4_escalation: '附件4逾期，已上报市办',
    closed: '销号',
    viewed: '查阅',
    exported: '导出',
    split_off: '拆分为独立案件',
    marked_urgent: '研判改为紧急重大',
    marked_not_urgent: '研判改为非紧急',
    merged: '案件合并',
    accountability_confirmed: '确认问责事项',
    accountability_dismissed: '排除问责事项',
    accountability_credit_reminder: '信用提醒',
    accountability_integrity_interview: '诚信约谈',
  },
  /** Officers' notification channel types as the admin knows them. */
  channelType: {
    wecom: '企业微信群机器人',
    dingtalk: '钉钉群机器人',
    feishu: '飞书群机器人',
    telegram: 'Telegram 群',
  },
};
