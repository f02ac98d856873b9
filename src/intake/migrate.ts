import * as z from '../zod';
import { type IntakeState, nextPosition, REVIEW, settle } from './engine';

// Stored drafts outlive deployments. Every version ever written is accepted here and brought to the
// current shape; the position is re-derived when the field table has moved under it (a field added
// since the draft was saved is unanswered, so it is asked next, even from the review screen).

export class StateMigrationError extends Error {
  override readonly name = 'StateMigrationError';
}

// Built on first use: starting a new draft (a fresh Worker's first request) never reads a stored one.
const stateV1Schema = z.onFirstUse(() =>
  z.object({
    v: z.literal(1),
    locale: z.catch(z.enum(['zh', 'en']), 'zh'),
    answers: z.catch(z.record(z.string(), z.unknown()), {}),
    skipped: z.catch(z.array(z.string()), []),
    current: z.string(),
    returnTo: z.catch(z.optional(z.literal('review')), undefined),
    history: z.catch(z.array(z.string()), []),
    pendingWarning: z.catch(z.optional(z.object({ field: z.string(), value: z.unknown() })), undefined),
    selection: z.catch(z.optional(z.object({ field: z.string(), values: z.array(z.string()) })), undefined),
    startedAt: z.string(),
  }),
);

export function migrateState(raw: unknown): IntakeState {
  const parsed = stateV1Schema().safeParse(raw);
  if (!parsed.success) throw new StateMigrationError(`unreadable intake state: ${z.prettifyError(parsed.error)}`);
  const s = settle({ ...parsed.data, answers: { ...parsed.data.answers } });
  if (s.current !== REVIEW) return s;
  const next = nextPosition(s);
  return next === REVIEW ? s : { ...s, current: next, returnTo: REVIEW };
}
