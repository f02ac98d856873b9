import type { Locale } from '../../http/locale';
import { isItemCode, itemByCode } from '../../rules/index';
import { Layout } from './layout';
import { PAGE_STRINGS } from './page-strings';
import type { ReporterView } from './status-lookup';

// /status: receipt number + phone, posted (the phone never appears in a URL), answered with the report's
// status and the officers' messages. Everything is rendered as text by JSX.

/** Beijing wall-clock time, YYYY-MM-DD HH:mm (China has no DST, so a fixed +8 h is exact). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface StatusPageView {
  locale: Locale;
  formToken: string;
  receipt: string;
  notFound: boolean;
  report?: ReporterView;
}

export function StatusPage(v: StatusPageView) {
  const s = PAGE_STRINGS[v.locale];
  const L = v.locale;
  const r = v.report;
  const action = L === 'en' ? '/status?lang=en' : '/status';
  return (
    <Layout title={s.statusTitle} locale={L} path="/status">
      <h1>{s.statusTitle}</h1>
      {r ? (
        <section class="status-result" aria-labelledby="status-heading">
          <h2 id="status-heading">{`${s.receipt} ${r.receipt}`}</h2>
          <dl>
            <dt>{s.status}</dt>
            <dd id="report-status">{s.statuses[r.status] ?? r.status}</dd>
            <dt>{s.unit}</dt>
            <dd id="report-unit">{r.unitName}</dd>
            <dt>{s.items}</dt>
            <dd>{r.items.map((c) => (isItemCode(c) ? itemByCode(c).name[L] : c)).join(L === 'zh' ? '、' : ', ')}</dd>
            <dt>{s.submittedAt}</dt>
            <dd>{beijingTime(r.submittedAt)}</dd>
          </dl>
          <h3>{s.timeline}</h3>
          <ol class="timeline">
            {r.timeline.map((e) => (
              <li>
                <span class="when">{beijingTime(e.at)}</span> <span class="what">{s.events[e.type] ?? e.type}</span>
                {e.text ? <p class="message">{e.text}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {v.notFound ? (
        <p class="error" id="lookup-error">
          {s.notFound}
        </p>
      ) : null}
      <form method="post" action={action} novalidate class="lookup">
        <input type="hidden" name="token" value={v.formToken} />
        <p>{s.statusIntro}</p>
        <div class="field">
          <label for="f-receipt">{s.receipt}</label>
          <input
            id="f-receipt"
            name="receipt"
            type="text"
            value={v.receipt}
            autocomplete="off"
            aria-describedby={v.notFound ? 'lookup-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="f-phone">{s.statusPhone}</label>
          <input
            id="f-phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            aria-describedby={v.notFound ? 'lookup-error' : undefined}
          />
        </div>
        <button type="submit" class="primary">
          {s.lookup}
        </button>
      </form>
    </Layout>
  );
}
