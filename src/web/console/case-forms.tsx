// The case page's action forms. Each posts with the CSRF token to its own route in case-page.tsx, which
// redirects back (post/redirect/get), so the page works without JavaScript.
import type { FC } from 'hono/jsx';
import type { Account } from '../../../db/repo/accounts';
import type { Session } from '../../auth/session';
import { MESSAGE_MAX, NOTE_MAX } from '../../cases/case-actions';
import { MAJOR_FOLLOW_UP_DAYS } from '../../city/major-risk';
import { officerText } from '../../messages/officer';
import { CsrfField } from './layout';

const t = officerText('caseForms');

/** A refused 销号: the reason typed and what is missing. */
export interface CloseRefusal {
  reason: string;
  error: string;
}

/** 销号 cannot be undone: the form says what follows and asks for a tick before it sends. */
export const CloseForm: FC<{ base: string; session: Session; close: CloseRefusal | undefined; early: boolean }> = ({
  base,
  session,
  close,
  early,
}) => (
  <section class="card confirm" id="close">
    <h2>{t.closeTitle}</h2>
    {early && <p class="muted">{t.closeEarly}</p>}
    <form method="post" action={`${base}/close`} class="stack">
      <CsrfField session={session} />
      <p class="consequence">{t.closeConsequence}</p>
      <div class={close && !close.reason ? 'field invalid' : 'field'}>
        <label for="close-reason">{t.closeReason}</label>
        <textarea id="close-reason" name="reason" required maxlength={NOTE_MAX}>
          {close?.reason ?? ''}
        </textarea>
      </div>
      <label class="check">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          required
          {...(close ? { 'aria-invalid': 'true', 'aria-describedby': 'close-error' } : {})}
        />
        <span>{t.closeConfirm}</span>
      </label>
      {close && (
        <p class="error-text" id="close-error" role="alert">
          {close.error}
        </p>
      )}
      <button type="submit" class="danger">
        {t.closeSubmit}
      </button>
    </form>
  </section>
);

/** 重大风险: list the case in the special ledger with its tracking person and follow-up interval. */
export const MajorRiskForm: FC<{ base: string; session: Session }> = ({ base, session }) => (
  <section class="card no-print">
    <h2>{t.majorTitle}</h2>
    <form method="post" action={`${base}/major`} class="stack">
      <CsrfField session={session} />
      <p class="muted">{t.majorWhat}</p>
      <label>
        {t.majorTracker}
        <input type="text" name="trackerName" required maxlength={50} />
      </label>
      <label>
        {t.majorPhone}
        <input type="tel" name="trackerPhone" maxlength={30} />
      </label>
      <label>
        {t.majorInterval(MAJOR_FOLLOW_UP_DAYS)}
        <input type="number" name="intervalDays" min="1" max="90" value={String(MAJOR_FOLLOW_UP_DAYS)} />
      </label>
      <label>
        {t.majorNote}
        <textarea name="note" maxlength={2000} />
      </label>
      <button type="submit" class="secondary">
        {t.majorSubmit}
      </button>
    </form>
  </section>
);

/** Claim and hand over (to another officer of the case's jurisdiction), with the Annex 4 links between. */
export const CaseActionsCard: FC<{
  base: string;
  session: Session;
  open: boolean;
  claimedBy: string | null;
  candidates: Account[];
}> = ({ base, session, open, claimedBy, candidates }) => {
  const handoverTo = candidates.filter((o) => o.id !== claimedBy);
  return (
    <section class="card stack" id="actions">
      <h2>{t.actionsTitle}</h2>
      {open && !claimedBy && (
        <form method="post" action={`${base}/claim`}>
          <CsrfField session={session} />
          <button type="submit">{t.claim}</button>
        </form>
      )}
      <p class="actions">
        <a class="button" href={`${base}/annex4`}>
          {t.fillAnnex4}
        </a>
        <a class="button secondary" href={`${base}/annex4.docx`}>
          {t.downloadAnnex4}
        </a>
      </p>
      {open && handoverTo.length > 0 && (
        <form method="post" action={`${base}/handover`} class="stack">
          <CsrfField session={session} />
          <input type="hidden" name="expected" value={claimedBy ?? ''} />
          <label>
            {t.handoverTo}
            <select name="to" required>
              {handoverTo.map((o) => (
                <option value={o.id}>{o.displayName}</option>
              ))}
            </select>
          </label>
          <label>
            {t.handoverNote}
            <input type="text" name="note" maxlength={200} />
          </label>
          <button type="submit" class="secondary">
            {t.handover}
          </button>
        </form>
      )}
    </section>
  );
};

/** An internal note; the nonce makes a resubmitted form harmless. */
export const NoteForm: FC<{ base: string; session: Session; nonce: string }> = ({ base, session, nonce }) => (
  <section class="card">
    <h2>{t.noteTitle}</h2>
    <form method="post" action={`${base}/notes`} class="stack">
      <CsrfField session={session} />
      <input type="hidden" name="nonce" value={`n-${nonce}`} />
      <label>
        {t.note}
        <textarea name="text" required maxlength={NOTE_MAX} />
      </label>
      <button type="submit">{t.saveNote}</button>
    </form>
  </section>
);

/** Where a message to the reporter goes: back into the chat they reported from, else the status page (and SMS). */
function messageRoute(reporterChat: string | null): string {
  if (reporterChat?.startsWith('tg:')) return t.viaTelegram;
  if (reporterChat?.startsWith('wx:')) return t.viaWechat;
  return t.viaStatusPage;
}

/** A message to the reporter; when WeChat refused the last one, the page says to phone instead. */
export const MessageForm: FC<{
  base: string;
  session: Session;
  nonce: string;
  reporterChat: string | null;
  reporterPhone: string;
  unreachable: boolean;
}> = ({ base, session, nonce, reporterChat, reporterPhone, unreachable }) => (
  <section class="card" id="message">
    <h2>{t.messageTitle}</h2>
    {unreachable && (
      <p class="flash error" role="alert">
        {t.wechatUnreachable} <a href={`tel:${reporterPhone}`}>{reporterPhone}</a>
        {t.sentenceEnd}
      </p>
    )}
    <form method="post" action={`${base}/messages`} class="stack">
      <CsrfField session={session} />
      <input type="hidden" name="nonce" value={`m-${nonce}`} />
      <label>
        {t.message(messageRoute(reporterChat))}
        <textarea name="text" required maxlength={MESSAGE_MAX} />
      </label>
      <button type="submit">{t.send}</button>
    </form>
  </section>
);
