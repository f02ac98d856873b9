// The page frame: navigation by role, the stylesheet, and a main area. No scripts (see the CSP in routes.ts).
import type { Child, FC } from 'hono/jsx';
import type { CurrentWarning } from '../../../db/repo/warnings';
import { can, ROLE_NAMES } from '../../auth/roles';
import type { Session } from '../../auth/session';
import { LEVEL_ZH } from '../../cases/labels';
import { beijingDateTime } from '../../time';

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
        <title>{`${title} · 劳动关系风险监测预警`}</title>
        <link rel="stylesheet" href={CSS_PATH} />
        {head}
      </head>
      <body>
        <header class="top">
          <span class="brand">劳动关系风险监测预警 · 工作台</span>
          {a && (
            <nav aria-label="主导航">
              {can(a, 'work_cases') && link('/console', '概览')}
              {can(a, 'work_cases') && link('/console/cases', '待办')}
              {can(a, 'work_cases') && link('/console/stats', '统计')}
              {can(a, 'work_cases') && link('/console/ledger', '台账')}
              {can(a, 'work_cases') && link('/console/accountability', '问责台账')}
              {can(a, 'publish') && link('/console/reports/period', '情况报告')}
              {can(a, 'work_cases') && link('/console/cases/phone', '录入电话报告')}
              {can(a, 'work_cases') && link('/console/cases/new', '录入案件')}
              {can(a, 'work_cases') && link('/console/warning', '预警级别')}
              {can(a, 'manage_accounts') && link('/console/admin/officers', '账号')}
              {can(a, 'manage_settings') && link('/console/admin/jurisdictions', '辖区')}
              {can(a, 'manage_settings') && link('/console/admin/channels', '通知渠道')}
              {link('/console/profile', `${a.displayName}（${ROLE_NAMES[a.role]}）`)}
            </nav>
          )}
          {session && (
            <form method="post" action="/logout">
              <CsrfField session={session} />
              <button type="submit">退出</button>
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
      ? `当前未发布劳动关系风险预警${warning?.action === 'lifted' ? `（${beijingDateTime(warning.at)} 解除）` : ''}`
      : warning.action === 'requested'
        ? `已提请省级发布${LEVEL_ZH[level] ?? ''}（${beijingDateTime(warning.at)}）`
        : `当前预警：${LEVEL_ZH[level] ?? ''}（${beijingDateTime(warning.at)} 发布）`;
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
