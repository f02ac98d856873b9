// "发送测试消息" on the channels page speaks the channel's language: a robot set to English gets the English
// test message, a Chinese one the Chinese (the same catalogue entries the page itself reads).
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyChannels } from '../../db/schema';
import { type NodeHost, startNodeHost } from '../../functions/node';
import { createOfficer, fetcherFor, type SignedIn, signIn } from './console-fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { type Robot, startRobot } from './notify-robots';

const tmp = tempDir();
const clock = manualClock();
const PASSWORD = 'correct horse battery staple';
let host: NodeHost;
let robot: Robot;
let admin: SignedIn;

beforeAll(async () => {
  host = await startNodeHost(testConfig(join(tmp.dir, 'channels.db'), { ALLOW_PRIVATE_TARGETS: 'true' }), {
    clock: clock.now,
  });
  robot = await startRobot('wecom', clock.now);
  await createOfficer(host.deps.db, { username: 'root', displayName: '管理员', password: PASSWORD, role: 'admin' });
  admin = await signIn(fetcherFor(host.url), 'root', PASSWORD);
});
afterAll(async () => {
  await robot.close();
  await host.stop();
  tmp.cleanup();
});

async function testMessageOf(name: string, locale: 'zh' | 'en'): Promise<string> {
  const added = await admin.post('/console/admin/channels', {
    name,
    jurisdictionId: '',
    type: 'wecom',
    target: robot.url,
    locale,
  });
  expect(added.status).toBe(303);
  const [row] = await host.deps.db.select().from(notifyChannels).where(eq(notifyChannels.name, name));
  expect((await admin.post(`/console/admin/channels/${row?.id}/test`, {})).status).toBe(200);
  return JSON.stringify(robot.received.at(-1)?.body);
}

describe('the channel test message', () => {
  it('is English for a channel set to English and Chinese for one set to Chinese', async () => {
    const en = await testMessageOf('City office (English)', 'en');
    expect(en).toContain('Test message');
    expect(en).toContain('Labour-relations risk early warning');
    expect(en).toContain('City office (English)');
    expect(en).toContain('Open the console');
    expect(en).not.toContain('测试消息');

    const zh = await testMessageOf('市办群', 'zh');
    expect(zh).toContain('【测试消息】');
    expect(zh).toContain('打开工作台');
  });
});
