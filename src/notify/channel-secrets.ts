// Robot signing secrets (DingTalk 加签, Feishu 签名校验) are stored sealed with SECRETS_KEY (src/secrets.ts)
// and opened only in the sender, just before signing. Rows stored before the key existed hold plain text:
// they keep working and are sealed by the next start (Node) or tick (both hosts) once the key is set.
// A deployment with stored secrets and no key (or the wrong key) is refused at start with a line naming
// SECRETS_KEY (never a value); on Workers, which have no start, the tick logs it and /healthz shows it.
import { type NotifyChannel, replaceChannelSecret, storedChannelSecrets } from '../../db/repo/channels';
import { ConfigError } from '../config';
import type { AppDeps } from '../deps';
import { isSealed, openSecret, SecretsKeyError, sealSecret, secretsKey } from '../secrets';
import type { ChannelSender } from './types';

/** Binds a sealed secret to its channel row. */
export const channelSecretContext = (channelId: string) => `notify_channels.secret:${channelId}`;

/** The value to store for a secret typed on the channels page; throws SecretsKeyError without SECRETS_KEY. */
export async function sealChannelSecret(
  deps: Pick<AppDeps, 'config' | 'random'>,
  channelId: string,
  plain: string,
): Promise<string> {
  const key = await secretsKey(deps.config);
  if (!key) throw new SecretsKeyError('SECRETS_KEY is not set: a signing secret cannot be stored');
  return sealSecret(key, plain, channelSecretContext(channelId), deps.random);
}

/** A sender that gets the channel with its secret opened; a secret it cannot open is a failed (retried) send. */
export function openingSecret(config: AppDeps['config'], send: ChannelSender): ChannelSender {
  return async (channel, message) => {
    if (!channel.secret) return send(channel, message);
    let opened: NotifyChannel;
    try {
      const secret = await openSecret(await secretsKey(config), channel.secret, channelSecretContext(channel.id));
      opened = { ...channel, secret };
    } catch (err) {
      if (err instanceof SecretsKeyError) return { ok: false, error: err.message };
      throw err;
    }
    return send(opened, message);
  };
}

/**
 * What is wrong with SECRETS_KEY for the secrets stored now, as one English sentence naming the setting, or
 * undefined when every stored secret can be opened (or none is stored).
 */
export async function secretsKeyProblem(deps: Pick<AppDeps, 'db' | 'config'>): Promise<string | undefined> {
  const stored = await storedChannelSecrets(deps.db);
  if (stored.length === 0) return undefined;
  let key: CryptoKey | undefined;
  try {
    key = await secretsKey(deps.config);
  } catch (err) {
    return (err as Error).message;
  }
  if (!key) {
    return `SECRETS_KEY must be set: ${stored.length} robot signing secret(s) are stored (generate one with \`openssl rand -base64 32\` and keep it)`;
  }
  const sealed = stored.find((s) => isSealed(s.secret));
  if (sealed) {
    try {
      await openSecret(key, sealed.secret, channelSecretContext(sealed.id));
    } catch {
      return 'SECRETS_KEY does not decrypt the stored robot signing secrets: set the key they were stored with';
    }
  }
  return undefined;
}

/** Throws a ConfigError (the start-up line) when secretsKeyProblem finds one. */
export async function assertSecretsKey(deps: Pick<AppDeps, 'db' | 'config'>): Promise<void> {
  const problem = await secretsKeyProblem(deps);
  if (problem) throw new ConfigError(`配置错误 Invalid configuration: ${problem}.`);
}

/** Seals the secrets still stored in plain text (from before SECRETS_KEY); how many. Nothing without a key. */
export async function sealPlainSecrets(deps: Pick<AppDeps, 'db' | 'config' | 'random'>): Promise<number> {
  const key = await secretsKey(deps.config);
  if (!key) return 0;
  const plain = (await storedChannelSecrets(deps.db)).filter((s) => !isSealed(s.secret));
  for (const row of plain) {
    const sealed = await sealSecret(key, row.secret, channelSecretContext(row.id), deps.random);
    await replaceChannelSecret(deps.db, row.id, row.secret, sealed);
  }
  return plain.length;
}
