// The case page's read-only sections: the Annex 3 answers as given (labels from the field table), the rules'
// findings, the timeline of every event and the folded view/export record.
import type { FC } from 'hono/jsx';
import type { CaseDetail, CaseEvent } from '../../../db/repo/cases';
import { assessmentOf } from '../../cases/annex4';
import { clockTime, foldAuditEvents } from '../../cases/audit-lines';
import { eventName, itemNames, joinSentences, plainReason } from '../../cases/labels';
import { ago } from '../../cases/time';
import { displayValue, FIELDS, type IntakeCtx } from '../../intake/index';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';
import { SeverityBadge, UrgencyBadge } from './components';

const t = officerText('caseSections');

/** Hidden events: views and exports are listed in the audit section, not in the story of the case. */
export const AUDIT_ONLY = new Set(['viewed', 'exported']);

/** A text value from an event's data (undefined when absent or not text). */
export const field = (data: unknown, key: string): string | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
};

export function actorLabel(e: CaseEvent): string {
  if (e.actorType === 'reporter') return t.reporter;
  if (e.actorType === 'system') return t.system;
  return e.actorName ?? t.officer;
}

const EventDetail: FC<{ e: CaseEvent }> = ({ e }) => {
  const text = field(e.data, 'text');
  const reason = field(e.data, 'reason');
  const toName = field(e.data, 'toName');
  const note = field(e.data, 'note');
  const dueAt = field(e.data, 'dueAt');
  return (
    <>
      {toName && (
        <div>
          {t.handedTo}
          {toName}
        </div>
      )}
      {note && <div class="pre">{note}</div>}
      {text && <div class="pre">{text}</div>}
      {reason && (
        <div class="pre">
          {t.reason}
          {reason}
        </div>
      )}
      {dueAt && (
        <div class="muted">
          {t.due}
          {beijingDateTime(new Date(dueAt))}
        </div>
      )}
      {e.type === 'message_undeliverable' && <div>{t.undeliverable}</div>}
    </>
  );
};

export const Timeline: FC<{ events: CaseEvent[]; now: Date }> = ({ events, now }) => (
  <ol class="timeline">
    {events.map((e) => (
      <li class={e.type}>
        <div>
          <strong>{eventName(e.type)}</strong> · {actorLabel(e)}{' '}
          <span class="muted">
            <time datetime={e.at.toISOString()}>{beijingDateTime(e.at)}</time>（{ago(e.at, now)}）
          </span>
        </div>
        <EventDetail e={e} />
      </li>
    ))}
  </ol>
);

export const Annex3Table: FC<{ answers: Record<string, unknown>; ctx: IntakeCtx }> = ({ answers, ctx }) => (
  <table class="kv">
    <tbody>
      {FIELDS.filter((f) => answers[f.id] !== undefined).map((f) => (
        <tr>
          <th scope="row">{f.label.zh}</th>
          <td class="pre">{displayValue(f, answers[f.id], 'zh', ctx)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const OUTCOME_CLASS = { flagged: 'badge red', not_flagged: 'badge green', needs_info: 'badge amber' } as const;

export const Assessment: FC<{ found: CaseDetail }> = ({ found }) => {
  const a = assessmentOf(found.report);
  if (!a) return <p class="muted">{t.noAssessment}</p>;
  return (
    <div class="stack">
      <ul>
        {a.findings.map((f) => (
          <li>
            <strong>{itemNames([f.item]).join('')}</strong>{' '}
            <span class={OUTCOME_CLASS[f.outcome]}>{t.outcomes[f.outcome]}</span>
            <div class="pre">{plainReason(f.explanation.zh)}</div>
          </li>
        ))}
      </ul>
      <p>
        <SeverityBadge severity={a.severity.level} /> {plainReason(a.severity.reason.zh)}
      </p>
      <p>
        <UrgencyBadge urgency={a.urgency.level} /> {joinSentences(a.urgency.reasons.map((r) => plainReason(r.zh)))}
      </p>
      {a.late.isLate && a.late.reason && (
        <p>
          <span class="badge amber">{t.late}</span> {plainReason(a.late.reason.zh)}
        </p>
      )}
      {found.report.unreported && (
        <p>
          <span class="badge red">{t.unreported}</span> {t.unreportedWhy}
        </p>
      )}
      <p class="muted">{t.ruleset(a.rulesetVersion)}</p>
    </div>
  );
};

/** The last WeChat message could not be delivered and the reporter has not written since. */
export function wechatUnreachable(events: CaseEvent[]): boolean {
  let unreachable = false;
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.type === 'message_undeliverable') unreachable = true;
    if (e.type === 'message_in') unreachable = false;
  }
  return unreachable;
}

/** Who viewed or exported the case, folded per day and officer. */
export const AuditLines: FC<{ events: CaseEvent[] }> = ({ events }) => (
  <section class="card">
    <h2>{t.auditTitle}</h2>
    <ul class="muted">
      {foldAuditEvents(events.filter((e) => AUDIT_ONLY.has(e.type)))
        .slice(0, 50)
        .map((l) => (
          <li>
            {l.day} {l.who} {eventName(l.type)}
            {l.what === 'annex4_docx' ? t.auditAnnex4Docx : l.what === 'annex4' ? t.auditAnnex4 : ''}
            {l.count > 1 ? t.auditTimes(l.count, clockTime(l.first), clockTime(l.last)) : ` ${clockTime(l.first)}`}
          </li>
        ))}
    </ul>
  </section>
);
