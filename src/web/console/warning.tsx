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
import { labelIn } from '../../messages/index';
import { officerBoth, officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { type LevelMetrics, levelFromMetrics, rulesetFor } from '../../rules/index';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';

const t = officerText('warningPage');
/** Where a 提请 usually goes: the form's default recipient, stored as typed (an office's name, not UI text). */
const PROVINCE_OFFICE = '吉林省协调劳动关系三方委员会办公室';

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
      <h2>{t.decideHeading}</h2>
      <CsrfField session={session} />
      <input type="hidden" name="form" value="decide" />
      <label>
        {t.level}
        <select name="level">
          {LEVEL_ZH.slice(1).map((name, i) => (
            <option value={String(i + 1)} selected={values.level === String(i + 1)}>
              {name}
            </option>
          ))}
          <option value="0" selected={values.level === '0'}>
            {t.noWarning}
          </option>
        </select>
      </label>
      <label>
        {t.reason}
        <textarea name="reason" required maxlength={4000}>
          {values.form === 'decide' ? values.reason : ''}
        </textarea>
      </label>
      <p class="muted">{t.whoDecides}</p>
      <p class="consequence">{t.decideConsequence}</p>
      <ConfirmTick
        id="decide-confirm"
        label={t.decideConfirm}
        error={values.form === 'decide' ? unconfirmed : undefined}
      />
      <p class="actions">
        <button type="submit" name="issue" value="1">
          {t.issue}
        </button>
        <button type="submit" name="issue" value="0" class="secondary" formnovalidate>
          {t.recordOnly}
        </button>
      </p>
    </form>
    {inForce && (
      <form method="post" action="/console/warning" class="card confirm stack" id="lift">
        <h2>{t.liftHeading}</h2>
        <CsrfField session={session} />
        <input type="hidden" name="form" value="lift" />
        <input type="hidden" name="level" value="0" />
        <input type="hidden" name="issue" value="1" />
        <label>
          {t.liftReason}
          <textarea name="reason" required maxlength={4000}>
            {values.form === 'lift' ? values.reason : ''}
          </textarea>
        </label>
        <p class="consequence">{t.liftConsequence}</p>
        <ConfirmTick id="lift-confirm" label={t.liftConfirm} error={values.form === 'lift' ? unconfirmed : undefined} />
        <button type="submit" class="danger">
          {t.lift}
        </button>
      </form>
    )}
  </>
);

const SentForm: FC<{ session: Session; d: WarningDecisionRow }> = ({ session, d }) =>
  d.sentAt ? (
    <span>{t.sentLine(beijingDateTime(d.sentAt), d.sentTo ?? '')}</span>
  ) : (
    <form method="post" action={`/console/warning/decisions/${encodeURIComponent(d.id)}/sent`} class="stack">
      <CsrfField session={session} />
      <label>
        {t.sentTo}
        <input type="text" name="sentTo" required maxlength={200} value={PROVINCE_OFFICE} />
      </label>
      <label>
        {t.sentAt}
        <input type="datetime-local" name="sentAt" required />
      </label>
      <button type="submit" class="secondary">
        {t.recordSent}
      </button>
    </form>
  );

function History({ session, history, decider }: { session: Session; history: WarningDecisionRow[]; decider: boolean }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t.time}</th>
            <th>{t.suggested}</th>
            <th>{t.decided}</th>
            <th>{t.handling}</th>
            <th>{t.note}</th>
            <th>{t.decider}</th>
            <th>{t.noticeOrSent}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((d) => (
            <tr>
              <td>{beijingDateTime(d.decidedAt)}</td>
              <td>{LEVEL_ZH[d.suggestedLevel] ?? d.suggestedLevel}</td>
              <td>
                {LEVEL_ZH[d.decidedLevel] ?? d.decidedLevel}
                {d.decidedLevel !== d.suggestedLevel && d.action !== 'lifted' && (
                  <span class="badge amber">{t.adjusted}</span>
                )}
              </td>
              <td>{t.actions[d.action]}</td>
              <td class="pre">{d.note ?? ''}</td>
              <td>{d.deciderName ?? d.decidedBy}</td>
              <td>
                {Array.isArray(d.recipients) && d.recipients.length > 0 && t.notified(d.recipients.length)}
                {d.action === 'requested' && decider && (
                  <div class="stack">
                    <a href={`/console/warning/decisions/${encodeURIComponent(d.id)}/request.docx`}>
                      {t.downloadRequest}
                    </a>
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
      <Layout title={t.title} session={session} active="/console/warning">
        <h1>{t.heading}</h1>
        <Flash text={flash.text} error={flash.error ?? false} />
        <section class="card stack">
          <h2>
            {t.suggestion(LEVEL_ZH[suggestion.level] ?? '')}
            <span class="muted">{t.suggestionNote(LEVEL_WINDOW_DAYS)}</span>
          </h2>
          <div class="table-wrap">
            <table>
              <caption class="muted">{t.criteriaCaption(suggestion.rulesetVersion)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.standard}</th>
                  <th scope="col">{t.current}</th>
                  <th scope="col">{t.met}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.standard}</td>
                    <td>{r.current}</td>
                    <td>{r.met ? <span class="badge green">{t.yes}</span> : <span class="badge">{t.no}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">{t.criteriaNote}</p>
        </section>
        {decider ? (
          <DecisionForm
            session={session}
            values={values ?? { level: String(Math.max(1, suggestion.level)), reason: '', form: 'decide' }}
            inForce={Boolean(current && current.action !== 'lifted')}
            unconfirmed={unconfirmed}
          />
        ) : (
          <p class="muted">{t.cityDecides}</p>
        )}
        <h2>{t.historyHeading}</h2>
        <History session={session} history={history} decider={decider} />
      </Layout>
    );
  }

  app.get('/console/warning', async (c) => {
    const session = c.get('session');
    if (!caseScope(session.account)) throw new ApiError(403, 'forbidden');
    return c.html(await page(session, { text: labelIn(t.done, c.req.query('done') ?? '') }));
  });

  app.post('/console/warning', requirePermission('decide_level'), validatedForm(decisionForm), async (c) => {
    const session = c.get('session');
    const { issue, confirm, ...values } = c.req.valid('form');
    // Issuing, requesting or lifting cannot be undone: the form's tick is required (only recording is not).
    if (issue && confirm !== 'yes') {
      session.warning = await currentWarning(deps.db);
      const text = values.form === 'lift' ? t.tickToLift : t.tickToIssue;
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
      const text = err.detail?.zh ?? t.checkAndRetry;
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
        throw new ApiError(
          400,
          'validation',
          officerBoth('warningPage', (m) => m.sentMissing),
        );
      }
      await recordRequestSent(deps.db, d.id, at, sentTo);
      return c.redirect('/console/warning?done=sent', 303);
    },
  );

  return app;
}
