// /console/reports/period — the period report (情况报告) the city office writes: choose the period, read its
// figures next to the previous period's, write the 分析研判 and 下一步工作 paragraphs and download the Word
// document (POST /console/reports/period.docx). Each version downloaded is kept and listed, and downloads
// again as it was sent. City officers only: reporting upward is the city office's duty (seed §9).
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { listJurisdictions } from '../../../db/repo/jurisdictions';
import {
  findPeriodReport,
  latestPeriodReport,
  listPeriodReports,
  type PeriodReportListItem,
  type PeriodReportRow,
  periodReportStatements,
} from '../../../db/repo/period-reports';
import { beijingDay } from '../../../db/repo/stats';
import { type ConsoleEnv, requirePermission } from '../../auth/middleware';
import type { Session } from '../../auth/session';
import {
  type ChangeRow,
  changeText,
  type PeriodFigures,
  periodFigures,
  periodReportDocx,
  periodTitle,
} from '../../city/period-report';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { validatedForm } from '../../http/validate';
import { newId } from '../../ids';
import { officerText } from '../../messages/officer';
import { beijingDate, beijingDateTime, parseBeijingDate } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';

/** Team default: a report covers at most a year (an annual report); longer periods are split. */
export const PERIOD_MAX_DAYS = 366;
const TEXT_MAX = 8000;
const DOC_NUMBER_MAX = 60;

const t = officerText('periodReportPage');
const words = officerText('deskShared');

export interface PeriodValues {
  from: string;
  to: string;
  docNumber: string;
  analysis: string;
  nextSteps: string;
}

/** The period report's form as posted; each field absent from the body may be given in the query. */
const periodForm = z.object({
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  docNumber: z.optional(z.string()),
  analysis: z.optional(z.string()),
  nextSteps: z.optional(z.string()),
});

export interface Period {
  fromDay: number;
  toDay: number;
}

/** The city office's document number (文号) with the serial left blank: a form of the document, kept as issued. */
const defaultDocNumber = (now: Date) => `长劳三方办〔${beijingDate(now).slice(0, 4)}〕    号`;

