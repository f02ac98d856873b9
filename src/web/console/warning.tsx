// /console/warning — the regional warning level (seed §3): the rules' suggestion over the open cases with every
// criterion and reason; the city office confirms or overrides it with a written reason; decisions are kept.
// Only city officers decide (and publish, §9); district officers may read the suggestion for the city.
import { Hono } from 'hono';
import { eventStatement, insertWarningDecision, listWarningDecisions } from '../../../db/repo/cases';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import { can, caseScope } from '../../auth/roles';
import { LEVEL_ZH } from '../../cases/labels';
import { beijingDateTime } from '../../cases/time';
import { LEVEL_WINDOW_DAYS, regionalSuggestion } from '../../cases/warning-level';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { newId } from '../../ids';
import { CsrfField, Flash, Layout } from './layout';

export function warningRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  app.get('/console/warning', async (c) => {
    const session = c.get('session');
    if (!caseScope(session.account)) throw new ApiError(403, 'forbidden');
    const [suggestion, history] = await Promise.all([
      regionalSuggestion(deps.db, deps.clock()),
      listWarningDecisions(deps.db, 50),
    ]);
    const decider = can(session.account, 'decide_level');
    return c.html(
      <Layout title="预警级别" session={session} active="/console/warning">
        <h1>全市劳动关系风险预警级别</h1>
        <Flash text={c.req.query('done') === '1' ? '决定已记录。' : undefined} />
        <section class="card stack">
          <h2>
            系统建议：{LEVEL_ZH[suggestion.level]}
            <span class="muted">（近 {LEVEL_WINDOW_DAYS} 天未结案件）</span>
          </h2>
          <ul>
            {suggestion.reasons.map((r) => (
              <li>{r.zh}</li>
            ))}
          </ul>
          <p class="muted">
            用人单位 {suggestion.metrics.employers} 家 · 行业门类 {suggestion.metrics.industries} 个 · 县（市）区{' '}
            {suggestion.metrics.districts} 个 · 涉及 {suggestion.metrics.people} 人 · 群体性事件{' '}
            {suggestion.metrics.groupIncidents} 起 · 规则版本 {suggestion.rulesetVersion}
          </p>
        </section>
        {decider ? (
          <form method="post" action="/console/warning" class="card stack">
            <CsrfField session={session} />
            <label>
              确定的预警级别
              <select name="level">
                {LEVEL_ZH.map((name, i) => (
                  <option value={String(i)} selected={i === suggestion.level}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              理由（确认或调整建议的书面理由，必填）
              <textarea name="note" required maxlength={4000} />
            </label>
            <button type="submit">记录决定</button>
          </form>
        ) : (
          <p class="muted">一级预警由市协调劳动关系三方委员会办公室确定并发布。</p>
        )}
        <h2>历次决定</h2>
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>建议</th>
              <th>决定</th>
              <th>理由</th>
              <th>决定人</th>
            </tr>
          </thead>
          <tbody>
            {history.map((d) => (
              <tr>
                <td>{beijingDateTime(d.decidedAt)}</td>
                <td>{LEVEL_ZH[d.suggestedLevel] ?? d.suggestedLevel}</td>
                <td>
                  {LEVEL_ZH[d.decidedLevel] ?? d.decidedLevel}
                  {d.decidedLevel !== d.suggestedLevel && <span class="badge amber">调整</span>}
                </td>
                <td class="pre">{d.note ?? ''}</td>
                <td>{d.deciderName ?? d.decidedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });

  app.post('/console/warning', requirePermission('decide_level'), async (c) => {
    const session = c.get('session');
    const body = await c.req.parseBody();
    const level = Number(body.level);
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, 4000) : '';
    if (![0, 1, 2, 3].includes(level) || !note) {
      throw new ApiError(400, 'validation', {
        zh: '请选择级别并写明理由。',
        en: 'Choose a level and give the reason.',
      });
    }
    // The suggestion is recomputed, not taken from the form: the record shows what the rules said at decision time.
    const now = deps.clock();
    const suggestion = await regionalSuggestion(deps.db, now);
    const id = newId('w', now, deps.random);
    await deps.db.batch([
      insertWarningDecision(deps.db, {
        id,
        suggestedLevel: suggestion.level,
        decidedLevel: level,
        reasons: {
          reasons: suggestion.reasons,
          metrics: suggestion.metrics,
          rulesetVersion: suggestion.rulesetVersion,
        },
        note,
        decidedBy: session.account.id,
        decidedAt: now,
      }),
      eventStatement(deps.db, {
        reportId: null,
        at: now,
        actorType: 'officer',
        actorId: session.account.id,
        type: 'warning_decided',
        data: { decisionId: id, suggestedLevel: suggestion.level, decidedLevel: level },
      }),
    ]);
    return c.redirect('/console/warning?done=1', 303);
  });

  return app;
}
