// Chinese names of the case vocabulary, shared by pages, the ledger and the Annex 4 export.
import type { CaseStatus } from '../../db/repo/cases';
import { isItemCode, itemByCode } from '../rules/index';

export const STATUS_ZH: Record<CaseStatus, string> = {
  new: '待认领',
  claimed: '处理中',
  annex4_submitted: '已报送附件4',
  closed: '已销号',
};

// One vocabulary everywhere (pages, alerts, DOCX): 严重程度 高/中/低, 紧急程度 紧急重大/24 小时内报告.
export const SEVERITY_ZH = { low: '低', medium: '中', high: '高' } as const;
export const URGENCY_ZH = { immediate: '紧急重大', within_24h: '24 小时内报告' } as const;

// A parenthesis holding criteria notation: "（≥ 30）", "(≥ 10)", "（一级 1/2、二级 0/4 项标准满足）".
const NOTATION = /\s?[（(][^（）()]*(?:[≥≤＞＜<>]|\d+\/\d+)[^（）()]*[）)]/g;
const LEVEL_PREFIX = /^(?:高|中|低)[：:]\s*/;

/**
 * A rules sentence as an officer reads and signs it. Ruleset 2026.2 writes them so; cases judged under
 * 2026.1 keep the explanation stored with them, which carries criteria notation and a leading "高：" (the
 * 严重程度 label beside it already says the level): this drops both when such a sentence is shown.
 */
export function plainReason(text: string): string {
  return text.replace(NOTATION, '').replace(LEVEL_PREFIX, '').trim();
}

/** Sentences joined with "；" (each one's own full stop dropped first, so never "。；"), ending with one "。". */
export function joinSentences(sentences: string[]): string {
  const bare = sentences.map((x) => x.trim().replace(/[。；;.]+$/, '')).filter(Boolean);
  return bare.length ? `${bare.join('；')}。` : '';
}

export const CHANNEL_ZH = {
  web: '网页',
  widget: '门户组件',
  telegram: 'Telegram',
  form: '表单',
  officer: '走访摸排',
  wechat: '微信公众号',
  phone: '电话',
} as const;

export const LEVEL_ZH = ['暂不预警', '一级预警', '二级预警', '三级预警'] as const;

const EVENT_ZH: Record<string, string> = {
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
};

export function eventName(type: string): string {
  return EVENT_ZH[type] ?? type;
}

/** Monitoring item names for codes stored on a report (unknown codes shown as they are). */
export function itemNames(codes: readonly string[]): string[] {
  return codes.map((c) => (isItemCode(c) ? itemByCode(c).name.zh : c));
}

/** Officers' notification channel types as the admin knows them. */
export const CHANNEL_TYPE_ZH = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  feishu: '飞书群机器人',
  telegram: 'Telegram 群',
} as const;
