// Accountability (seed §10) on the console: the case page shows each 迟报 / 漏报 / 瞒报 entry of the case —
// a suggestion is confirmed or dismissed by an officer with a written reason — and /console/accountability
// lists the confirmed entries only (the city desk's register builds its actions on these rows).
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import {
  type AccountabilityRow,
  confirmedEntries,
  decideStatements,
  findEntry,
  KIND_ZH,
} from '../../../db/repo/accountability';
import type { ConsoleEnv } from '../../auth/middleware';
import { caseScope } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { type CaseActions, NOTE_MAX } from '../../cases/case-actions';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { beijingDateTime } from '../../time';
import { CsrfField, Layout } from './layout';

const STATUS_ZH: Record<AccountabilityRow['status'], string> = {
  suggested: '待核实（疑似）',
  confirmed: '已确认',
  dismissed: '已排除',
};

export const AccountabilitySection: FC<{ session: Session; caseId: string; entries: AccountabilityRow[] }> = ({
  session,
  caseId,
  entries,
}) => {
  if (entries.length === 0) return null;
  const base = `/console/cases/${encodeURIComponent(caseId)}/accountability`;
  return (
    <section class="card" id="accountability">
      <h2>迟报、漏报、瞒报</h2>
      <ul class="stack">
        {entries.map((e) => (
          <li>
            <span class={`badge ${e.status === 'confirmed' ? 'red' : 'amber'}`}>
              {e.status === 'suggested' ? `疑似${KIND_ZH[e.kind]}` : KIND_ZH[e.kind]}
            </span>{' '}
            {STATUS_ZH[e.status]}：{e.reason}
            {e.decidedAt ? <span class="muted">（{beijingDateTime(e.decidedAt)}）</span> : null}
            {e.status === 'suggested' && (
              <form method="post" action={`${base}/${encodeURIComponent(e.id)}`} class="stack">
                <CsrfField session={session} />
                <label>
                  核实意见（必填）
                  <textarea name="reason" required maxlength={NOTE_MAX} />
                </label>
                <p>
                  <button type="submit" name="decision" value="confirmed">
                    确认{KIND_ZH[e.kind]}
                  </button>{' '}
                  <button type="submit" name="decision" value="dismissed" class="secondary">
                    排除
                  </button>
                </p>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};

export function accountabilityRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();

  app.post('/console/cases/:id/accountability/:entry', async (c) => {
    const officer = c.get('session').account;
    const caseId = c.req.param('id');
    await actions.load(officer, caseId); // scope check: 404 outside the officer's area
    const entry = await findEntry(deps.db, c.req.param('entry'));
    if (!entry || entry.caseId !== caseId) throw new ApiError(404, 'case_not_found');
    const body = await c.req.parseBody();
    const decision = body.decision === 'confirmed' ? 'confirmed' : body.decision === 'dismissed' ? 'dismissed' : null;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!decision || !reason || reason.length > NOTE_MAX) {
      throw new ApiError(400, 'validation', {
        zh: '请填写核实意见，再确认或排除。',
        en: 'Write your finding, then confirm or dismiss.',
      });
    }
    if (entry.status !== 'suggested') throw new ApiError(409, 'conflict');
    const [first, ...rest] = decideStatements(deps.db, {
      entry,
      status: decision,
      officerId: officer.id,
      reason,
      at: deps.clock(),
    });
    if (first) await deps.db.batch([first, ...rest]);
    return c.redirect(`/console/cases/${encodeURIComponent(caseId)}?done=accountability`, 303);
  });

  app.get('/console/accountability', async (c) => {
    const session = c.get('session');
    const scope = caseScope(session.account);
    if (!scope) throw new ApiError(403, 'forbidden');
    const rows = await confirmedEntries(deps.db, { jurisdictionId: scope.jurisdictionId, limit: 500 });
    return c.html(
      <Layout title="迟报、漏报、瞒报（已确认）" session={session}>
        <h1>迟报、漏报、瞒报（已确认）</h1>
        <p class="muted">只列出工作人员核实确认的事项；疑似事项在案件页面确认或排除。</p>
        <div class="table-wrap">
          <table class="cases">
            <thead>
              <tr>
                <th>用人单位</th>
                <th>统一社会信用代码</th>
                <th>县（市）区</th>
                <th>类别</th>
                <th>核实意见</th>
                <th>确认人</th>
                <th>确认时间</th>
                <th>案件</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.employerName}</td>
                  <td>{r.uscc ?? ''}</td>
                  <td>{r.jurisdictionName ?? r.jurisdictionId}</td>
                  <td>{KIND_ZH[r.kind]}</td>
                  <td>{r.reason}</td>
                  <td>{r.deciderName ?? ''}</td>
                  <td>{r.decidedAt ? beijingDateTime(r.decidedAt) : ''}</td>
                  <td>
                    <a href={`/console/cases/${encodeURIComponent(r.caseId)}`}>{r.receipt}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  return app;
}
