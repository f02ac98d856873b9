// /console/accountability — the accountability register (问责台账, seed §10): the confirmed 迟报 / 漏报 / 瞒报 entries
// per employer and the actions taken on each (信用提醒, 诚信约谈: the day, who took it, notes), recorded on an
// entry's page and audited on the case's timeline; /console/accountability.xlsx exports the register. District
// officers see and record for their own area only (an entry elsewhere answers 404).
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { ACCOUNTABILITY_KINDS, type AccountabilityKind, KIND_ZH } from '../../../db/repo/accountability';
import {
  ACTION_KINDS,
  ACTION_ZH,
  type ActionRow,
  actionsFor,
  type EmployerSummary,
  type RegisterEntry,
  recordActionStatements,
  registerEntries,
  registerEntry,
  summarise,
} from '../../../db/repo/accountability-actions';
import type { ConsoleEnv } from '../../auth/middleware';
import { type CaseScope, caseScope } from '../../auth/roles';
import type { Session } from '../../auth/session';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formText, validatedForm } from '../../http/validate';
import { newId } from '../../ids';
import { officerText } from '../../messages/officer';
import { beijingDate, beijingDateTime, parseBeijingDate } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';
import { accountabilityWorkbook, xlsxHeaders } from './xlsx';

/** Team default: the page lists at most this many entries (the export up to REGISTER_EXPORT_MAX). */
const REGISTER_PAGE_MAX = 500;
export const REGISTER_EXPORT_MAX = 20_000;
const NOTE_MAX = 2000;
const NAME_MAX = 100;

const t = officerText('accountabilityRegister');
const words = officerText('deskShared');

function scopeOf(c: Context<ConsoleEnv>): CaseScope {
  const scope = caseScope(c.get('session').account);
  if (!scope) throw new ApiError(403, 'forbidden');
  return scope;
}

const readKind = (text: string | undefined): AccountabilityKind | undefined =>
  ACCOUNTABILITY_KINDS.find((k) => k === text);

const actionLine = (a: ActionRow) => t.actionLine(a.takenOn, ACTION_ZH[a.kind], a.takenBy, a.note);

