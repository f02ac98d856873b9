import type { Locale } from '../../http/locale';
import { sha256Hex } from '../../ids';
import type { Input, RawAnswer } from '../../intake/index';
import type { IntakeService } from '../../service/intake-service';

// Stores a checked /report form through the intake service, like any other channel: a 'form' draft
// started with the answers as its preset, the few questions the preset cannot settle (skipped optional
// fields, confirmed warnings) answered as turns, then one idempotent submit. The submission key comes from
// the form page, so posting the same page twice (double click, refresh) yields one report. The key is scoped
// to what was posted: the same page posted again with other answers (Back, edit, submit) is refused with
// IntakeError 'key_reused' and never answered with the earlier report's receipt.

const MAX_TURNS = 100;

export class FormSubmitError extends Error {
  override name = 'FormSubmitError';
}

/** The form draft's identity: its language and answers, in a stable order. */
export function formScope(locale: Locale, answers: Record<string, RawAnswer>): string {
  const sorted = Object.keys(answers)
    .sort()
    .map((k) => [k, answers[k]]);
  return `form:${sha256Hex(JSON.stringify([locale, sorted]))}`;
}

export async function submitForm(
  intake: IntakeService,
  opts: { locale: Locale; answers: Record<string, RawAnswer>; submissionKey: string },
): Promise<{ receipt: string; joinedCase?: { receipt: string } }> {
  const key = `form-${opts.submissionKey}`;
  const scope = formScope(opts.locale, opts.answers);
  // A repeat of an already submitted page: answer its receipt without starting another draft.
  const earlier = await intake.earlierSubmission(key, scope);
  if (earlier?.receipt) return withJoined(earlier.receipt, earlier.submitted?.joinedCase);

  const started = await intake.startDraft({ channel: 'form', locale: opts.locale, preset: opts.answers });
  let reply = started.reply;
  for (let i = 0; reply.kind === 'question' && i < MAX_TURNS; i++) {
    const id = reply.field?.id ?? '';
    const raw = opts.answers[id];
    // The form was checked with the same parse functions, so a warning here is one the reporter confirmed.
    const input: Input = reply.warning
      ? { type: 'confirm' }
      : raw === undefined
        ? { type: 'skip' }
        : { type: 'answer', value: raw };
    const next = await intake.turn(started.draftId, started.token, input, { expectField: id });
    if (next.reply.error && next.reply.field?.id === id) {
      throw new FormSubmitError(`the engine refused ${id} after the form check passed: ${next.reply.error}`);
    }
    reply = next.reply;
  }
  if (reply.kind !== 'review') throw new FormSubmitError(`expected the review screen, got ${reply.kind}`);
  const result = await intake.submitOnce(started.draftId, started.token, key, scope);
  if (!result.receipt) throw new FormSubmitError('the submit produced no receipt');
  return withJoined(result.receipt, result.submitted?.joinedCase);
}

const withJoined = (receipt: string, joinedCase: { receipt: string } | undefined) =>
  joinedCase ? { receipt, joinedCase } : { receipt };
