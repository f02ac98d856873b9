// Leased rows → lanes: which destination each row goes to, what it sends, and when it no longer needs
// sending. Officers' channel notices ('report_alert' rows), officers' messages to a reporter's chat
// ('reporter_message'), bots' replies ('bot_reply') and warning notices ('warning_notice', no case behind them).
import { channelsByIds, type NotifyChannel } from '../../db/repo/channels';
import { getJurisdiction, type Jurisdiction } from '../../db/repo/jurisdictions';
import { officerById } from '../../db/repo/officers';
import { type OutboxRow, recentChatSends, recentSends } from '../../db/repo/outbox';
import { findReport, type ReportRow } from '../../db/repo/reports';
import { publicUrl } from '../config';
import type { AppDeps } from '../deps';
import { WECHAT_MESSAGE_KIND, type WechatSender, wechatItem, wechatLane } from '../wechat/outbound';
import { BOT_REPLY_KIND, type BotReply, botReplyPayloadSchema, type ReplyTransport } from './bot-reply';
import { alertPayloadSchema, isStale, staleNote } from './fan-out';
import { buildFollowUpLine } from './follow-up';
import { buildAlert } from './format';
import type { Check, Lane, LaneItem } from './lanes';
import { destinationOf } from './rate-limit';
import { REPORTER_MESSAGE_KIND, reporterMessageHtml, reporterMessagePayloadSchema } from './reporter-message';
import type { ChatSender, Notice, Senders } from './types';
import { WARNING_NOTICE_KIND, warningMessage, warningPayloadSchema } from './warning-notice';

export interface DeliveryContext {
  deps: AppDeps;
  senders: Senders;
  chat: ChatSender;
  replies: ReplyTransport;
  /** Customer-service messages to WeChat users; undefined when the Official Account is not configured. */
  wechat: WechatSender | undefined;
}

type Loader<T> = (id: string) => Promise<T>;

function memo<T>(load: Loader<T>): Loader<T> {
  const hits = new Map<string, Promise<T>>();
  return (id) => {
    let hit = hits.get(id);
    if (!hit) {
      hit = load(id);
      hits.set(id, hit);
    }
    return hit;
  };
}

/** Groups rows into one lane per destination, each in the order the rows were claimed (queue order). */
export async function lanesFor(ctx: DeliveryContext, rows: OutboxRow[]): Promise<Lane[]> {
  const { deps } = ctx;
  const channelIds = [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))];
  const channels = channelIds.length > 0 ? await channelsByIds(deps.db, channelIds) : new Map<string, NotifyChannel>();
  const report = memo((id) => findReport(deps.db, id));
  const jurisdiction = memo((id) => getJurisdiction(deps.db, id));
  const lanes = new Map<string, Lane>();
  const add = (key: { destination: Lane['destination']; recent: Lane['recent'] }, item: LaneItem) => {
    const lane = lanes.get(key.destination.key) ?? { ...key, items: [] };
    lane.items.push(item);
    lanes.set(key.destination.key, lane);
  };
  /** A row that cannot be sent at all: its own lane-less lane, so it is marked dead in order. */
  const broken = (row: OutboxRow, why: string) =>
    add(
      { destination: { key: `broken:${row.id}`, windows: [] }, recent: async () => [] },
      { row, check: async () => ({ dead: why }), send: async () => ({ ok: false, error: why }) },
    );
  const withReport = async (row: OutboxRow, more?: (r: ReportRow) => Check): Promise<Check> => {
    const found = row.reportId ? await report(row.reportId) : undefined;
    if (!found) return { dead: `report ${row.reportId ?? '(none)'} not found` };
    return more?.(found) ?? { go: true };
  };

  for (const row of rows) {
    if (row.kind === WECHAT_MESSAGE_KIND) {
      const item = ctx.wechat ? wechatItem(ctx.wechat, row) : undefined;
      if (!item) {
        broken(row, ctx.wechat ? 'wechat_message payload names no openid or text' : 'WeChat is not configured');
        continue;
      }
      add(wechatLane(item.openid), item.item);
      continue;
    }
    if (row.kind === BOT_REPLY_KIND) {
      const parsed = botReplyPayloadSchema.safeParse(row.payload);
      if (!parsed.success) {
        broken(row, 'bot_reply payload names no chat or messages');
        continue;
      }
      add(replyLane(parsed.data.chatId), replyItem(ctx, row, parsed.data));
      continue;
    }
    if (row.kind === REPORTER_MESSAGE_KIND) {
      const parsed = reporterMessagePayloadSchema.safeParse(row.payload);
      if (!parsed.success) {
        broken(row, 'reporter_message payload names no chat or text');
        continue;
      }
      const { chatId, text } = parsed.data;
      add(
        {
          destination: destinationOf({ type: 'telegram', target: chatId }),
          recent: (since) => recentChatSends(deps.db, row.kind, chatId, since),
        },
        {
          row,
          check: () => withReport(row),
          send: async () => {
            const found = await report(row.reportId ?? '');
            return found ? ctx.chat(chatId, reporterMessageHtml(found, text)) : { ok: false, error: 'report gone' };
          },
        },
      );
      continue;
    }
    const channel = row.channelId ? channels.get(row.channelId) : undefined;
    if (!channel?.enabled) {
      broken(row, channel ? `channel ${channel.name} is disabled` : `channel ${row.channelId ?? '(none)'} not found`);
      continue;
    }
    if (row.kind === WARNING_NOTICE_KIND) {
      // A warning issued or lifted: no case behind it, the payload holds the whole notice.
      const warning = warningPayloadSchema.safeParse(row.payload);
      if (!warning.success) {
        broken(row, 'warning_notice payload is incomplete');
        continue;
      }
      const message = warningMessage(warning.data, channel.locale, publicUrl(deps.config));
      add(
        {
          destination: destinationOf(channel),
          recent: (since) => recentSends(deps.db, channel.type, channel.target, since),
        },
        { row, check: async () => ({ go: true }), send: () => ctx.senders[channel.type](channel, message) },
      );
      continue;
    }
    const payload = alertPayloadSchema.safeParse(row.payload);
    if (!payload.success) {
      broken(row, 'report_alert payload names an unknown notice');
      continue;
    }
    const { notice, count } = payload.data;
    add(
      {
        destination: destinationOf(channel),
        recent: (since) => recentSends(deps.db, channel.type, channel.target, since),
      },
      {
        row,
        check: () => withReport(row, (r) => (isStale(notice, r) ? { skip: staleNote(r) } : { go: true })),
        send: async () => {
          const found = await report(row.reportId ?? '');
          if (!found) return { ok: false, error: 'report gone' };
          return sendNotice(ctx, channel, notice, found, await jurisdiction(found.jurisdictionId), count);
        },
      },
    );
  }
  return [...lanes.values()];
}

