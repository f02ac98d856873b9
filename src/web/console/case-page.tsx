// /console/cases/:id — one case: the employer's Annex 3 answers as given (labels from the field table), the
// rules' findings, the timeline of every event, and the officer's actions (claim, hand over, note, message
// the reporter, close). Every view is an audit event; every action is a POST with the CSRF token that
// redirects back (post/redirect/get), so the page works without JavaScript.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type Account, handoverCandidates } from '../../../db/repo/accounts';
import { type CaseDetail, type CaseEvent, caseEvents } from '../../../db/repo/cases';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { assessmentOf } from '../../cases/annex4';
import { type CaseActions, MESSAGE_MAX, NOTE_MAX } from '../../cases/case-actions';
import { CHANNEL_ZH, eventName, itemNames } from '../../cases/labels';
import { ago, beijingDateTime } from '../../cases/time';
import type { AppDeps } from '../../deps';
import { newToken } from '../../ids';
import { displayValue, FIELDS, type IntakeCtx } from '../../intake/index';
import { dispatchAfterResponse } from '../../notify/dispatcher';
import { Deadline, SeverityBadge, StatusBadge, UrgencyBadge } from './components';
import { CsrfField, Flash, Layout } from './layout';

const DONE: Record<string, string> = {
  claimed: '已认领。',
  handed_over: '已转交。',
  note: '备注已保存。',
  message: '消息已发送给报告人。',
  closed: '已销号。',
  annex4_saved: '附件4 草稿已保存。',
  annex4_submitted: '附件4 已报送市协调劳动关系三方委员会办公室。',
  created: '案件已录入。',
};

/** Hidden events: views and exports are listed in the audit section, not in the story of the case. */
const AUDIT_ONLY = new Set(['viewed', 'exported']);

const field = (data: unknown, key: string): string | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
};

function actorLabel(e: CaseEvent): string {
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
    </>
  );
};

