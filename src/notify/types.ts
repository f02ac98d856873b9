// What a channel sender promises the dispatcher: a tagged result, never a thrown error for a refusal.
import type { ChannelType, NotifyChannel } from '../../db/repo/channels';
import type { AlertMessage } from './format';

/** What an officers' channel message is about; its first line says so (see buildAlert). */
export const NOTICES = [
  'report_alert',
  // A report that joined an open case (one incident, one case): one short 续报 line, not a new full alert.
  'case_follow_up',
  'annex4_reminder',
  'annex4_escalation',
  'annex4_submitted',
  'reporter_replied',
  'major_risk_followup',
  'annex4_returned',
  // An officer marked the case urgent or not urgent (with the new Annex 4 deadline).
  'urgency_marked',
  'warning_issued',
  'warning_lifted',
] as const;
export type Notice = (typeof NOTICES)[number];

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      /** Kept as the row's last_error: status, robot code and message, never a URL (it holds the key). */
      error: string;
      /** 429 / a robot's rate-limit code: wait at least this long before the next try. */
      retryAfterMs?: number;
      /** Retrying cannot help (wrong URL, bot removed from the chat): the row goes dead at once. */
      permanent?: boolean;
    };

export type ChannelSender = (channel: NotifyChannel, message: AlertMessage) => Promise<SendResult>;

export type Senders = Record<ChannelType, ChannelSender>;

/** Sends a reporter's private-chat message (Telegram HTML) to a chat id. */
export type ChatSender = (chatId: string, html: string) => Promise<SendResult>;
