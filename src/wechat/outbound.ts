// Customer-service messages (客服消息) through the outbox: officers' messages to a WeChat reporter and the
// rest of a reply too long for one passive message. Rows of kind 'wechat_message' are sent by the outbox
// dispatcher (src/notify) in one lane per WeChat user, retried on the outbox's backoff. A user who has not written for 48 hours (45015)
// or otherwise cannot be reached is not retried: the row goes dead and the case timeline tells the officer
// to call the reporter instead.
import type { BatchItem, Db } from '../../db/client';
import type { OutboxRow } from '../../db/repo/outbox';
import { joinedOrPlain } from '../../db/repo/reports';
import { outbox, reportEvents } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { LaneItem } from '../notify/lanes';
import type { SendResult } from '../notify/types';
import * as z from '../zod';
import { wechatApi } from './api';
import { wechatSettings } from './settings';
import { WX } from './texts';

export const WECHAT_MESSAGE_KIND = 'wechat_message';

const payloadSchema = z.object({
  openid: z.string().check(z.minLength(1), z.maxLength(128)),
  text: z.string().check(z.minLength(1)),
});

export function wechatMessageRow(
  db: Db,
  m: {
    id: string;
    openid: string;
    text: string;
    reportId: string | null;
    dedupeKey: string;
    now: Date;
    /** A submit's message: this text instead when the report joins an open case (see joinedOrPlain). */
    joined?: { text: string; reportId: string };
  },
): BatchItem {
  const payload = { openid: m.openid, text: m.text };
  return db
    .insert(outbox)
    .values({
      id: m.id,
      kind: WECHAT_MESSAGE_KIND,
      reportId: m.reportId,
      channelId: null,
      payload: m.joined ? joinedOrPlain({ ...payload, text: m.joined.text }, payload, m.joined.reportId) : payload,
      dedupeKey: m.dedupeKey,
      nextAttemptAt: m.now,
      createdAt: m.now,
    })
    .onConflictDoNothing();
}

/** An officer's message as the reporter reads it in WeChat: the receipt first, how to answer last. */
export function officeMessageText(receipt: string, text: string): string {
  return [WX.officeHeader(receipt), text.trim(), '', WX.officeFooter].join('\n');
}

/** Sends one customer-service message for a row; an unreachable user also gets a note on the case timeline. */
export type WechatSender = (row: OutboxRow, openid: string, text: string) => Promise<SendResult>;

/** The sender for this deployment, or undefined when the Official Account is not configured. */
export function wechatSender(deps: AppDeps): WechatSender | undefined {
  const settings = wechatSettings(deps.config);
  if (!settings) return undefined;
  const api = wechatApi(deps, settings);
  return async (row, openid, text) => {
    const sent = await api.sendText(openid, text);
    if (sent.ok) return { ok: true };
    if (sent.unreachable && row.reportId) {
      // Not retried (permanent): the officer is told on the case timeline to call instead.
      await deps.db.insert(reportEvents).values({
        reportId: row.reportId,
        at: deps.clock(),
        actorType: 'system',
        actorId: null,
        type: 'message_undeliverable',
        data: { channel: 'wechat', errcode: sent.errcode ?? null, advice: 'call' },
      });
    }
    return { ok: false, error: sent.error, ...(sent.unreachable || sent.permanent ? { permanent: true } : {}) };
  };
}

/** One lane per WeChat user, so a long reply's parts go out in order; the platform's limits are per account. */
export const wechatLane = (openid: string) => ({
  destination: { key: `wechat:${openid}`, windows: [] },
  recent: async () => [],
});

export function wechatItem(send: WechatSender, row: OutboxRow): { openid: string; item: LaneItem } | undefined {
  const payload = payloadSchema.safeParse(row.payload);
  if (!payload.success) return undefined;
  const { openid, text } = payload.data;
  return { openid, item: { row, check: async () => ({ go: true }), send: () => send(row, openid, text) } };
}
