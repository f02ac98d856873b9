// Issue 9 on Telegram: a reporter answers the receiving office by replying to the bot's message that names
// their receipt (or with /reply), through the Node host's webhook route against telegram-test-api. The
// answer becomes one 'message_in' event however often Telegram redelivers the update; someone else's
// receipt is refused; an unfinished draft in the chat is left as it was.
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionCache } from '../../db/repo/jurisdictions';
import { intakeDrafts, reportEvents, reports } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import type { Input } from '../../src/intake/index';
import { createIntakeService } from '../../src/service/intake-service';
import { inputFor, M05_ANSWERS } from '../support/conversation';
import { tgUpdate } from '../support/telegram';
import { BOT_TOKEN, botMessagesTo, startEmulator, WEBHOOK_SECRET } from './bot-helpers';
import { manualClock, tempDir, testConfig } from './helpers';

const tmp = tempDir('labor-risk-bot-replies-');
const clock = manualClock('2026-11-25T02:00:00.000Z');
const BOT_ID = Number(BOT_TOKEN.split(':')[0]);
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let host: NodeHost;

beforeAll(async () => {
  emulator = await startEmulator();
  const config = testConfig(join(tmp.dir, 'app.db'), {
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

async function post(update: unknown) {
  const res = await fetch(`${host.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
}

/** Files a report from this chat through the service; returns its id and receipt. */
async function fileFromChat(chatId: number): Promise<{ id: string; receipt: string }> {
  const intake = createIntakeService(host.deps, jurisdictionCache(host.deps.db, host.deps.clock));
  const d = await intake.startDraft({ channel: 'telegram', locale: 'zh', chatKey: `tg:${chatId}` });
  let reply = d.reply;
  for (let i = 0; i < 80 && reply.kind !== 'review'; i++) {
    reply = (await intake.turn(d.draftId, null, inputFor(reply, M05_ANSWERS) as Input)).reply;
  }
  await intake.submitOnce(d.draftId, null, undefined);
  const [row] = await host.deps.db
    .select({ id: reports.id, receipt: reports.receipt })
    .from(reports)
    .where(eq(reports.reporterChat, `tg:${chatId}`));
  expect(row).toBeDefined();
  return row!;
}

/** The office's message as the dispatcher sends it (src/notify/reporter-message.ts): receipt in the header. */
const officeMessage = (receipt: string) =>
  `【长春市劳动关系风险监测预警】关于回执号 ${receipt} 的报告，接报部门回复：\n请于明日上午带工资表到调度室。\n\n如需回复，请直接回复本条消息。`;

const messagesIn = (reportId: string) =>
  host.deps.db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'message_in')))
    .orderBy(reportEvents.id);

const sentTo = (chatId: number) => botMessagesTo(emulator.server, chatId).map((m) => m.text);

describe('reporters answering the receiving office on Telegram', () => {
  it('a reply to the office message becomes one message_in, even when the update is redelivered', async () => {
    const chatId = 8101;
    const report = await fileFromChat(chatId);
    const update = tgUpdate.reply(810_001, chatId, '好的，<明早>九点到。', {
      text: officeMessage(report.receipt),
      fromId: BOT_ID,
    });
    await post(update);
    expect(sentTo(chatId)).toEqual([`已转交接报部门（回执号 ${report.receipt}）。`]);
    for (let i = 0; i < 2; i++) await post(update);
    await Promise.all([post(update), post(update)]);
    expect(sentTo(chatId)).toHaveLength(1);
    const rows = await messagesIn(report.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'reporter',
      actorId: null,
      data: { text: '好的，<明早>九点到。', channel: 'telegram' },
    });
  });

  it('a reply goes to the office even while a new draft is open, and the draft stays where it was', async () => {
    const chatId = 8102;
    const report = await fileFromChat(chatId);
    await post(tgUpdate.text(810_101, chatId, '/start'));
    const [before] = await host.deps.db
      .select()
      .from(intakeDrafts)
      .where(eq(intakeDrafts.chatKey, `tg:${chatId}`));
    expect(before).toBeDefined();
    await post(tgUpdate.reply(810_102, chatId, '长春某公司', { text: `回执号：${report.receipt}\n…`, fromId: BOT_ID }));
    expect(sentTo(chatId).at(-1)).toContain('已转交接报部门');
    const [after] = await host.deps.db
      .select()
      .from(intakeDrafts)
      .where(eq(intakeDrafts.chatKey, `tg:${chatId}`));
    expect(after?.version).toBe(before?.version);
    expect((await messagesIn(report.id)).map((r) => (r.data as { text: string }).text)).toEqual(['长春某公司']);
  });

  it("refuses a reply quoting another chat's receipt, and records nothing", async () => {
    const owner = await fileFromChat(8103);
    const stranger = 8104;
    await post(tgUpdate.reply(810_201, stranger, '我也想补充', { text: officeMessage(owner.receipt), fromId: BOT_ID }));
    expect(sentTo(stranger)).toEqual(['抱歉，这份报告不是从本聊天提交的，留言没有转交。只能回复本聊天提交的报告。']);
    await post(tgUpdate.reply(810_202, stranger, '再试', { text: 'CC-2026-ZZZZZZ', fromId: BOT_ID }));
    expect(sentTo(stranger)).toHaveLength(2);
    expect(await messagesIn(owner.id)).toHaveLength(0);
  });

  it('a reply to a message that is not the bot’s is ordinary text', async () => {
    const report = await fileFromChat(8105);
    await post(
      tgUpdate.reply(810_301, 8105, '转发的', { text: officeMessage(report.receipt), fromId: 999, isBot: false }),
    );
    expect(sentTo(8105).at(-1)).toContain('发送 /start 开始一份新的报告');
    expect(await messagesIn(report.id)).toHaveLength(0);
  });

  it('/reply <receipt> <text> works for clients that cannot reply; without text it explains', async () => {
    const chatId = 8106;
    const report = await fileFromChat(chatId);
    const update = tgUpdate.text(810_401, chatId, `/reply ${report.receipt.toLowerCase()} 工资已发放\n谢谢`);
    await post(update);
    await post(update);
    expect(sentTo(chatId)).toEqual([`已转交接报部门（回执号 ${report.receipt}）。`]);
    expect((await messagesIn(report.id)).map((r) => r.data)).toEqual([
      { text: '工资已发放\n谢谢', channel: 'telegram' },
    ]);
    await post(tgUpdate.text(810_402, chatId, `/reply ${report.receipt}`));
    expect(sentTo(chatId).at(-1)).toContain('用法：/reply 回执号 留言内容');
    const other = await fileFromChat(8107);
    await post(tgUpdate.text(810_403, chatId, `/reply ${other.receipt} 不是我的`));
    expect(sentTo(chatId).at(-1)).toContain('不是从本聊天提交的');
    expect(await messagesIn(other.id)).toHaveLength(0);
    expect(await messagesIn(report.id)).toHaveLength(1);
  });
});
