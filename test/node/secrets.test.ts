// Robot signing secrets at rest: sealed with SECRETS_KEY (AES-GCM) when the admin saves them, opened only to
// sign (the robot sees the right signature), plain rows from before the key sealed at start, and a start-up
// refused — naming SECRETS_KEY, never a value — when secrets are stored and the key is missing or wrong.
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openLibsql } from '../../db/libsql';
import { notifyChannels } from '../../db/schema';
import { startNodeHost } from '../../functions/node';
import { ConfigError, loadConfig } from '../../src/config';
import { cryptoRandom } from '../../src/deps';
import { channelSecretContext } from '../../src/notify/channel-secrets';
import { dispatch } from '../../src/notify/dispatcher';
import { openSecret, SecretsKeyError, sealSecret, secretsKey } from '../../src/secrets';
import { createOfficer, fetcherFor, signIn } from './console-fixtures';
import { insertChannel, insertReport } from './fixtures';
import { manualClock, tempDir, testConfig } from './helpers';
import { startRobot } from './notify-robots';

const tmp = tempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});
afterAll(tmp.cleanup);

const newKey = () => randomBytes(32).toString('base64');
const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab';
const PASSWORD = 'correct horse battery staple';
let n = 0;
const dbFile = () => join(tmp.dir, `secrets-${++n}.db`);

/** A DingTalk signature as the robot checks it. */
const dingtalkSign = (secret: string, timestamp: string) =>
  createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');

