// The case page's read-only sections: the Annex 3 answers as given (labels from the field table), the rules'
// findings, the timeline of every event and the folded view/export record.
import type { FC } from 'hono/jsx';
import type { CaseDetail, CaseEvent } from '../../../db/repo/cases';
import { assessmentOf } from '../../cases/annex4';
import { clockTime, foldAuditEvents } from '../../cases/audit-lines';
import { eventName, itemNames, joinSentences, plainReason } from '../../cases/labels';
import { ago } from '../../cases/time';
import { displayValue, FIELDS, type IntakeCtx } from '../../intake/index';
import { beijingDateTime } from '../../time';
import { SeverityBadge, UrgencyBadge } from './components';

/** Hidden events: views and exports are listed in the audit section, not in the story of the case. */
export const AUDIT_ONLY = new Set(['viewed', 'exported']);

/** A text value from an event's data (undefined when absent or not text). */
export const field = (data: unknown, key: string): string | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
};

export function actorLabel(e: CaseEvent): string {
  if (e.actorType === 'reporter') return '报告人';
  if (e.actorType === 'system') return '系统';
  return e.actorName ?? '工作人员';
}

const EventDetail: FC<{ e: CaseEvent }> = ({ e }) => {
  const text = field(e.data, 'text');
  const reason = field(e.data, 'reason');
  const toName = field(e.data, 'toName');
  const note = field(e.data, 'note');
  const dueAt = field(e.data, 'dueAt');
  return (
    <>
      {toName && <div>转交给：{toName}</div>}
      {note && <div class="pre">{note}</div>}
      {text && <div class="pre">{text}</div>}
      {reason && <div class="pre">理由：{reason}</div>}
      {dueAt && <div class="muted">期限：{beijingDateTime(new Date(dueAt))}</div>}
      {e.type === 'message_undeliverable' && (
        <div>微信平台拒绝发送（报告人 48 小时内未互动或已取消关注），请改为电话联系报告人。</div>
      )}
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

const OUTCOME_ZH = {
  flagged: ['符合监测情形', 'badge red'],
  not_flagged: ['未达到标准', 'badge green'],
  needs_info: ['信息不足', 'badge amber'],
} as const;

export const Assessment: FC<{ found: CaseDetail }> = ({ found }) => {
  const a = assessmentOf(found.report);
  if (!a) return <p class="muted">没有规则评估结果。</p>;
  return (
    <div class="stack">
      <ul>
        {a.findings.map((f) => (
          <li>
            <strong>{itemNames([f.item]).join('')}</strong>{' '}
            <span class={OUTCOME_ZH[f.outcome][1]}>{OUTCOME_ZH[f.outcome][0]}</span>
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
          <span class="badge amber">疑似迟报</span> {plainReason(a.late.reason.zh)}
        </p>
      )}
      {found.report.unreported && (
        <p>
          <span class="badge red">漏报</span> 用人单位未主动报告，由工作人员走访摸排发现。
        </p>
      )}
      <p class="muted">规则版本 {a.rulesetVersion}</p>
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
    <h2>查阅与导出记录</h2>
    <ul class="muted">
      {foldAuditEvents(events.filter((e) => AUDIT_ONLY.has(e.type)))
        .slice(0, 50)
        .map((l) => (
          <li>
            {l.day} {l.who} {eventName(l.type)}
            {l.what === 'annex4_docx' ? '附件4（DOCX）' : l.what === 'annex4' ? '附件4' : ''}
            {l.count > 1 ? ` ${l.count} 次（${clockTime(l.first)}–${clockTime(l.last)}）` : ` ${clockTime(l.first)}`}
          </li>
        ))}
    </ul>
  </section>
);
