// Public API of notifications: the dispatcher, the Telegram claim and link flows, the Bot API helpers and
// the officers' outbox view.
export { dispatchAfterResponse } from './after-response';
export { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './backoff';
export { defaultSenders } from './channels/index';
export {
  type DispatchOptions,
  type DispatchResult,
  dispatch,
  dispatchSoon,
  NOTIFY_KINDS,
} from './dispatcher';
export { ALERT_KIND, FAN_OUT_KINDS } from './fan-out';
export {
  type AlertMessage,
  buildAlert,
  CLAIM_PREFIX,
  type InlineKeyboard,
  renderPlain,
  renderTelegramHtml,
  telegramKeyboard,
} from './format';
export { limiterFor, RateLimiter } from './rate-limit';
export {
  REPORTER_MESSAGE_KIND,
  reporterMessageHtml,
} from './reporter-message';
export { notifyRoutes } from './routes';
export { type TelegramApi, type TelegramResult, telegramApi, telegramApiFromConfig } from './telegram-api';
export {
  claimFromTelegram,
  LINK_HINT,
  type TelegramClaimInput,
  type TelegramClaimResult,
} from './telegram-claim';
export { issueLinkCode, type LinkResult, linkTelegramOfficer, normalizeLinkCode } from './telegram-link';
export type { ChannelSender, ChatSender, Senders, SendResult } from './types';
export { NOTICES, type Notice } from './types';
