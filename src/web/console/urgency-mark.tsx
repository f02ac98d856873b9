// The officer's word on urgency (SPEC "Triage"): the rules suggest 紧急重大 from who takes part in a
// collective action; an officer who knows better marks the case urgent or not urgent with a written reason.
// The Annex 4 deadline moves with it, the district and the city office are told, the timeline keeps why.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { CaseEvent } from '../../../db/repo/cases';
import type { ReportRow } from '../../../db/repo/reports';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { type CaseActions, NOTE_MAX } from '../../cases/case-actions';
import type { AppDeps } from '../../deps';
import { validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { actorLabel, field } from './case-sections';
import { CsrfField } from './layout';

const t = officerText('urgencyMark');
const MARK_TYPES = new Set(['marked_urgent', 'marked_not_urgent']);

/** The latest officer mark on a case, if any: who, when and why. */
function lastMark(events: CaseEvent[]): CaseEvent | undefined {
  return events.filter((e) => MARK_TYPES.has(e.type)).at(-1);
}

export const UrgencyMark: FC<{ session: Session; report: ReportRow; events: CaseEvent[] }> = ({
  session,
  report,
  events,
}) => {
  const urgent = report.urgency === 'immediate';
  const mark = lastMark(events);
  return (
    <form
      method="post"
      action={`/console/cases/${encodeURIComponent(report.id)}/urgency`}
      class="card stack"
      id="urgency"
      aria-labelledby="urgency-title"
    >
      <CsrfField session={session} />
      <input type="hidden" name="urgent" value={urgent ? 'no' : 'yes'} />
      <h2 id="urgency-title">{t.title(urgent ? t.urgent : t.within24h)}</h2>
      <p class="muted">
        {mark ? t.marked(actorLabel(mark), beijingDateTime(mark.at), field(mark.data, 'reason') ?? '') : t.byRules}
      </p>
      <label>
        {urgent ? t.notUrgentReason : t.urgentReason}
        <textarea name="reason" required maxlength={NOTE_MAX} />
      </label>
      <button type="submit" class="secondary">
        {urgent ? t.markNotUrgent : t.markUrgent}
      </button>
    </form>
  );
};

const markForm = z.object({
  urgent: z.enum(['yes', 'no'], { error: t.chooseMark }),
  reason: z.string({ error: t.reasonNeeded }),
});

export function urgencyRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();
  app.post('/console/cases/:id/urgency', validatedForm(markForm), async (c) => {
    const { urgent, reason } = c.req.valid('form');
    const id = c.req.param('id');
    await actions.markUrgency(c.get('session').account, id, urgent === 'yes', reason);
    dispatchAfterResponse(c, deps);
    return c.redirect(
      `/console/cases/${encodeURIComponent(id)}?done=${urgent === 'yes' ? 'urgent' : 'not_urgent'}`,
      303,
    );
  });
  return app;
}
