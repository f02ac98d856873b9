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
// leaves the controls (and whatever was typed) in place with a retry button. Each step is a top-level
// function taking the chat's state (`ChatState`); `createChat` builds the state and binds them.

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

/** The chat's elements and what it remembers between steps. */
interface ChatState {
  o: ChatOptions;
  t: Strings;
  el: HTMLElement;
  progress: HTMLElement;
  log: HTMLElement;
  controlsSlot: HTMLElement;
  status: HTMLElement;
  composer: HTMLElement;
  draft?: StoredDraft | undefined;
  reply?: Reply | undefined;
  controls?: Controls | undefined;
  busy: boolean;
  wantFocus: boolean;
  activating?: Promise<void> | undefined;
  /** The last typed answer, shown again when the engine re-asks the same question with an error. */
  lastTyped?: { field: string; text: string } | undefined;
}

function say(c: ChatState, text: string, who: 'bot' | 'me' | 'error' | 'warning') {
  c.log.append(h('p', { class: `msg ${who}` }, text));
  c.log.scrollTop = c.log.scrollHeight;
}

function setControls(c: ChatState, next: Controls, reviewing = false) {
  c.controls = next;
  // The review takes the whole panel (not a strip under the log) and opens at its top.
  c.el.classList.toggle('reviewing', reviewing);
  c.controlsSlot.replaceChildren(next.el);
  c.composer.scrollTop = 0;
  if (c.wantFocus) next.focus?.focus({ preventScroll: true });
}

function setBusy(c: ChatState, on: boolean) {
  c.busy = on;
  c.composer.setAttribute('aria-busy', String(on));
  c.status.replaceChildren(...(on ? [h('p', { class: 'sending' }, c.t.sending)] : []));
}

/** Network down or 5xx: say so, keep everything on screen, offer the same request again. */
function offerRetry(c: ChatState, kind: 'offline' | 'server', again: () => void) {
  const message = kind === 'offline' ? c.t.offline : c.t.server;
  say(c, message, 'error');
  const retry = button(
    c.t.retry,
    () => {
      c.status.replaceChildren();
      again();
    },
    { class: 'primary retry' },
  );
  c.status.replaceChildren(h('p', { class: 'field-error' }, message), retry);
  if (c.wantFocus) retry.focus();
}

/** What the controls do: each sends one input (or starts over). */
function controlActions(c: ChatState): ControlActions {
  return {
    answer: (field, value, echo) => {
      c.lastTyped = typeof value === 'string' ? { field, text: value } : undefined;
      void send(c, { type: 'answer', value }, echo, field);
    },
    command: (type, echo) => void send(c, { type }, echo, c.reply?.field?.id),
    edit: (field, echo) => void send(c, { type: 'edit', field }, echo),
    submit: () => void send(c, { type: 'submit' }, c.t.submit),
    restart: () => {
      c.o.store.clear();
      c.draft = undefined;
      c.reply = undefined;
      c.wantFocus = true;
      void start(c);
    },
  };
}

function show(c: ChatState, view: Pick<DraftView, 'reply' | 'receipt'>) {
  const { t } = c;
  const actions = controlActions(c);
  const r = view.reply;
  const again = c.lastTyped && r.error && r.field?.id === c.lastTyped.field ? c.lastTyped.text : undefined;
  c.reply = r;
  c.progress.textContent =
    r.kind === 'question' || r.kind === 'review' ? t.progress(r.progress.answered, r.progress.total) : '';
  switch (r.kind) {
    case 'question':
    case 'help':
      if (r.error) say(c, r.error, 'error');
      else if (r.warning) say(c, r.warning, 'warning');
      else say(c, r.text, 'bot');
      setControls(c, questionControls(r, t, actions, again));
      return;
    case 'review':
      say(c, r.error ?? t.reviewIntro, r.error ? 'error' : 'bot');
      setControls(c, reviewControls(r, t, actions), true);
      return;
    case 'submitted':
      say(c, r.text, 'bot');
      c.o.store.clear();
      setControls(c, submittedControls(view.receipt, c.o.statusUrl, t, actions));
      return;
    case 'cancelled':
      say(c, r.text, 'bot');
      c.o.store.clear();
      setControls(c, restartControls(t, actions));
      return;
  }
}

