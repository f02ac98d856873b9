// Every request that writes outbox rows starts their first try right after its response, without waiting
// for the tick: the intake API submit, the plain form, a Telegram submit (webhook and long polling), an officer's
// message to a Telegram reporter and Annex 4 filed from the console. The Node host's `defer` is captured,
// so each test awaits exactly the work its request handed over (no sleeps, no timer).
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { startTelegramPolling } from '../../src/bot/polling';
import type { Input } from '../../src/intake/index';
import { createIntakeService } from '../../src/service/intake-service';
import { inputFor, M05_ANSWERS, otherEmployer } from '../support/conversation';
import { tgUpdate } from '../support/telegram';
import { BOT_TOKEN, botMessagesTo, ChatUser, startEmulator, WEBHOOK_SECRET } from './bot-helpers';
import { createOfficer, fetcherFor, type SignedIn, signIn, submitReport } from './console-fixtures';
import { insertChannel } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const clock = manualClock('2026-11-25T02:00:00.000Z');
const PASSWORD = 'kick-the-dispatcher-2026';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let host: NodeHost;
let district: Robot;
let city: Robot;
let officer: SignedIn;
/** Work the host deferred (after a response, or its timer): awaited by `settle`. */
const deferred: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  const config = testConfig(join(tmp.dir, 'app.db'), {
    // A public URL and a webhook secret: the webhook mode (no long polling in this test).
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
});
afterAll(async () => {
  await settle();
  await host?.stop();
  await district?.close();
  await city?.close();
  await emulator?.stop();
  tmp.cleanup();
});

/** Awaits what requests handed to `defer` so far; returns how many pieces of work there were. */
async function settle(): Promise<number> {
  const work = deferred.splice(0);
  await Promise.all(work.map((run) => run()));
  return work.length;
}

/** A Telegram chat whose draft waits on the review screen, filled through the service. */
async function reportAtReview(chatId: number) {
  const intake = createIntakeService(host.deps, jurisdictionCache(host.deps.db, host.deps.clock));
  const d = await intake.startDraft({ channel: 'telegram', locale: 'zh', chatKey: `tg:${chatId}` });
  let reply = d.reply;
  for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
    // Each chat reports another employer, so each submit is a case of its own with a full alert.
    const answers = otherEmployer(`长春市踢测${chatId}有限公司`);
    reply = (await intake.turn(d.draftId, null, inputFor(reply, answers) as Input)).reply;
  }
  expect(reply.kind).toBe('review');
}

/** The report ids named in the console links of what a robot received from `from` on. */
const reportIds = (r: Robot, from = 0) =>
  r.received.slice(from).map((m) => /console\/cases\/([\w-]+)/.exec(JSON.stringify(m.body))?.[1]);

