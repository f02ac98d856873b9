import type { Db } from '../../../db/client';
import { findInbound } from '../../../db/repo/inbound';
import type { Locale } from '../../http/locale';
import type { Input, RawAnswer } from '../../intake/index';
import type { IntakeService, TurnResult } from '../../service/intake-service';

// Stores a checked /report form through the intake service, like any other channel: a 'form' draft
// started with the answers as its preset, the few questions the preset cannot settle (skipped optional
// fields, confirmed warnings) answered as turns, then one idempotent submit. The submission key comes from
// the form page, so posting the same page twice (double click, refresh) yields one report.

const MAX_TURNS = 100;

export class FormSubmitError extends Error {
  override name = 'FormSubmitError';
}

export async function submitForm(
  intake: IntakeService,
  db: Db,
  opts: { locale: Locale; answers: Record<string, RawAnswer>; submissionKey: string },
): Promise<{ receipt: string }> {
  const key = `form-${opts.submissionKey}`;
  // A repeat of an already submitted page: answer its receipt without starting another draft.
  const earlier = await findInbound(db, `idem:${key}`);
  const earlierReceipt = (earlier?.response as TurnResult | undefined)?.receipt;
  if (earlierReceipt) return { receipt: earlierReceipt };

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
  const result = await intake.submitOnce(started.draftId, started.token, key);
  if (!result.receipt) throw new FormSubmitError('the submit produced no receipt');
  return { receipt: result.receipt };
}
