// The Node host against telegram-test-api (a Bot API emulator), long polling: a person files a report by
// chat; the host restarts mid-conversation; redelivered webhook updates answer once; secrets are checked.
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionCache, listJurisdictions } from '../../db/repo/jurisdictions';
import { inboundEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { createApp } from '../../src/app';
import { deleteWebhook, registerWebhook } from '../../src/bot/register-webhook';
import { FetchTelegram } from '../../src/bot/transport';
import type { Config } from '../../src/config';
import { fieldById, type Input, optionsOf } from '../../src/intake/index';
import { createIntakeService } from '../../src/service/intake-service';
import { inputFor, M05_ANSWERS } from '../support/conversation';
import { tgUpdate } from '../support/telegram';
import { type Asked, BOT_TOKEN, botMessagesTo, ChatUser, startEmulator, WEBHOOK_SECRET, waitFor } from './bot-helpers';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir('labor-risk-bot-');
const clock = manualClock('2026-11-25T02:00:00.000Z');
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let config: Config;
let host: NodeHost;

beforeAll(async () => {
  emulator = await startEmulator();
  config = testConfig(join(tmp.dir, 'app.db'), {
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  host = await startNodeHost(config, { clock: clock.now });
});
afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
  tmp.cleanup();
});

/** Option index of an answer value, as the bot numbers its buttons. */
async function optionIndex(fieldId: string, value: unknown): Promise<number> {
  const rows = await listJurisdictions(host.deps.db);
  const ctx = { jurisdictions: rows.map((j) => ({ id: j.id, name: { zh: j.nameZh, en: j.nameEn } })) };
  const index = optionsOf(fieldById(fieldId)!, ctx).findIndex((o) => o.value === value);
  expect(index, `${fieldId}=${String(value)}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Answers what `q` asks the way a person would: buttons for choices, typing for the rest. */
async function answer(user: ChatUser, q: Asked, answers: Record<string, unknown>): Promise<Asked> {
  const id = q.field!;
  const value = answers[id];
  const kind = fieldById(id)!.kind;
  if (value === undefined) {
    await user.tap(q, `s:${id}`);
  } else if (kind === 'choice') {
    await user.tap(q, `a:${id}:${await optionIndex(id, value)}`);
  } else if (kind === 'boolean') {
    await user.tap(q, `a:${id}:${value === '是' || value === true ? 0 : 1}`);
  } else if (kind === 'multi') {
    for (const v of value as string[]) {
      const data = `t:${id}:${await optionIndex(id, v)}`;
      await user.tap(q, data);
      // The toggle edits the same message: wait for the tick on that button.
      await waitFor(
        () =>
          user
            .reread(q)
            .buttons.find((b) => b.callback_data === data)
            ?.text.startsWith('✓ ')
            ? true
            : undefined,
        `✓ on ${data}`,
      );
    }
    await user.tap(q, `ok:${id}`);
  } else {
    await user.say(String(value));
  }
  return user.next();
}

describe('Telegram bot on the Node host (long polling against telegram-test-api)', () => {
  it('files a report as a person would: buttons, typing, a corrected phone, an edit from review, /status', async () => {
    const user = new ChatUser(emulator.server, 5001);
    await user.command('/start');
    let q = await user.next();
    expect(q.text).toContain('您好！这里是长春市劳动关系风险监测预警速报');
    expect(q.field).toBe('unit_name');

    let sawPhoneError = false;
    for (let guard = 0; q.kind === 'question' && guard < 60; guard++) {
      if (q.field === 'reporter_phone' && !sawPhoneError) {
        expect(q.markup?.keyboard?.[0]).toEqual([{ text: '📱 发送我的手机号', request_contact: true }]);
        await user.say('12345');
        q = await user.next();
        expect(q.field).toBe('reporter_phone');
        expect(q.text).toContain('⚠️ 请输入11位手机号码');
        sawPhoneError = true;
        // Sharing the contact answers with the number Telegram gives (no plus sign).
        await user.shareContact('8613800138000', user.id);
        q = await user.next();
        continue;
      }
      q = await answer(user, q, M05_ANSWERS);
    }
    expect(sawPhoneError).toBe(true);
    expect(q.kind).toBe('review');
    expect(q.text).toContain('长春市示例机械制造有限公司');

    // Edit the address from the review screen.
    await user.tap(q, 'e:address');
    q = await user.next();
    expect(q.field).toBe('address');
    await user.say('长春市南关区解放大路 8 号 <B座>');
    q = await user.next();
    expect(q.kind).toBe('review');
    expect(q.text).toContain('解放大路 8 号 &lt;B座&gt;');

    await user.tap(q, 'sub');
    q = await user.next();
    expect(q.kind).toBe('submitted');
    const receipt = /回执号：(CC-2026-[A-Z0-9]{6})/.exec(q.text)?.[1];
    expect(receipt).toBeDefined();
    expect(q.text).toContain(`/status ${receipt}`);

    await user.command(`/status ${receipt}`);
    const status = await user.nextMessage();
    expect(status.text).toContain(`回执号：${receipt}`);
    expect(status.text).toContain('处理进度：已受理');

    const [row] = await host.deps.db.select().from(reports).where(eq(reports.receipt, receipt!));
    expect(row).toMatchObject({
      channel: 'telegram',
      reporterChat: `tg:${user.id}`,
      reporterPhone: '13800138000',
      unitName: '长春市示例机械制造有限公司',
      jurisdictionId: '220102',
      items: ['M05'],
    });
    expect((row!.answers as Record<string, unknown>).address).toBe('长春市南关区解放大路 8 号 <B座>');

    // Someone else's receipt is not shown.
    const other = new ChatUser(emulator.server, 5009);
    await other.command(`/status ${receipt}`);
    expect((await other.nextMessage()).text).toContain('没有找到');
  });

  it('continues at the same question after the host restarts on the same database', async () => {
    const user = new ChatUser(emulator.server, 5002);
    await user.command('/start');
    let q = await user.next();
    for (let i = 0; i < 4; i++) q = await answer(user, q, M05_ANSWERS);
    const before = q.field;
    expect(before).toBe('headcount');

    await host.stop();
    host = await startNodeHost(config, { clock: clock.now });

    await user.command('/start');
    q = await user.next();
    expect(q.text).toContain('继续填写您尚未完成的报告');
    expect(q.field).toBe(before);
    await user.say('1200');
    q = await user.next();
    expect(q.field).toBe('district');
  });
});

describe('Telegram webhook route on the Node host', () => {
  const post = (update: unknown, secret: string | null = WEBHOOK_SECRET) =>
    fetch(`${host.url}/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(update),
    });

  /** A chat whose draft waits on the review screen, filled through the service. */
  async function chatAtReview(chatId: number) {
    const intake = createIntakeService(host.deps, jurisdictionCache(host.deps.db, host.deps.clock));
    const d = await intake.startDraft({ channel: 'telegram', locale: 'zh', chatKey: `tg:${chatId}` });
    let reply = d.reply;
    for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
      reply = (await intake.turn(d.draftId, null, inputFor(reply, M05_ANSWERS) as Input)).reply;
    }
    expect(reply.kind).toBe('review');
  }

  const reportsOf = async (chatId: number) =>
    (
      await host.deps.db
        .select({ n: count() })
        .from(reports)
        .where(eq(reports.reporterChat, `tg:${chatId}`))
    )[0]!.n;
  const keyRows = async (updateId: number) =>
    (
      await host.deps.db
        .select({ n: count() })
        .from(inboundEvents)
        .where(eq(inboundEvents.key, `tg:update:${updateId}`))
    )[0]!.n;

  it('the same update posted 3 times in sequence answers once and files one report', async () => {
    const chatId = 6001;
    await chatAtReview(chatId);
    const update = tgUpdate.text(700_001, chatId, '提交');
    for (let i = 0; i < 3; i++) expect((await post(update)).status).toBe(200);
    const sent = botMessagesTo(emulator.server, chatId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/回执号：CC-2026-/);
    expect(await reportsOf(chatId)).toBe(1);
    expect(await keyRows(700_001)).toBe(1);
  });

  it('the same button press posted 10 times at once answers once and files one report', async () => {
    const chatId = 6002;
    await chatAtReview(chatId);
    const update = tgUpdate.callback(700_101, chatId, 'sub');
    const statuses = await Promise.all(Array.from({ length: 10 }, () => post(update).then((r) => r.status)));
    expect(statuses).toEqual(Array(10).fill(200));
    const sent = botMessagesTo(emulator.server, chatId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/回执号：CC-2026-/);
    expect(await reportsOf(chatId)).toBe(1);
  });

  it('a wrong or missing secret token is refused with 403 and nothing is recorded', async () => {
    const chatId = 6003;
    const update = tgUpdate.text(700_201, chatId, '/start');
    expect((await post(update, 'wrong-secret')).status).toBe(403);
    expect((await post(update, null)).status).toBe(403);
    expect((await post(update, `${WEBHOOK_SECRET}x`)).status).toBe(403);
    expect(await keyRows(700_201)).toBe(0);
    expect(botMessagesTo(emulator.server, chatId)).toHaveLength(0);
    // The right secret then works, once.
    expect((await post(update)).status).toBe(200);
    expect(await keyRows(700_201)).toBe(1);
    await waitFor(() => (botMessagesTo(emulator.server, chatId).length === 1 ? true : undefined), 'the welcome');
  });

  it('answers 404 when the bot is not configured', async () => {
    const app = createApp({ ...host.deps, config: { ...config, TELEGRAM_BOT_TOKEN: undefined } });
    const res = await app.request('/telegram/webhook', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});

describe('npm run telegram:webhook', () => {
  it('registers PUBLIC_URL/telegram/webhook with the secret token and the updates the bot reads', async () => {
    const deployed = { ...config, PUBLIC_URL: 'https://report.example.gov.cn/' };
    const api = new FetchTelegram(BOT_TOKEN, { apiRoot: emulator.apiRoot });
    const skipped: string[] = [];
    const { url } = await registerWebhook(deployed, api, (msg) => void skipped.push(msg));
    expect(url).toBe('https://report.example.gov.cn/telegram/webhook');
    // The emulator keeps what setWebhook received.
    const hooks = (emulator.server as unknown as { webhooks: Record<string, Record<string, unknown>> }).webhooks;
    expect(hooks[BOT_TOKEN]).toMatchObject({
      url,
      secret_token: WEBHOOK_SECRET,
      allowed_updates: ['message', 'edited_message', 'callback_query'],
    });
    expect(skipped).toEqual(['setMyCommands skipped', 'setMyCommands (en) skipped']); // not in the emulator
    await deleteWebhook(api);
    expect(hooks[BOT_TOKEN]).toBeUndefined();
    await expect(registerWebhook(config, api, () => {})).rejects.toThrow('set PUBLIC_URL to register the webhook');
  });
});
