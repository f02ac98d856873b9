// /console/cases/:id — one case: the employer's Annex 3 answers as given (labels from the field table), the
// rules' findings, the timeline of every event, and the officer's actions (claim, hand over, note, message
// the reporter, close). Every view is an audit event; every action is a POST with the CSRF token that
// redirects back (post/redirect/get), so the page works without JavaScript.
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type AccountabilityRow, entriesForCase } from '../../../db/repo/accountability';
import { type Account, handoverCandidates } from '../../../db/repo/accounts';
import { followUpsOf } from '../../../db/repo/case-links';
import { type CaseDetail, type CaseEvent, caseEvents } from '../../../db/repo/cases';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { assessmentOf } from '../../cases/annex4';
import { clockTime, foldAuditEvents } from '../../cases/audit-lines';
import { type CaseActions, MESSAGE_MAX, NOTE_MAX } from '../../cases/case-actions';
import { CaseError } from '../../cases/case-error';
import { withFollowUps } from '../../cases/follow-ups';
import { CHANNEL_ZH, eventName, itemNames, joinSentences, plainReason } from '../../cases/labels';
import { ago } from '../../cases/time';
import { MAJOR_FOLLOW_UP_DAYS } from '../../city/major-risk';
import type { AppDeps } from '../../deps';
import { ApiError, errorMessage } from '../../http/errors';
import { newToken } from '../../ids';
import { displayValue, FIELDS, type IntakeCtx } from '../../intake/index';
import { dispatchAfterResponse } from '../../notify/after-response';
import { beijingDateTime } from '../../time';
import { AccountabilitySection } from './accountability';
import { CaseLinks, type FollowUp } from './case-links';
import { Deadline, SeverityBadge, StatusBadge, UrgencyBadge } from './components';
import { CsrfField, Flash, Layout } from './layout';
import { safeNext } from './login';

const DONE: Record<string, string> = {
  major: '已列入重大风险专门台账。',
  claimed: '已认领。',
  handed_over: '已转交。',
  note: '备注已保存。',
  message: '消息已发送给报告人。',
  closed: '已销号。',
  annex4_saved: '附件4 草稿已保存。',
  annex4_submitted: '附件4 已报送市协调劳动关系三方委员会办公室。',
  created: '案件已录入。',
  split: '已拆分为独立案件。',
  merged: '已合并，原案件及其续报已并入本案件。',
  accountability: '核实意见已记录。',
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
      {e.type === 'message_undeliverable' && (
        <div>微信平台拒绝发送（报告人 48 小时内未互动或已取消关注），请改为电话联系报告人。</div>
      )}
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
function wechatUnreachable(events: CaseEvent[]): boolean {
  let unreachable = false;
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.type === 'message_undeliverable') unreachable = true;
    if (e.type === 'message_in') unreachable = false;
  }
  return unreachable;
}

interface CasePageProps {
  session: Session;
  found: CaseDetail;
  events: CaseEvent[];
  candidates: Account[];
  ctx: IntakeCtx;
  now: Date;
  nonce: string;
  flash?: string | undefined;
  /** A refused 销号: the reason typed and what is missing. */
  close?: { reason: string; error: string } | undefined;
  followUps: FollowUp[];
  accountability: AccountabilityRow[];
}

/** 销号 cannot be undone: the form says what follows and asks for a tick before it sends. */
const CloseForm: FC<{ base: string; session: Session; close: CasePageProps['close']; early: boolean }> = ({
  base,
  session,
  close,
  early,
}) => (
  <section class="card confirm" id="close">
    <h2>销号</h2>
    {early && (
      <p class="muted">附件4 报送后方可销号；提前销号须由市协调劳动关系三方委员会办公室批准，理由即批准意见。</p>
    )}
    <form method="post" action={`${base}/close`} class="stack">
      <CsrfField session={session} />
      <p class="consequence">
        销号后案件关闭，不能再认领、转交、回复报告人或修改附件4，且无法撤销。报告人在查询页面会看到“已办结”和下面的理由。
      </p>
      <div class={close && !close.reason ? 'field invalid' : 'field'}>
        <label for="close-reason">销号理由（报告人可见）</label>
        <textarea id="close-reason" name="reason" required maxlength={NOTE_MAX}>
          {close?.reason ?? ''}
        </textarea>
      </div>
      <label class="check">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          required
          {...(close ? { 'aria-invalid': 'true', 'aria-describedby': 'close-error' } : {})}
        />
        <span>我确认销号，此操作不可撤销</span>
      </label>
      {close && (
        <p class="error-text" id="close-error" role="alert">
          {close.error}
        </p>
      )}
      <button type="submit" class="danger">
        确认销号
      </button>
    </form>
  </section>
);

