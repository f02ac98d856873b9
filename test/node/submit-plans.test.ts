// The submit's 续报 lookup (openCaseOf, db/repo/reports.ts) is evaluated inside the submit batch for every
// report: its plan must be index lookups by USCC and by name key, never a walk of the reports in submission
// order. Planned on a database of generated reports with ANALYZE statistics, where (as in the bench) most
// rows have neither a USCC nor a name key — the statistics that misled the planner into that walk.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/generate';
import type { Db } from '../../db/client';
import { type OpenedDb, openLibsql } from '../../db/libsql';
import { employerKey, nameKeyOf, submissionStatements } from '../../db/repo/reports';
import { tempDir } from './helpers';

const tmp = tempDir();
let opened: OpenedDb;
let db: Db;
const now = new Date('2026-11-25T02:00:00.000Z');

beforeAll(async () => {
  opened = await openLibsql(`file:${join(tmp.dir, 'submit-plans.db')}`);
  db = opened.db;
  await generateReports(db, 3000, { now, days: 90, seed: 11 }); // ends with ANALYZE
});
afterAll(() => {
  opened.close();
  tmp.cleanup();
});

function reportInsert(uscc: string | null) {
  const unitName = '长春市计划测试有限公司';
  const statements = submissionStatements(db, {
    report: {
      id: 'r_plan',
      receipt: 'CC-2026-PLAN01',
      employerId: 'e_plan',
      jurisdictionId: '220102',
      channel: 'web',
      unitName,
      uscc,
      nameKey: nameKeyOf('220102', unitName),
      reporterName: '王某',
      reporterPhone: '13800138000',
      answers: {},
      items: ['M05'],
      assessment: {},
      rulesetVersion: 'test',
      severity: 'medium',
      urgency: 'within_24h',
      submittedAt: now,
      annex4DueAt: new Date(now.getTime() + 86_400_000),
    },
    employer: {
      id: 'e_plan',
      key: employerKey(uscc, '220102', unitName),
      name: unitName,
      jurisdictionId: '220102',
      updatedAt: now,
    },
    outboxId: 'o_plan',
  });
  const insert = statements
    .map((s) => (s as { toSQL?: () => { sql: string; params: unknown[] } }).toSQL?.())
    .find((q) => q?.sql.startsWith('insert into "reports"'));
  if (!insert) throw new Error('no report insert in the submit batch');
  return insert;
}

async function planOf(q: { sql: string; params: unknown[] }): Promise<string[]> {
  const rows = await opened.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never });
  return rows.rows.map((r) => String(r.detail));
}

describe('the submit’s 续报 lookup', () => {
  it('with a USCC: one lookup by USCC and one by name key, no walk of reports', async () => {
    const plan = await planOf(reportInsert('91220101MA0000000X'));
    const text = plan.join(' | ');
    expect(text).toMatch(/SEARCH oc USING INDEX reports_uscc_idx \(uscc=\?\)/);
    expect(text).toMatch(/SEARCH oc USING INDEX reports_name_key_idx \(name_key=\?\)/);
    expect(text).not.toMatch(/SCAN oc|reports_window_idx/);
  });

  it('without a USCC: one lookup by name key', async () => {
    const text = (await planOf(reportInsert(null))).join(' | ');
    expect(text).toMatch(/SEARCH oc USING INDEX reports_name_key_idx \(name_key=\?\)/);
    expect(text).not.toMatch(/SCAN oc|reports_window_idx|reports_uscc_idx/);
  });
});
