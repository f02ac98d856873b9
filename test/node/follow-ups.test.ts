// Follow-up reports (续报) after Annex 4 (issue 16 point 5): a later report on the same employer joins the case
// and is listed on the case's timeline — saying it came after Annex 4 — and in the Annex 4 DOCX.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { M05_ANSWERS } from '../support/conversation';
import { docxText } from './console-docx-text';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'follow-ups-after-annex4';
let host: NodeHost;
let officer: SignedIn;

const ANNEX4 = {
  reportingUnit: '南关区协调劳动关系三方委员会办公室',
  filledAt: '2026-11-25',
  title: '拖欠工资',
  level: '3',
  levelNote: '涉及 40 人。',
  basicSituation: '拖欠 40 名职工两个月工资。',
  causeAnalysis: '资金周转困难。',
  trend: '平稳。',
  measures: '已约谈企业负责人。',
  nextSteps: '督促补发。',
  remarks: '无',
  headOfOffice: '赵主任',
  filledBy: '张伟',
  contactPhone: '0431-88990011',
};

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now, defer: () => {} });
  await createOfficer(host.deps.db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  officer = await signIn(fetcherFor(host.url), 'nanguan', PASSWORD);
});
afterAll(async () => {
  await host?.stop();
  tmp.cleanup();
});

describe('续报 after Annex 4', () => {
  it('is on the case timeline and in the Annex 4 DOCX', async () => {
    const f = fetcherFor(host.url);
    const first = await submitReport(f, host.deps.db, M05_ANSWERS, { sameEmployer: true });
    expect((await officer.post(`/console/cases/${first.reportId}/claim`, {})).status).toBe(303);
    const filed = await officer.post(`/console/cases/${first.reportId}/annex4`, {
      ...ANNEX4,
      action: 'submit',
      confirmed: 'yes',
    });
    expect(filed.status).toBe(303);
    clock.advance(3 * 3_600_000);
    const later = await submitReport(f, host.deps.db, M05_ANSWERS, { sameEmployer: true });
    expect(later.joinedCase?.receipt).toBe(first.receipt);

    const page = await (await officer.get(`/console/cases/${first.reportId}`)).text();
    const timeline = page.slice(page.indexOf('<ol class="timeline">'));
    expect(timeline).toContain(`续报（回执号 ${later.receipt}`);
    expect(timeline).toContain('附件4报送后');
    // Placed by time: after the Annex 4 submission.
    expect(timeline.indexOf('报送附件4')).toBeLessThan(timeline.indexOf(`回执号 ${later.receipt}`));

    const docx = await officer.get(`/console/cases/${first.reportId}/annex4.docx`);
    expect(docx.status).toBe(200);
    const text = docxText(new Uint8Array(await docx.arrayBuffer()));
    expect(text).toContain('续报情况（共 1 份）');
    expect(text).toContain(`续报（回执号 ${later.receipt}`);
  });
});
