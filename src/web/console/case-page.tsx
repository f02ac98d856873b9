// /console/cases/:id — one case: the employer's Annex 3 answers as given (labels from the field table), the
// rules' findings, the timeline of every event, and the officer's actions (claim, hand over, note, message
// the reporter, close). Every view is an audit event; every action is a POST with the CSRF token that
// redirects back (post/redirect/get), so the page works without JavaScript. The read-only sections are in
// case-sections.tsx, the action forms in case-forms.tsx; this file composes them and handles the posts.
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type AccountabilityRow, entriesForCase } from '../../../db/repo/accountability';
import { type Account, handoverCandidates } from '../../../db/repo/accounts';
import { followUpsOf } from '../../../db/repo/case-links';
import { type CaseDetail, type CaseEvent, caseEvents } from '../../../db/repo/cases';
import type { ConsoleEnv } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import { type CaseActions, NOTE_MAX } from '../../cases/case-actions';
import { CaseError } from '../../cases/case-error';
import { withFollowUps } from '../../cases/follow-ups';
import { CHANNEL_ZH } from '../../cases/labels';
import type { AppDeps } from '../../deps';
import { ApiError, errorMessage } from '../../http/errors';
import { formText, formValue, validatedForm } from '../../http/validate';
import { newToken } from '../../ids';
import type { IntakeCtx } from '../../intake/index';
import { labelIn } from '../../messages/index';
import { officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { AccountabilitySection } from './accountability';
import { CaseActionsCard, CloseForm, type CloseRefusal, MajorRiskForm, MessageForm, NoteForm } from './case-forms';
import { CaseLinks, type FollowUp } from './case-links';
import { Annex3Table, Assessment, AUDIT_ONLY, AuditLines, Timeline, wechatUnreachable } from './case-sections';
import { Deadline, SeverityBadge, StatusBadge, UrgencyBadge } from './components';
import { Flash, Layout } from './layout';
import { safeNext } from './login';
import { UrgencyMark } from './urgency-mark';

const t = officerText('casePage');

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
  close?: CloseRefusal | undefined;
  followUps: FollowUp[];
  accountability: AccountabilityRow[];
}

