import type { Text } from '../rules/index';

// Fixed sentences the conversation engine says, in both languages. Field prompts live in fields.ts.

const t = (zh: string, en: string): Text => ({ zh, en });

export const MSG = {
  welcome: t(
    '您好！这里是长春市劳动关系风险监测预警速报。我们将逐项询问《用人单位速报表》的内容。',
    'Hello! This is the Changchun labour-relations risk quick report. We will ask for each item of the employer quick report form.',
  ),
  // The typed commands, said with the welcome in chats only (the widget and forms have buttons for them).
  welcomeCommands: t(
    '随时可回复“返回”“跳过”“帮助”或“取消”。',
    'You can say "back", "skip", "help" or "cancel" at any time.',
  ),
  requiredNoSkip: t('此项为必填项，不能跳过。', 'This question is required and cannot be skipped.'),
  firstQuestion: t('已经是第一个问题了。', 'This is already the first question.'),
  nothingToConfirm: t(
    '当前没有需要确认的内容，请直接回答问题。',
    'There is nothing to confirm; please answer the question.',
  ),
  notAnOption: t('请从列出的选项中选择。', 'Please pick one of the listed options.'),
  notMulti: t('这个问题只能选择一项，请直接回答。', 'This question takes a single answer.'),
  submitFromReview: t(
    '请先回答完问题，在核对页面确认后再提交。',
    'Please finish the questions and submit from the review screen.',
  ),
  answerAtReview: t(
    '请回复“提交”提交报告，或回复“修改 项目名称（或序号）”修改某一项。',
    'Reply "submit" to send the report, or "edit <item name or number>" to change an answer.',
  ),
  unknownField: t(
    '没有找到要修改的项目，请回复核对页中的序号或名称。',
    'No such item; reply with a number or name from the review list.',
  ),
  reviewHeader: t('请核对以下信息：', 'Please check your answers:'),
  reviewFooter: t(
    '无误请回复“提交”；如需修改，请回复“修改 序号”，例如“修改 3”。',
    'If everything is right, reply "submit"; to change something, reply "edit <number>", e.g. "edit 3".',
  ),
  submitted: t(
    '报告已提交，感谢您的报告。属地协调劳动关系三方委员会办公室将尽快处理。',
    'Your report has been submitted. Thank you; the local tripartite committee office will follow it up.',
  ),
  alreadySubmitted: t(
    '该报告已提交，无法再修改。如有新情况，请新建报告。',
    'This report has already been submitted; please start a new one for new developments.',
  ),
  cancelled: t('已取消本次报告，填写的内容不会提交。', 'The report was cancelled; nothing was submitted.'),
  helpCommands: t(
    '可用指令：返回（上一步）、跳过（选填项）、核对（查看全部回答）、修改 序号、提交、取消、帮助。',
    'Commands: back, skip (optional questions), review, edit <number>, submit, cancel, help.',
  ),
  // Said after a multi-choice prompt (which already says "可多选"): only how to finish, and only in chats.
  selectionHint: t('选好后回复“完成”。', 'When you have chosen, reply "done".'),
  // Said after a warning (a doubtful check character), only in chats: buttons and forms have their own control.
  keepOrRetype: t('请重新输入；如确认无误，请回复“确认”。', 'Re-enter it, or reply "confirm" to keep it.'),
  missingRequired: (label: Text): Text => t(`请先填写“${label.zh}”。`, `Please answer "${label.en}" first.`),
  skippedMark: t('（已跳过）', '(skipped)'),
  requiredMark: t('（必填，未填写）', '(required, missing)'),
} as const;
