// Cases stored directly through the same statements intake uses (report, items, employer, rollup), so the
// city desk tests can lay out weeks of cases across areas in milliseconds.
import type { Db } from '../../db/client';
import { employerKey, reportRecordStatements } from '../../db/repo/reports';
import type { reports } from '../../db/schema';

type Status = (typeof reports.$inferSelect)['status'];

export interface CaseSpec {
  id: string;
  area: string;
  items: string[];
  at: string | Date;
  industry?: string | null;
  channel?: 'web' | 'widget' | 'telegram' | 'form' | 'officer';
  status?: Status;
  urgent?: boolean;
  /** Hours from submission to the Annex 4 deadline (default 24). */
  dueHours?: number;
  unit?: string;
  late?: boolean;
  unreported?: boolean;
  people?: number;
}

export async function storeCases(db: Db, specs: CaseSpec[]): Promise<void> {
  for (const s of specs) {
    const at = new Date(s.at);
    const unit = s.unit ?? `长春测试企业${s.id}有限公司`;
    const employerId = `e_${s.id}`;
    const [first, ...rest] = reportRecordStatements(
      db,
      {
        id: s.id,
        receipt: `CC-T-${s.id}`,
        employerId,
        jurisdictionId: s.area,
        channel: s.channel ?? 'web',
        unitName: unit,
        industry: s.industry === undefined ? 'C' : s.industry,
        reporterName: '测试人',
        reporterPhone: '13800138000',
        answers: {},
        items: s.items,
        assessment: {},
        rulesetVersion: 'test',
        severity: s.urgent ? 'high' : 'medium',
        urgency: s.urgent ? 'immediate' : 'within_24h',
        late: s.late ?? false,
        unreported: s.unreported ?? false,
        peopleInvolved: s.people ?? 5,
        groupIncident: (s.people ?? 5) >= 10,
        submittedAt: at,
        status: s.status ?? 'new',
        annex4DueAt: new Date(at.getTime() + (s.dueHours ?? 24) * 3_600_000),
      },
      {
        id: employerId,
        key: employerKey(null, s.area, unit),
        name: unit,
        jurisdictionId: s.area,
        updatedAt: at,
      },
    );
    if (first) await db.batch([first, ...rest]);
  }
}
