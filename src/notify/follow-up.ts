// One incident, one case: a report that joined an open case is told to officers as one short 续报 line —
// which case it joined, who has claimed that case, and whether the follow-up itself is urgent — instead of
// a second full alert (SPEC "Triage").
import type { ReportRow } from '../../db/repo/reports';
import { textOf } from '../messages/index';
import type { Locale } from '../rules/index';
import { type AlertMessage, caseUrl, claimantPhrase } from './format';
import { maskMobiles, oneLine } from './text';

export interface FollowUpContext {
  locale: Locale;
  publicUrl: string;
  /** The case the report joined, with the display name of whoever has claimed it (null: nobody yet). */
  caseRow: Pick<ReportRow, 'id' | 'receipt' | 'unitName'>;
  claimantName: string | null;
}

const clean = (text: string, max = 60) => maskMobiles(oneLine(text, max));

export function buildFollowUpLine(followUp: ReportRow, ctx: FollowUpContext): AlertMessage {
  const urgent = followUp.urgency === 'immediate';
  const unit = clean(ctx.caseRow.unitName);
  const who = claimantPhrase(ctx.locale, ctx.claimantName);
  const t = textOf('alert', ctx.locale);
  const title = `${urgent ? t.followUpUrgent : ''}${t.followUp(unit, followUp.receipt, ctx.caseRow.receipt, who)}`;
  return {
    locale: ctx.locale,
    reportId: followUp.id,
    notice: 'case_follow_up',
    urgent,
    title,
    fields: [],
    reasonsLabel: '',
    reasons: [],
    link: {
      label: t.openCase,
      url: caseUrl(ctx.publicUrl, ctx.caseRow.id),
    },
    claimable: false,
  };
}
