// The same Telegram conversation through the worker's webhook route inside workerd on D1. The Bot API is
// a fake in the Vitest process (miniflare outboundService, see bot-telegram-fake.ts): we assert what the
// bot sent it.
import { env, SELF } from 'cloudflare:test';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { fieldById, optionsOf } from '../../src/intake/index';
import { M05_ANSWERS } from '../support/conversation';
import { type Asked, askedBy, tgUpdate } from '../support/telegram';
import { FAKE_BOT_TOKEN, FAKE_TELEGRAM_ROOT, FAKE_WEBHOOK_SECRET, type FakeCall } from './bot-telegram-fake';

async function post(update: Update, secret: string | null = FAKE_WEBHOOK_SECRET) {
  const res = await SELF.fetch('http://x/telegram/webhook', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    },
    body: JSON.stringify(update),
  });
  return res.status;
}

async function calls(): Promise<FakeCall[]> {
  return (await (await fetch(new URL('__calls', FAKE_TELEGRAM_ROOT))).json()) as FakeCall[];
}

/** A person in a private chat: each update is handled before the webhook answers, so replies are there. */
class Chat {
  private updateId: number;
  private seen = 0;
  constructor(readonly id: number) {
    this.updateId = id * 1000;
  }

  async sent(): Promise<FakeCall[]> {
    return (await calls()).filter((c) => c.method === 'sendMessage' && c.payload.chat_id === this.id);
  }

  /** Posts an update (`make` gets a fresh update_id) and returns the messages it produced. */
  async send(make: (updateId: number, chatId: number) => Update): Promise<FakeCall[]> {
    expect(await post(make(++this.updateId, this.id))).toBe(200);
    const all = await this.sent();
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    return fresh;
  }

  /** The last of `msgs` that asks something. */
  static asked(msgs: FakeCall[]): { asked: Asked; call: FakeCall } {
    for (const call of [...msgs].reverse()) {
      const asked = askedBy(String(call.payload.text));
      if (asked) return { asked, call };
    }
    throw new Error(`nothing asked in ${JSON.stringify(msgs.map((m) => m.payload.text))}`);
  }
}

