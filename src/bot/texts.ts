// The bot's own sentences (buttons, hints, command answers) in both languages. Plain text: the renderer
// escapes them. Questions and their errors come from the intake engine, not from here.
import type { Locale } from '../rules/index';

type Text = Record<Locale, string>;
const t = (zh: string, en: string): Text => ({ zh, en });

export const TEXT = {
  back: t('⬅️ 返回', '⬅️ Back'),
  skip: t('跳过 ➡️', 'Skip ➡️'),
  done: t('✅ 完成', '✅ Done'),
  keep: t('✅ 确认无误', '✅ Keep it'),
  submit: t('📨 提交报告', '📨 Submit report'),
  yes: t('是', 'Yes'),
  no: t('否', 'No'),
  shareContact: t('📱 发送我的手机号', '📱 Share my phone number'),
  /** Reply-keyboard text that `parseTextCommand` reads as "back" in that language. */
  backWord: t('返回', 'back'),
  noted: t('✓ 已记录', '✓ Noted'),
  resumed: t('继续填写您尚未完成的报告：', 'Continuing your unfinished report:'),
  noDraft: t('发送 /start 开始一份新的报告。', 'Send /start to begin a new report.'),
  nothingToCancel: t(
    '目前没有正在填写的报告。发送 /start 开始。',
    'There is no report in progress. Send /start to begin.',
  ),
  expired: t('这份报告草稿已过期，请发送 /start 重新开始。', 'This draft has expired; send /start to begin again.'),
  stale: t('这个按钮已过期，请回答当前问题：', 'That button is out of date; please answer the current question:'),
  staleShort: t('按钮已过期', 'Out of date'),
  unusable: t(
    '抱歉，我只能读取文字消息和按钮，无法读取图片、语音、贴纸或文件。',
    'Sorry, I can only read text and buttons, not photos, voice messages, stickers or files.',
  ),
  edited: t(
    '修改已发送的消息不会被读取；如需更正，请重新发送答案，或在核对页修改。',
    'Edits to sent messages are not read; send the corrected answer again, or change it on the review screen.',
  ),
  unknownCommand: t('没有这个指令。发送 /help 查看可用指令。', 'Unknown command. Send /help for the list.'),
  contactNotAsked: t('现在还不需要电话号码。', 'No phone number is needed right now.'),
  contactNotYours: t(
    '请分享您本人的联系方式，或直接输入电话号码。',
    'Please share your own contact, or type the phone number.',
  ),
  afterSubmit: (receipt: string) =>
    t(
      `查询处理进度：/status ${receipt}\n如有新情况，可发送 /start 新建报告。`,
      `Check progress: /status ${receipt}\nSend /start to file a new report.`,
    ),
  afterCancel: t('发送 /start 可重新开始。', 'Send /start to begin again.'),
  help: t(
    [
      '长春市劳动关系风险监测预警速报机器人',
      '/start — 新建报告（或继续未完成的报告）',
      '/back — 返回上一题',
      '/cancel — 取消正在填写的报告',
      '/status 回执号 — 查询本聊天提交的报告进度',
      '/reply 回执号 留言 — 给接报部门留言（也可直接回复接报部门发来的消息）',
      '/lang zh|en — 切换语言（用于新的报告）',
      '/help — 帮助',
    ].join('\n'),
    [
      'Changchun labour-relations risk quick report bot',
      '/start — new report (or continue an unfinished one)',
      '/back — previous question',
      '/cancel — cancel the report in progress',
      '/status <receipt> — progress of a report filed from this chat',
      '/reply <receipt> <text> — write to the receiving office (or reply to its message)',
      '/lang zh|en — language (for new reports)',
      '/help — this help',
    ].join('\n'),
  ),
  statusUsage: t(
    '请在指令后写回执号，例如：/status CC-2026-AB12CD',
    'Add the receipt number, e.g. /status CC-2026-AB12CD',
  ),
  statusNotFound: t(
    '没有找到这个回执号对应的、由本聊天提交的报告。',
    'No report with this receipt number was filed from this chat.',
  ),
  langUsage: t('用法：/lang zh 或 /lang en', 'Usage: /lang zh or /lang en'),
  langSet: t('好的，新的报告将使用中文。', 'OK, new reports will be in English.'),
  langCurrentDraft: t('正在填写的报告仍使用原来的语言。', 'The report in progress keeps its language.'),
  linkUsage: t(
    '用法：/link 绑定码（在工作台“绑定 Telegram”处获取）',
    'Usage: /link <code> (from “Link Telegram” in the console)',
  ),
  failed: t('抱歉，处理时出错了，请稍后再试。', 'Sorry, something went wrong; please try again.'),
  replyPassedOn: (receipt: string) =>
    t(`已转交接报部门（回执号 ${receipt}）。`, `Passed on to the receiving office (receipt ${receipt}).`),
  replyNotYours: t(
    '抱歉，这份报告不是从本聊天提交的，留言没有转交。只能回复本聊天提交的报告。',
    'Sorry, that report was not filed from this chat, so the message was not passed on. You can only reply about reports filed here.',
  ),
  replyUsage: t(
    '用法：/reply 回执号 留言内容，例如：/reply CC-2026-AB12CD 工资已于今日发放。也可以直接回复接报部门发来的消息。',
    'Usage: /reply <receipt> <message>, e.g. /reply CC-2026-AB12CD Wages were paid today. You can also reply directly to a message from the receiving office.',
  ),
  replyEmpty: t('留言内容为空，没有转交。', 'The message is empty; nothing was passed on.'),
  replyTooLong: (max: number) =>
    t(
      `留言不能超过 ${max} 个字，请分几条发送。没有转交。`,
      `A message can be at most ${max} characters; please split it. Nothing was passed on.`,
    ),
} as const;

export const STATUS_LABEL: Record<'new' | 'claimed' | 'annex4_submitted' | 'closed', Text> = {
  new: t('已受理，等待属地办公室处理', 'Received, waiting for the local office'),
  claimed: t('属地办公室正在处理', 'Being handled by the local office'),
  annex4_submitted: t('已形成信息情况表并上报', 'Situation form filed and reported upward'),
  closed: t('已办结', 'Closed'),
};
