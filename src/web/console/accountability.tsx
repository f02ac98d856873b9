// Accountability (seed §10) on the console: the case page shows each 迟报 / 漏报 / 瞒报 entry of the case —
// a suggestion is confirmed or dismissed by an officer with a written reason. The confirmed entries and the
// actions taken on them are the register at /console/accountability (accountability-register.tsx).
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type AccountabilityRow, decideStatements, findEntry, KIND_ZH } from '../../../db/repo/accountability';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { type CaseActions, NOTE_MAX } from '../../cases/case-actions';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formValue, validatedForm } from '../../http/validate';
import { officerBoth, officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField } from './layout';

const t = officerText('accountabilityDecision');

export const AccountabilitySection: FC<{ session: Session; caseId: string; entries: AccountabilityRow[] }> = ({
  session,
  caseId,
  entries,
}) => {
  if (entries.length === 0) return null;
  const base = `/console/cases/${encodeURIComponent(caseId)}/accountability`;
  return (
    <section class="card" id="accountability">
      <h2>{t.heading}</h2>
      <ul class="stack">
        {entries.map((e) => (
          <li>
            <span class={`badge ${e.status === 'confirmed' ? 'red' : 'amber'}`}>
              {e.status === 'suggested' ? t.suspected(KIND_ZH[e.kind]) : KIND_ZH[e.kind]}
            </span>{' '}
            {t.statusLine(t.statuses[e.status], e.reason)}
            {e.decidedAt ? <span class="muted">{t.decidedAt(beijingDateTime(e.decidedAt))}</span> : null}
            {e.status === 'suggested' && (
              <form method="post" action={`${base}/${encodeURIComponent(e.id)}`} class="stack">
                <CsrfField session={session} />
                <label>
                  {t.finding}
                  <textarea name="reason" required maxlength={NOTE_MAX} />
                </label>
                <p>
                  <button type="submit" name="decision" value="confirmed">
                    {t.confirm(KIND_ZH[e.kind])}
                  </button>{' '}
                  <button type="submit" name="decision" value="dismissed" class="secondary">
                    {t.dismiss}
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

/** 确认 or 排除 a suggested 迟报/漏报/瞒报, with the finding; refused below (400) unless both are there. */
const decisionForm = z.object({
  decision: z.pipe(
    formValue(),
    z.transform((v) => (v === 'confirmed' || v === 'dismissed' ? v : null)),
  ),
  reason: z.pipe(
    formValue(),
    z.transform((v) => v.trim()),
  ),
});

export function accountabilityRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();

  app.post('/console/cases/:id/accountability/:entry', validatedForm(decisionForm), async (c) => {
    const officer = c.get('session').account;
    const caseId = c.req.param('id');
    await actions.load(officer, caseId); // scope check: 404 outside the officer's area
    const entry = await findEntry(deps.db, c.req.param('entry'));
    if (!entry || entry.caseId !== caseId) throw new ApiError(404, 'case_not_found');
    const { decision, reason } = c.req.valid('form');
    if (!decision || !reason || reason.length > NOTE_MAX) {
      throw new ApiError(
        400,
        'validation',
        officerBoth('accountabilityDecision', (m) => m.missingFinding),
      );
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

  return app;
}
