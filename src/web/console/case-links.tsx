// One incident, one case on the case page: the follow-ups (续报) that joined this case, and the officer's
// corrections — split a follow-up off into a case of its own, or merge this case into another — each with a
// written reason (audited on both cases).
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { ReportRow } from '../../../db/repo/reports';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { type CaseActions, NOTE_MAX } from '../../cases/case-actions';
import type { FollowUp } from '../../cases/follow-ups';
import { CHANNEL_ZH } from '../../cases/labels';
import { formValue, validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField } from './layout';

export type { FollowUp };

const t = officerText('caseLinks');

export const CaseLinks: FC<{ session: Session; report: ReportRow; followUps: FollowUp[] }> = ({
  session,
  report,
  followUps,
}) => {
  const base = `/console/cases/${encodeURIComponent(report.id)}`;
  if (report.caseId) {
    return (
      <section class="card" id="case-links">
        <h2>{t.title}</h2>
        <p>
          {t.followUpOf}
          <a href={`/console/cases/${encodeURIComponent(report.caseId)}`}>{t.joinedCase}</a>
          {t.followUpOfEnd}
        </p>
        <form method="post" action={`${base}/split`} class="stack">
          <CsrfField session={session} />
          <label>
            {t.splitReason}
            <textarea name="reason" required maxlength={NOTE_MAX} />
          </label>
          <button type="submit">{t.split}</button>
        </form>
      </section>
    );
  }
  return (
    <section class="card" id="case-links">
      <h2>{t.titleCount(followUps.length)}</h2>
      {followUps.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ul>
          {followUps.map((f) => (
            <li>
              <a href={`/console/cases/${encodeURIComponent(f.id)}`}>{f.receipt}</a> · {CHANNEL_ZH[f.channel]} ·{' '}
              {beijingDateTime(f.submittedAt)}
              {f.urgency === 'immediate' ? t.urgent : ''}
            </li>
          ))}
        </ul>
      )}
      {report.status !== 'closed' && (
        <form method="post" action={`${base}/merge`} class="stack">
          <CsrfField session={session} />
          <label>
            {t.mergeInto}
            <input name="into" required maxlength={40} placeholder={t.mergeHint} />
          </label>
          <label>
            {t.mergeReason}
            <textarea name="reason" required maxlength={NOTE_MAX} />
          </label>
          <button type="submit">{t.merge}</button>
        </form>
      )}
    </section>
  );
};

// Split and merge as posted: the case actions check the reason and the receipt and say what to fix.
const splitForm = z.object({ reason: formValue() });
const mergeForm = z.object({ into: formValue(), reason: formValue() });

export function caseLinkRoutes(actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();
  app.post('/console/cases/:id/split', validatedForm(splitForm), async (c) => {
    const id = c.req.param('id');
    await actions.splitOff(c.get('session').account, id, c.req.valid('form').reason);
    return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=split`, 303);
  });
  app.post('/console/cases/:id/merge', validatedForm(mergeForm), async (c) => {
    const { into: receipt, reason } = c.req.valid('form');
    const into = await actions.mergeInto(c.get('session').account, c.req.param('id'), receipt, reason);
    return c.redirect(`/console/cases/${encodeURIComponent(into)}?done=merged`, 303);
  });
  return app;
}
