// Warning notices (seed §3, §9): the city office issues or lifts a warning, and every district's channels and
// the city's 上级/同级 recipient channels hear of it. One outbox row per channel, written in the decision's
// batch; the message is the channel-neutral AlertMessage every sender already renders, with no case behind it.

import { beijingDateTime } from '../time';
import * as z from '../zod';
import type { AlertMessage } from './format';

export const WARNING_NOTICE_KIND = 'warning_notice';

export const warningPayloadSchema = z.object({
  decisionId: z.string(),
  action: z.enum(['issued', 'lifted']),
  level: z.number(),
  reason: z.string(),
  at: z.string(),
});
export type WarningPayload = z.infer<typeof warningPayloadSchema>;

const LEVEL = ['', '一级', '二级', '三级'] as const;
const LEVEL_EN = ['', 'level 1', 'level 2', 'level 3'] as const;

const beijing = (iso: string): string => beijingDateTime(Date.parse(iso));

export function warningMessage(p: WarningPayload, locale: 'zh' | 'en', publicUrl: string): AlertMessage {
  const zh = locale === 'zh';
  const name = zh ? `${LEVEL[p.level] ?? ''}预警` : (LEVEL_EN[p.level] ?? '');
  const lines = p.reason.split(/\r?\n/).filter((l) => l.trim());
  return {
    locale,
    reportId: '',
    notice: p.action === 'issued' ? 'warning_issued' : 'warning_lifted',
    urgent: p.action === 'issued',
    title: zh
      ? p.action === 'issued'
        ? `【预警发布】长春市劳动关系风险${name}`
        : `【预警解除】长春市劳动关系风险${name}解除`
      : p.action === 'issued'
        ? `Changchun labour-relations risk warning issued: ${name}`
        : `Changchun labour-relations risk warning lifted: ${name}`,
    fields: [
      {
        label: zh ? '发布单位' : 'Issued by',
        value: zh ? '长春市协调劳动关系三方委员会办公室' : 'Changchun tripartite office',
      },
      { label: zh ? '时间' : 'Time', value: `${beijing(p.at)}${zh ? '（北京时间）' : ' (Beijing time)'}` },
    ],
    reasonsLabel: zh ? '理由' : 'Reason',
    reasons: lines.slice(0, 8).map((l) => l.slice(0, 300)),
    link: { label: zh ? '在控制台查看' : 'Open in the console', url: `${publicUrl}/console/warning` },
    claimable: false,
  };
}
