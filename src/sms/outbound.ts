// Text messages through the outbox (kind 'sms'): to reporters who filed by the web, the form, the widget or
// by phone when an officer writes to them or closes their case (receipt + the /status address), and to
// officers when an urgent case is overdue. Caps, checked when a row is sent (any instance may send it):
// - per case, at most one SMS to the reporter an hour: a second "new message" within the hour is skipped (the
//   first already sent them to /status), a "case closed" waits until the hour is over;
// - per number, at most SMS_DAILY_CAP_PER_NUMBER a day (Beijing day, team default 5): more are skipped.
import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { BatchItem, Db } from '../../db/client';
import { claimDue, markDead, markSent, markSkipped, type OutboxRow, reschedule } from '../../db/repo/outbox';
import { outbox } from '../../db/schema';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { recordFailure } from '../notify/outcome';
import * as z from '../zod';
import { type SmsSettings, smsSettings } from './settings';
import { sendSms } from './tencent';

export const SMS_KIND = 'sms';
export const SMS_TEMPLATES = ['message', 'closed', 'overdue'] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

const HOUR_MS = 3_600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
const LEASE_MS = 2 * 60_000;
const LIMIT = 50;

const payloadSchema = z.object({
  phone: z.string().check(z.regex(/^\+\d{6,15}$/)),
  template: z.enum(SMS_TEMPLATES),
  params: z.array(z.string()),
});

/** A mainland number as stored ('13800138000') in E.164; other numbers (landlines) get no SMS. */
export function mobileE164(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : undefined;
}

/**
 * An SMS row, or nothing when SMS is off, the number is not a mobile, or the template is not configured.
 * `dedupeKey` makes it at most once per key (one "new message" row per case and clock hour, one "closed").
 */
export function smsRow(
  db: Db,
  config: AppDeps['config'],
  m: {
    id: string;
    phone: string | null;
    template: SmsTemplate;
    params: string[];
    reportId: string;
    dedupeKey: string;
    now: Date;
  },
): BatchItem | undefined {
  const settings = smsSettings(config);
  const phone = mobileE164(m.phone);
  if (!settings || !phone || !settings.templates[m.template]) return undefined;
  return db
    .insert(outbox)
    .values({
      id: m.id,
      kind: SMS_KIND,
      reportId: m.reportId,
      channelId: null,
      payload: { phone, template: m.template, params: m.params },
      dedupeKey: m.dedupeKey,
      nextAttemptAt: m.now,
      createdAt: m.now,
    })
    .onConflictDoNothing();
}

/** The reporter's SMS for a message from the office: one row per case and clock hour at most. */
export function reporterSmsRow(
  deps: Pick<AppDeps, 'db' | 'config' | 'random'>,
  report: { id: string; receipt: string; reporterPhone: string; reporterChat: string | null },
  template: 'message' | 'closed',
  now: Date,
): BatchItem | undefined {
  // Chat reporters get the message in their chat.
  if (report.reporterChat) return undefined;
  const key =
    template === 'closed'
      ? `sms:closed:${report.id}`
      : `sms:message:${report.id}:${Math.floor(now.getTime() / HOUR_MS)}`;
  return smsRow(deps.db, deps.config, {
    id: newId('o', now, deps.random),
    phone: report.reporterPhone,
    template,
    params: [report.receipt],
    reportId: report.id,
    dedupeKey: key,
    now,
  });
}

export interface SmsDispatchResult {
  sent: number;
  skipped: number;
  deferred: number;
  retried: number;
  dead: number;
}

/** Sends due 'sms' rows. Without SMS settings the rows wait. */
export async function dispatchSms(deps: AppDeps): Promise<SmsDispatchResult> {
  const result: SmsDispatchResult = { sent: 0, skipped: 0, deferred: 0, retried: 0, dead: 0 };
  const settings = smsSettings(deps.config);
  if (!settings) return result;
  const now = deps.clock();
  const owner = newId('sms', now, deps.random);
  const rows = await claimDue(deps.db, {
    owner,
    now,
    leaseUntil: new Date(now.getTime() + LEASE_MS),
    limit: LIMIT,
    kinds: [SMS_KIND],
  });
  for (const row of rows) await sendOne(deps, settings, owner, row, result);
  return result;
}

/** When the last SMS about this case went to the reporter, if within the hour. */
async function lastReporterSms(db: Db, reportId: string, since: Date): Promise<Date | undefined> {
  const [row] = await db
    .select({ sentAt: outbox.sentAt })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, SMS_KIND),
        eq(outbox.reportId, reportId),
        eq(outbox.state, 'sent'),
        gte(outbox.sentAt, since),
        sql`json_extract(${outbox.payload}, '$.template') IN ('message', 'closed')`,
      ),
    )
    .orderBy(desc(outbox.sentAt))
    .limit(1);
  return row?.sentAt ?? undefined;
}

async function sentToday(db: Db, phone: string, now: Date): Promise<number> {
  const local = now.getTime() + BEIJING_OFFSET_MS;
  const dayStart = new Date(local - (local % (24 * HOUR_MS)) - BEIJING_OFFSET_MS);
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, SMS_KIND),
        eq(outbox.state, 'sent'),
        gte(outbox.sentAt, dayStart),
        sql`json_extract(${outbox.payload}, '$.phone') = ${phone}`,
      ),
    );
  return row?.n ?? 0;
}

async function sendOne(deps: AppDeps, settings: SmsSettings, owner: string, row: OutboxRow, result: SmsDispatchResult) {
  const { db } = deps;
  const now = deps.clock();
  const payload = payloadSchema.safeParse(row.payload);
  const templateId = payload.success ? settings.templates[payload.data.template] : undefined;
  if (!payload.success || !templateId) {
    await markDead(db, row.id, owner, row.attempts, 'sms payload or template not usable');
    result.dead++;
    return;
  }
  const { phone, template, params } = payload.data;
  if (template !== 'overdue' && row.reportId) {
    const last = await lastReporterSms(db, row.reportId, new Date(now.getTime() - HOUR_MS));
    if (last && template === 'message') {
      await markSkipped(db, row.id, owner, row.attempts, 'an SMS about this case went out within the hour');
      result.skipped++;
      return;
    }
    if (last) {
      await reschedule(db, row.id, owner, new Date(last.getTime() + HOUR_MS));
      result.deferred++;
      return;
    }
  }
  if ((await sentToday(db, phone, now)) >= settings.dailyCapPerNumber) {
    await markSkipped(
      db,
      row.id,
      owner,
      row.attempts,
      `daily SMS cap (${settings.dailyCapPerNumber}) for this number reached`,
    );
    result.skipped++;
    return;
  }
  const sent = await sendSms(settings, { phone, templateId, params }, Math.floor(now.getTime() / 1000));
  if (sent.ok) {
    await markSent(db, row.id, owner, now, row.attempts + 1);
    result.sent++;
    return;
  }
  result[await recordFailure(db, deps.random, row, owner, now, sent)]++;
}
