// Public API of the conversation core. Pure: no I/O, no clock, no randomness — callers inject them.
export { parseTextCommand } from './commands';
export { displayValue } from './display';
export {
  buildReport,
  CANCELLED,
  type Effect,
  type Input,
  type IntakeReport,
  type IntakeState,
  nextPosition,
  type Position,
  presetAnswers,
  REVIEW,
  type Reply,
  type ReplyField,
  type ReviewLine,
  render,
  STATE_VERSION,
  type StartOptions,
  type StepResult,
  SUBMITTED,
  start,
  startReply,
  startState,
  step,
} from './engine';
export {
  type Answers,
  FIELDS,
  type Field,
  type FieldKind,
  fieldById,
  helpFor,
  type IntakeCtx,
  type Jurisdiction,
  type Option,
  optionsOf,
  type ParseCtx,
  type ParseResult,
  type RawAnswer,
  type Section,
  selectedItems,
  visibleFields,
} from './fields';
export { migrateState, StateMigrationError } from './migrate';
export {
  cleanText,
  type Normalized,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseInteger,
  parseMoney,
  parsePhone,
  toHalfWidth,
} from './normalize';
export { isReceipt, newReceipt, normalizeReceipt } from './receipt';
export { checkUscc, type UsccReason, type UsccResult, usccCheckChar } from './uscc';
