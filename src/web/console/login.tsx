// Sign-in and sign-out. Attempts are limited per account and address together, and per address
// (src/auth/throttle.ts);
// one message for "no such user" and "wrong password", and equal work for both.
import { Hono } from 'hono';
import { accountForLogin, deleteExpiredSessions, setPassword } from '../../../db/repo/accounts';
import { clientAddress } from '../../auth/client-address';
import { type ConsoleEnv, csrfGuard, requireSession, sameOriginGuard } from '../../auth/middleware';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../../auth/password';
import { homePath } from '../../auth/roles';
import { endSession, startSession } from '../../auth/session';
import { beginSignIn, retryAfterSeconds } from '../../auth/throttle';
import type { AppDeps, AppEnv } from '../../deps';
import { formText, formValue, validatedForm } from '../../http/validate';
import { officerText } from '../../messages/officer';
import * as z from '../../zod';
import { Flash, Layout } from './layout';

const t = officerText('signIn');

/** "40 秒" or "15 分钟": how long to wait, in words. */
export function waitText(seconds: number): string {
  return seconds < 120 ? t.waitSeconds(seconds) : t.waitMinutes(Math.ceil(seconds / 60));
}

/** Only a local console path may follow sign-in (no open redirect to another site). */
export function safeNext(next: string | undefined): string {
  return next && /^\/console(\/[\w\-./%?=&]*)?$/.test(next) && !next.startsWith('//') ? next : '/console';
}

const LoginPage = ({ next, error, username }: { next: string; error?: string; username?: string }) => (
  <Layout title={t.title}>
    <div class="card login stack">
      <h1>{t.heading}</h1>
      <Flash text={error} error />
      <form method="post" action={`/login?next=${encodeURIComponent(next)}`} class="stack">
        <label>
          {t.username}
          <input type="text" name="username" autocomplete="username" required value={username ?? ''} />
        </label>
        <label>
          {t.password}
          <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{t.submit}</button>
      </form>
      <p class="muted">{t.whoMayUse}</p>
    </div>
  </Layout>
);

/** The sign-in form: the user name trimmed, the password as typed (both bounded). */
const loginForm = z.object({
  username: formText(100),
  password: z.pipe(
    formValue(),
    z.transform((v) => v.slice(0, 200)),
  ),
});

export function loginRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/login', (c) => c.html(<LoginPage next={safeNext(c.req.query('next'))} />));

  app.post('/login', sameOriginGuard(deps), validatedForm(loginForm), async (c) => {
    const next = safeNext(c.req.query('next'));
    const { username, password } = c.req.valid('form');
    const now = deps.clock();
    const attempt = await beginSignIn(deps.db, username, clientAddress(c, deps.config), now);
    if (!attempt.ok) {
      const seconds = retryAfterSeconds(attempt.retryAt, now);
      c.header('retry-after', String(seconds));
      const error = t.throttled(waitText(seconds));
      return c.html(<LoginPage next={next} username={username} error={error} />, 429);
    }
    const account = username ? await accountForLogin(deps.db, username) : undefined;
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || account.disabled) {
      await attempt.done(false);
      return c.html(<LoginPage next={next} username={username} error={t.wrong} />, 401);
    }
    await attempt.done(true);
    await deleteExpiredSessions(deps.db, now);
    if (needsRehash(account.passwordHash)) {
      await setPassword(deps.db, account.id, await hashPassword(password, deps.random), account.mustChangePassword);
    }
    await startSession(c, deps, account.id);
    const home = next === '/console' ? homePath(account) : next;
    return c.redirect(account.mustChangePassword ? '/console/profile' : home, 303);
  });

  const out = new Hono<ConsoleEnv>();
  // A path here: a bare use() would reach every route of the parent app.
  out.use('/logout', requireSession(deps), csrfGuard());
  out.post('/logout', async (c) => {
    await endSession(c, deps, c.get('session').id);
    return c.redirect('/login', 303);
  });
  app.route('/', out);
  return app;
}
