import { apiClient } from './api-client';
import { createChat } from './chat';
import { button, h } from './dom';
import { draftStore } from './draft-store';
import type { WidgetOptions } from './options';
import { STRINGS } from './strings';
import { WIDGET_CSS } from './styles';

// Puts the widget on the page: a host element with a shadow root (the portal's CSS cannot reach inside),
// then either a launcher button opening a modal chat panel, or the panel inline in a target element.

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * `* { all: unset }` on the portal does reach the host element itself (only the shadow tree is sealed), so
 * the host gets its layout from inline !important declarations, which beat any stylesheet rule. Set
 * through CSSOM, which a portal's CSP does not block (unlike a style attribute).
 */
function styleHost(host: HTMLElement, display: 'block' | 'inline') {
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', display, 'important');
  if (display === 'block') host.style.setProperty('width', '100%', 'important');
}

function adoptStyles(root: ShadowRoot) {
  // Constructed stylesheets are not blocked by a portal's style-src CSP; <style> is the old-browser fallback.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(h('style', {}, WIDGET_CSS));
  }
}

export function mountWidget(o: WidgetOptions): void {
  const t = STRINGS[o.locale];
  const inlineTarget = o.mode === 'inline' && o.target ? document.querySelector(o.target) : null;
  const inline = inlineTarget !== null;
  // An (undefined) custom element name: attachShadow accepts it, and no portal stylesheet targets it.
  const host = document.createElement('cc-labor-report');
  host.lang = o.locale === 'zh' ? 'zh-CN' : 'en';
  styleHost(host, inline ? 'block' : 'inline');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);

  const chat = createChat({
    api: apiClient(o.base, o.locale),
    store: draftStore(o.base),
    t,
    statusUrl: `${o.base}status`,
    ...(o.jurisdiction ? { jurisdiction: o.jurisdiction } : {}),
  });
  const title = h('h2', {}, t.title);
  const head = h('div', { class: 'head' }, title);
  const panel = h('div', { class: 'panel' }, head, chat.el);
  const root = h('div', { class: `root ${inline ? 'inline' : 'floating'}` }, panel);
  shadow.append(root);

  if (inlineTarget) {
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', t.title);
    inlineTarget.append(host);
    // A draft in progress continues where it stopped; otherwise nothing is created until the reporter starts.
    if (chat.hasStoredDraft()) void chat.activate(false);
    else chat.showIntro();
    return;
  }

  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', t.title);
  const launcher = button(chat.hasStoredDraft() ? t.launcherResume : t.launcher, () => open(), {
    class: 'launcher',
    'aria-haspopup': 'dialog',
  });
  const closeButton = button('×', () => close(), { class: 'close', 'aria-label': t.close });
  head.append(closeButton);
  root.prepend(launcher);

  function open() {
    panel.hidden = false;
    launcher.hidden = true;
    void chat.activate(true);
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.textContent = chat.hasStoredDraft() ? t.launcherResume : t.launcher;
    launcher.focus();
  }

  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'Tab') return;
    // aria-modal: keep Tab inside the panel.
    const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    const active = shadow.activeElement;
    if (e.shiftKey && (active === first || !panel.contains(active))) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  });
  document.body.append(host);
}
