// The page frame: navigation by role, the stylesheet, and a main area. No scripts (see the CSP in routes.ts).
import type { Child, FC } from 'hono/jsx';
import type { CurrentWarning } from '../../../db/repo/warnings';
import { can, ROLE_NAMES } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { LEVEL_ZH } from '../../cases/labels';
import { officerText } from '../../messages/officer';
import { beijingDateTime } from '../../time';

const t = officerText('consoleFrame');

export const CSS_PATH = '/console/assets/console.css';

export const CsrfField: FC<{ session: Session }> = ({ session }) => (
  <input type="hidden" name="_csrf" value={session.csrf} />
);

interface LayoutProps {
  title: string;
  session?: Session;
  active?: string;
  /** Extra elements for <head> (the overview's refresh). */
  head?: Child;
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ title, session, active, head, children }) => {
  const a = session?.account;
  const link = (href: string, label: string) => (
    <a href={href} aria-current={active === href ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{t.title(title)}</title>
        <link rel="stylesheet" href={CSS_PATH} />
        {head}
      </head>
      <body>
        <header class="top">
          <span class="brand">{t.brand}</span>
          {a && (
            <nav aria-label={t.navLabel}>
              {can(a, 'work_cases') && link('/console', t.nav.overview)}
              {can(a, 'work_cases') && link('/console/cases', t.nav.cases)}
              {can(a, 'work_cases') && link('/console/stats', t.nav.stats)}
              {can(a, 'work_cases') && link('/console/ledger', t.nav.ledger)}
              {can(a, 'work_cases') && link('/console/accountability', t.nav.accountability)}
              {can(a, 'publish') && link('/console/reports/period', t.nav.periodReport)}
              {can(a, 'work_cases') && link('/console/cases/phone', t.nav.phoneReport)}
              {can(a, 'work_cases') && link('/console/cases/new', t.nav.newCase)}
              {can(a, 'work_cases') && link('/console/warning', t.nav.warning)}
              {can(a, 'manage_accounts') && link('/console/admin/officers', t.nav.officers)}
              {can(a, 'manage_settings') && link('/console/admin/jurisdictions', t.nav.jurisdictions)}
              {can(a, 'manage_settings') && link('/console/admin/channels', t.nav.channels)}
              {link('/console/profile', t.account(a.displayName, ROLE_NAMES[a.role]))}
            </nav>
          )}
          {session && (
            <form method="post" action="/logout">
              <CsrfField session={session} />
              <button type="submit">{t.signOut}</button>
            </form>
          )}
        </header>
        {a && can(a, 'work_cases') && <WarningBanner warning={session?.warning} />}
        <main>{children}</main>
      </body>
    </html>
  );
};

/** The warning in force (or that none is), on every console page of officers who work cases. */
const WarningBanner: FC<{ warning: CurrentWarning | undefined }> = ({ warning }) => {
  const level = warning && warning.action !== 'lifted' ? warning.level : 0;
  const tone = level === 0 ? 'none' : warning?.action === 'requested' ? 'requested' : `level${level}`;
  const text =
    !warning || warning.action === 'lifted' || level === 0
      ? `${t.noWarning}${warning?.action === 'lifted' ? t.liftedAt(beijingDateTime(warning.at)) : ''}`
      : warning.action === 'requested'
        ? t.requested(LEVEL_ZH[level] ?? '', beijingDateTime(warning.at))
        : t.inForce(LEVEL_ZH[level] ?? '', beijingDateTime(warning.at));
  return (
    <p class={`warning-banner ${tone}`} role="status">
      <a href="/console/warning">{text}</a>
    </p>
  );
};

export const Flash: FC<{ text?: string | undefined; error?: boolean }> = ({ text, error }) =>
  text ? (
    <p class={error ? 'flash error' : 'flash'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  ) : null;
