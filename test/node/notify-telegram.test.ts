// The officers' Telegram alert against telegram-test-api (a Bot API emulator on loopback): the alert with
// its buttons, pressing [认领 Claim] as a user, the claim, the edited message; linking by one-time code.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import TelegramServer from 'telegram-test-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findReport } from '../../db/repo/reports';
import { officers, outbox, reportEvents, reports } from '../../db/schema';
import type { AppDeps } from '../../src/deps';
import { dispatch } from '../../src/notify/dispatcher';
import { telegramApi } from '../../src/notify/telegram-api';
import { claimFromTelegram } from '../../src/notify/telegram-claim';
import { issueLinkCode, linkTelegramOfficer } from '../../src/notify/telegram-link';
import { insertChannel, insertOfficer, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';

const TOKEN = '123456:TEST-officers-bot';
const CHAT = -1001234567890;
const LINK_HINT = '请先在控制台生成绑定码，然后向机器人发送 /link 绑定码';

const tmp = tempDir();
let server: TelegramServer;
let apiRoot: string;
const cleanups: (() => unknown)[] = [];

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

beforeAll(async () => {
  // The emulator treats port 0 as "9000": pick a free port first.
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  apiRoot = server.config.apiURL;
});
afterAll(async () => {
  await server.stop();
  tmp.cleanup();
});
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});

async function setup() {
  const clock = manualClock();
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
  });
  cleanups.push(close);
  await insertChannel(deps.db, { type: 'telegram', target: String(CHAT), name: '南关区调度室' });
  return { clock, deps };
}

interface StoredBotMessage {
  messageId: number;
  // Callback-query updates in the same history have no `message`.
  message?: {
    chat_id: string | number;
    text: string;
    parse_mode?: string;
    reply_markup?: { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };
  };
}

/** What the bot has posted to the officers' chat, as the emulator holds it (edits applied). */
async function chatMessages(): Promise<StoredBotMessage[]> {
  const history = (await server.getClient(TOKEN).getUpdatesHistory()) as unknown as StoredBotMessage[];
  return history.filter((u) => u.message && 'chat_id' in u.message && String(u.message.chat_id) === String(CHAT));
}

/** A user presses a button under a message, and the bot (this function standing in for it) handles it. */
async function press(deps: AppDeps, userId: number, message: StoredBotMessage, data: string) {
  const client = server.getClient(TOKEN, { userId, chatId: CHAT, type: 'supergroup', firstName: `user${userId}` });
  await client.sendCallback(
    client.makeCallbackQuery(data, { message: { message_id: message.messageId, chat: { id: CHAT } } }),
  );
  // The bot's side: fetch the update, route 'claim:' to claimFromTelegram, answer, edit.
  const res = await fetch(`${apiRoot}/bot${TOKEN}/getUpdates`, { method: 'POST' });
  const { result } = (await res.json()) as {
    result: {
      callback_query?: {
        id: string;
        from: { id: number };
        data: string;
        message: { message_id: number; chat: { id: number } };
      };
    }[];
  };
  const query = result.at(-1)?.callback_query;
  if (!query?.data.startsWith('claim:')) throw new Error('no callback query arrived');
  const outcome = await claimFromTelegram(deps, {
    telegramUserId: query.from.id,
    reportId: query.data.slice('claim:'.length),
    chatId: query.message.chat.id,
    messageId: query.message.message_id,
  });
  const api = telegramApi({ token: TOKEN, apiRoot });
  expect((await api.answerCallbackQuery({ callback_query_id: query.id, text: outcome.answer })).ok).toBe(true);
  if (outcome.editedText) {
    const edit = await api.editMessageText({
      chat_id: query.message.chat.id,
      message_id: query.message.message_id,
      text: outcome.editedText,
      parse_mode: 'HTML',
      reply_markup: outcome.editedKeyboard,
    });
    expect(edit.ok).toBe(true);
  }
  return outcome;
}

async function link(deps: AppDeps, officerId: string, telegramUserId: number) {
  const { code } = await issueLinkCode(deps, officerId);
  const linked = await linkTelegramOfficer(deps, { telegramUserId, code });
  expect(linked.ok).toBe(true);
}

