// What a channel sender promises the dispatcher: a tagged result, never a thrown error for a refusal.
import type { ChannelType, NotifyChannel } from '../../db/repo/channels';
import type { AlertMessage } from './format';

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