const Timeline: FC<{ events: CaseEvent[]; now: Date }> = ({ events, now }) => (
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

const Annex3Table: FC<{ answers: Record<string, unknown>; ctx: IntakeCtx }> = ({ answers, ctx }) => (
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

const Assessment: FC<{ found: CaseDetail }> = ({ found }) => {
  const a = assessmentOf(found.report);
  if (!a) return <p class="muted">没有规则评估结果。</p>;
  return (
    <div class="stack">
      <ul>
        {a.findings.map((f) => (
          <li>
            <strong>{itemNames([f.item]).join('')}</strong>{' '}
            <span class={OUTCOME_ZH[f.outcome][1]}>{OUTCOME_ZH[f.outcome][0]}</span>
            <div class="pre">{f.explanation.zh}</div>
            <div class="muted">规则 {f.ruleId}</div>
          </li>
        ))}
      </ul>
      <p>
        <SeverityBadge severity={a.severity.level} /> {a.severity.reason.zh}
      </p>
      <p>
        <UrgencyBadge urgency={a.urgency.level} /> {a.urgency.reasons.map((r) => r.zh).join('；')}
      </p>
      {a.late.isLate && a.late.reason && (
        <p>
          <span class="badge amber">迟报</span> {a.late.reason.zh}
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

interface CasePageProps {
  session: Session;
  found: CaseDetail;
  events: CaseEvent[];
  candidates: Account[];
  ctx: IntakeCtx;
  now: Date;
  nonce: string;
  flash?: string | undefined;
}

const CasePage: FC<CasePageProps> = ({ session, found, events, candidates, ctx, now, nonce, flash }) => {
  const r = found.report;
  const base = `/console/cases/${encodeURIComponent(r.id)}`;
  const open = r.status !== 'closed';
  const telegram = r.reporterChat?.startsWith('tg:');
  const handoverTo = candidates.filter((o) => o.id !== r.claimedBy);
  return (
    <Layout title={r.unitName} session={session}>
      <Flash text={flash} />
      <h1>{r.unitName}</h1>
      <p>
        <StatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} /> <SeverityBadge severity={r.severity} />{' '}
        <span class="muted">
          回执号 {r.receipt} · {found.jurisdiction?.nameZh ?? r.jurisdictionId} · 来源：{CHANNEL_ZH[r.channel]} ·
          报告时间 {beijingDateTime(r.submittedAt)}
        </span>
      </p>
      <p>
        附件4：
        <Deadline due={r.annex4DueAt} now={now} status={r.status} /> · 跟踪人：
        {found.claimantName ?? <span class="badge amber">待认领</span>}
      </p>
      <div class="grid2">
        <div>
          <section class="card">
            <h2>速报表（附件3）</h2>
            <Annex3Table answers={r.answers as Record<string, unknown>} ctx={ctx} />
          </section>
          <section class="card">
            <h2>规则评估</h2>
            <Assessment found={found} />
          </section>
          <section class="card">
            <h2>处理记录</h2>
            <Timeline events={events.filter((e) => !AUDIT_ONLY.has(e.type))} now={now} />
          </section>
        </div>
        <div>
          <section class="card stack">
            <h2>操作</h2>
            {open && !r.claimedBy && (
              <form method="post" action={`${base}/claim`}>
                <CsrfField session={session} />
                <button type="submit">认领此案件</button>
              </form>
            )}
            <p class="actions">
              <a class="button" href={`${base}/annex4`}>
                填写附件4
              </a>
              <a class="button secondary" href={`${base}/annex4.docx`}>
                下载附件4（DOCX）
              </a>
            </p>
            {open && handoverTo.length > 0 && (
              <form method="post" action={`${base}/handover`} class="stack">
                <CsrfField session={session} />
                <input type="hidden" name="expected" value={r.claimedBy ?? ''} />
                <label>
                  转交给本辖区工作人员
                  <select name="to" required>
                    {handoverTo.map((o) => (
                      <option value={o.id}>{o.displayName}</option>
                    ))}
                  </select>
                </label>
                <label>
                  转交说明（可选）
                  <input type="text" name="note" maxlength={200} />
                </label>
                <button type="submit" class="secondary">
                  转交
                </button>
              </form>
            )}
          </section>
          <section class="card">
            <h2>内部备注</h2>
            <form method="post" action={`${base}/notes`} class="stack">
              <CsrfField session={session} />
              <input type="hidden" name="nonce" value={`n-${nonce}`} />
              <label>
                备注（仅工作人员可见）
                <textarea name="text" required maxlength={NOTE_MAX} />
              </label>
              <button type="submit">保存备注</button>
            </form>
          </section>
          <section class="card">
            <h2>回复报告人</h2>
            <form method="post" action={`${base}/messages`} class="stack">
              <CsrfField session={session} />
              <input type="hidden" name="nonce" value={`m-${nonce}`} />
              <label>
                消息（{telegram ? '将通过 Telegram 发送给报告人' : '报告人凭回执号和电话在查询页面看到'}）
                <textarea name="text" required maxlength={MESSAGE_MAX} />
              </label>
              <button type="submit">发送</button>
            </form>
          </section>
          {open && (
            <section class="card">
              <h2>销号</h2>
              <form method="post" action={`${base}/close`} class="stack">
                <CsrfField session={session} />
                <label>
                  销号理由
                  <textarea name="reason" required maxlength={NOTE_MAX} />
                </label>
                <button type="submit" class="danger">
                  销号
                </button>
              </form>
            </section>
          )}
          <section class="card">
            <h2>查阅与导出记录</h2>
            <ul class="muted">
              {events
                .filter((e) => AUDIT_ONLY.has(e.type))
                .slice(-50)
                .reverse()
                .map((e) => (
                  <li>
                    {beijingDateTime(e.at)} {actorLabel(e)} {eventName(e.type)}
                    {field(e.data, 'what') === 'annex4_docx' ? '附件4（DOCX）' : ''}
                  </li>
                ))}
            </ul>
          </section>
        </div>
      </div>
    </Layout>
  );
};

export function casePageRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();
  const form = async (c: { req: { parseBody: () => Promise<Record<string, unknown>> } }, name: string) => {
    const v = (await c.req.parseBody())[name];
    return typeof v === 'string' ? v : '';
  };
  const back = (id: string, done: string) => `/console/cases/${encodeURIComponent(id)}?done=${done}`;

  app.get('/console/cases/:id', async (c) => {
    const session = c.get('session');
    const found = await actions.view(session.account, c.req.param('id'), 'case');
    const [events, candidates, ctx] = await Promise.all([
      caseEvents(deps.db, found.report.id),
      handoverCandidates(deps.db, found.report.jurisdictionId),
      actions.intakeCtx(),
    ]);
    return c.html(
      <CasePage
        session={session}
        found={found}
        events={events}
        candidates={candidates}
        ctx={ctx}
        now={deps.clock()}
        nonce={newToken(deps.random, 12)}
        flash={DONE[c.req.query('done') ?? '']}
      />,
    );
  });

  app.post('/console/cases/:id/claim', async (c) => {
    await actions.claim(c.get('session').account, c.req.param('id'));
    return c.redirect(back(c.req.param('id'), 'claimed'), 303);
  });

  app.post('/console/cases/:id/handover', async (c) => {
    const expected = (await form(c, 'expected')) || null;
    await actions.handOver(
      c.get('session').account,
      c.req.param('id'),
      expected,
      await form(c, 'to'),
      await form(c, 'note'),
    );
    return c.redirect(back(c.req.param('id'), 'handed_over'), 303);
  });

  app.post('/console/cases/:id/notes', async (c) => {
    await actions.addNote(c.get('session').account, c.req.param('id'), await form(c, 'text'), await form(c, 'nonce'));
    return c.redirect(back(c.req.param('id'), 'note'), 303);
  });

  app.post('/console/cases/:id/messages', async (c) => {
    const queued = await actions.messageReporter(
      c.get('session').account,
      c.req.param('id'),
      await form(c, 'text'),
      await form(c, 'nonce'),
    );
    if (queued) dispatchAfterResponse(c, deps);
    return c.redirect(back(c.req.param('id'), 'message'), 303);
  });

  app.post('/console/cases/:id/close', async (c) => {
    await actions.close(c.get('session').account, c.req.param('id'), await form(c, 'reason'));
    return c.redirect(back(c.req.param('id'), 'closed'), 303);
  });

  return app;
}
