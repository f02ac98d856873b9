// /console/warning — the regional warning level (seed §3, §9): the rules' suggestion as a plain table of
// criteria (标准 / 本期 / 是否满足), and the city office's one action: decide and issue level 1, request level
// 2 or 3 from the province (with the 提请 DOCX, then a record of when and to whom it went), lift a warning, or
// only record a decision. District officers read the suggestion; only city officers decide (and publish, §9).
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { listWarningDecisions, type WarningDecisionRow } from '../../../db/repo/cases';
import { currentWarning, findWarningDecision, recordRequestSent } from '../../../db/repo/warnings';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import { can, caseScope } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { LEVEL_ZH } from '../../cases/labels';
import { LEVEL_WINDOW_DAYS, regionalSuggestion } from '../../cases/warning-level';
import { criteriaRows } from '../../city/criteria';
import { requestDocx, requestTitle } from '../../city/request-docx';
import { decideWarning } from '../../city/warnings';
import type { AppDeps } from '../../deps';
import { ApiError, httpErrorOf } from '../../http/errors';
import { formFlag, formText, formValue, validatedForm } from '../../http/validate';
import { dispatchAfterResponse } from '../../notify/after-response';
import { type LevelMetrics, levelFromMetrics, rulesetFor } from '../../rules/index';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';

const ACTION_ZH = { recorded: '仅记录', issued: '已发布', requested: '已提请省级', lifted: '已解除' } as const;
const DONE_ZH: Record<string, string> = {
  recorded: '决定已记录。',
  issued: '一级预警已发布，通知已发往各县（市）区和上级、同级单位。',
  requested: '已记录提请，请下载请示材料报送省级，报送后在下方登记报送时间和对象。',
  lifted: '预警已解除，通知已发出。',
  sent: '已登记报送情况。',
};

interface FormValues {
  level: string;
  reason: string;
  /** Which form was posted: the decision (issue / record) or the lift. */
  form: 'decide' | 'lift';
}

/** The decision and lift forms: the level and reason stay on the page if the decision is refused. */
const decisionForm = z.object({
  level: formValue(),
  reason: z.pipe(
    formValue(),
    z.transform((v) => v.slice(0, 4000)),
  ),
  form: z.pipe(
    formValue(),
    z.transform((v): FormValues['form'] => (v === 'lift' ? 'lift' : 'decide')),
  ),
  issue: formFlag(),
  confirm: formValue(),
});

/** When and to whom a 提请 was sent (the time as the datetime-local control posts it, Beijing time). */
const sentForm = z.object({ sentTo: formText(200), sentAt: formValue() });

/** The required tick under an irreversible action, with the refusal next to it when it was left out. */
const ConfirmTick: FC<{ id: string; label: string; error?: string | undefined }> = ({ id, label, error }) => (
  <>
    <label class="check">
      <input
        type="checkbox"
        id={id}
        name="confirm"
        value="yes"
        required
        {...(error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {})}
      />
      <span>{label}</span>
    </label>
    {error && (
      <p class="error-text" id={`${id}-error`} role="alert">
        {error}
      </p>
    )}
  </>
);

