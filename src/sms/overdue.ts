// An urgent case past its Annex 4 deadline texts the officer who claimed it — or, unclaimed, every officer
// of its district with a phone on file — once (the row's dedupe key per case and number). Run by the tick.
import { and, eq, gt, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { BatchItem } from '../../db/client';
import { officers, outbox, reports } from '../../db/schema';
import type { AppDeps } from '../deps';
import { newId } from '../ids';
import { SMS_KIND, smsRow } from './outbound';
import { smsSettings } from './settings';

/** Cases that went overdue longer ago than this are left alone (they were texted then, or SMS was off). */
const LOOK_BACK_MS = 24 * 3_600_000;
const BATCH = 100;

export async function runOverdueSms(deps: AppDeps): Promise<number> {
  const settings = smsSettings(deps.config);
  if (!settings?.templates.overdue) return 0;
  const { db } = deps;
  const now = deps.clock();
  const cases = await db
    .select({
      id: reports.id,
      receipt: reports.receipt,
      jurisdictionId: reports.jurisdictionId,
      claimedBy: reports.claimedBy,
    })
    .from(reports)
    .where(
      and(
        inArray(reports.status, ['new', 'claimed']),
        eq(reports.urgency, 'immediate'),
        lte(reports.annex4DueAt, now),
        gt(reports.annex4DueAt, new Date(now.getTime() - LOOK_BACK_MS)),
        notInArray(
          reports.id,
          sql`(SELECT ${outbox.reportId} FROM ${outbox} WHERE ${outbox.kind} = ${SMS_KIND} AND ${outbox.dedupeKey} LIKE 'sms:overdue:%')`,
        ),
      ),
    )
    .limit(BATCH);
  if (cases.length === 0) return 0;
  const people = await db
    .select({ id: officers.id, phone: officers.phone, jurisdictionId: officers.jurisdictionId })
    .from(officers)
    .where(
      and(
        eq(officers.disabled, false),
        isNotNull(officers.phone),
        inArray(officers.jurisdictionId, [...new Set(cases.map((c) => c.jurisdictionId))]),
      ),
    );
  const claimants = cases.flatMap((c) => (c.claimedBy ? [c.claimedBy] : []));
  const claimantPhones =
    claimants.length === 0
      ? []
      : await db
          .select({ id: officers.id, phone: officers.phone })
          .from(officers)
          .where(and(inArray(officers.id, claimants), isNotNull(officers.phone)));
  const statements: BatchItem[] = [];
  for (const c of cases) {
    const claimant = claimantPhones.find((o) => o.id === c.claimedBy);
    const to = claimant ? [claimant] : people.filter((o) => o.jurisdictionId === c.jurisdictionId);
    for (const officer of to) {
      const row = smsRow(db, deps.config, {
        id: newId('o', now, deps.random),
        phone: officer.phone,
        template: 'overdue',
        params: [c.receipt],
        reportId: c.id,
        dedupeKey: `sms:overdue:${c.id}:${officer.id}`,
        now,
      });
      if (row) statements.push(row);
    }
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return statements.length;
}
