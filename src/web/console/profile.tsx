// /console/profile — the officer's own account: change the password (required after a generated one).
import { type Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { accountById, deleteOtherSessions, setPassword } from '../../../db/repo/accounts';
import { eventStatement } from '../../../db/repo/cases';
import type { ConsoleEnv } from '../../auth/middleware';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password';
import { can, homePath, ROLE_NAMES } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { beginPasswordCheck, retryAfterSeconds } from '../../auth/throttle';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { formValue, validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import { issueLinkCode } from '../../notify/index';
import { beijingDateTime } from '../../time';
import * as z from '../../zod';
import { CsrfField, Flash, Layout } from './layout';
import { waitText } from './login';

const t = officerText('profile');

const PasswordForm: FC<{ session: Session }> = ({ session }) => (
  <form method="post" action="/console/profile/password" class="card stack">
    <h2>{t.changePassword}</h2>
    <CsrfField session={session} />
    <label>
      {t.currentPassword}
      <input type="password" name="current" autocomplete="current-password" required />
    </label>
    <label>
      {t.newPassword}
      <input type="password" name="password" autocomplete="new-password" required minlength={12} />
    </label>
    <label>
      {t.repeatPassword}
      <input type="password" name="confirm" autocomplete="new-password" required minlength={12} />
    </label>
    <button type="submit">{t.changePassword}</button>
  </form>
);

/** The password change as posted: the current password, the new one and its repetition (checked below). */
const passwordForm = z.object({ current: formValue(), password: formValue(), confirm: formValue() });

export function profileRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  const page = (
    c: Context<ConsoleEnv>,
    opts: { error?: string; done?: boolean; link?: { code: string; expiresAt: Date } } = {},
    status = 200,
  ) => {
    const session = c.get('session');
    const a = session.account;
    const bot = deps.config.TELEGRAM_BOT_USERNAME;
    return c.html(
      <Layout title={t.title} session={session} active="/console/profile">
        <h1>{t.title}</h1>
        <Flash text={opts.done ? t.changed : undefined} />
        <Flash text={opts.error} error />
        {a.mustChangePassword && <p class="flash error">{t.mustChange}</p>}
        <table class="kv card">
          <tbody>
            <tr>
              <th>{t.username}</th>
              <td>{a.username}</td>
            </tr>
            <tr>
              <th>{t.name}</th>
              <td>{a.displayName}</td>
            </tr>
            <tr>
              <th>{t.role}</th>
              <td>{ROLE_NAMES[a.role]}</td>
            </tr>
            <tr>
              <th>{t.telegram}</th>
              <td>{a.telegramLinked ? t.linked : t.notLinked}</td>
            </tr>
          </tbody>
        </table>
        {a.mustChangePassword && <PasswordForm session={session} />}
        {/* Telegram claims cases from alerts: only for case workers, and after the password is settled. */}
        {can(a, 'work_cases') && !a.mustChangePassword && (
          <form method="post" action="/console/profile/telegram" class="card stack">
            <h2>{t.linkHeading}</h2>
            <CsrfField session={session} />
            {opts.link ? (
              <p class="flash" role="status">
                {t.linkCode}
                <code>{opts.link.code}</code>
                {t.linkValid(beijingDateTime(opts.link.expiresAt))}
                {bot ? t.namedBot(bot) : t.unnamedBot}
                {t.linkSend(opts.link.code)}
              </p>
            ) : (
              <p class="muted">{t.linkWhy}</p>
            )}
            <button type="submit" class="secondary">
              {a.telegramLinked ? t.relink : t.newCode}
            </button>
          </form>
        )}
        {!a.mustChangePassword && <PasswordForm session={session} />}
      </Layout>,
      status as 200,
    );
  };

  app.get('/console/profile', (c) => page(c, { done: c.req.query('done') === '1' }));

  // The code is shown in this response only (never in a URL), and only the newest one works.
  app.post('/console/profile/telegram', async (c) => {
    const account = c.get('session').account;
    const link = await issueLinkCode(deps, account.id);
    await eventStatement(deps.db, {
      reportId: null,
      at: deps.clock(),
      actorType: 'officer',
      actorId: account.id,
      type: 'telegram_link_code_issued',
      data: { officerId: account.id },
    });
    return page(c, { link });
  });

  app.post('/console/profile/password', validatedForm(passwordForm), async (c) => {
    const session = c.get('session');
    const form = c.req.valid('form');
    const get = (k: keyof typeof form) => form[k];
    const account = await accountById(deps.db, session.account.id);
    if (!account) throw new ApiError(401, 'unauthorized');
    const now = deps.clock();
    const attempt = await beginPasswordCheck(deps.db, account.id, now);
    if (!attempt.ok) {
      const seconds = retryAfterSeconds(attempt.retryAt, now);
      c.header('retry-after', String(seconds));
      return page(c, { error: t.throttled(waitText(seconds)) }, 429);
    }
    const currentOk = await verifyPassword(get('current'), account.passwordHash);
    await attempt.done(currentOk);
    if (!currentOk) return page(c, { error: t.wrongCurrent }, 400);
    const problem = passwordProblem(get('password'), account.username);
    if (problem) return page(c, { error: problem }, 400);
    if (get('password') !== get('confirm')) return page(c, { error: t.mismatch }, 400);
    if (get('password') === get('current')) return page(c, { error: t.unchanged }, 400);
    await deps.db.batch([
      setPassword(deps.db, account.id, await hashPassword(get('password'), deps.random), false),
      deleteOtherSessions(deps.db, account.id, session.id),
      eventStatement(deps.db, {
        reportId: null,
        at: now,
        actorType: 'officer',
        actorId: account.id,
        type: 'password_changed',
        data: { officerId: account.id },
      }),
    ]);
    // A first or reset password leads on to the account's own work; a routine change stays here.
    return c.redirect(
      account.mustChangePassword ? `${homePath(account)}?password=changed` : '/console/profile?done=1',
      303,
    );
  });

  return app;
}