const Summary: FC<{ rows: EmployerSummary[] }> = ({ rows }) => (
  <div class="table-wrap card">
    <table>
      <caption>{t.summaryCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{words.employer}</th>
          <th scope="col">{words.area}</th>
          {ACCOUNTABILITY_KINDS.map((k) => (
            <th scope="col">{KIND_ZH[k]}</th>
          ))}
          {ACTION_KINDS.map((k) => (
            <th scope="col">{ACTION_ZH[k]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              {r.name}
              {r.uscc && <span class="muted"> {r.uscc}</span>}
            </td>
            <td>{r.area}</td>
            {[...ACCOUNTABILITY_KINDS, ...ACTION_KINDS].map((k) => (
              <td>{r.counts[k]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Entries: FC<{ entries: RegisterEntry[]; actions: ActionRow[] }> = ({ entries, actions }) => (
  <div class="table-wrap">
    <table>
      <caption class="muted">{t.entriesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{words.employer}</th>
          <th scope="col">{t.kind}</th>
          <th scope="col">{t.case}</th>
          <th scope="col">{t.decision}</th>
          <th scope="col">{t.actionsTaken}</th>
          <th scope="col">{t.handle}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const taken = actions.filter((a) => a.entryId === e.id);
          return (
            <tr>
              <td>
                {e.employerName}
                <span class="muted"> {e.jurisdictionName ?? e.jurisdictionId}</span>
              </td>
              <td>{KIND_ZH[e.kind]}</td>
              <td>
                <a href={`/console/cases/${encodeURIComponent(e.caseId)}`}>{e.receipt}</a>
              </td>
              <td>
                {e.decidedAt ? beijingDate(e.decidedAt) : ''} {e.deciderName ?? ''}
                <div class="muted pre">{e.reason}</div>
              </td>
              <td>
                {taken.length ? (
                  taken.map((a) => <div class="pre">{actionLine(a)}</div>)
                ) : (
                  <span class="muted">{t.none}</span>
                )}
              </td>
              <td>
                <a href={`/console/accountability/${encodeURIComponent(e.id)}`}>{t.recordAction}</a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

interface ActionValues {
  kind: string;
  takenOn: string;
  takenBy: string;
  note: string;
}

const ActionForm: FC<{ session: Session; entry: RegisterEntry; v: ActionValues }> = ({ session, entry, v }) => (
  <form method="post" action={`/console/accountability/${encodeURIComponent(entry.id)}/actions`} class="card stack">
    <h2>{t.recordAction}</h2>
    <CsrfField session={session} />
    <fieldset>
      <legend>{t.action}</legend>
      {ACTION_KINDS.map((k) => (
        <label class="check">
          <input type="radio" name="kind" value={k} checked={v.kind === k} required /> {ACTION_ZH[k]}
        </label>
      ))}
    </fieldset>
    <label>
      {t.date}
      <input type="date" name="takenOn" value={v.takenOn} required />
    </label>
    <label>
      {t.takenBy}
      <input type="text" name="takenBy" value={v.takenBy} required maxlength={NAME_MAX} />
    </label>
    <label>
      {t.note}
      <textarea name="note" required maxlength={NOTE_MAX}>
        {v.note}
      </textarea>
    </label>
    <button type="submit">{t.submit}</button>
  </form>
);

/** What is wrong with an action as entered, in Chinese. */
function actionProblems(v: ActionValues, now: Date): string[] {
  const problems: string[] = [];
  if (!ACTION_KINDS.some((k) => k === v.kind)) problems.push(t.chooseAction);
  const day = parseBeijingDate(v.takenOn);
  if (!day || beijingDate(day) !== v.takenOn) {
    problems.push(v.takenOn ? t.badDate(v.takenOn) : t.missingDate);
  } else if (v.takenOn > beijingDate(now)) problems.push(t.dateAfterToday(beijingDate(now)));
  if (!v.takenBy.trim()) problems.push(t.missingTakenBy);
  if (!v.note.trim()) problems.push(t.missingNote);
  return problems;
}

/** The register page: the summary per employer and the entries, filtered by kind. */
async function registerPage(deps: AppDeps, c: Context<ConsoleEnv>) {
  const scope = scopeOf(c);
  const kind = readKind(c.req.query('kind'));
  const entries = await registerEntries(deps.db, { ...scope, kind, limit: REGISTER_PAGE_MAX + 1 });
  const shown = entries.slice(0, REGISTER_PAGE_MAX);
  const actions = await actionsFor(
    deps.db,
    shown.map((e) => e.id),
  );
  return c.html(
    <Layout title={t.title} session={c.get('session')} active="/console/accountability">
      <h1>{t.heading}</h1>
      <p class="muted">{t.intro}</p>
      <form method="get" action="/console/accountability" class="filters">
        <label>
          {t.kind}
          <select name="kind">
            <option value="">{words.all}</option>
            {ACCOUNTABILITY_KINDS.map((k) => (
              <option value={k} selected={kind === k}>
                {KIND_ZH[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.filter}</button>
        <a class="button secondary" href={`/console/accountability.xlsx${kind ? `?kind=${kind}` : ''}`}>
          {t.export}
        </a>
      </form>
      {shown.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <Summary rows={summarise(shown, actions)} />
          <Entries entries={shown} actions={actions} />
          {entries.length > REGISTER_PAGE_MAX && <p class="muted">{t.truncated(REGISTER_PAGE_MAX)}</p>}
        </>
      )}
    </Layout>,
  );
}

/** One entry: what was decided and the actions taken, with the form to record one more. */
const EntryDetails: FC<{ entry: RegisterEntry; actions: ActionRow[] }> = ({ entry, actions }) => (
  <div class="table-wrap card">
    <table class="kv">
      <tbody>
        <tr>
          <th scope="row">{words.employer}</th>
          <td>
            {entry.employerName} {entry.uscc ?? ''}
          </td>
        </tr>
        <tr>
          <th scope="row">{words.area}</th>
          <td>{entry.jurisdictionName ?? entry.jurisdictionId}</td>
        </tr>
        <tr>
          <th scope="row">{t.case}</th>
          <td>
            <a href={`/console/cases/${encodeURIComponent(entry.caseId)}`}>{entry.receipt}</a>
          </td>
        </tr>
        <tr>
          <th scope="row">{t.decision}</th>
          <td class="pre">
            {t.decisionLine(
              entry.decidedAt ? beijingDateTime(entry.decidedAt) : '',
              entry.deciderName ?? '',
              entry.reason,
            )}
          </td>
        </tr>
        <tr>
          <th scope="row">{t.actionsTaken}</th>
          <td>
            {actions.length ? (
              actions.map((a) => (
                <div class="pre">
                  {actionLine(a)}
                  <span class="muted">{t.recordedBy(a.recorderName ?? '', beijingDateTime(a.recordedAt))}</span>
                </div>
              ))
            ) : (
              <span class="muted">{t.none}</span>
            )}
          </td>
        </tr>
      </tbody>
    </table>
  </div>
);

/** An entry's page, the action form holding `v`; with problems it answers 400 listing them. */
async function entryPage(
  deps: AppDeps,
  c: Context<ConsoleEnv>,
  entry: RegisterEntry,
  v: ActionValues,
  problems: string[],
) {
  const session = c.get('session');
  const actions = await actionsFor(deps.db, [entry.id]);
  return c.html(
    <Layout title={t.title} session={session} active="/console/accountability">
      <p>
        <a href="/console/accountability">{t.back}</a>
      </p>
      <h1>
        {entry.employerName} · {KIND_ZH[entry.kind]}
      </h1>
      <Flash text={c.req.query('done') ? t.recorded : undefined} />
      <Flash text={problems.length ? t.fixFirst(problems.join(words.problemSeparator)) : undefined} error />
      <EntryDetails entry={entry} actions={actions} />
      <ActionForm session={session} entry={entry} v={v} />
    </Layout>,
    problems.length ? 400 : 200,
  );
}

/** The entry named in the path, within the officer's area (404 elsewhere). */
async function entryOf(deps: AppDeps, c: Context<ConsoleEnv>): Promise<RegisterEntry> {
  const entry = await registerEntry(deps.db, c.req.param('id') ?? '', scopeOf(c).jurisdictionId);
  if (!entry) throw new ApiError(404, 'not_found');
  return entry;
}

/** The action form's fields, bounded; actionProblems says what is still wrong with them. */
const actionForm = z.object({
  kind: formText(40),
  takenOn: formText(40),
  takenBy: formText(NAME_MAX),
  note: formText(NOTE_MAX),
});

/** Records an action on an entry (one batch with its audit event on the case), or the form again. */
async function recordAction(deps: AppDeps, c: Context<ConsoleEnv>, v: ActionValues) {
  const entry = await entryOf(deps, c);
  const now = deps.clock();
  const problems = actionProblems(v, now);
  const kind = ACTION_KINDS.find((k) => k === v.kind);
  if (problems.length || !kind) return entryPage(deps, c, entry, v, problems);
  const [insert, ...audit] = recordActionStatements(deps.db, {
    id: newId('aa', now, deps.random),
    entry,
    kind,
    takenOn: v.takenOn,
    takenBy: v.takenBy,
    note: v.note,
    officerId: c.get('session').account.id,
    at: now,
  });
  if (insert) await deps.db.batch([insert, ...audit]);
  return c.redirect(`/console/accountability/${encodeURIComponent(entry.id)}?done=1`, 303);
}

/** The register as an Excel workbook (up to REGISTER_EXPORT_MAX entries). */
async function exportRegister(deps: AppDeps, c: Context<ConsoleEnv>) {
  const scope = scopeOf(c);
  const kind = readKind(c.req.query('kind'));
  const entries = await registerEntries(deps.db, { ...scope, kind, limit: REGISTER_EXPORT_MAX });
  const actions = await actionsFor(
    deps.db,
    entries.map((e) => e.id),
  );
  const bytes = await accountabilityWorkbook(entries, actions, summarise(entries, actions), deps.clock());
  return c.body(
    bytes,
    200,
    xlsxHeaders(officerText('workbooks').registerFile(beijingDate(deps.clock())), 'accountability'),
  );
}

export function accountabilityRegisterRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/console/accountability', (c) => registerPage(deps, c));
  app.get('/console/accountability/:id', async (c) => {
    const entry = await entryOf(deps, c);
    const v = { kind: '', takenOn: beijingDate(deps.clock()), takenBy: c.get('session').account.displayName, note: '' };
    return entryPage(deps, c, entry, v, []);
  });
  app.post('/console/accountability/:id/actions', validatedForm(actionForm), (c) =>
    recordAction(deps, c, c.req.valid('form')),
  );
  app.get('/console/accountability.xlsx', (c) => exportRegister(deps, c));
  return app;
}
