import type { Locator, Page } from 'playwright-core';

// Drives the widget the way a reporter does (clicks and typing inside its open shadow root; Playwright's
// CSS locators pierce it), answering whatever it asks from a table of answers by field id.

export const HOST_TAG = 'cc-labor-report';

export function widget(page: Page) {
  const root = page.locator(HOST_TAG);
  return {
    root,
    launcher: root.locator('button.launcher'),
    panel: root.locator('.panel'),
    question: root.locator('.question'),
    input: root.locator('#cc-input'),
    review: root.locator('ul.review'),
    messages: root.locator('.log .msg'),
    retry: root.locator('button.retry'),
  };
}

/** The number of messages in the log: every completed turn adds at least one. */
function messageCount(page: Page): Promise<number> {
  return page.evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.querySelectorAll('.log .msg').length ?? 0,
    HOST_TAG,
  );
}

/** Runs `act` and waits until the widget has answered it (a new message and not busy). */
export async function turn(page: Page, act: () => Promise<void>): Promise<void> {
  const before = await messageCount(page);
  await act();
  await page.waitForFunction(
    ({ tag, n }) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const busy = root?.querySelector('.composer')?.getAttribute('aria-busy') === 'true';
      return !busy && (root?.querySelectorAll('.log .msg').length ?? 0) > n;
    },
    { tag: HOST_TAG, n: before },
  );
}

/** The field id the widget is asking now, or 'review' / 'done'. */
export async function currentStep(page: Page): Promise<string> {
  const w = widget(page);
  if (await w.review.isVisible()) return 'review';
  if (await w.root.locator('.receipt').isVisible()) return 'done';
  return (await w.question.getAttribute('data-field')) ?? '';
}

/** Answers the current question from `answers` (strings for typed fields, option values for buttons). */
export async function answerCurrent(page: Page, answers: Record<string, unknown>): Promise<string> {
  const w = widget(page);
  const field = (await w.question.getAttribute('data-field')) ?? '';
  const kind = (await w.question.getAttribute('data-kind')) ?? '';
  const value = answers[field];
  if (value === undefined) {
    await turn(page, () => w.question.getByRole('button', { name: /跳过|Skip/ }).click());
    return field;
  }
  const button = (v: string) => w.question.locator(`.options button[data-value="${v}"]`);
  if (kind === 'multi') {
    for (const v of value as string[]) await button(v).click();
    await turn(page, () => w.question.locator('button.done').click());
  } else if (kind === 'choice') {
    await turn(page, () => button(String(value)).click());
  } else if (kind === 'boolean') {
    const yes = value === true || /^(是|yes|true)$/i.test(String(value));
    await turn(page, () => button(String(yes)).click());
  } else {
    await w.input.fill(String(value));
    // Enter sends a one-line answer; a textarea needs its send button (or Ctrl+Enter).
    await turn(page, () => (kind === 'longtext' ? w.input.press('Control+Enter') : w.input.press('Enter')));
  }
  return field;
}

/** Answers until `stop` is reached (a field id, or 'review'). */
export async function answerUntil(page: Page, answers: Record<string, unknown>, stop: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const step = await currentStep(page);
    if (step === stop) return;
    if (step === 'review' || step === 'done') throw new Error(`reached ${step} before ${stop}`);
    if (process.env.DEBUG_WIDGET) console.log('answering', step);
    await answerCurrent(page, answers);
  }
  throw new Error(`never reached ${stop}`);
}

export function lastMessage(page: Page): Locator {
  return widget(page).messages.last();
}
