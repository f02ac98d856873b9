// /console/cases/:id/annex4 — the Annex 4 form, prefilled from the report (see src/cases/annex4.ts), saved as a
// draft or submitted to the city office, and exported as DOCX.
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { type Annex4Row, findAnnex4 } from '../../../db/repo/cases';
import type { ReportRow } from '../../../db/repo/reports';
import type { ConsoleEnv } from '../../auth/middleware';
import { can } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { ANNEX4_LABELS, type Annex4Data, type Annex4Key, annex4Schema, missingForSubmit } from '../../cases/annex4';
import type { CaseActions } from '../../cases/case-actions';
import { LEVEL_ZH } from '../../cases/labels';
import { REVIEW_NOTE_MAX, reviewAnnex4 } from '../../city/annex4-review';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formValue, type PostedForm, validatedForm } from '../../http/validate';
import { labelIn } from '../../messages/index';
import { officerText } from '../../messages/officer';
import { dispatchAfterResponse } from '../../notify/after-response';
import { beijingDate, beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';

const t = officerText('annex4Page');

const REVIEW_DONE = { accepted: t.accepted, returned: t.returned };

const LONG: readonly Annex4Key[] = [
  'basicSituation',
  'causeAnalysis',
  'trend',
  'measures',
  'nextSteps',
  'remarks',
  'levelNote',
];

interface Review {
  status: Annex4Row['status'];
  note: string | null;
  at: Date | null;
}

interface Props {
  session: Session;
  reportId: string;
  unitName: string;
  data: Annex4Data;
  submitted: boolean;
  saved: boolean;
  errors?: string[];
  /** 报送市办 was pressed without the tick that confirms it: nothing was sent, say so next to the tick. */
  unconfirmed?: boolean;
  review?: Review | undefined;
  flash?: string | undefined;
}

/** The city office's 签收 / 退回补充 on a submitted form. */
const ReviewForms: FC<{ session: Session; base: string }> = ({ session, base }) => (
  <section class="card stack no-print">
    <h2>{t.reviewTitle}</h2>
    <form method="post" action={`${base}/annex4/review`} class="stack">
      <CsrfField session={session} />
      <label>
        {t.reviewNote}
        <textarea name="note" maxlength={REVIEW_NOTE_MAX} />
      </label>
      <p class="actions">
        <button type="submit" name="decision" value="accepted">
          {t.accept}
        </button>
        <button type="submit" name="decision" value="returned" class="secondary">
          {t.returnForMore}
        </button>
      </p>
    </form>
  </section>
);

const ReviewState: FC<{ review: Review | undefined }> = ({ review }) => {
  if (!review?.at) return null;
  const when = beijingDateTime(review.at);
  if (review.status === 'accepted')
    return (
      <p class="flash">
        {t.acceptedAt(when)}
        {review.note ? t.acceptedNote(review.note) : ''}
      </p>
    );
  if (review.status === 'returned')
    return (
      <p class="flash error" role="alert">
        {t.returnedAt(when, review.note ?? '')}
      </p>
    );
  return null;
};

const Annex4Page: FC<Props> = ({
  session,
  reportId,
  unitName,
  data,
  submitted,
  saved,
  errors,
  unconfirmed,
  review,
  flash,
}) => {
  const base = `/console/cases/${encodeURIComponent(reportId)}`;
  const input = (key: Annex4Key, type = 'text') => (
    <div>
      <label for={`a4-${key}`}>{ANNEX4_LABELS[key]}</label>
      {LONG.includes(key) ? (
        <textarea id={`a4-${key}`} name={key} class="long" disabled={submitted}>
          {data[key]}
        </textarea>
      ) : (
        <input id={`a4-${key}`} type={type} name={key} value={data[key]} disabled={submitted} />
      )}
    </div>
  );
  return (
    <Layout title={t.title(unitName)} session={session}>
      <p>
        <a href={base}>{t.back}</a>
      </p>
      <h1>{t.heading}</h1>
      <Flash text={errors?.length ? t.fix(errors.join(t.list)) : undefined} error />
      <Flash text={flash} />
      <ReviewState review={review} />
      {submitted ? <p class="flash">{t.submitted}</p> : <p class="muted">{saved ? t.saved : t.prefilled}</p>}
      <form method="post" action={`${base}/annex4`} class="card stack">
        <CsrfField session={session} />
        <div class="grid2">
          {input('reportingUnit')}
          {input('filledAt', 'date')}
        </div>
        {input('title')}
        <label>
          {t.level}
          <select name="level" disabled={submitted}>
            {LEVEL_ZH.map((name, i) => (
              <option value={String(i)} selected={data.level === String(i)}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {input('levelNote')}
        {input('basicSituation')}
        {input('causeAnalysis')}
        {input('trend')}
        {input('measures')}
        {input('nextSteps')}
        {input('remarks')}
        <div class="grid2">
          {input('headOfOffice')}
          {input('filledBy')}
        </div>
        {input('contactPhone', 'tel')}
        {!submitted && (
          <div class="confirm stack" id="confirm-submit">
            <p class="consequence">{t.consequence}</p>
            <label class="check">
              <input
                type="checkbox"
                id="a4-confirmed"
                name="confirmed"
                value="yes"
                required
                {...(unconfirmed ? { 'aria-invalid': 'true', 'aria-describedby': 'a4-confirmed-error' } : {})}
              />
              <span>{t.confirm}</span>
            </label>
            {unconfirmed && (
              <p class="error-text" id="a4-confirmed-error" role="alert">
                {t.unconfirmed}
              </p>
            )}
            <p class="actions">
              <button type="submit" name="action" value="save" class="secondary" formnovalidate>
                {t.save}
              </button>
              <button type="submit" name="action" value="submit" class="danger">
                {t.submit}
              </button>
            </p>
          </div>
        )}
      </form>
      <p class="actions">
        <a class="button secondary" href={`${base}/annex4.docx`}>
          {t.download}
        </a>
      </p>
      {review?.status === 'submitted' && can(session.account, 'all_jurisdictions') && (
        <ReviewForms session={session} base={base} />
      )}
    </Layout>
  );
};

/** The Annex 4 fields as posted ('' for one not sent), before the form's schema checks them. */
function annex4Values(posted: PostedForm): Record<Annex4Key, string> {
  const keys = Object.keys(ANNEX4_LABELS) as Annex4Key[];
  return Object.fromEntries(keys.map((k) => [k, typeof posted[k] === 'string' ? posted[k] : ''])) as Record<
    Annex4Key,
    string
  >;
}

/** The Annex 4 form: its fields checked by the stored form's own schema, plus save/submit and the tick. */
const annex4Form = z.pipe(
  z.transform((posted: PostedForm) => ({
    ...annex4Values(posted),
    action: typeof posted.action === 'string' ? posted.action : '',
    confirmed: typeof posted.confirmed === 'string' ? posted.confirmed : '',
  })),
  z.extend(annex4Schema, { action: z.string(), confirmed: z.string() }),
);

/** The city desk's 签收 / 退回补充 of a submitted Annex 4. */
const reviewForm = z.object({ decision: z.enum(['accepted', 'returned']), note: formValue() });

const refuseReview = (): never => {
  throw new ApiError(400, 'validation', {
    zh: t.chooseDecision,
    en: officerText('annex4Page', 'en').chooseDecision,
  });
};

/** The form again with what was entered and the labels of the fields to fix (422). */
function showAnnex4Form(c: Context<ConsoleEnv>, report: ReportRow, data: Annex4Data, errors: string[]) {
  return c.html(
    <Annex4Page
      session={c.get('session')}
      reportId={report.id}
      unitName={report.unitName}
      data={data}
      submitted={false}
      saved={false}
      errors={errors}
    />,
    422,
  );
}

export function annex4Routes(deps: AppDeps, actions: CaseActions) {
  const app = new Hono<ConsoleEnv>();

  app.get('/console/cases/:id/annex4', async (c) => {
    const session = c.get('session');
    const found = await actions.view(session.account, c.req.param('id'), 'annex4');
    const [form, stored] = await Promise.all([
      actions.annex4(session.account, found),
      findAnnex4(deps.db, found.report.id),
    ]);
    const review = stored ? { status: stored.status, note: stored.reviewNote, at: stored.reviewedAt } : undefined;
    // A returned form is edited and submitted again; a submitted or accepted one is read only.
    const submitted = stored?.status === 'submitted' || stored?.status === 'accepted';
    return c.html(
      <Annex4Page
        session={session}
        reportId={found.report.id}
        unitName={found.report.unitName}
        {...form}
        submitted={submitted}
        review={review}
        flash={labelIn(REVIEW_DONE, c.req.query('done') ?? '')}
      />,
    );
  });

  app.post('/console/cases/:id/annex4/review', validatedForm(reviewForm, refuseReview), async (c) => {
    const id = c.req.param('id');
    const { decision, note } = c.req.valid('form');
    await reviewAnnex4(deps, c.get('session').account, id, decision, note);
    if (decision === 'returned') dispatchAfterResponse(c, deps);
    return c.redirect(`/console/cases/${encodeURIComponent(id)}/annex4?done=${decision}`, 303);
  });

  app.post(
    '/console/cases/:id/annex4',
    validatedForm<typeof annex4Form, ConsoleEnv>(annex4Form, async (c, problem) => {
      const found = await actions.load(c.get('session').account, c.req.param('id') ?? '');
      const bad = [
        ...new Set(problem.issues.map((i) => ANNEX4_LABELS[String(i.path[0]) as Annex4Key] ?? String(i.path[0]))),
      ];
      return showAnnex4Form(c, found.report, { ...(annex4Values(problem.posted) as Annex4Data), level: '0' }, bad);
    }),
    async (c) => {
      const session = c.get('session');
      const id = c.req.param('id');
      const found = await actions.load(session.account, id);
      const { action, confirmed, ...data } = c.req.valid('form');
      const show = (shown: Annex4Data, errors: string[]) => showAnnex4Form(c, found.report, shown, errors);
      // 填报时间 is the day the form is filled: a real date, and not after today (Beijing).
      if (data.filledAt > beijingDate(deps.clock())) {
        return show(data, [t.notAfterToday(ANNEX4_LABELS.filledAt)]);
      }
      if (action === 'submit') {
        const missing = missingForSubmit(data);
        if (missing.length) return show(data, missing);
        if (confirmed !== 'yes')
          return c.html(
            <Annex4Page
              session={session}
              reportId={id}
              unitName={found.report.unitName}
              data={data}
              submitted={false}
              saved={false}
              unconfirmed
            />,
            400,
          );
        await actions.submitAnnex4(session.account, id, data);
        dispatchAfterResponse(c, deps);
        return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=annex4_submitted`, 303);
      }
      await actions.saveAnnex4(session.account, id, data);
      return c.redirect(`/console/cases/${encodeURIComponent(id)}/annex4?saved=1`, 303);
    },
  );

  app.get('/console/cases/:id/annex4.docx', async (c) => {
    const { bytes, receipt } = await actions.exportAnnex4(c.get('session').account, c.req.param('id'));
    const name = t.fileName(receipt);
    return c.body(bytes.slice().buffer, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="annex4-${receipt}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
