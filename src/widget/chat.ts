import type { Input, Reply } from '../intake/index';
import type { ApiClient, DraftView, Outcome } from './api-client';
import {
  type ControlActions,
  type Controls,
  questionControls,
  restartControls,
  reviewControls,
  submittedControls,
} from './controls';
import { button, h } from './dom';
import { type DraftStore, newIdempotencyKey, type StoredDraft } from './draft-store';
import type { Strings } from './strings';

// The conversation: a log of what was said (a polite live region) and the controls for the current
// reply. It starts or resumes the draft, sends one input at a time, and on a network or server failure
// leaves the controls (and whatever was typed) in place with a retry button.

export interface Chat {
  el: HTMLElement;
  /** Starts or resumes the draft once; later calls only move focus (when asked). */
  activate: (focus: boolean) => Promise<void>;
  /** Shows the intro and a start button instead of starting a draft (inline mode, nothing stored yet). */
  showIntro: () => void;
  hasStoredDraft: () => boolean;
}

export interface ChatOptions {
  api: ApiClient;
  store: DraftStore;
  t: Strings;
  jurisdiction?: string;
  statusUrl: string;
}

export function createChat(o: ChatOptions): Chat {
  const { api, store, t } = o;
  const progress = h('p', { class: 'progress' });
  // Focusable so keyboard users can scroll back through the conversation.
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.logLabel, tabindex: '0' });
  const controlsSlot = h('div', { class: 'controls' });
  const status = h('div', { class: 'status' });
  const composer = h('div', { class: 'composer' }, controlsSlot, status);
  const el = h('div', { class: 'chat' }, progress, log, composer);

  let draft: StoredDraft | undefined;
  let reply: Reply | undefined;
  let controls: Controls | undefined;
  let busy = false;
  let wantFocus = false;
  let activating: Promise<void> | undefined;
  /** The last typed answer, shown again when the engine re-asks the same question with an error. */
  let lastTyped: { field: string; text: string } | undefined;

  function say(text: string, who: 'bot' | 'me' | 'error' | 'warning') {
    log.append(h('p', { class: `msg ${who}` }, text));
    log.scrollTop = log.scrollHeight;
  }

  function setControls(next: Controls, reviewing = false) {
    controls = next;
    // The review takes the whole panel (not a strip under the log) and opens at its top.
    el.classList.toggle('reviewing', reviewing);
    controlsSlot.replaceChildren(next.el);
    composer.scrollTop = 0;
    if (wantFocus) next.focus?.focus({ preventScroll: true });
  }

  function setBusy(on: boolean) {
    busy = on;
    composer.setAttribute('aria-busy', String(on));
    status.replaceChildren(...(on ? [h('p', { class: 'sending' }, t.sending)] : []));
  }

  /** Network down or 5xx: say so, keep everything on screen, offer the same request again. */
  function offerRetry(kind: 'offline' | 'server', again: () => void) {
    const message = kind === 'offline' ? t.offline : t.server;
    say(message, 'error');
    const retry = button(
      t.retry,
      () => {
        status.replaceChildren();
        again();
      },
      { class: 'primary retry' },
    );
    status.replaceChildren(h('p', { class: 'field-error' }, message), retry);
    if (wantFocus) retry.focus();
  }

  const actions: ControlActions = {
    answer: (field, value, echo) => {
      lastTyped = typeof value === 'string' ? { field, text: value } : undefined;
      void send({ type: 'answer', value }, echo, field);
    },
    command: (type, echo) => void send({ type }, echo, reply?.field?.id),
    edit: (field, echo) => void send({ type: 'edit', field }, echo),
    submit: () => void send({ type: 'submit' }, t.submit),
    restart: () => {
      store.clear();
      draft = undefined;
      reply = undefined;
      wantFocus = true;
      void start();
    },
  };

  function show(view: Pick<DraftView, 'reply' | 'receipt'>) {
    const r = view.reply;
    const again = lastTyped && r.error && r.field?.id === lastTyped.field ? lastTyped.text : undefined;
    reply = r;
    progress.textContent =
      r.kind === 'question' || r.kind === 'review' ? t.progress(r.progress.answered, r.progress.total) : '';
    switch (r.kind) {
      case 'question':
      case 'help':
        if (r.error) say(r.error, 'error');
        else if (r.warning) say(r.warning, 'warning');
        else say(r.text, 'bot');
        setControls(questionControls(r, t, actions, again));
        return;
      case 'review':
        say(r.error ?? t.reviewIntro, r.error ? 'error' : 'bot');
        setControls(reviewControls(r, t, actions), true);
        return;
      case 'submitted':
        say(r.text, 'bot');
        store.clear();
        setControls(submittedControls(view.receipt, o.statusUrl, t, actions));
        return;
      case 'cancelled':
        say(r.text, 'bot');
        store.clear();
        setControls(restartControls(t, actions));
        return;
    }
  }

  /** Handles a failed call; `again` repeats exactly the same request. */
  function failed(out: Exclude<Outcome, { ok: true }>, again: () => void) {
    switch (out.kind) {
      case 'offline':
      case 'server':
        offerRetry(out.kind, again);
        return;
      case 'gone':
        store.clear();
        draft = undefined;
        reply = undefined;
        say(t.expired, 'error');
        void start();
        return;
      case 'conflict':
        if (out.message) say(out.message, 'error');
        show({ reply: out.reply });
        return;
      case 'rejected':
        say(out.message, 'error');
        return;
    }
  }

  async function start(): Promise<void> {
    setBusy(true);
    const out = await api.start(o.jurisdiction);
    setBusy(false);
    if (!out.ok) return failed(out, () => void start());
    if (!out.view.token) return failed({ ok: false, kind: 'server' }, () => void start());
    draft = { draftId: out.view.draftId, token: out.view.token, idempotencyKey: newIdempotencyKey() };
    store.save(draft);
    show(out.view);
    // A portal that presets the area says so at once, with a way to change it.
    const where = out.view.reply.destination;
    if (where) {
      log.append(
        h(
          'div',
          { class: 'destination' },
          h('p', {}, t.destination(where.area)),
          button(t.changeDestination, () => actions.edit(where.field, t.changeDestination), {
            class: 'change-destination',
          }),
        ),
      );
    }
  }

  async function resume(): Promise<void> {
    const stored = store.load();
    if (!stored) return start();
    setBusy(true);
    const out = await api.read(stored.draftId, stored.token);
    setBusy(false);
    if (!out.ok) return failed(out, () => void resume());
    draft = stored;
    show(out.view);
  }

  async function send(input: Input, echo: string, field?: string): Promise<void> {
    if (!draft || busy) return;
    wantFocus = true;
    setBusy(true);
    const d = draft;
    const out =
      input.type === 'submit'
        ? await api.submit(d.draftId, d.token, d.idempotencyKey)
        : await api.turn(d.draftId, d.token, input, field);
    setBusy(false);
    if (!out.ok) return failed(out, () => void send(input, echo, field));
    say(echo, 'me');
    show(out.view);
  }

  function activate(focus: boolean): Promise<void> {
    wantFocus = focus;
    if (reply) {
      if (focus) (controls?.focus ?? controlsSlot.querySelector<HTMLElement>('button, input, textarea'))?.focus();
      return Promise.resolve();
    }
    activating ??= resume().finally(() => {
      activating = undefined;
    });
    return activating;
  }

  function showIntro() {
    say(t.intro, 'bot');
    setControls({
      el: h(
        'div',
        { class: 'row' },
        button(t.start, () => void activate(true), { class: 'primary' }),
      ),
    });
  }

  return { el, activate, showIntro, hasStoredDraft: () => store.load() !== undefined };
}