/** The last whole calendar month before today (Beijing): the monthly report is the usual one. */
export function lastMonth(now: Date): { from: string; to: string } {
  const [y, m] = beijingDate(now).split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 2, 1));
  const end = new Date(Date.UTC(y, m - 1, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** A real calendar date (2026-02-31 is refused, not rolled over). */
function calendarDate(text: string): Date | undefined {
  const d = parseBeijingDate(text);
  return d && beijingDate(d) === text ? d : undefined;
}

/** The period [from, to] as Beijing days, or what to fix in Chinese. */
export function readPeriod(from: string, to: string, now: Date): { period?: Period; problems: string[] } {
  const problems: string[] = [];
  const start = calendarDate(from);
  const end = calendarDate(to);
  if (!start) problems.push(from ? t.badFrom(from) : t.missingFrom);
  if (!end) problems.push(to ? t.badTo(to) : t.missingTo);
  if (!start || !end) return { problems };
  const fromDay = beijingDay(start);
  const toDay = beijingDay(end) + 1;
  if (fromDay >= toDay) problems.push(words.fromAfterTo);
  else if (toDay > beijingDay(now) + 1) problems.push(t.toAfterToday(beijingDate(now)));
  else if (toDay - fromDay > PERIOD_MAX_DAYS) problems.push(t.tooLong(PERIOD_MAX_DAYS));
  return problems.length ? { problems } : { period: { fromDay, toDay }, problems };
}

const ChangeTable: FC<{ caption: string; head: string; rows: ChangeRow[]; total?: ChangeRow }> = ({
  caption,
  head,
  rows,
  total,
}) => (
  <div class="table-wrap card">
    <table class="counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t.current}</th>
          <th scope="col">{t.previous}</th>
          <th scope="col">{t.change}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows, ...(total ? [total] : [])].map((r) => (
          <tr class={r === total ? 'total' : undefined}>
            <td>{r.name}</td>
            <td>{r.current}</td>
            <td>{r.previous}</td>
            <td>{changeText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Figures: FC<{ f: PeriodFigures }> = ({ f }) => (
  <section>
    <h2>{t.figuresHeading(f.from, f.to, f.previousFrom, f.previousTo)}</h2>
    <p>
      {t.totalBefore}
      <strong>{f.total.current}</strong>
      {t.totalAfter(f.total.previous, changeText(f.total), f.notable.length)}
    </p>
    <div class="grid2">
      <ChangeTable caption={t.byArea} head={words.area} rows={f.byArea} total={f.total} />
      <div>
        <ChangeTable caption={t.byItem} head={words.item} rows={f.byItem} />
        <ChangeTable caption={t.byIndustry} head={words.industry} rows={f.byIndustry} />
      </div>
    </div>
  </section>
);

const ReportForm: FC<{ session: Session; v: PeriodValues }> = ({ session, v }) => (
  <form
    method="post"
    action={`/console/reports/period.docx?${new URLSearchParams({ from: v.from, to: v.to })}`}
    class="card stack"
  >
    <h2>{t.writeHeading}</h2>
    <CsrfField session={session} />
    <div class="actions">
      <label>
        {words.fromDate}
        <input type="date" name="from" value={v.from} required />
      </label>
      <label>
        {words.toDate}
        <input type="date" name="to" value={v.to} required />
      </label>
      <label>
        {t.docNumber}
        <input type="text" name="docNumber" value={v.docNumber} maxlength={DOC_NUMBER_MAX} />
      </label>
    </div>
    <label>
      {t.analysis}
      <textarea name="analysis" class="long" required maxlength={TEXT_MAX}>
        {v.analysis}
      </textarea>
    </label>
    <label>
      {t.nextSteps}
      <textarea name="nextSteps" class="long" required maxlength={TEXT_MAX}>
        {v.nextSteps}
      </textarea>
    </label>
    <p class="muted">{t.formNote}</p>
    <button type="submit">{t.generate}</button>
  </form>
);

const Versions: FC<{ rows: PeriodReportListItem[] }> = ({ rows }) => (
  <section>
    <h2>{t.versionsHeading}</h2>
    {rows.length === 0 ? (
      <p class="muted">{t.noVersions}</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.createdAt}</th>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.docNumber}</th>
              <th scope="col">{t.author}</th>
              <th scope="col">{t.download}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{beijingDateTime(r.createdAt)}</td>
                <td>{t.range(r.fromDay, r.toDay)}</td>
                <td>{r.docNumber}</td>
                <td>{r.creatorName ?? ''}</td>
                <td>
                  <a href={`/console/reports/period/versions/${encodeURIComponent(r.id)}/report.docx`}>
                    {t.downloadWord}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function docxResponse(c: Context, bytes: Uint8Array, row: PeriodReportRow) {
  const name = t.fileName(periodTitle(), row.fromDay, row.toDay);
  return c.body(bytes.slice().buffer, 200, {
    'content-type': DOCX_TYPE,
    'content-disposition': `attachment; filename="period-report-${row.fromDay}-${row.toDay}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });
}

const versionDocx = (row: PeriodReportRow) =>
  periodReportDocx(row.figures as PeriodFigures, {
    docNumber: row.docNumber,
    analysis: row.analysis,
    nextSteps: row.nextSteps,
    at: row.createdAt,
  });

export function periodReportRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('/console/reports/*', requirePermission('publish'));

  async function page(c: Context<ConsoleEnv>, v: PeriodValues, problems: string[], status: 200 | 400) {
    const now = deps.clock();
    const read = readPeriod(v.from, v.to, now);
    const areas = await listJurisdictions(deps.db);
    const [figures, versions] = await Promise.all([
      read.period ? periodFigures(deps.db, read.period, areas) : undefined,
      listPeriodReports(deps.db, 50),
    ]);
    const all = [...problems, ...read.problems.filter((p) => !problems.includes(p))];
    return c.html(
      <Layout title={t.title} session={c.get('session')} active="/console/reports/period">
        <h1>{periodTitle()}</h1>
        <Flash text={all.length ? t.fixFirst(all.join(words.problemSeparator)) : undefined} error />
        <form method="get" action="/console/reports/period" class="filters">
          <label>
            {words.fromDate}
            <input type="date" name="from" value={v.from} />
          </label>
          <label>
            {words.toDate}
            <input type="date" name="to" value={v.to} />
          </label>
          <button type="submit" class="secondary">
            {t.showFigures}
          </button>
        </form>
        {figures && <Figures f={figures} />}
        <ReportForm session={c.get('session')} v={v} />
        <Versions rows={versions} />
      </Layout>,
      status,
    );
  }

  const queryValues = (c: Context<ConsoleEnv>): PeriodValues => {
    const now = deps.clock();
    const month = lastMonth(now);
    const q = (name: string) => c.req.query(name)?.trim().slice(0, 40);
    return {
      from: q('from') ?? month.from,
      to: q('to') ?? month.to,
      docNumber: defaultDocNumber(now),
      analysis: '',
      nextSteps: '',
    };
  };

  app.get('/console/reports/period', async (c) => {
    const v = queryValues(c);
    const { problems } = readPeriod(v.from, v.to, deps.clock());
    return page(c, v, [], problems.length ? 400 : 200);
  });

  // The latest version kept for exactly this period; without one, the form to write it.
  app.get('/console/reports/period.docx', async (c) => {
    const v = queryValues(c);
    const { period, problems } = readPeriod(v.from, v.to, deps.clock());
    if (!period) return page(c, v, problems, 400);
    const row = await latestPeriodReport(deps.db, v.from, v.to);
    if (!row) return c.redirect(`/console/reports/period?${new URLSearchParams({ from: v.from, to: v.to })}`, 303);
    return docxResponse(c, await versionDocx(row), row);
  });

  app.post('/console/reports/period.docx', validatedForm(periodForm), async (c) => {
    const body = c.req.valid('form');
    // A field not in the body may come in the query (the period chosen on the page's address).
    const field = (name: keyof PeriodValues, max: number) => (body[name] ?? c.req.query(name) ?? '').slice(0, max);
    const now = deps.clock();
    const v: PeriodValues = {
      from: field('from', 40).trim(),
      to: field('to', 40).trim(),
      docNumber: field('docNumber', DOC_NUMBER_MAX).trim(),
      analysis: field('analysis', TEXT_MAX),
      nextSteps: field('nextSteps', TEXT_MAX),
    };
    const { period, problems } = readPeriod(v.from, v.to, now);
    if (!v.analysis.trim()) problems.push(t.missingAnalysis);
    if (!v.nextSteps.trim()) problems.push(t.missingNextSteps);
    if (!period || problems.length) return page(c, v, problems, 400);
    const figures = await periodFigures(deps.db, period, await listJurisdictions(deps.db));
    const row: PeriodReportRow = {
      id: newId('pr', now, deps.random),
      fromDay: v.from,
      toDay: v.to,
      docNumber: v.docNumber || defaultDocNumber(now),
      analysis: v.analysis.trim(),
      nextSteps: v.nextSteps.trim(),
      figures,
      createdBy: c.get('session').account.id,
      createdAt: now,
    };
    const bytes = await versionDocx(row);
    const [insert, ...audit] = periodReportStatements(deps.db, row);
    if (insert) await deps.db.batch([insert, ...audit]);
    return docxResponse(c, bytes, row);
  });

  app.get('/console/reports/period/versions/:id/report.docx', async (c) => {
    const row = await findPeriodReport(deps.db, c.req.param('id'));
    if (!row) throw new ApiError(404, 'not_found');
    return docxResponse(c, await versionDocx(row), row);
  });

  return app;
}
