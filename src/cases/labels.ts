// The case vocabulary (src/messages/vocabulary.zh.ts) under the names the code reads, shared by pages, the
// ledger and the Annex 4 export; and the helpers that show stored sentences and item codes.
import type { CaseStatus } from '../../db/repo/cases';
import { labelIn } from '../messages/index';
import { vocabulary } from '../messages/vocabulary.zh';
import { isItemCode, itemByCode } from '../rules/index';

// The area itself, not officer.ts: notices name things with it, and the dispatcher runs in the public Worker.
const V = vocabulary;

export const STATUS_ZH: Record<CaseStatus, string> = V.status;
export const SEVERITY_ZH = V.severity;
export const URGENCY_ZH = V.urgency;

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

export const CHANNEL_ZH = V.channel;
export const LEVEL_ZH = V.level;

export function eventName(type: string): string {
  return labelIn(V.event, type) ?? type;
}

/** Monitoring item names for codes stored on a report (unknown codes shown as they are). */
export function itemNames(codes: readonly string[]): string[] {
  return codes.map((c) => (isItemCode(c) ? itemByCode(c).name.zh : c));
}

export const CHANNEL_TYPE_ZH = V.channelType;