describe('sealSecret / openSecret', () => {
  it('round-trips, and refuses another row, another key or no key', async () => {
    const key = await secretsKey({ SECRETS_KEY: newKey() });
    if (!key) throw new Error('no key');
    const sealed = await sealSecret(key, SECRET, 'notify_channels.secret:a', cryptoRandom);
    expect(sealed).toMatch(/^enc:v1:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain(SECRET);
    // A fresh IV each time: the same secret never looks the same twice.
    expect(await sealSecret(key, SECRET, 'notify_channels.secret:a', cryptoRandom)).not.toBe(sealed);
    expect(await openSecret(key, sealed, 'notify_channels.secret:a')).toBe(SECRET);
    await expect(openSecret(key, sealed, 'notify_channels.secret:b')).rejects.toThrow(SecretsKeyError);
    const other = await secretsKey({ SECRETS_KEY: newKey() });
    await expect(openSecret(other, sealed, 'notify_channels.secret:a')).rejects.toThrow(/SECRETS_KEY does not decrypt/);
    await expect(openSecret(undefined, sealed, 'notify_channels.secret:a')).rejects.toThrow(/SECRETS_KEY is not set/);
    // Plain text from before the key existed is returned as stored.
    expect(await openSecret(undefined, SECRET, 'notify_channels.secret:a')).toBe(SECRET);
  });

  it('a malformed SECRETS_KEY is a configuration error naming the setting, not its value', () => {
    const bad = 'not-a-key-but-a-secretish-value';
    let thrown: unknown;
    try {
      loadConfig({ APP_ENV: 'test', SECRETS_KEY: bad });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain('SECRETS_KEY');
    expect((thrown as Error).message).not.toContain(bad);
  });
});

describe('the channels page', () => {
  it('stores a DingTalk signing secret sealed, and the robot still gets a valid signature', async () => {
    const clock = manualClock();
    const key = newKey();
    const file = dbFile();
    const host = await startNodeHost(testConfig(file, { SECRETS_KEY: key, ALLOW_PRIVATE_TARGETS: 'true' }), {
      clock: clock.now,
    });
    cleanups.push(() => host.stop());
    const robot = await startRobot('dingtalk', clock.now);
    cleanups.push(robot.close);
    const f = fetcherFor(host.url);
    await createOfficer(host.deps.db, { username: 'root', displayName: '管理员', password: PASSWORD, role: 'admin' });
    const admin = await signIn(f, 'root', PASSWORD);
    const res = await admin.post('/console/admin/channels', {
      name: '南关区钉钉群',
      jurisdictionId: '220102',
      type: 'dingtalk',
      target: robot.url,
      secret: SECRET,
    });
    expect(res.status).toBe(303);
    const [row] = await host.deps.db.select().from(notifyChannels);
    expect(row?.secret).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain(SECRET.slice(3));
    const opened = await openSecret(
      await secretsKey({ SECRETS_KEY: key }),
      row?.secret ?? '',
      channelSecretContext(row?.id ?? ''),
    );
    expect(opened).toBe(SECRET);

    // The admin's test message and a real alert are both signed with the plain secret.
    expect((await admin.post(`/console/admin/channels/${row?.id}/test`, {})).status).toBe(200);
    await insertReport(host.deps.db, {});
    await dispatch(host.deps);
    expect(robot.received).toHaveLength(2);
    for (const req of robot.received) {
      const timestamp = req.query.get('timestamp') ?? '';
      expect(req.query.get('sign')).toBe(dingtalkSign(SECRET, timestamp));
    }
  });

  it('without SECRETS_KEY the form comes back with everything typed and says which setting is missing', async () => {
    const host = await startNodeHost(testConfig(dbFile(), { ALLOW_PRIVATE_TARGETS: 'true' }));
    cleanups.push(() => host.stop());
    const f = fetcherFor(host.url);
    await createOfficer(host.deps.db, { username: 'root', displayName: '管理员', password: PASSWORD, role: 'admin' });
    const admin = await signIn(f, 'root', PASSWORD);
    const res = await admin.post('/console/admin/channels', {
      name: '南关区飞书群',
      jurisdictionId: '220102',
      type: 'feishu',
      target: 'http://127.0.0.1:9/open-apis/bot/v2/hook/x',
      secret: SECRET,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('SECRETS_KEY');
    expect(html).toContain('南关区飞书群');
    expect(await host.deps.db.$count(notifyChannels)).toBe(0);
  });
});

describe('start-up', () => {
  async function plainSecretDb() {
    const file = dbFile();
    const opened = await openLibsql(`file:${file}`);
    await insertChannel(opened.db, {
      type: 'dingtalk',
      target: 'https://oapi.dingtalk.com/robot/send?x=1',
      secret: SECRET,
    });
    opened.close();
    return file;
  }

  it('refuses to start with stored secrets and no SECRETS_KEY, naming the setting and no value', async () => {
    const file = await plainSecretDb();
    const started = startNodeHost(testConfig(file));
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(
      /^配置错误 Invalid configuration: SECRETS_KEY must be set: 1 robot signing secret/,
    );
    await expect(started).rejects.not.toThrow(SECRET);
  });

  it('seals plain secrets from before the key at start; a different key later is refused', async () => {
    const file = await plainSecretDb();
    const key = newKey();
    const host = await startNodeHost(testConfig(file, { SECRETS_KEY: key }));
    const [row] = await host.deps.db.select().from(notifyChannels);
    expect(row?.secret).toMatch(/^enc:v1:/);
    const opened = await openSecret(
      await secretsKey({ SECRETS_KEY: key }),
      row?.secret ?? '',
      channelSecretContext(row?.id ?? ''),
    );
    expect(opened).toBe(SECRET);
    await host.stop();

    await expect(startNodeHost(testConfig(file, { SECRETS_KEY: newKey() }))).rejects.toThrow(
      /SECRETS_KEY does not decrypt the stored robot signing secrets/,
    );
    // The right key starts, and nothing is sealed twice.
    const again = await startNodeHost(testConfig(file, { SECRETS_KEY: key }));
    const [same] = await again.deps.db
      .select()
      .from(notifyChannels)
      .where(eq(notifyChannels.id, row?.id ?? ''));
    expect(same?.secret).toBe(row?.secret);
    await again.stop();
  });

  it('changes the key: with the old one as SECRETS_KEY_PREVIOUS the start re-seals every secret with the new one', async () => {
    const file = await plainSecretDb();
    const oldKey = newKey();
    await (await startNodeHost(testConfig(file, { SECRETS_KEY: oldKey }))).stop();
    const newer = newKey();
    // The new key alone cannot open what the old one sealed.
    await expect(startNodeHost(testConfig(file, { SECRETS_KEY: newer }))).rejects.toThrow(/SECRETS_KEY_PREVIOUS/);
    const host = await startNodeHost(testConfig(file, { SECRETS_KEY: newer, SECRETS_KEY_PREVIOUS: oldKey }));
    const [row] = await host.deps.db.select().from(notifyChannels);
    await host.stop();
    const context = channelSecretContext(row?.id ?? '');
    expect(await openSecret(await secretsKey({ SECRETS_KEY: newer }), row?.secret ?? '', context)).toBe(SECRET);
    // From now on the new key is enough.
    await (await startNodeHost(testConfig(file, { SECRETS_KEY: newer }))).stop();
  });
});