async function sendNotice(
  ctx: DeliveryContext,
  channel: NotifyChannel,
  notice: Notice,
  report: ReportRow,
  jurisdiction: Jurisdiction | undefined,
  count: number | undefined,
) {
  if (notice === 'case_follow_up' && report.caseId) return sendFollowUp(ctx, channel, report, report.caseId);
  const message = buildAlert(report, {
    // A later notice names who has claimed the case; the alert itself does not.
    claimant: notice === 'report_alert' ? null : await claimantName(ctx, report.claimedBy),
    locale: channel.locale,
    publicUrl: publicUrl(ctx.deps.config),
    jurisdiction,
    notice,
    now: ctx.deps.clock(),
    ...(count !== undefined && count > 1 ? { count } : {}),
  });
  return ctx.senders[channel.type](channel, message);
}

/** Who has claimed a case, read when a notice is sent (the claim may be newer than the notice). */
async function claimantName(ctx: DeliveryContext, claimedBy: string | null | undefined): Promise<string | null> {
  return claimedBy ? ((await officerById(ctx.deps.db, claimedBy))?.displayName ?? null) : null;
}

/** One short 续报 line: the case joined and who has claimed it, read when sent (the claim may be newer). */
async function sendFollowUp(ctx: DeliveryContext, channel: NotifyChannel, report: ReportRow, caseId: string) {
  const caseRow = await findReport(ctx.deps.db, caseId);
  const line = buildFollowUpLine(report, {
    locale: channel.locale,
    publicUrl: publicUrl(ctx.deps.config),
    caseRow: caseRow ?? report,
    claimantName: await claimantName(ctx, caseRow?.claimedBy),
  });
  return ctx.senders[channel.type](channel, line);
}

/**
 * A bot's replies to one chat: their own lane (not rate limited here — each answers something the person
 * just did, and Telegram allows short bursts in a private chat; a 429 still blocks the lane).
 */
const replyLane = (chatId: string) => ({
  destination: { key: `reply:telegram:${chatId}`, windows: [] },
  recent: async () => [],
});

function replyItem(ctx: DeliveryContext, row: OutboxRow, reply: BotReply): LaneItem {
  let remaining = reply;
  return {
    row,
    check: async () => ({ go: true }),
    send: async () => {
      const out = await ctx.replies(reply);
      remaining = out.remaining;
      return out.result;
    },
    remainingPayload: () => remaining,
  };
}
