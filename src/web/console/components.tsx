// Small pieces shared by the case pages: badges and the deadline countdown.
import type { FC } from 'hono/jsx';
import type { CaseStatus } from '../../../db/repo/cases';
import { SEVERITY_ZH, STATUS_ZH, URGENCY_ZH } from '../../cases/labels';
import { countdown } from '../../cases/time';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';

const t = officerText('caseBadges');

export const UrgencyBadge: FC<{ urgency: keyof typeof URGENCY_ZH }> = ({ urgency }) => (
  <span class={urgency === 'immediate' ? 'badge red' : 'badge'}>{t.urgency(URGENCY_ZH[urgency])}</span>
);

export const SeverityBadge: FC<{ severity: keyof typeof SEVERITY_ZH }> = ({ severity }) => (
  <span class={severity === 'high' ? 'badge red' : severity === 'medium' ? 'badge amber' : 'badge'}>
    {t.severity(SEVERITY_ZH[severity])}
  </span>
);

export const StatusBadge: FC<{ status: CaseStatus }> = ({ status }) => (
  <span class={status === 'new' ? 'badge amber' : status === 'claimed' ? 'badge' : 'badge green'}>
    {STATUS_ZH[status]}
  </span>
);

/** Annex 4 deadline: a countdown while the case is open, otherwise what happened. */
export const Deadline: FC<{ due: Date; now: Date; status: CaseStatus }> = ({ due, now, status }) => {
  if (status === 'annex4_submitted') return <span class="muted">{t.annex4Submitted}</span>;
  if (status === 'closed') return <span class="muted">{t.closed}</span>;
  const c = countdown(due, now);
  return (
    <span class={`due ${c.tone}`}>
      <time datetime={due.toISOString()}>{c.text}</time>
      <span class="muted">{t.dueBy(beijingDateTime(due))}</span>
    </span>
  );
};
