// The robots' wire formats, checked on real local HTTP servers: payloads field by field, DingTalk and
// Feishu signatures recomputed here with node:crypto from the documented algorithm.
import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { dispatch } from '../../src/notify/dispatcher';
import { insertChannel, insertReport, openDeps } from './fixtures';
import { manualClock, tempDir } from './helpers';
import { type RobotKind, startRobot } from './notify-robots';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});
afterAll(tmp.cleanup);

async function setup(kind: RobotKind, secret: string | null = null) {
  const clock = manualClock();
  const { deps, close } = await openDeps(join(tmp.dir, `${randomUUID()}.db`), clock.now);
  const robot = await startRobot(kind, clock.now);
  cleanups.push(close, robot.close);
  const channel = await insertChannel(deps.db, { type: kind, target: robot.url, secret, name: `南关区${kind}群` });
  return { clock, deps, robot, channel };
}

async function alertRows(deps: Awaited<ReturnType<typeof setup>>['deps']) {
  return deps.db.select().from(outbox).where(eq(outbox.kind, 'report_alert'));
}

describe('WeCom group robot', () => {
  it('posts markdown within 4096 bytes with the alert, mobiles masked, and records the row as sent', async () => {
    const { clock, deps, robot, channel } = await setup('wecom');
    const { reportId } = await insertReport(deps.db, { unitName: '长春示例公司（值班电话 13900001111）' });
    const result = await dispatch(deps);
    expect(result).toMatchObject({ sent: 2, fannedOut: 1, retried: 0, dead: 0 });

    expect(robot.received).toHaveLength(1);
    const req = robot.received[0]!;
    expect(req.path).toBe('/cgi-bin/webhook/send');
    expect(req.query.get('key')).toBe('wecom-key-0001');
    expect(Object.keys(req.body)).toEqual(['msgtype', 'markdown']);
    expect(req.body.msgtype).toBe('markdown');
    const content = (req.body.markdown as { content: string }).content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    const lines = content.split('\n');
    expect(lines[0]).toBe('### 【监测预警】劳动关系风险报告');
    expect(lines).toContain('**用人单位：**长春示例公司（值班电话 139＊＊＊＊1111）');
    expect(lines).toContain('**所属辖区：**南关区');
    expect(lines).toContain('**监测事项：**拖欠工资');
    expect(lines).toContain('**报告人：**李协调 138＊＊＊＊5678');
    expect(lines.at(-1)).toBe(`[在控制台查看详情](https://report.example.gov.cn/console/cases/${reportId})`);
    expect(content).not.toMatch(/13900001111|13812345678/);

    const [row] = await alertRows(deps);
    expect(row).toMatchObject({
      state: 'sent',
      attempts: 1,
      channelId: channel.id,
      reportId,
      dedupeKey: `report_alert:${reportId}:${channel.id}`,
      leaseOwner: null,
      lastError: null,
    });
    expect(row?.sentAt?.getTime()).toBe(clock.now().getTime());
  });

  it('an errcode in a 200 body is a failure; 45009 (too fast) waits a minute', async () => {
    const { clock, deps, robot } = await setup('wecom');
    robot.script({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
    await insertReport(deps.db);
    expect(await dispatch(deps)).toMatchObject({ retried: 1, sent: 1 });
    let [row] = await alertRows(deps);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: 'WeCom errcode 93000: invalid webhook url' });

    robot.script({ status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    clock.set(row!.nextAttemptAt.toISOString());
    await dispatch(deps);
    [row] = await alertRows(deps);
    // "Too fast" is a wait, not another failed attempt.
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'WeCom errcode 45009: api freq out of limit',
    });
    expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(60_000);
  });
});

describe('DingTalk robot', () => {
  it('signs the URL with HMAC-SHA256 over "timestamp\\nsecret" and posts markdown with a title', async () => {
    const secret = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab';
    const { clock, deps, robot } = await setup('dingtalk', secret);
    const { reportId } = await insertReport(deps.db, { urgent: true });
    await dispatch(deps);

    expect(robot.received).toHaveLength(1);
    const req = robot.received[0]!;
    expect(req.path).toBe('/robot/send');
    expect(req.query.get('access_token')).toBe('dingtalk-token-0001');
    const timestamp = req.query.get('timestamp');
    expect(timestamp).toBe(String(clock.now().getTime()));
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(req.query.get('sign')).toBe(expected);

    expect(Object.keys(req.body)).toEqual(['msgtype', 'markdown']);
    expect(req.body.msgtype).toBe('markdown');
    const markdown = req.body.markdown as { title: string; text: string };
    expect(markdown.title).toBe('【紧急重大】劳动关系风险报告，请立即处置');
    const paragraphs = markdown.text.split('\n\n');
    expect(paragraphs[0]).toBe('### 【紧急重大】劳动关系风险报告，请立即处置');
    expect(paragraphs).toContain('**参与人数：**60 人（群体性事件）');
    expect(paragraphs.at(-1)).toBe(`[在控制台查看详情](https://report.example.gov.cn/console/cases/${reportId})`);
  });

  it('130101 (more than 20 a minute) waits out the 10-minute block', async () => {
    const { clock, deps, robot } = await setup('dingtalk', 'SECx');
    robot.script({ status: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } });
    await insertReport(deps.db);
    await dispatch(deps);
    const [row] = await alertRows(deps);
    expect(row?.lastError).toBe('DingTalk errcode 130101: send too fast, exceed 20 times per minute');
    expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(600_000);
  });
});

describe('Feishu/Lark robot', () => {
  it('puts timestamp (seconds) and sign = base64(HMAC-SHA256(key "timestamp\\nsecret", empty)) in the body', async () => {
    const secret = 'feishu-secret-42';
    const { clock, deps, robot } = await setup('feishu', secret);
    const { reportId } = await insertReport(deps.db, { urgent: true });
    await dispatch(deps);

    expect(robot.received).toHaveLength(1);
    const { body, path } = robot.received[0]!;
    expect(path).toBe('/open-apis/bot/v2/hook/feishu-hook-0001');
    expect(Object.keys(body).sort()).toEqual(['card', 'msg_type', 'sign', 'timestamp']);
    expect(body.timestamp).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    const expected = createHmac('sha256', `${body.timestamp}\n${secret}`).update('').digest('base64');
    expect(body.sign).toBe(expected);
    expect(body.msg_type).toBe('interactive');

    const card = body.card as {
      header: { title: { tag: string; content: string }; template: string };
      elements: { tag: string; text?: { tag: string; content: string }; actions?: { url: string }[] }[];
    };
    expect(card.header).toEqual({
      title: { tag: 'plain_text', content: '【紧急重大】劳动关系风险报告，请立即处置' },
      template: 'red',
    });
    const fields = card.elements[0]?.text;
    expect(fields?.tag).toBe('plain_text');
    expect(fields?.content.split('\n')).toContain('报告人：李协调 138****5678');
    expect(card.elements.at(-1)?.actions?.[0]?.url).toBe(`https://report.example.gov.cn/console/cases/${reportId}`);
  });

  it('no secret: no timestamp or sign; code 19021 in a 200 body is a failure', async () => {
    const { deps, robot } = await setup('feishu');
    robot.script({ status: 200, body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour' } });
    await insertReport(deps.db);
    await dispatch(deps);
    expect(Object.keys(robot.received[0]!.body).sort()).toEqual(['card', 'msg_type']);
    const [row] = await alertRows(deps);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/^Feishu code 19021/);
  });
});