describe('Telegram officers’ alert', () => {
  it('posts the alert with Claim and View; a linked officer claims it; the message shows the claimant', async () => {
    const { clock, deps } = await setup();
    const wang = await insertOfficer(deps.db, {
      displayName: '王队长',
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    await link(deps, wang, 501);
    const before = (await chatMessages()).length;
    const { reportId } = await insertReport(deps.db, { urgent: true });
    expect(await dispatch(deps)).toMatchObject({ sent: 2, retried: 0 });

    const posted = (await chatMessages()).slice(before);
    expect(posted).toHaveLength(1);
    const alert = posted[0]!;
    expect(alert.message?.parse_mode).toBe('HTML');
    const lines = (alert.message?.text ?? '').split('\n');
    expect(lines[0]).toBe('<b>【紧急重大】劳动关系风险报告，请立即处置</b>');
    expect(lines).toContain('<b>用人单位：</b>长春市示例机械制造有限公司');
    expect(lines).toContain('<b>报告人：</b>李协调 138****5678');
    expect(lines).toContain('<b>信息情况表报送时限：</b>2026-11-25 11:00（北京时间）');
    const url = `https://report.example.gov.cn/console/cases/${reportId}`;
    expect(alert.message?.reply_markup?.inline_keyboard).toEqual([
      [
        { text: '认领 Claim', callback_data: `claim:${reportId}` },
        { text: '查看 View', url },
      ],
    ]);

    clock.advance(90_000);
    const outcome = await press(deps, 501, alert, `claim:${reportId}`);
    expect(outcome.answer).toMatch(/^认领成功/);

    const report = await findReport(deps.db, reportId);
    expect(report).toMatchObject({ status: 'claimed', claimedBy: wang });
    expect(report?.claimedAt?.getTime()).toBe(clock.now().getTime());
    const events = await deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'claimed')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'officer', actorId: wang });

    const [edited] = (await chatMessages()).filter((m) => m.messageId === alert.messageId);
    expect(edited?.message?.text).toContain('<b>✅ 已由 王队长 认领（2026-11-25 10:01）</b>');
    expect(edited?.message?.text.split('\n')[0]).toBe(lines[0]);
    expect(edited?.message?.reply_markup?.inline_keyboard).toEqual([[{ text: '查看 View', url }]]);
  });

  it('a second claim is refused politely, naming who claimed it; nothing changes', async () => {
    const { clock, deps } = await setup();
    const wang = await insertOfficer(deps.db, {
      displayName: '王队长',
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    const zhao = await insertOfficer(deps.db, { displayName: '赵科长', role: 'city_officer' });
    await link(deps, wang, 601);
    await link(deps, zhao, 602);
    const before = (await chatMessages()).length;
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    const alert = (await chatMessages()).slice(before)[0]!;

    await press(deps, 601, alert, `claim:${reportId}`);
    clock.advance(60_000);
    const second = await press(deps, 602, alert, `claim:${reportId}`);
    expect(second.answer).toBe('这份报告已由 王队长 于 2026-11-25 10:00 认领，无需重复认领。');
    expect(await findReport(deps.db, reportId)).toMatchObject({ claimedBy: wang });
    const claims = await deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'claimed')));
    expect(claims).toHaveLength(1);
    const again = await press(deps, 601, alert, `claim:${reportId}`);
    expect(again.answer).toBe('您已认领这份报告。');
  });

  it('two officers pressing at the same moment: exactly one claim', async () => {
    const { deps } = await setup();
    const a = await insertOfficer(deps.db, { displayName: '甲', role: 'city_officer' });
    const b = await insertOfficer(deps.db, { displayName: '乙', role: 'city_officer' });
    await link(deps, a, 701);
    await link(deps, b, 702);
    const { reportId } = await insertReport(deps.db);
    const input = { reportId, chatId: CHAT, messageId: 1 };
    const [x, y] = await Promise.all([
      claimFromTelegram(deps, { ...input, telegramUserId: 701 }),
      claimFromTelegram(deps, { ...input, telegramUserId: 702 }),
    ]);
    expect([x.answer, y.answer].filter((t) => t.startsWith('认领成功'))).toHaveLength(1);
    expect([x.answer, y.answer].filter((t) => t.startsWith('这份报告已由'))).toHaveLength(1);
    const claims = await deps.db
      .select()
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'claimed')));
    expect(claims).toHaveLength(1);
  });

  it('claiming under a reminder keeps the message a reminder, now showing the claimant', async () => {
    const { deps } = await setup();
    const zhao = await insertOfficer(deps.db, { displayName: '赵科长', role: 'city_officer' });
    await link(deps, zhao, 801);
    const { reportId } = await insertReport(deps.db);
    const out = await claimFromTelegram(deps, {
      telegramUserId: 801,
      reportId,
      chatId: CHAT,
      messageId: 1,
      notice: 'annex4_reminder',
    });
    expect(out.answer.startsWith('认领成功')).toBe(true);
    expect(out.editedText).toContain('附件4即将到期');
    expect(out.editedText).not.toContain('劳动关系风险报告');
    expect(out.editedText).toContain('已由 赵科长 认领');
  });

  it('unlinked users, admins and other districts’ officers cannot claim (the console’s role and scope rule)', async () => {
    const { deps } = await setup();
    const before = (await chatMessages()).length;
    const { reportId } = await insertReport(deps.db);
    await dispatch(deps);
    const alert = (await chatMessages()).slice(before)[0]!;

    const unlinked = await press(deps, 999, alert, `claim:${reportId}`);
    expect(unlinked.answer).toContain(LINK_HINT);
    expect(unlinked.editedText).toBeUndefined();

    const other = await insertOfficer(deps.db, {
      displayName: '宽城区刘',
      role: 'district_officer',
      jurisdictionId: '220103',
    });
    await link(deps, other, 801);
    const refused = await press(deps, 801, alert, `claim:${reportId}`);
    expect(refused.answer).toBe('这份报告属于南关区，您只能认领本辖区的报告。');
    expect(await findReport(deps.db, reportId)).toMatchObject({ status: 'new', claimedBy: null });

    // An admin sees no case data in the console, and cannot claim from Telegram either.
    const admin = await insertOfficer(deps.db, { displayName: '管理员', role: 'admin' });
    await link(deps, admin, 803);
    const adminPress = await press(deps, 803, alert, `claim:${reportId}`);
    expect(adminPress.answer).toBe('您的账号（系统管理员）不办理案件，无法认领。请由属地调度室或市办工作人员认领。');
    expect(adminPress.editedText).toBeUndefined();
    // A district officer with no jurisdiction recorded sees nothing in the console: no claim either.
    const unplaced = await insertOfficer(deps.db, { displayName: '未分配', role: 'district_officer' });
    await link(deps, unplaced, 804);
    expect((await press(deps, 804, alert, `claim:${reportId}`)).answer).toBe(
      '您的账号尚未设置所属辖区，无法认领。请联系系统管理员设置辖区。',
    );
    expect(await findReport(deps.db, reportId)).toMatchObject({ status: 'new', claimedBy: null });

    const city = await insertOfficer(deps.db, { displayName: '市办张', role: 'city_officer' });
    await link(deps, city, 802);
    await deps.db.update(reports).set({ status: 'closed' }).where(eq(reports.id, reportId));
    expect((await press(deps, 802, alert, `claim:${reportId}`)).answer).toBe('这份报告已结案，无需认领。');
    expect(await findReport(deps.db, reportId)).toMatchObject({ status: 'closed', claimedBy: null });
  });
});