const DecisionForm: FC<{
  session: Session;
  values: FormValues;
  inForce: boolean;
  /** The tick was left out: which form, and what to do. */
  unconfirmed?: string | undefined;
}> = ({ session, values, inForce, unconfirmed }) => (
  <>
    <form method="post" action="/console/warning" class="card confirm stack" id="decide">
      <h2>确定预警级别</h2>
      <CsrfField session={session} />
      <input type="hidden" name="form" value="decide" />
      <label>
        预警级别
        <select name="level">
          {LEVEL_ZH.slice(1).map((name, i) => (
            <option value={String(i + 1)} selected={values.level === String(i + 1)}>
              {name}
            </option>
          ))}
          <option value="0" selected={values.level === '0'}>
            暂不预警（仅记录）
          </option>
        </select>
      </label>
      <label>
        理由（必填，将写入通知和请示材料）
        <textarea name="reason" required maxlength={4000}>
          {values.form === 'decide' ? values.reason : ''}
        </textarea>
      </label>
      <p class="muted">
        一级预警由市协调劳动关系三方委员会办公室确定并发布，通知各县（市）区和上级、同级单位；二级、三级预警由省级、国家研究确定，本系统生成提请材料。
      </p>
      <p class="consequence">
        点击“确定并发布”后：一级预警立即发布，通知马上发往各县（市）区和上级、同级单位，发出后不能撤回，只能另行解除；二级、三级记录为提请省级，并生成请示材料。
      </p>
      <ConfirmTick
        id="decide-confirm"
        label="我确认发布（或提请）上面选择的预警级别"
        error={values.form === 'decide' ? unconfirmed : undefined}
      />
      <p class="actions">
        <button type="submit" name="issue" value="1">
          确定并发布（二级、三级为提请省级）
        </button>
        <button type="submit" name="issue" value="0" class="secondary" formnovalidate>
          仅记录决定
        </button>
      </p>
    </form>
    {inForce && (
      <form method="post" action="/console/warning" class="card confirm stack" id="lift">
        <h2>解除预警</h2>
        <CsrfField session={session} />
        <input type="hidden" name="form" value="lift" />
        <input type="hidden" name="level" value="0" />
        <input type="hidden" name="issue" value="1" />
        <label>
          解除理由（必填）
          <textarea name="reason" required maxlength={4000}>
            {values.form === 'lift' ? values.reason : ''}
          </textarea>
        </label>
        <p class="consequence">
          解除后全市恢复为“未发布预警”，解除通知马上发往各县（市）区和上级、同级单位，发出后不能撤回。
        </p>
        <ConfirmTick
          id="lift-confirm"
          label="我确认解除当前预警并发出通知"
          error={values.form === 'lift' ? unconfirmed : undefined}
        />
        <button type="submit" class="danger">
          解除当前预警并通知
        </button>
      </form>
    )}
  </>
);

const SentForm: FC<{ session: Session; d: WarningDecisionRow }> = ({ session, d }) =>
  d.sentAt ? (
    <span>
      {beijingDateTime(d.sentAt)} 报送{d.sentTo}
    </span>
  ) : (
    <form method="post" action={`/console/warning/decisions/${encodeURIComponent(d.id)}/sent`} class="stack">
      <CsrfField session={session} />
      <label>
        报送对象
        <input type="text" name="sentTo" required maxlength={200} value="吉林省协调劳动关系三方委员会办公室" />
      </label>
      <label>
        报送时间
        <input type="datetime-local" name="sentAt" required />
      </label>
      <button type="submit" class="secondary">
        登记报送
      </button>
    </form>
  );

