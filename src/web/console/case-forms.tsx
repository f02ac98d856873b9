// The case page's action forms. Each posts with the CSRF token to its own route in case-page.tsx, which
// redirects back (post/redirect/get), so the page works without JavaScript.
import type { FC } from 'hono/jsx';
import type { Account } from '../../../db/repo/accounts';
import type { Session } from '../../auth/session';
import { MESSAGE_MAX, NOTE_MAX } from '../../cases/case-actions';
import { MAJOR_FOLLOW_UP_DAYS } from '../../city/major-risk';
import { CsrfField } from './layout';

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
    <h2>销号</h2>
    {early && (
      <p class="muted">附件4 报送后方可销号；提前销号须由市协调劳动关系三方委员会办公室批准，理由即批准意见。</p>
    )}
    <form method="post" action={`${base}/close`} class="stack">
      <CsrfField session={session} />
      <p class="consequence">
        销号后案件关闭，不能再认领、转交、回复报告人或修改附件4，且无法撤销。报告人在查询页面会看到“已办结”和下面的理由。
      </p>
      <div class={close && !close.reason ? 'field invalid' : 'field'}>
        <label for="close-reason">销号理由（报告人可见）</label>
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
        <span>我确认销号，此操作不可撤销</span>
      </label>
      {close && (
        <p class="error-text" id="close-error" role="alert">
          {close.error}
        </p>
      )}
      <button type="submit" class="danger">
        确认销号
      </button>
    </form>
  </section>
);

/** 重大风险: list the case in the special ledger with its tracking person and follow-up interval. */
export const MajorRiskForm: FC<{ base: string; session: Session }> = ({ base, session }) => (
  <section class="card no-print">
    <h2>重大风险专门台账</h2>
    <form method="post" action={`${base}/major`} class="stack">
      <CsrfField session={session} />
      <p class="muted">
        可能引发媒体关注、连锁反应或扩散的重大风险，列入专门台账，落实专人跟踪，定期提醒跟进直至销号。
      </p>
      <label>
        跟踪责任人
        <input type="text" name="trackerName" required maxlength={50} />
      </label>
      <label>
        联系电话
        <input type="tel" name="trackerPhone" maxlength={30} />
      </label>
      <label>
        跟进间隔（天，默认 {MAJOR_FOLLOW_UP_DAYS}）
        <input type="number" name="intervalDays" min="1" max="90" value={String(MAJOR_FOLLOW_UP_DAYS)} />
      </label>
      <label>
        说明
        <textarea name="note" maxlength={2000} />
      </label>
      <button type="submit" class="secondary">
        列入专门台账
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
      <h2>操作</h2>
      {open && !claimedBy && (
        <form method="post" action={`${base}/claim`}>
          <CsrfField session={session} />
          <button type="submit">认领此案件</button>
        </form>
      )}
      <p class="actions">
        <a class="button" href={`${base}/annex4`}>
          填写附件4
        </a>
        <a class="button secondary" href={`${base}/annex4.docx`}>
          下载附件4（DOCX）
        </a>
      </p>
      {open && handoverTo.length > 0 && (
        <form method="post" action={`${base}/handover`} class="stack">
          <CsrfField session={session} />
          <input type="hidden" name="expected" value={claimedBy ?? ''} />
          <label>
            转交给本辖区工作人员
            <select name="to" required>
              {handoverTo.map((o) => (
                <option value={o.id}>{o.displayName}</option>
              ))}
            </select>
          </label>
          <label>
            转交说明（可选）
            <input type="text" name="note" maxlength={200} />
          </label>
          <button type="submit" class="secondary">
            转交
          </button>
        </form>
      )}
    </section>
  );
};

/** An internal note; the nonce makes a resubmitted form harmless. */
export const NoteForm: FC<{ base: string; session: Session; nonce: string }> = ({ base, session, nonce }) => (
  <section class="card">
    <h2>内部备注</h2>
    <form method="post" action={`${base}/notes`} class="stack">
      <CsrfField session={session} />
      <input type="hidden" name="nonce" value={`n-${nonce}`} />
      <label>
        备注（仅工作人员可见）
        <textarea name="text" required maxlength={NOTE_MAX} />
      </label>
      <button type="submit">保存备注</button>
    </form>
  </section>
);

/** Where a message to the reporter goes: back into the chat they reported from, else the status page (and SMS). */
function messageRoute(reporterChat: string | null): string {
  if (reporterChat?.startsWith('tg:')) return '将通过 Telegram 发送给报告人';
  if (reporterChat?.startsWith('wx:')) return '将通过微信公众号发送给报告人';
  return '报告人凭回执号和电话在查询页面看到；已开通短信时另发短信提醒';
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
    <h2>回复报告人</h2>
    {unreachable && (
      <p class="flash error" role="alert">
        微信消息未能送达：报告人超过 48 小时未与公众号互动（或已取消关注），平台不允许再发消息。请致电报告人{' '}
        <a href={`tel:${reporterPhone}`}>{reporterPhone}</a>。
      </p>
    )}
    <form method="post" action={`${base}/messages`} class="stack">
      <CsrfField session={session} />
      <input type="hidden" name="nonce" value={`m-${nonce}`} />
      <label>
        消息（{messageRoute(reporterChat)}）
        <textarea name="text" required maxlength={MESSAGE_MAX} />
      </label>
      <button type="submit">发送</button>
    </form>
  </section>
);
