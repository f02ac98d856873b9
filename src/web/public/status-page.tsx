import { REPORTER_MESSAGE_MAX } from '../../cases/reporter-messages';
import type { Locale } from '../../http/locale';
import { labelIn, textOf } from '../../messages/index';
import { isItemCode, itemByCode } from '../../rules/index';
import { beijingDateTime } from '../../time';
import { Layout } from './layout';
import type { ReporterView } from './status-lookup';

// /status: receipt number + phone, posted (the phone never appears in a URL), answered with the report's
// status and the conversation with the receiving office, and a form to write to it. That form carries the
// receipt and phone in hidden fields, so every message is verified again. Everything is rendered as text
// by JSX.

export interface StatusPageView {
  locale: Locale;
  formToken: string;
  receipt: string;
  notFound: boolean;
  /** Too many lookups that matched nothing from this address: try again later. */
  throttled?: boolean;
  report?: ReporterView;
  /** With `report`: the phone it was found with, for the message form's hidden field. */
  phone?: string;
  /** With `report`: the message form's one-time key (a resent form records the message once). */
  nonce?: string;
  /** The message form after a post: what was typed (kept on error), the error, or that it was sent. */
  message?: { value: string; error?: 'empty' | 'too_long' | 'too_many'; sent?: boolean };
}

export function StatusPage(v: StatusPageView) {
  const s = textOf('pages', v.locale);
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
            <dd id="report-status">{labelIn(s.statuses, r.status) ?? r.status}</dd>
            <dt>{s.unit}</dt>
            <dd id="report-unit">{r.unitName}</dd>
            <dt>{s.items}</dt>
            <dd>{r.items.map((c) => (isItemCode(c) ? itemByCode(c).name[L] : c)).join(L === 'zh' ? '、' : ', ')}</dd>
            <dt>{s.submittedAt}</dt>
            <dd>{beijingDateTime(r.submittedAt)}</dd>
          </dl>
          <h3>{s.timeline}</h3>
          <ol class="timeline">
            {r.timeline.map((e) => (
              <li>
                <span class="when">{beijingDateTime(e.at)}</span>{' '}
                <span class="what">{labelIn(s.events, e.type) ?? e.type}</span>
                {e.reason && <div class="reason">{`${s.closedReason}${e.reason}`}</div>}
              </li>
            ))}
          </ol>
          <Conversation v={v} report={r} />
        </section>
      ) : null}
      {v.notFound || v.throttled ? (
        <p class="error" id="lookup-error">
          {v.throttled ? s.throttled : s.notFound}
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
            aria-describedby={v.notFound || v.throttled ? 'lookup-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="f-phone">{s.statusPhone}</label>
          <input
            id="f-phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            aria-describedby={v.notFound || v.throttled ? 'lookup-error' : undefined}
          />
        </div>
        <button type="submit" class="primary">
          {s.lookup}
        </button>
      </form>
    </Layout>
  );
}

function Conversation({ v, report: r }: { v: StatusPageView; report: ReporterView }) {
  const s = textOf('pages', v.locale);
  const action = v.locale === 'en' ? '/status/messages?lang=en' : '/status/messages';
  const error = v.message?.error;
  const describedBy = ['message-hint', error ? 'message-error' : ''].filter(Boolean).join(' ');
  return (
    <>
      <h3 id="conversation-heading">{s.conversation}</h3>
      {r.messages.length > 0 ? (
        <ol class="conversation" aria-labelledby="conversation-heading">
          {r.messages.map((e) => (
            <li class={e.message.from === 'office' ? 'from-office' : 'from-reporter'}>
              <span class="who">
                {e.message.from === 'office' ? s.fromOffice : s.fromYou}
                {e.message.channel === 'telegram' ? s.viaTelegram : ''}
              </span>{' '}
              <span class="when">{beijingDateTime(e.at)}</span>
              <p class="message">{e.message.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="hint">{s.noMessages}</p>
      )}
      {v.message?.sent ? (
        <p class="notice" id="message-sent" role="status">
          {s.messageSent}
        </p>
      ) : null}
      <form method="post" action={action} novalidate class="message-form">
        <input type="hidden" name="token" value={v.formToken} />
        <input type="hidden" name="receipt" value={r.receipt} />
        <input type="hidden" name="phone" value={v.phone ?? ''} />
        <input type="hidden" name="nonce" value={v.nonce ?? ''} />
        <div class="field">
          <label for="f-message">{s.messageLabel}</label>
          <p class="hint" id="message-hint">
            {s.messageHint(REPORTER_MESSAGE_MAX)}
          </p>
          {error ? (
            <p class="error" id="message-error">
              {error === 'empty'
                ? s.messageEmpty
                : error === 'too_many'
                  ? s.messageTooMany
                  : s.messageTooLong(REPORTER_MESSAGE_MAX)}
            </p>
          ) : null}
          <textarea
            id="f-message"
            name="text"
            rows={5}
            maxlength={REPORTER_MESSAGE_MAX}
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          >
            {error ? v.message?.value : ''}
          </textarea>
        </div>
        <button type="submit" class="primary">
          {s.sendMessage}
        </button>
      </form>
    </>
  );
}