function History({ session, history, decider }: { session: Session; history: WarningDecisionRow[]; decider: boolean }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>时间</th>
            <th>建议</th>
            <th>决定</th>
            <th>办理</th>
            <th>理由</th>
            <th>决定人</th>
            <th>通知 / 报送</th>
          </tr>
        </thead>
        <tbody>
          {history.map((d) => (
            <tr>
              <td>{beijingDateTime(d.decidedAt)}</td>
              <td>{LEVEL_ZH[d.suggestedLevel] ?? d.suggestedLevel}</td>
              <td>
                {LEVEL_ZH[d.decidedLevel] ?? d.decidedLevel}
                {d.decidedLevel !== d.suggestedLevel && d.action !== 'lifted' && <span class="badge amber">调整</span>}
              </td>
              <td>{ACTION_ZH[d.action]}</td>
              <td class="pre">{d.note ?? ''}</td>
              <td>{d.deciderName ?? d.decidedBy}</td>
              <td>
                {Array.isArray(d.recipients) && d.recipients.length > 0 && `已通知 ${d.recipients.length} 个渠道`}
                {d.action === 'requested' && decider && (
                  <div class="stack">
                    <a href={`/console/warning/decisions/${encodeURIComponent(d.id)}/request.docx`}>下载请示（DOCX）</a>
                    <SentForm session={session} d={d} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function warningRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  async function page(
    session: Session,
    flash: { text?: string; error?: boolean },
    values?: FormValues,
    unconfirmed?: string,
  ) {
    const [suggestion, history, current] = await Promise.all([
      regionalSuggestion(deps.db, deps.clock()),
      listWarningDecisions(deps.db, 50),
      currentWarning(deps.db),
    ]);
    const decider = can(session.account, 'decide_level');
    const rows = criteriaRows(suggestion);
    return (
      <Layout title="预警级别" session={session} active="/console/warning">
        <h1>全市劳动关系风险预警级别</h1>
        <Flash text={flash.text} error={flash.error ?? false} />
        <section class="card stack">
          <h2>
            系统建议：{LEVEL_ZH[suggestion.level]}
            <span class="muted">（近 {LEVEL_WINDOW_DAYS} 天未销号案件，仅为建议）</span>
          </h2>
          <div class="table-wrap">
            <table>
              <caption class="muted">预警标准对照（规则版本 {suggestion.rulesetVersion}）</caption>
              <thead>
                <tr>
                  <th scope="col">标准</th>
                  <th scope="col">本期</th>
                  <th scope="col">是否满足</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.standard}</td>
                    <td>{r.current}</td>
                    <td>{r.met ? <span class="badge green">满足</span> : <span class="badge">不满足</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">同一级别的各项标准都满足时，建议该级别预警。</p>
        </section>
        {decider ? (
          <DecisionForm
            session={session}
            values={values ?? { level: String(Math.max(1, suggestion.level)), reason: '', form: 'decide' }}
            inForce={Boolean(current && current.action !== 'lifted')}
            unconfirmed={unconfirmed}
          />
        ) : (
          <p class="muted">预警由市协调劳动关系三方委员会办公室确定并发布。</p>
        )}
        <h2>历次决定</h2>
        <History session={session} history={history} decider={decider} />
      </Layout>
    );
  }

  app.get('/console/warning', async (c) => {
    const session = c.get('session');
    if (!caseScope(session.account)) throw new ApiError(403, 'forbidden');
    return c.html(await page(session, { text: DONE_ZH[c.req.query('done') ?? ''] }));
  });

  app.post('/console/warning', requirePermission('decide_level'), validatedForm(decisionForm), async (c) => {
    const session = c.get('session');
    const { issue, confirm, ...values } = c.req.valid('form');
    // Issuing, requesting or lifting cannot be undone: the form's tick is required (only recording is not).
    if (issue && confirm !== 'yes') {
      session.warning = await currentWarning(deps.db);
      const text = values.form === 'lift' ? '请勾选确认后再解除预警。' : '请勾选确认后再发布或提请。';
      return c.html(await page(session, { text, error: true }, values, text), 400);
    }
    try {
      const done = await decideWarning(deps, session.account, {
        level: /^[0-3]$/.test(values.level) ? Number(values.level) : -1,
        reason: values.reason,
        issue,
      });
      if (done.notices > 0) dispatchAfterResponse(c, deps);
      return c.redirect(`/console/warning?done=${done.action}`, 303);
    } catch (error) {
      // The officer's level and reason stay on the page with what to fix.
      const err = httpErrorOf(error);
      if (!err || err.status === 403) throw error;
      session.warning = await currentWarning(deps.db);
      const text = err.detail?.zh ?? '请检查后重试。';
      return c.html(await page(session, { text, error: true }, values), err.status as 400);
    }
  });

  app.get('/console/warning/decisions/:id/request.docx', requirePermission('decide_level'), async (c) => {
    const d = await findWarningDecision(deps.db, c.req.param('id'));
    if (d?.action !== 'requested' || (d.decidedLevel !== 2 && d.decidedLevel !== 3)) {
      throw new ApiError(404, 'not_found');
    }
    const stored = (d.reasons ?? {}) as { metrics?: LevelMetrics; rulesetVersion?: string };
    if (!stored.metrics) throw new ApiError(404, 'not_found');
    const ruleset = stored.rulesetVersion ? rulesetFor(stored.rulesetVersion) : undefined;
    const suggestion = levelFromMetrics(stored.metrics, ...(ruleset ? [ruleset] : []));
    const bytes = await requestDocx({
      level: d.decidedLevel,
      reason: d.note ?? '',
      decidedAt: d.decidedAt,
      suggestion,
      windowDays: LEVEL_WINDOW_DAYS,
    });
    const name = `${requestTitle(d.decidedLevel)}.docx`;
    return c.body(bytes.slice().buffer, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="warning-request-${d.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });

  app.post(
    '/console/warning/decisions/:id/sent',
    requirePermission('decide_level'),
    validatedForm(sentForm),
    async (c) => {
      const d = await findWarningDecision(deps.db, c.req.param('id'));
      if (d?.action !== 'requested') throw new ApiError(404, 'not_found');
      const { sentTo, sentAt } = c.req.valid('form');
      const at = sentAt ? new Date(`${sentAt}:00+08:00`) : new Date(Number.NaN);
      if (!sentTo || Number.isNaN(at.getTime())) {
        throw new ApiError(400, 'validation', {
          zh: '请填写报送对象和报送时间。',
          en: 'Give the recipient and the time sent.',
        });
      }
      await recordRequestSent(deps.db, d.id, at, sentTo);
      return c.redirect('/console/warning?done=sent', 303);
    },
  );

  return app;
}
