import { bilingual, textOf } from '../messages/index';
import type { Text } from '../rules/index';

// Fixed sentences the conversation engine says, in both languages, from the message catalogue (group
// `intake`). Field prompts live in fields.ts.

export const MSG = {
  welcome: bilingual('intake', 'welcome'),
  welcomeCommands: bilingual('intake', 'welcomeCommands'),
  requiredNoSkip: bilingual('intake', 'requiredNoSkip'),
  firstQuestion: bilingual('intake', 'firstQuestion'),
  nothingToConfirm: bilingual('intake', 'nothingToConfirm'),
  notAnOption: bilingual('intake', 'notAnOption'),
  notMulti: bilingual('intake', 'notMulti'),
  submitFromReview: bilingual('intake', 'submitFromReview'),
  answerAtReview: bilingual('intake', 'answerAtReview'),
  unknownField: bilingual('intake', 'unknownField'),
  reviewHeader: bilingual('intake', 'reviewHeader'),
  reviewFooter: bilingual('intake', 'reviewFooter'),
  submitted: bilingual('intake', 'submitted'),
  alreadySubmitted: bilingual('intake', 'alreadySubmitted'),
  cancelled: bilingual('intake', 'cancelled'),
  helpCommands: bilingual('intake', 'helpCommands'),
  selectionHint: bilingual('intake', 'selectionHint'),
  keepOrRetype: bilingual('intake', 'keepOrRetype'),
  missingRequired: (label: Text): Text => ({
    zh: textOf('intake', 'zh').missingRequired(label.zh),
    en: textOf('intake', 'en').missingRequired(label.en),
  }),
  skippedMark: bilingual('intake', 'skippedMark'),
  requiredMark: bilingual('intake', 'requiredMark'),
} as const;