/** The case's name, badges, where it came from, the Annex 4 deadline and who tracks it. */
const CaseHeader: FC<{ found: CaseDetail; now: Date }> = ({ found, now }) => {
  const r = found.report;
  return (
    <>
      <h1>{r.unitName}</h1>
      <p class="badges">
        <StatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} /> <SeverityBadge severity={r.severity} />
      </p>
      <p class="muted">
        {t.receipt(r.receipt)} · {found.jurisdiction?.nameZh ?? r.jurisdictionId} · {t.source(CHANNEL_ZH[r.channel])} ·{' '}
        {t.reportedAt} {beijingDateTime(r.submittedAt)}
        {r.callerPhone ? t.callerPhone(r.callerPhone) : ''} · <span id="ruleset">{t.ruleset(r.rulesetVersion)}</span>
      </p>
      <p>
        {t.annex4}
        <Deadline due={r.annex4DueAt} now={now} status={r.status} />
        {t.tracker}
        {found.claimantName ?? <span class="badge amber">{t.unclaimed}</span>}
      </p>
    </>
  );
};

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
  return (
    <Layout title={r.unitName} session={session}>
      <Flash text={flash} />
      <CaseHeader found={found} now={now} />
      {/* On a phone the page is one long column: the main actions come first, the rest is a tap away. */}
      <nav class="jump" aria-label={t.jumpLabel}>
        <a href="#actions">{t.jumpActions}</a> <a href="#annex3">{t.jumpAnnex3}</a>{' '}
        <a href="#timeline">{t.jumpTimeline}</a> <a href="#message">{t.jumpMessage}</a>
        {open && <a href="#close">{t.jumpClose}</a>}
      </nav>
      <div class="case-grid">
        <div class="case-facts">
          <AccountabilitySection session={session} caseId={r.id} entries={accountability} />
          <CaseLinks session={session} report={r} followUps={followUps} />
          <section class="card" id="annex3">
            <h2>{t.annex3}</h2>
            <Annex3Table answers={r.answers as Record<string, unknown>} ctx={ctx} />
          </section>
          <section class="card">
            <h2>{t.assessment}</h2>
            <Assessment found={found} />
          </section>
        </div>
        <div class="case-act">
          <CaseActionsCard base={base} session={session} open={open} claimedBy={r.claimedBy} candidates={candidates} />
          {open && !r.caseId && <UrgencyMark session={session} report={r} events={events} />}
        </div>
        <div class="case-forms">
          <NoteForm base={base} session={session} nonce={nonce} />
          <MessageForm
            base={base}
            session={session}
            nonce={nonce}
            reporterChat={r.reporterChat}
            reporterPhone={r.reporterPhone}
            unreachable={wechatUnreachable(events)}
          />
          {open && <MajorRiskForm base={base} session={session} />}
          {open && <CloseForm base={base} session={session} close={close} early={r.status !== 'annex4_submitted'} />}
          <AuditLines events={events} />
        </div>
        <div class="case-log">
          <section class="card" id="timeline">
            <h2>{t.timeline}</h2>
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

// The action forms' bodies. Texts the case actions check themselves (notes, messages) come as posted, so an
// over-long one is refused with its reason rather than cut.
const claimForm = z.object({ back: formValue() });
const handoverForm = z.object({ expected: formValue(), to: formValue(), note: formValue() });
const textForm = z.object({ text: formValue(), nonce: formValue() });
const closeForm = z.object({ reason: formText(NOTE_MAX), confirm: formValue() });

export function casePageRoutes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();
  const back = (id: string, done: string) => `/console/cases/${encodeURIComponent(id)}?done=${done}`;

  const render = async (
    c: Context<ConsoleEnv>,
    found: CaseDetail,
    extra: { flash?: string | undefined; close?: CloseRefusal | undefined },
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
    return render(c, found, { flash: labelIn(t.done, c.req.query('done') ?? '') });
  });

  app.post('/console/cases/:id/claim', validatedForm(claimForm), async (c) => {
    await actions.claim(c.get('session').account, c.req.param('id'));
    // Claimed from the inbox: back to the same list (a local console path only), naming the case.
    const list = c.req.valid('form').back;
    if (list && safeNext(list) === list) {
      const url = new URL(list, 'http://x');
      const { report } = await actions.load(c.get('session').account, c.req.param('id'));
      url.searchParams.set('claimed', t.claimedCase(report.unitName, report.receipt));
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    return c.redirect(back(c.req.param('id'), 'claimed'), 303);
  });

  app.post('/console/cases/:id/handover', validatedForm(handoverForm), async (c) => {
    const { expected, to, note } = c.req.valid('form');
    await actions.handOver(c.get('session').account, c.req.param('id'), expected || null, to, note);
    return c.redirect(back(c.req.param('id'), 'handed_over'), 303);
  });

  app.post('/console/cases/:id/notes', validatedForm(textForm), async (c) => {
    const { text, nonce } = c.req.valid('form');
    await actions.addNote(c.get('session').account, c.req.param('id'), text, nonce);
    return c.redirect(back(c.req.param('id'), 'note'), 303);
  });

  app.post('/console/cases/:id/messages', validatedForm(textForm), async (c) => {
    const { text, nonce } = c.req.valid('form');
    const queued = await actions.messageReporter(c.get('session').account, c.req.param('id'), text, nonce);
    if (queued) dispatchAfterResponse(c, deps);
    return c.redirect(back(c.req.param('id'), 'message'), 303);
  });

  app.post('/console/cases/:id/close', validatedForm(closeForm), async (c) => {
    const { reason, confirm } = c.req.valid('form');
    if (!reason || confirm !== 'yes') {
      const found = await actions.load(c.get('session').account, c.req.param('id'));
      if (found.report.status === 'closed') throw new ApiError(409, 'case_closed');
      const error = !reason ? t.closeNoReason : t.closeUnconfirmed;
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
