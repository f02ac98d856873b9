import type { Child } from 'hono/jsx';
import type { Locale } from '../../http/locale';
import { textOf } from '../../messages/index';

// The shell of the public pages. No inline script or style (the CSP forbids both). The referrer meta makes
// the browser send the real Origin with this page's form posts (under the app-wide Referrer-Policy
// no-referrer Chromium sends "Origin: null"), which the forms' same-origin check reads.

export function Layout(props: {
  title: string;
  locale: Locale;
  /** The path of this page, for the language switch. */
  path: string;
  scripts?: string[];
  children: Child;
}) {
  const s = textOf('pages', props.locale);
  return (
    <html lang={props.locale === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} — ${s.site}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <header class="site-head">
          <div class="wrap">
            <span class="site-name">{s.site}</span>
            <a
              class="lang"
              href={`${props.path}?lang=${s.switchLangCode}`}
              lang={s.switchLangCode === 'en' ? 'en' : 'zh-CN'}
            >
              {s.switchLang}
            </a>
          </div>
        </header>
        <main class="wrap" id="main">
          {props.children}
        </main>
      </body>
    </html>
  );
}
