import type { Locale } from './strings';

// What the embedding page asked for, read from the widget's own <script> tag.

export interface WidgetOptions {
  /** The app's base URL (directory of widget.js), ending in "/": the API is `${base}api/…`. */
  base: string;
  locale: Locale;
  jurisdiction?: string;
  mode: 'floating' | 'inline';
  /** CSS selector of the element the inline widget renders into. */
  target?: string;
}

export function readOptions(script: HTMLScriptElement): WidgetOptions {
  const d = script.dataset;
  const lang = (d.locale ?? document.documentElement.lang ?? '').toLowerCase();
  const jurisdiction = d.jurisdiction?.trim();
  const target = d.target?.trim();
  return {
    base: new URL('.', script.src).href,
    locale: lang.startsWith('en') ? 'en' : 'zh',
    mode: d.mode === 'inline' ? 'inline' : 'floating',
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(target ? { target } : {}),
  };
}
