// Realistic rows for tests that start from a stored report: the report goes in through the same submit
// batch the intake uses (employer upsert, report, items, audit event, the 'report_submitted' outbox row),
// with an assessment computed by the rules.
import type { Db } from '../../db/client';
import { openLibsql } from '../../db/libsql';
import type { NewNotifyChannel, NotifyChannel } from '../../db/repo/channels';
import { employerKey, submissionStatements } from '../../db/repo/reports';
import { notifyChannels, officers } from '../../db/schema';
import { type AppDeps, cryptoRandom } from '../../src/deps';
import { assess, type ItemCode } from '../../src/rules/index';
import { testConfig } from './helpers';

let seq = 0;
const nextId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(seq++).toString(36).padStart(4, '0')}`;
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function nextReceipt(): string {
  let n = seq++;
  let code = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 31)) code = RECEIPT_ALPHABET.charAt(n % 31) + code;
  return `CC-2026-${code}`;
}

export interface ReportOptions {
  urgent?: boolean;
  jurisdictionId?: string;
  unitName?: string;
  reporterPhone?: string;
  submittedAt?: Date;
  /** Reports share a case only when a test gives them the same USCC (one incident, one case). */
  uscc?: string;
}

const URGENT_FACTS = {
  m05_employees_owed: 60,
  m05_amount_owed: 1_200_000,
  m05_months_in_arrears: 3,
  m09_people_involved: 60,
  m09_place: '厂区南门',
  m09_started_at: '2026-11-25T08:30:00+08:00',
  m09_still_going: true,
  m09_blocking_roads: true,
};
const ROUTINE_FACTS = { m05_employees_owed: 12, m05_amount_owed: 96_000, m05_months_in_arrears: 1 };

/** Stores a submitted report as the intake would; returns its id and the outbox row id. */
export async function insertReport(db: Db, o: ReportOptions = {}): Promise<{ reportId: string; outboxId: string }> {
  const submittedAt = o.submittedAt ?? new Date('2026-11-25T02:00:00.000Z');
  const jurisdictionId = o.jurisdictionId ?? '220102';
  const unitName = o.unitName ?? '长春市示例机械制造有限公司';
  const items: ItemCode[] = o.urgent ? ['M05', 'M09'] : ['M05'];
  const assessment = assess({
    employer: { name: unitName, headcount: 400, district: jurisdictionId },
    items,
    facts: o.urgent ? URGENT_FACTS : ROUTINE_FACTS,
    eventAt: '2026-11-25T08:30:00+08:00',
    reportedAt: submittedAt.toISOString(),
  });
  const reportId = nextId('r');
  const outboxId = nextId('o');
  const employerId = nextId('e');
  const hours = assessment.urgency.level === 'immediate' ? 1 : 24;
  const statements = submissionStatements(db, {
    report: {
      id: reportId,
      receipt: nextReceipt(),
      employerId,
      jurisdictionId,
      channel: 'web',
      locale: 'zh',
      unitName,
      uscc: o.uscc ?? null,
      industry: 'C',
      reporterName: '李协调',
      reporterPhone: o.reporterPhone ?? '13812345678',
      answers: { unit_name: unitName, employee_count: 400 },
      items,
      assessment,
      rulesetVersion: assessment.rulesetVersion,
      severity: assessment.severity.level,
      urgency: assessment.urgency.level,
      late: assessment.late.isLate,
      lateHours: assessment.late.delayHours === null ? null : Math.round(assessment.late.delayHours),
      peopleInvolved: assessment.peopleInvolved,
      groupIncident: assessment.groupIncident,
      eventAt: new Date('2026-11-25T00:30:00.000Z'),
      submittedAt,
      annex4DueAt: new Date(submittedAt.getTime() + hours * 3_600_000),
    },
    employer: {
      id: employerId,
      key: employerKey(null, jurisdictionId, `${unitName}${employerId}`),
      name: unitName,
      jurisdictionId,
      headcount: 400,
      updatedAt: submittedAt,
    },
    outboxId,
  });
  const [first, ...rest] = statements;
  if (!first) throw new Error('submissionStatements returned nothing');
  await db.batch([first, ...rest]);
  return { reportId, outboxId };
}

export async function insertChannel(
  db: Db,
  c: Pick<NewNotifyChannel, 'type' | 'target'> & Partial<NewNotifyChannel>,
): Promise<NotifyChannel> {
  const [row] = await db
    .insert(notifyChannels)
    .values({ id: nextId('ch'), jurisdictionId: '220102', name: `${c.type} robot`, ...c })
    .returning();
  if (!row) throw new Error('channel not inserted');
  return row;
}

export async function insertOfficer(
  db: Db,
  o: { displayName: string; role: 'district_officer' | 'city_officer' | 'admin'; jurisdictionId?: string | null },
) {
  const id = nextId('off');
  await db.insert(officers).values({
    id,
    username: id,
    displayName: o.displayName,
    role: o.role,
    jurisdictionId: o.jurisdictionId ?? null,
    passwordHash: 'scrypt$not-used-here',
  });
  return id;
}

/** App dependencies on a fresh migrated database file, with a manual clock (no HTTP server). */
export async function openDeps(file: string, clock: () => Date, env: Record<string, string> = {}) {
  const opened = await openLibsql(`file:${file}`);
  const deps: AppDeps = {
    db: opened.db,
    config: testConfig(file, { PUBLIC_URL: 'https://report.example.gov.cn', ...env }),
    clock,
    random: cryptoRandom,
    defer: (work) => void work().catch(() => {}),
  };
  return { deps, close: opened.close };
}