describe('linking a Telegram user by one-time code', () => {
  it('a code from the console links once, within 15 minutes, and moves an earlier link', async () => {
    const { clock, deps } = await setup();
    const wang = await insertOfficer(deps.db, {
      displayName: '王队长',
      role: 'district_officer',
      jurisdictionId: '220102',
    });
    const li = await insertOfficer(deps.db, {
      displayName: '李干事',
      role: 'district_officer',
      jurisdictionId: '220102',
    });

    const issued = await issueLinkCode(deps, wang);
    expect(issued.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(issued.expiresAt.getTime() - clock.now().getTime()).toBe(15 * 60_000);

    const typed = `${issued.code.slice(0, 4).toLowerCase()} ${issued.code.slice(4)}`;
    const ok = await linkTelegramOfficer(deps, { telegramUserId: 501, code: typed });
    expect(ok).toMatchObject({ ok: true, officer: { id: wang, displayName: '王队长' } });
    const [row] = await deps.db.select().from(officers).where(eq(officers.id, wang));
    expect(row).toMatchObject({ telegramUserId: '501', linkCode: null, linkCodeExpiresAt: null });

    const reused = await linkTelegramOfficer(deps, { telegramUserId: 502, code: issued.code });
    expect(reused.ok).toBe(false);
    expect(reused.answer).toMatch(/绑定码无效或已过期/);

    const late = await issueLinkCode(deps, li);
    clock.advance(15 * 60_000);
    expect((await linkTelegramOfficer(deps, { telegramUserId: 501, code: late.code })).ok).toBe(false);

    // The same Telegram user linking to another officer moves the link (one officer per Telegram user).
    const fresh = await issueLinkCode(deps, li);
    expect((await linkTelegramOfficer(deps, { telegramUserId: 501, code: fresh.code })).ok).toBe(true);
    const rows = await deps.db.select({ id: officers.id, tg: officers.telegramUserId }).from(officers);
    expect(rows.filter((r) => r.tg === '501').map((r) => r.id)).toEqual([li]);
    const events = await deps.db.select().from(reportEvents).where(eq(reportEvents.type, 'telegram_linked'));
    expect(events.map((e) => e.actorId)).toEqual([wang, li]);
  });
});

describe('Telegram rate limits and 429', () => {
  it('three alerts to one chat go out in one call, a second apart (the wait moves the manual clock)', async () => {
    const { clock, deps } = await setup();
    const before = (await chatMessages()).length;
    for (let i = 0; i < 3; i++) await insertReport(deps.db);
    const slept: number[] = [];
    const result = await dispatch(deps, {
      sleep: async (ms) => {
        slept.push(ms);
        clock.advance(ms);
      },
    });
    // The chat's lane waits for its token itself: nothing is handed back.
    expect(result).toMatchObject({ sent: 6, deferred: 0, retried: 0 });
    expect((await chatMessages()).length - before).toBe(3);
    expect(slept).toEqual([1_050, 1_050]);
  });

  it('honours retry_after from a 429 body, and the per-chat limit holds back a second alert', async () => {
    let calls = 0;
    const fake = createServer((_req, res) => {
      calls++;
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 300',
          parameters: { retry_after: 300 },
        }),
      );
    });
    await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise<void>((ok) => fake.close(() => ok())));
    const clock = manualClock();
    const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now, {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
    });
    cleanups.push(close);
    await insertChannel(deps.db, { type: 'telegram', target: String(CHAT) });
    await insertReport(deps.db);
    await insertReport(deps.db);

    // A 429 is Telegram saying "wait", not a failure of the row: no attempt is counted for either alert.
    const result = await dispatch(deps);
    expect(result).toMatchObject({ retried: 0, deferred: 2 });
    expect(calls).toBe(1);
    const rows = await deps.db.select().from(outbox).where(eq(outbox.kind, 'report_alert'));
    expect(rows.map((r) => r.attempts)).toEqual([0, 0]);
    const failed = rows.find((r) => r.lastError !== null);
    expect(failed?.lastError).toBe('Telegram sendMessage 429: Too Many Requests: retry after 300');
    expect(failed!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 300_000);
    // The other alert is held for the same chat until then.
    const held = rows.find((r) => r.lastError === null);
    expect(held!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 300_000);
  });

  it('the Bot API helper can wait out a short retry_after once (interactive edits)', async () => {
    let calls = 0;
    const fake = createServer((_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 429 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          calls === 1
            ? { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } }
            : { ok: true, result: true },
        ),
      );
    });
    await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise<void>((ok) => fake.close(() => ok())));
    const slept: number[] = [];
    const api = telegramApi({
      token: TOKEN,
      apiRoot: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
      waitOn429UpToMs: 5_000,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    const res = await api.editMessageText({ chat_id: CHAT, message_id: 1, text: 'x' });
    expect(res.ok).toBe(true);
    expect(slept).toEqual([2_000]);
    expect(calls).toBe(2);
  });
});