/** Handles a failed call; `again` repeats exactly the same request. */
function failed(c: ChatState, out: Exclude<Outcome, { ok: true }>, again: () => void) {
  switch (out.kind) {
    case 'offline':
    case 'server':
      offerRetry(c, out.kind, again);
      return;
    case 'gone':
      c.o.store.clear();
      c.draft = undefined;
      c.reply = undefined;
      say(c, c.t.expired, 'error');
      void start(c);
      return;
    case 'conflict':
      if (out.message) say(c, out.message, 'error');
      show(c, { reply: out.reply });
      return;
    case 'rejected':
      say(c, out.message, 'error');
      return;
  }
}

async function start(c: ChatState): Promise<void> {
  setBusy(c, true);
  const out = await c.o.api.start(c.o.jurisdiction);
  setBusy(c, false);
  if (!out.ok) return failed(c, out, () => void start(c));
  if (!out.view.token) return failed(c, { ok: false, kind: 'server' }, () => void start(c));
  c.draft = { draftId: out.view.draftId, token: out.view.token, idempotencyKey: newIdempotencyKey() };
  c.o.store.save(c.draft);
  show(c, out.view);
  // A portal that presets the area says so at once, with a way to change it.
  const where = out.view.reply.destination;
  if (where) {
    const { t } = c;
    c.log.append(
      h(
        'div',
        { class: 'destination' },
        h('p', {}, t.destination(where.area)),
        button(t.changeDestination, () => controlActions(c).edit(where.field, t.changeDestination), {
          class: 'change-destination',
        }),
      ),
    );
  }
}

async function resume(c: ChatState): Promise<void> {
  const stored = c.o.store.load();
  if (!stored) return start(c);
  setBusy(c, true);
  const out = await c.o.api.read(stored.draftId, stored.token);
  setBusy(c, false);
  if (!out.ok) return failed(c, out, () => void resume(c));
  c.draft = stored;
  show(c, out.view);
}

async function send(c: ChatState, input: Input, echo: string, field?: string): Promise<void> {
  if (!c.draft || c.busy) return;
  c.wantFocus = true;
  setBusy(c, true);
  const d = c.draft;
  const out =
    input.type === 'submit'
      ? await c.o.api.submit(d.draftId, d.token, d.idempotencyKey)
      : await c.o.api.turn(d.draftId, d.token, input, field);
  setBusy(c, false);
  if (!out.ok) return failed(c, out, () => void send(c, input, echo, field));
  say(c, echo, 'me');
  show(c, out.view);
}

function activate(c: ChatState, focus: boolean): Promise<void> {
  c.wantFocus = focus;
  if (c.reply) {
    if (focus) (c.controls?.focus ?? c.controlsSlot.querySelector<HTMLElement>('button, input, textarea'))?.focus();
    return Promise.resolve();
  }
  c.activating ??= resume(c).finally(() => {
    c.activating = undefined;
  });
  return c.activating;
}

function showIntro(c: ChatState) {
  say(c, c.t.intro, 'bot');
  setControls(c, {
    el: h(
      'div',
      { class: 'row' },
      button(c.t.start, () => void activate(c, true), { class: 'primary' }),
    ),
  });
}

export function createChat(o: ChatOptions): Chat {
  const { t } = o;
  const progress = h('p', { class: 'progress' });
  // Focusable so keyboard users can scroll back through the conversation.
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.logLabel, tabindex: '0' });
  const controlsSlot = h('div', { class: 'controls' });
  const status = h('div', { class: 'status' });
  const composer = h('div', { class: 'composer' }, controlsSlot, status);
  const el = h('div', { class: 'chat' }, progress, log, composer);
  const c: ChatState = {
    o,
    t,
    el,
    progress,
    log,
    controlsSlot,
    status,
    composer,
    busy: false,
    wantFocus: false,
  };
  return {
    el,
    activate: (focus) => activate(c, focus),
    showIntro: () => showIntro(c),
    hasStoredDraft: () => o.store.load() !== undefined,
  };
}