const buttonsOf = (call: FakeCall) =>
  (
    (call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

async function optionIndex(fieldId: string, value: unknown): Promise<number> {
  const rows = await env.DB.prepare('SELECT id, name_zh, name_en FROM jurisdictions ORDER BY sort').all<{
    id: string;
    name_zh: string;
    name_en: string;
  }>();
  const ctx = { jurisdictions: rows.results.map((j) => ({ id: j.id, name: { zh: j.name_zh, en: j.name_en } })) };
  return optionsOf(fieldById(fieldId)!, ctx).findIndex((o) => o.value === value);
}

describe('Telegram bot through the worker webhook (workerd, D1)', () => {
  it('files a report by chat; hints for unusable messages; a repeated press answers once', async () => {
    const chat = new Chat(7001);
    let out = await chat.send((u, c) => tgUpdate.text(u, c, '/start'));
    expect(out).toHaveLength(1);
    expect(out[0]!.payload.parse_mode).toBe('HTML');
    let { asked, call } = Chat.asked(out);
    expect(asked).toEqual({ kind: 'question', field: 'unit_name' });

    for (let guard = 0; asked.kind === 'question' && guard < 60; guard++) {
      const id = asked.field;
      const value = M05_ANSWERS[id];
      const kind = fieldById(id)!.kind;
      if (id === 'reporter_phone') {
        // A sticker and someone else's contact get a hint and the same question.
        out = await chat.send(tgUpdate.sticker);
        expect(String(out[0]!.payload.text)).toContain('无法读取图片、语音、贴纸或文件');
        expect(Chat.asked(out).asked).toEqual({ kind: 'question', field: 'reporter_phone' });
        out = await chat.send((u, c) => tgUpdate.contact(u, c, '+86 139 0000 0000', 999));
        expect(String(out[0]!.payload.text)).toContain('请分享您本人的联系方式');
        out = await chat.send((u, c) => tgUpdate.contact(u, c, '8613800138000', c));
      } else if (value === undefined) {
        out = await chat.send((u, c) => tgUpdate.callback(u, c, `s:${id}`, call.messageId));
      } else if (kind === 'choice') {
        const data = `a:${id}:${await optionIndex(id, value)}`;
        expect(buttonsOf(call).map((b) => b.callback_data)).toContain(data);
        out = await chat.send((u, c) => tgUpdate.callback(u, c, data, call.messageId));
      } else if (kind === 'multi') {
        const data = `t:${id}:${await optionIndex(id, 'M05')}`;
        expect(await chat.send((u, c) => tgUpdate.callback(u, c, data, call.messageId))).toEqual([]);
        // The toggle ticks the option on the same message.
        const edit = (await calls()).filter((c) => c.method === 'editMessageReplyMarkup').at(-1)!;
        expect(edit.payload).toMatchObject({ chat_id: chat.id, message_id: call.messageId });
        expect(JSON.stringify(edit.payload.reply_markup)).toContain('✓ 拖欠工资');
        out = await chat.send((u, c) => tgUpdate.callback(u, c, `ok:${id}`, call.messageId));
      } else {
        out = await chat.send((u, c) => tgUpdate.text(u, c, String(value)));
      }
      ({ asked, call } = Chat.asked(out));
    }
    expect(asked.kind).toBe('review');
    expect(buttonsOf(call).map((b) => b.callback_data)).toContain('e:details');

    // An edited message is not read.
    out = await chat.send((u, c) => tgUpdate.edited(u, c, '改了'));
    expect(String(out[0]!.payload.text)).toContain('修改已发送的消息不会被读取');

    // Submit, then the same press redelivered: one receipt, and the callback answered both times.
    const submit = tgUpdate.callback(7_001_900, chat.id, 'sub', call.messageId);
    out = await chat.send(() => submit);
    const done = Chat.asked(out).asked;
    expect(done.kind).toBe('submitted');
    const receipt = done.kind === 'submitted' ? done.receipt : '';
    expect(await chat.send(() => submit)).toEqual([]);
    const answers = (await calls()).filter(
      (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === `cb-${7_001_900}`,
    );
    expect(answers).toHaveLength(2);

    out = await chat.send((u, c) => tgUpdate.text(u, c, `/status ${receipt}`));
    expect(String(out[0]!.payload.text)).toContain(`回执号：${receipt}`);

    const row = await env.DB.prepare('SELECT reporter_chat, reporter_phone, channel FROM reports WHERE receipt = ?')
      .bind(receipt)
      .first<{ reporter_chat: string; reporter_phone: string; channel: string }>();
    expect(row).toEqual({ reporter_chat: `tg:${chat.id}`, reporter_phone: '13800138000', channel: 'telegram' });
    // botInfo is preset: no getMe per request.
    expect((await calls()).some((c) => c.method === 'getMe')).toBe(false);
  });

  it('/lang en makes the next report English; /cancel ends it', async () => {
    const chat = new Chat(7004);
    let out = await chat.send((u, c) => tgUpdate.text(u, c, '/lang en'));
    expect(String(out[0]!.payload.text)).toContain('new reports will be in English');
    out = await chat.send((u, c) => tgUpdate.text(u, c, '/start'));
    expect(String(out[0]!.payload.text)).toContain("What is the employer's name");
    out = await chat.send((u, c) => tgUpdate.text(u, c, '/cancel'));
    expect(String(out[0]!.payload.text)).toContain('The report was cancelled');
    out = await chat.send((u, c) => tgUpdate.text(u, c, 'hello'));
    expect(String(out[0]!.payload.text)).toContain('Send /start to begin a new report.');
  });

  it('an expired draft says so, and /start begins a new one', async () => {
    const chat = new Chat(7005);
    await chat.send((u, c) => tgUpdate.text(u, c, '/start'));
    await chat.send((u, c) => tgUpdate.text(u, c, '长春某公司'));
    await env.DB.prepare('UPDATE intake_drafts SET expires_at = 0 WHERE chat_key = ?').bind('tg:7005').run();
    let out = await chat.send((u, c) => tgUpdate.text(u, c, '91110108551385082Q'));
    expect(String(out[0]!.payload.text)).toContain('这份报告草稿已过期');
    out = await chat.send((u, c) => tgUpdate.text(u, c, '/start'));
    expect(Chat.asked(out).asked).toEqual({ kind: 'question', field: 'unit_name' });
    expect(String(out[0]!.payload.text)).toContain('您好！');
  });

  it("routes officers' claim buttons (group chats) and /link to the notify flows", async () => {
    const group = { id: -1_007_003, type: 'supergroup' as const, title: '南关区调度室' };
    const claim: Update = {
      update_id: 7_003_900,
      callback_query: {
        id: 'cb-claim-7003',
        chat_instance: 'g',
        from: { id: 7003, is_bot: false, first_name: 'Officer' },
        message: { message_id: 9, date: 1_790_000_000, chat: group, text: 'alert' },
        data: 'claim:r_unknown',
      },
    };
    expect(await post(claim)).toBe(200);
    const answer = (await calls()).find((c) => c.payload.callback_query_id === 'cb-claim-7003');
    expect(String(answer?.payload.text)).toContain('尚未绑定'); // this Telegram user is linked to no officer
    const out = await new Chat(7003).send((u, c) => tgUpdate.text(u, c, '/link ABCD-EFGH'));
    expect(String(out[0]!.payload.text)).toContain('绑定码无效');
  });

  it("a reply to the office's message becomes one message_in; another chat's receipt is refused; /reply works", async () => {
    // Two reports filed from chats 7006 and 7007 (inserted: the conversation is covered above).
    const insert = (id: string, receipt: string, chatKey: string) =>
      env.DB.prepare(
        `INSERT INTO reports (id, receipt, employer_id, jurisdiction_id, channel, unit_name, reporter_name,
           reporter_phone, reporter_chat, answers, items, assessment, ruleset_version, severity, urgency,
           submitted_at, annex4_due_at)
         VALUES (?, ?, 'e1', '220102', 'telegram', '长春某公司', '李梅', '13800138000', ?, '{}', '["M05"]', '{}',
           'v1', 'medium', 'within_24h', 0, 86400000)`,
      )
        .bind(id, receipt, chatKey)
        .run();
    await insert('r_7006', 'CC-2026-AB2CDE', 'tg:7006');
    await insert('r_7007', 'CC-2026-XY3ZWV', 'tg:7007');
    const messagesIn = async (reportId: string) =>
      (
        await env.DB.prepare(
          "SELECT actor_type, data FROM report_events WHERE report_id = ? AND type = 'message_in' ORDER BY id",
        )
          .bind(reportId)
          .all<{ actor_type: string; data: string }>()
      ).results;
    const botId = Number(FAKE_BOT_TOKEN.split(':')[0]);
    const office = (receipt: string) => `回执号 ${receipt}\n请补充工资表。\n如需回复，请直接回复本条消息。`;

    const chat = new Chat(7006);
    const reply = tgUpdate.reply(7_006_001, chat.id, '已准备好。', { text: office('CC-2026-AB2CDE'), fromId: botId });
    let out = await chat.send(() => reply);
    expect(out.map((c) => c.payload.text)).toEqual(['已转交接报部门（回执号 CC-2026-AB2CDE）。']);
    expect(await chat.send(() => reply)).toEqual([]); // redelivered: no second answer, no second event
    expect(await messagesIn('r_7006')).toEqual([
      { actor_type: 'reporter', data: JSON.stringify({ text: '已准备好。', channel: 'telegram' }) },
    ]);

    out = await chat.send((u, c) => tgUpdate.reply(u, c, '插一句', { text: office('CC-2026-XY3ZWV'), fromId: botId }));
    expect(String(out[0]!.payload.text)).toContain('不是从本聊天提交的');
    expect(await messagesIn('r_7007')).toEqual([]);

    out = await chat.send((u, c) => tgUpdate.text(u, c, '/reply CC-2026-AB2CDE 明早九点到'));
    expect(String(out[0]!.payload.text)).toContain('已转交接报部门');
    expect((await messagesIn('r_7006')).map((r) => JSON.parse(r.data).text)).toEqual(['已准备好。', '明早九点到']);
  });

  it('refuses a wrong or missing secret with 403 and records nothing', async () => {
    const update = tgUpdate.text(7_002_001, 7002, '/start');
    expect(await post(update, 'nope')).toBe(403);
    expect(await post(update, null)).toBe(403);
    const key = await env.DB.prepare('SELECT count(*) AS n FROM inbound_events WHERE key = ?')
      .bind('tg:update:7002001')
      .first<{ n: number }>();
    expect(key?.n).toBe(0);
    expect((await calls()).some((c) => c.payload.chat_id === 7002)).toBe(false);
  });
});
