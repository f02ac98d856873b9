// Small pieces shared by the case pages: badges and the deadline countdown.
import type { FC } from 'hono/jsx';
import type { CaseStatus } from '../../../db/repo/cases';
import { SEVERITY_ZH, STATUS_ZH, URGENCY_ZH } from '../../cases/labels';
import { countdown } from '../../cases/time';
import { beijingDateTime } from '../../time';

export const UrgencyBadge: FC<{ urgency: keyof typeof URGENCY_ZH }> = ({ urgency }) => (
  <span class={urgency === 'immediate' ? 'badge red' : 'badge'}>紧急程度：{URGENCY_ZH[urgency]}</span>
);

export const SeverityBadge: FC<{ severity: keyof typeof SEVERITY_ZH }> = ({ severity }) => (
  <span class={severity === 'high' ? 'badge red' : severity === 'medium' ? 'badge amber' : 'badge'}>
    严重程度：{SEVERITY_ZH[severity]}
  </span>
);

export const StatusBadge: FC<{ status: CaseStatus }> = ({ status }) => (
  <span class={status === 'new' ? 'badge amber' : status === 'claimed' ? 'badge' : 'badge green'}>
    {STATUS_ZH[status]}
  </span>
);

/** Annex 4 deadline: a countdown while the case is open, otherwise what happened. */
export const Deadline: FC<{ due: Date; now: Date; status: CaseStatus }> = ({ due, now, status }) => {
  if (status === 'annex4_submitted') return <span class="muted">附件4 已报送</span>;
  if (status === 'closed') return <span class="muted">已销号</span>;
  const c = countdown(due, now);
  return (
    <span class={`due ${c.tone}`}>
      <time datetime={due.toISOString()}>{c.text}</time>
      <span class="muted">（{beijingDateTime(due)} 前报附件4）</span>
    </span>
  );
};
