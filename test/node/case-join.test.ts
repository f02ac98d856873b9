// One incident, one case: a report on an employer that already has an open case joins it as a follow-up
// (续报) — through the API (web and widget drafts), the plain form and Telegram. The reporter is told which
// case it joined, officers get one short 续报 line (not a second full alert), the case list and the regional
// counts count the case once, and the employer record keeps the name the first report gave.
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { regionalMetrics } from '../../db/repo/regional';
import { employers, outbox, reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import type { Input } from '../../src/intake/index';
import { createIntakeService } from '../../src/service/intake-service';
import { inputFor, M05_ANSWERS, M09_ANSWERS, otherEmployer } from '../support/conversation';
import { tgUpdate } from '../support/telegram';
import { BOT_TOKEN, botMessagesTo, startEmulator, WEBHOOK_SECRET, waitFor } from './bot-helpers';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { insertChannel } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'one-incident-one-case-2026';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let host: NodeHost;
let district: Robot;
let city: Robot;
let officer: SignedIn;
const deferred: (() => Promise<unknown>)[] = [];
const settle = async () => {
  const work = deferred.splice(0);
  await Promise.all(work.map((run) => run()));
};

// The case every later report joins: same USCC, another channel each time.
const EMPLOYER = M05_ANSWERS;
let caseReport: { reportId: string; receipt: string };

beforeAll(async () => {
  emulator = await startEmulator();
  const config = testConfig(join(tmp.dir, 'app.db'), {
    PUBLIC_URL: 'https://report.example.gov.cn',
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  host = await startNodeHost(config, { clock: clock.now, defer: (work) => void deferred.push(work) });
  district = await startRobot('wecom', clock.now);
  city = await startRobot('feishu', clock.now);
  await insertChannel(host.deps.db, { type: 'wecom', target: district.url, jurisdictionId: '220102' });
  await insertChannel(host.deps.db, { type: 'feishu', target: city.url, jurisdictionId: null });
  await createOfficer(host.deps.db, {
    username: 'nanguan',
    displayName: '张伟',
    password: PASSWORD,
    role: 'district_officer',
    jurisdictionId: '220102',
  });
  officer = await signIn(fetcherFor(host.url), 'nanguan', PASSWORD);
  caseReport = await submitReport(fetcherFor(host.url), host.deps.db, EMPLOYER, { sameEmployer: true });
  await settle();
});
afterAll(async () => {
  await settle();
  await host?.stop();
  await district?.close();
  await city?.close();
  await emulator?.stop();
  tmp.cleanup();
});

const lastText = (r: Robot) => JSON.stringify(r.received.at(-1)?.body ?? '');
const caseIdOf = async (receipt: string) =>
  (await host.deps.db.select({ caseId: reports.caseId }).from(reports).where(eq(reports.receipt, receipt)))[0]?.caseId;

describe('one incident, one case', () => {
  it('API (web draft): joins the open case, names it in the reply and the JSON; officers get one 续报 line', async () => {
    const before = district.received.length;
    const renamed = { ...EMPLOYER, unit_name: '长春市示例机械制造有限公司（改名）', headcount: '9,999' };
    const r = await submitReport(fetcherFor(host.url), host.deps.db, renamed, { sameEmployer: true });
    expect(r.joinedCase).toEqual({ receipt: caseReport.receipt });
    expect(await caseIdOf(r.receipt)).toBe(caseReport.reportId);
    await settle();
    expect(district.received.length).toBe(before + 1);
    const line = lastText(district);
    expect(line).toContain('【续报】');
    expect(line).toContain(caseReport.receipt);
    expect(line).toContain('待认领');
    expect(line).not.toContain('研判依据');
    // The employer record keeps what the first report said; this report's words are on the report.
    const [employer] = await host.deps.db
      .select()
      .from(employers)
      .where(eq(employers.uscc, EMPLOYER.uscc as string));
    expect(employer?.name).toBe(EMPLOYER.unit_name);
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, r.receipt));
    expect(row?.unitName).toBe('长春市示例机械制造有限公司（改名）');
  });

  it('widget draft: the same join; a repeated submit files nothing new', async () => {
    const f = fetcherFor(host.url);
    const post = async (path: string, body: unknown, token?: string, key?: string) => {
      const res = await f(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'x-resume-token': token } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json()) as {
        draftId: string;
        token: string;
        reply: { kind: string; text: string; field?: { id: string; kind: string } };
        receipt?: string;
        submitted?: { receipt: string; joinedCase?: { receipt: string } };
      };
    };
    const draft = await post('/api/drafts', { channel: 'widget' });
    let reply = draft.reply;
    for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
      reply = (await post(`/api/drafts/${draft.draftId}/turns`, { input: inputFor(reply, EMPLOYER) }, draft.token))
        .reply;
    }
    const first = await post(`/api/drafts/${draft.draftId}/submit`, {}, draft.token, 'widget-join-key-0001');
    expect(first.submitted?.joinedCase).toEqual({ receipt: caseReport.receipt });
    expect(first.reply.text).toContain(`已作为续报并入该单位正在办理的案件（回执号 ${caseReport.receipt}）`);
    const count = async () => (await host.deps.db.select({ id: reports.id }).from(reports)).length;
    const stored = await count();
    const again = await post(`/api/drafts/${draft.draftId}/submit`, {}, draft.token, 'widget-join-key-0001');
    expect(again.receipt).toBe(first.submitted?.receipt);
    expect(await count()).toBe(stored);
  });

  it('plain form: the submitted page names the case joined', async () => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(EMPLOYER)) {
      for (const one of Array.isArray(v) ? v : [v]) form.append(k, String(one));
    }
    form.append('shown', 'M05');
    form.append('submission', 'join-form-submission-0001');
    const res = await fetch(`${host.url}/report`, {
      method: 'POST',
      headers: { origin: host.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('id="joined-case"');
    expect(html).toContain(`回执号 ${caseReport.receipt}`);
  });

  it('Telegram: the confirmation in the chat names the case joined', async () => {
    const chatId = 9_300_001;
    const intake = createIntakeService(host.deps, jurisdictionCache(host.deps.db, host.deps.clock));
    const d = await intake.startDraft({ channel: 'telegram', locale: 'zh', chatKey: `tg:${chatId}` });
    let reply = d.reply;
    for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
      reply = (await intake.turn(d.draftId, null, inputFor(reply, EMPLOYER) as Input)).reply;
    }
    const res = await fetch(`${host.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(tgUpdate.text(930_001, chatId, '提交')),
    });
    expect(res.status).toBe(200);
    await settle();
    const [row] = await host.deps.db
      .select()
      .from(reports)
      .where(eq(reports.reporterChat, `tg:${chatId}`));
    expect(row?.caseId).toBe(caseReport.reportId);
    // The confirmation in the chat names the case joined and the report's own receipt.
    const joined = `本报告已作为续报并入该单位正在办理的案件（回执号 ${caseReport.receipt}），已通知承办部门。`;
    const sent = await waitFor(
      () => botMessagesTo(emulator.server, chatId).find((m) => m.text.includes(joined)),
      'the confirmation naming the case',
    );
    expect(sent.text).toContain(`/status ${row?.receipt}`);
    // The reply's outbox row (what a retry would send) says the same: the join was decided in its batch.
    const [replyRow] = await host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'bot_reply'), sql`${outbox.payload} LIKE ${`%"chatId":"${chatId}"%`}`));
    expect(JSON.stringify(replyRow?.payload)).toContain(joined);
    expect(JSON.stringify(replyRow?.payload)).not.toContain('{{joined-case-receipt}}');
  });

  it('an urgent follow-up makes the case urgent and tells the city in one line', async () => {
    const beforeCity = city.received.length;
    const urgent = { ...M09_ANSWERS, uscc: EMPLOYER.uscc };
    const r = await submitReport(fetcherFor(host.url), host.deps.db, urgent, { sameEmployer: true });
    expect(r.joinedCase?.receipt).toBe(caseReport.receipt);
    await settle();
    const [row] = await host.deps.db.select().from(reports).where(eq(reports.id, caseReport.reportId));
    expect(row).toMatchObject({ urgency: 'immediate', groupIncident: true, peopleInvolved: 45 });
    expect(city.received.length).toBe(beforeCity + 1);
    expect(lastText(city)).toContain('【紧急重大】【续报】');
  });

  it('lists and counts the case once; another employer is a case of its own', async () => {
    const other = await submitReport(fetcherFor(host.url), host.deps.db, otherEmployer('长春市另一家有限公司'));
    expect(other.joinedCase).toBeUndefined();
    const list = (await (await officer.get('/console/api/cases')).json()) as { cases: { id: string }[] };
    expect(list.cases.map((c) => c.id).sort()).toEqual([caseReport.reportId, other.reportId].sort());
    const metrics = await regionalMetrics(host.deps.db, {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      before: new Date('2026-10-01T00:00:00Z'),
    });
    expect(metrics.trend.current).toBe(2);
    expect(metrics.groupIncidents).toBe(1);
  });

  it('an officer splits a follow-up off, and merges two cases, each with a reason on both timelines', async () => {
    const f = fetcherFor(host.url);
    const followUp = await submitReport(f, host.deps.db, EMPLOYER, { sameEmployer: true });
    expect(followUp.joinedCase?.receipt).toBe(caseReport.receipt);
    // The case page lists it as a 续报 and says which ruleset judged the case.
    const page = await (await officer.get(`/console/cases/${caseReport.reportId}`)).text();
    expect(page).toContain(followUp.receipt);
    expect(page).toContain('研判规则版本 2026.2');

    expect((await officer.post(`/console/cases/${followUp.reportId}/split`, { reason: '' })).status).toBe(400);
    const split = await officer.post(`/console/cases/${followUp.reportId}/split`, { reason: '另一车间的独立事件' });
    expect(split.status).toBe(303);
    const [own] = await host.deps.db.select().from(reports).where(eq(reports.id, followUp.reportId));
    expect(own).toMatchObject({ caseId: null, status: 'new' });
    expect((await officer.post(`/console/cases/${followUp.reportId}/split`, { reason: 'again' })).status).toBe(409);

    const merge = await officer.post(`/console/cases/${followUp.reportId}/merge`, {
      into: caseReport.receipt.toLowerCase(),
      reason: '核实为同一起欠薪事件',
    });
    expect(merge.status).toBe(303);
    expect(merge.headers.get('location')).toContain(caseReport.reportId);
    expect(await caseIdOf(followUp.receipt)).toBe(caseReport.reportId);
    for (const id of [followUp.reportId, caseReport.reportId]) {
      const events = await host.deps.db
        .select({ type: reportEvents.type, data: reportEvents.data })
        .from(reportEvents)
        .where(eq(reportEvents.reportId, id));
      expect(events.filter((e) => e.type === 'split_off' || e.type === 'merged').map((e) => e.type)).toEqual([
        'split_off',
        'merged',
      ]);
      expect(JSON.stringify(events)).toContain('核实为同一起欠薪事件');
    }
    // Merging into a follow-up or into itself is refused with a message that says what to enter.
    const self = await officer.post(`/console/cases/${caseReport.reportId}/merge`, {
      into: caseReport.receipt,
      reason: 'x',
    });
    expect(self.status).toBe(400);
  });
});