/** 重大风险: list the case in the special ledger with its tracking person and follow-up interval. */
const MajorRiskForm: FC<{ base: string; session: Session }> = ({ base, session }) => (
  <section class="card no-print">
    <h2>重大风险专门台账</h2>
    <form method="post" action={`${base}/major`} class="stack">
      <CsrfField session={session} />
      <p class="muted">
        可能引发媒体关注、连锁反应或扩散的重大风险，列入专门台账，落实专人跟踪，定期提醒跟进直至销号。
      </p>
      <label>
        跟踪责任人
        <input type="text" name="trackerName" required maxlength={50} />
      </label>
      <label>
        联系电话
        <input type="tel" name="trackerPhone" maxlength={30} />
      </label>
      <label>
        跟进间隔（天，默认 {MAJOR_FOLLOW_UP_DAYS}）
        <input type="number" name="intervalDays" min="1" max="90" value={String(MAJOR_FOLLOW_UP_DAYS)} />
      </label>
      <label>
        说明
        <textarea name="note" maxlength={2000} />
      </label>
      <button type="submit" class="secondary">
        列入专门台账
      </button>
    </form>
  </section>
);

const AuditLines: FC<{ events: CaseEvent[] }> = ({ events }) => (
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

const CasePage: FC<CasePageProps> = ({
  session,
  found,
  events,
  candidates,
  ctx,
  now,
  nonce,
  flash,
  close,
  followUps,
  accountability,
}) => {
  const r = found.report;
  const base = `/console/cases/${encodeURIComponent(r.id)}`;
  const open = r.status !== 'closed';
  const telegram = r.reporterChat?.startsWith('tg:');
  const wechat = r.reporterChat?.startsWith('wx:');
  const via = telegram
    ? '将通过 Telegram 发送给报告人'
    : wechat
      ? '将通过微信公众号发送给报告人'
      : '报告人凭回执号和电话在查询页面看到；已开通短信时另发短信提醒';
  const unreachable = wechatUnreachable(events);
  const handoverTo = candidates.filter((o) => o.id !== r.claimedBy);
  return (
    <Layout title={r.unitName} session={session}>
      <Flash text={flash} />
      <h1>{r.unitName}</h1>
      <p class="badges">
        <StatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} /> <SeverityBadge severity={r.severity} />
      </p>
      <p class="muted">
        回执号 {r.receipt} · {found.jurisdiction?.nameZh ?? r.jurisdictionId} · 来源：{CHANNEL_ZH[r.channel]} · 报告时间{' '}
        {beijingDateTime(r.submittedAt)}
        {r.callerPhone ? ` · 来电号码 ${r.callerPhone}` : ''} ·{' '}
        <span id="ruleset">研判规则版本 {r.rulesetVersion}</span>
      </p>
      <p>
        附件4：
        <Deadline due={r.annex4DueAt} now={now} status={r.status} /> · 跟踪人：
        {found.claimantName ?? <span class="badge amber">待认领</span>}
      </p>
      {/* On a phone the page is one long column: the main actions come first, the rest is a tap away. */}
      <nav class="jump" aria-label="本页">
        <a href="#actions">操作</a> <a href="#annex3">速报表</a> <a href="#timeline">处理记录</a>{' '}
        <a href="#message">回复报告人</a>
        {open && <a href="#close">销号</a>}
      </nav>
      <div class="case-grid">
        <div class="case-facts">
          <AccountabilitySection session={session} caseId={r.id} entries={accountability} />
          <CaseLinks session={session} report={r} followUps={followUps} />
          <section class="card" id="annex3">
            <h2>速报表（附件3）</h2>
            <Annex3Table answers={r.answers as Record<string, unknown>} ctx={ctx} />
          </section>
          <section class="card">
            <h2>规则评估</h2>
            <Assessment found={found} />
          </section>
        </div>
        <div class="case-act">
          <section class="card stack" id="actions">
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
        </div>
        <div class="case-forms">
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
          <section class="card" id="message">
            <h2>回复报告人</h2>
            {unreachable && (
              <p class="flash error" role="alert">
                微信消息未能送达：报告人超过 48 小时未与公众号互动（或已取消关注），平台不允许再发消息。请致电报告人{' '}
                <a href={`tel:${r.reporterPhone}`}>{r.reporterPhone}</a>。
              </p>
            )}
            <form method="post" action={`${base}/messages`} class="stack">
              <CsrfField session={session} />
              <input type="hidden" name="nonce" value={`m-${nonce}`} />
              <label>
                消息（{via}）
                <textarea name="text" required maxlength={MESSAGE_MAX} />
              </label>
              <button type="submit">发送</button>
            </form>
          </section>
          {open && <MajorRiskForm base={base} session={session} />}
          {open && <CloseForm base={base} session={session} close={close} early={r.status !== 'annex4_submitted'} />}
          <AuditLines events={events} />
        </div>
        <div class="case-log">
          <section class="card" id="timeline">
            <h2>处理记录</h2>
            <Timeline
              events={withFollowUps(
                events.filter((e) => !AUDIT_ONLY.has(e.type)),
                followUps,
              )}
              now={now}
            />
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

  const render = async (
    c: Context<ConsoleEnv>,
    found: CaseDetail,
    extra: { flash?: string | undefined; close?: CasePageProps['close'] },
    status: 200 | 400 | 409 = 200,
  ) => {
    const session = c.get('session');
    const [events, candidates, ctx, followUps, accountability] = await Promise.all([
      caseEvents(deps.db, found.report.id),
      handoverCandidates(deps.db, found.report.jurisdictionId),
      actions.intakeCtx(),
      followUpsOf(deps.db, found.report.id),
      entriesForCase(deps.db, found.report.id),
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
        flash={extra.flash}
        close={extra.close}
        followUps={followUps}
        accountability={accountability}
      />,
      status,
    );
  };

  app.get('/console/cases/:id', async (c) => {
    const found = await actions.view(c.get('session').account, c.req.param('id'), 'case');
    return render(c, found, { flash: DONE[c.req.query('done') ?? ''] });
  });

  app.post('/console/cases/:id/claim', async (c) => {
    await actions.claim(c.get('session').account, c.req.param('id'));
    // Claimed from the inbox: back to the same list (a local console path only), naming the case.
    const list = await form(c, 'back');
    if (list && safeNext(list) === list) {
      const url = new URL(list, 'http://x');
      const { report } = await actions.load(c.get('session').account, c.req.param('id'));
      url.searchParams.set('claimed', `${report.unitName}（${report.receipt}）`);
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
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
    const body = await c.req.parseBody();
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, NOTE_MAX) : '';
    if (!reason || body.confirm !== 'yes') {
      const found = await actions.load(c.get('session').account, c.req.param('id'));
      if (found.report.status === 'closed') throw new ApiError(409, 'case_closed');
      const error = !reason ? '请填写销号理由（报告人会看到）。' : '请勾选“我确认销号”后再提交：销号后无法撤销。';
      return render(c, found, { close: { reason, error } }, 400);
    }
    try {
      const queued = await actions.close(c.get('session').account, c.req.param('id'), reason);
      if (queued) dispatchAfterResponse(c, deps);
    } catch (e) {
      // Before Annex 4 a district cannot close: the same page comes back, the reason kept, saying why.
      if (!(e instanceof CaseError) || e.code !== 'close_needs_annex4') throw e;
      const found = await actions.load(c.get('session').account, c.req.param('id'));
      return render(c, found, { close: { reason, error: errorMessage('close_needs_annex4') } }, 409);
    }
    return c.redirect(back(c.req.param('id'), 'closed'), 303);
  });

  return app;
}
