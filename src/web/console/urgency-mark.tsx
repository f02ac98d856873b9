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
import { dispatchAfterResponse } from '../../notify/after-response';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { actorLabel, field } from './case-sections';
import { CsrfField } from './layout';

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
      <h2 id="urgency-title">紧急程度：{urgent ? '紧急重大' : '24 小时内报告'}</h2>
      <p class="muted">
        {mark
          ? `${actorLabel(mark)}于 ${beijingDateTime(mark.at)} 研判：${field(mark.data, 'reason') ?? ''}`
          : '由监测规则研判。工作人员可根据掌握的情况改定，并写明理由；本辖区和市办会收到通知。'}
      </p>
      <label>
        {urgent ? '改为非紧急的理由' : '改为紧急重大的理由'}
        <textarea name="reason" required maxlength={NOTE_MAX} />
      </label>
      <button type="submit" class="secondary">
        {urgent ? '改为非紧急（附件4 按 24 小时时限）' : '改为紧急重大（附件4 须 1 小时内报送）'}
      </button>
    </form>
  );
};

const markForm = z.object({
  urgent: z.enum(['yes', 'no'], { error: '请选择改为紧急重大或非紧急。' }),
  reason: z.string({ error: '请填写理由。' }),
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
