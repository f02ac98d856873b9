// Officers' free text is cleaned like reporters': control characters and bidi overrides never reach the
// database (notes, messages to the reporter, Annex 4 fields, JSON API reasons), line breaks and tabs stay,
// and passwords pass exactly as typed.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annex4, reportEvents, warningDecisions } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { cleanOfficerText } from '../../src/http/clean-input';
import { M05_ANSWERS, M09_ANSWERS } from '../support/conversation';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
// U+202E (right-to-left override), U+2066 (isolate), U+200B (zero width), BEL, NUL, DEL and a C1 control.
const NASTY = '\u202E已电话\u2066联系\u200B\u0007\u0000\u007F\u0085';
let host: NodeHost;
let f: ReturnType<typeof fetcherFor>;
let zhang: SignedIn;
let city: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'app.db')), { clock: clock.now });
  f = fetcherFor(host.url);
  await createOfficer(host.deps.db, {
    username: 'zhang',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  await createOfficer(host.deps.db, {
    username: 'city',
    displayName: '市办王',
    password: PASSWORD,
    role: 'city_officer',
  });
  zhang = await signIn(f, 'zhang', PASSWORD);
  city = await signIn(f, 'city', PASSWORD);
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

/** The planted characters still present in a text (empty when cleaned). */
const planted = (text: string) => [...text].filter((ch) => ['\u202E', '\u2066', '\u200B', '\u0007'].includes(ch));

const eventData = async (reportId: string, type: string) => {
  const rows = await host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, type)));
  return rows.map((r) => r.data as Record<string, unknown>);
};

describe('officer text', () => {
  it('removes control and bidi characters but keeps line breaks, tabs and the zero-width joiner', () => {
    expect(cleanOfficerText(`第一行\r\n第二行\t${NASTY}👩\u200D💻`)).toBe('第一行\n第二行\t已电话联系👩\u200D💻');
  });

  it('stores a case note and a message to the reporter without U+202E and other controls', async () => {
    const { reportId } = await submitReport(f, host.deps.db, M05_ANSWERS);
    expect((await zhang.post(`/console/cases/${reportId}/claim`, {})).status).toBe(303);
    const note = await zhang.post(`/console/cases/${reportId}/notes`, {
      text: `${NASTY}\n第二行\t完`,
      nonce: 'n-officer-text-1',
    });
    expect(note.status).toBe(303);
    const [stored] = await eventData(reportId, 'note');
    expect(stored?.text).toBe('已电话联系\n第二行\t完');

    expect((await zhang.post(`/console/cases/${reportId}/messages`, { text: `请回电\u202E${NASTY}` })).status).toBe(
      303,
    );
    const [message] = await eventData(reportId, 'message_out');
    expect(message?.text).toBe('请回电已电话联系');
    // The page shows what is stored: no override reaches the HTML either.
    const page = await (await zhang.get(`/console/cases/${reportId}`)).text();
    expect(planted(page)).toEqual([]);
  });

  it('cleans every Annex 4 text field', async () => {
    const { reportId } = await submitReport(f, host.deps.db, M09_ANSWERS);
    expect((await zhang.post(`/console/cases/${reportId}/claim`, {})).status).toBe(303);
    const res = await zhang.post(`/console/cases/${reportId}/annex4`, {
      reportingUnit: `南关区\u202E协调办`,
      filledAt: '2026-11-25',
      title: `职工\u2067堵门`,
      level: '1',
      basicSituation: `第一段\u0000\n第二段`,
      action: 'save',
    });
    expect(res.status).toBe(303);
    const [row] = await host.deps.db.select().from(annex4).where(eq(annex4.reportId, reportId));
    const data = row?.data as Record<string, unknown>;
    expect(data.reportingUnit).toBe('南关区协调办');
    expect(data.title).toBe('职工堵门');
    expect(data.basicSituation).toBe('第一段\n第二段');
  });

  it('cleans the JSON API too (a warning decision reason)', async () => {
    const res = await f('/console/api/warning/decisions', {
      method: 'POST',
      headers: { cookie: city.cookie, 'content-type': 'application/json', 'x-csrf-token': city.csrf },
      body: JSON.stringify({ level: 0, reason: `本期平稳\u202E，无需预警\u0007`, issue: false }),
    });
    expect(res.status).toBeLessThan(300);
    const [decision] = await host.deps.db.select().from(warningDecisions);
    const stored = JSON.stringify(decision);
    expect(planted(stored)).toEqual([]);
    expect(stored).not.toContain('\\u0007'); // JSON would escape a BEL left in
    expect(JSON.stringify(decision)).toContain('本期平稳，无需预警');
  });

  it('leaves passwords exactly as typed', async () => {
    const odd = 'pass\u202Eword with bidi 12';
    const res = await zhang.post('/console/profile/password', { current: PASSWORD, password: odd, confirm: odd });
    expect(res.status).toBe(303);
    // Signing in with the same characters works: the stored hash is of what was typed.
    await signIn(f, 'zhang', odd);
  });
});