describe('the dispatcher is kicked by every request that writes outbox rows', () => {
  it('intake API submit: the district robot has the alert before any tick; other turns kick nothing', async () => {
    await settle();
    const before = district.received.length;
    const { reportId } = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS);
    expect(await settle()).toBe(1);
    expect(reportIds(district, before)).toEqual([reportId]);
  });

  it('plain form submit (/report)', async () => {
    await settle();
    const before = district.received.length;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(otherEmployer('长春市表单踢测有限公司'))) {
      for (const one of Array.isArray(v) ? v : [v]) form.append(k, String(one));
    }
    form.append('shown', 'M05');
    form.append('submission', 'kick-form-submission-0001');
    const res = await fetch(`${host.url}/report`, {
      method: 'POST',
      headers: { origin: host.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    const receipt = /CC-2026-[A-Z0-9]{6}/.exec(html)?.[0];
    expect(receipt).toBeDefined();
    const [row] = await host.deps.db.select({ id: reports.id }).from(reports).where(eq(reports.receipt, receipt!));
    expect(await settle()).toBe(1);
    expect(reportIds(district, before)).toEqual([row?.id]);
  });

  it('Telegram submit through the webhook', async () => {
    const chatId = 9_100_001;
    await reportAtReview(chatId);
    await settle();
    const before = district.received.length;
    const post = (updateId: number, text: string) =>
      fetch(`${host.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body: JSON.stringify(tgUpdate.text(updateId, chatId, text)),
      });

    expect((await post(910_001, '提交')).status).toBe(200);
    expect(await settle()).toBe(1);
    const [row] = await host.deps.db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.reporterChat, `tg:${chatId}`));
    expect(reportIds(district, before)).toEqual([row?.id]);
    // A redelivery of the same update writes nothing and kicks nothing; neither does a message without a draft.
    expect((await post(910_001, '提交')).status).toBe(200);
    expect((await post(910_002, '你好')).status).toBe(200);
    expect(await settle()).toBe(0);
  });

  it('a Telegram reporter’s reply through the webhook: the district hears of it before any tick', async () => {
    const chatId = 9_100_001; // filed its report in the test above
    const [row] = await host.deps.db
      .select({ id: reports.id, receipt: reports.receipt })
      .from(reports)
      .where(eq(reports.reporterChat, `tg:${chatId}`));
    await settle();
    const before = district.received.length;
    const botId = Number(BOT_TOKEN.split(':')[0]);
    const quoted = { text: `关于回执号 ${row?.receipt} 的报告，接报部门回复：请补充名单。`, fromId: botId };
    const res = await fetch(`${host.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(tgUpdate.reply(910_010, chatId, '名单已整理好', quoted)),
    });
    expect(res.status).toBe(200);
    expect(await settle()).toBe(1);
    expect(reportIds(district, before)).toEqual([row?.id]);
    expect(JSON.stringify(district.received.at(-1)?.body)).toContain('报告人发来新消息');
  });

  it('Telegram submit over long polling (a host without a public URL)', async () => {
    const chatId = 9_100_003;
    await reportAtReview(chatId);
    const polling = startTelegramPolling(host.deps, { idleDelayMs: 20 });
    try {
      await settle();
      const before = district.received.length;
      const user = new ChatUser(emulator.server, chatId);
      await user.say('提交');
      expect((await user.next()).kind).toBe('submitted');
      expect(await settle()).toBe(1);
      const [row] = await host.deps.db
        .select({ id: reports.id })
        .from(reports)
        .where(eq(reports.reporterChat, `tg:${chatId}`));
      expect(reportIds(district, before)).toEqual([row?.id]);
    } finally {
      await polling.stop();
    }
  });

  it('console: a message to a Telegram reporter reaches their chat; a web reporter’s kicks nothing', async () => {
    const f = fetcherFor(host.url);
    const web = await submitReport(f, host.deps.db, M05_ANSWERS);
    const tg = await submitReport(f, host.deps.db, M05_ANSWERS);
    await settle();
    const chatId = 9_100_002;
    await host.deps.db
      .update(reports)
      .set({ reporterChat: `tg:${chatId}` })
      .where(eq(reports.id, tg.reportId));

    expect((await officer.post(`/console/cases/${web.reportId}/messages`, { text: '请来电。' })).status).toBe(303);
    expect(await settle()).toBe(0);

    expect((await officer.post(`/console/cases/${tg.reportId}/messages`, { text: '请保持电话畅通。' })).status).toBe(
      303,
    );
    expect(await settle()).toBe(1);
    const [message] = botMessagesTo(emulator.server, chatId);
    expect(message?.text).toBe(
      [
        `【长春市劳动关系风险监测预警】关于回执号 ${tg.receipt} 的报告，接报部门回复：`,
        '请保持电话畅通。',
        '',
        '如需回复，请直接回复本条消息。',
      ].join('\n'),
    );
  });

  it('console: Annex 4 submitted reaches the city office', async () => {
    const { reportId } = await submitReport(fetcherFor(host.url), host.deps.db, M05_ANSWERS);
    await settle();
    const before = city.received.length;
    const data = {
      reportingUnit: '南关区协调劳动关系三方委员会办公室',
      filledAt: '2026-11-25',
      title: '长春市示例机械制造有限公司拖欠工资',
      level: '3',
      levelNote: '涉及 25 人。',
      basicSituation: '10 月、11 月工资未能按时足额发放。',
      causeAnalysis: '回款困难。',
      trend: '可控。',
      measures: '已约谈企业负责人。',
      nextSteps: '督促 12 月 20 日前补发。',
      remarks: '无',
      headOfOffice: '赵主任',
      filledBy: '张伟',
      contactPhone: '0431-88990011',
    };
    expect(
      (await officer.post(`/console/cases/${reportId}/annex4`, { ...data, action: 'submit', confirmed: 'yes' })).status,
    ).toBe(303);
    expect(await settle()).toBe(1);
    expect(reportIds(city, before)).toEqual([reportId]);
    const card = city.received.at(-1)?.body.card as { header: { title: { content: string } } };
    expect(card.header.title.content).toMatch(
      /^附件4已报送市协调劳动关系三方委员会办公室：.+，案件 CC-\d{4}-\w+，(认领人 .+|待认领)$/,
    );
  });
});
