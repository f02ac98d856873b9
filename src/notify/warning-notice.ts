// Warning notices (seed §3, §9): the city office issues or lifts a warning, and every district's channels and
// the city's 上级/同级 recipient channels hear of it. One outbox row per channel, written in the decision's
// batch; the message is the channel-neutral AlertMessage every sender already renders, with no case behind it.

import { labelIn, textOf } from '../messages/index';
import * as noticesEn from '../messages/notices.en';
import * as noticesZh from '../messages/notices.zh';
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

const beijing = (iso: string): string => beijingDateTime(Date.parse(iso));

export function warningMessage(p: WarningPayload, locale: 'zh' | 'en', publicUrl: string): AlertMessage {
  // Its own area, not officer.ts: the dispatcher sends these, and it runs in the public Worker too.
  const t = (locale === 'en' ? noticesEn : noticesZh).warningNotice;
  const name = t.levelName(labelIn(textOf('warningLevel', locale), String(p.level)) ?? '');
  const lines = p.reason.split(/\r?\n/).filter((l) => l.trim());
  return {
    locale,
    reportId: '',
    notice: p.action === 'issued' ? 'warning_issued' : 'warning_lifted',
    urgent: p.action === 'issued',
    title: p.action === 'issued' ? t.issuedTitle(name) : t.liftedTitle(name),
    fields: [
      { label: t.issuedBy, value: t.office },
      { label: t.time, value: `${beijing(p.at)}${t.beijingTime}` },
    ],
    reasonsLabel: t.reasons,
    reasons: lines.slice(0, 8).map((l) => l.slice(0, 300)),
    link: { label: t.link, url: `${publicUrl}/console/warning` },
    claimable: false,
  };
}
