// Robot signing secrets (DingTalk 加签, Feishu 签名校验) are stored sealed with SECRETS_KEY (src/secrets.ts)
// and opened only in the sender, just before signing. Rows stored before the key existed hold plain text:
// they keep working and are sealed by the next start (Node) or tick (both hosts) once the key is set. To change
// the key, set the new one as SECRETS_KEY and the old one as SECRETS_KEY_PREVIOUS: the next start or tick seals
// every secret again with the new key, after which SECRETS_KEY_PREVIOUS can go.
// A deployment with stored secrets and no key (or the wrong key) is refused at start with a line naming
// SECRETS_KEY (never a value); on Workers, which have no start, the tick logs it and /healthz shows it.
import { type NotifyChannel, replaceChannelSecret, storedChannelSecrets } from '../../db/repo/channels';
import { configError } from '../config';
import type { AppDeps } from '../deps';
import { isSealed, openRotating, SecretsKeyError, sealSecret, secretsKey } from '../secrets';
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
      const { plain } = await openRotating(config, channel.secret, channelSecretContext(channel.id));
      opened = { ...channel, secret: plain };
    } catch (err) {
      if (err instanceof SecretsKeyError) return { ok: false, error: err.message };
      throw err;
    }
    return send(opened, message);
  };
}

/**
 * What is wrong with SECRETS_KEY for the secrets stored now, as one English sentence naming the setting, or
 * undefined when every stored secret can be opened (with SECRETS_KEY, or SECRETS_KEY_PREVIOUS during a change).
 */
export async function secretsKeyProblem(deps: Pick<AppDeps, 'db' | 'config'>): Promise<string | undefined> {
  const stored = await storedChannelSecrets(deps.db);
  if (stored.length === 0) return undefined;
  if (!deps.config.SECRETS_KEY) {
    return `SECRETS_KEY must be set: ${stored.length} robot signing secret(s) are stored (generate one with \`openssl rand -base64 32\` and keep it)`;
  }
  for (const row of stored) {
    try {
      await openRotating(deps.config, row.secret, channelSecretContext(row.id));
    } catch (err) {
      if (!(err instanceof SecretsKeyError)) throw err;
      return 'SECRETS_KEY does not decrypt the stored robot signing secrets: set the key they were stored with (or, while changing it, that key as SECRETS_KEY_PREVIOUS)';
    }
  }
  return undefined;
}

/** Throws a ConfigError (the start-up line) when secretsKeyProblem finds one. */
export async function assertSecretsKey(deps: Pick<AppDeps, 'db' | 'config'>): Promise<void> {
  const problem = await secretsKeyProblem(deps);
  if (problem) throw configError(problem);
}

/**
 * Seals with SECRETS_KEY the secrets still stored in plain text (from before the key) and those only
 * SECRETS_KEY_PREVIOUS opens (a key change); how many. Nothing without a key; a row no key opens is left.
 */
export async function sealPlainSecrets(deps: Pick<AppDeps, 'db' | 'config' | 'random'>): Promise<number> {
  const key = await secretsKey(deps.config);
  if (!key) return 0;
  let sealed = 0;
  for (const row of await storedChannelSecrets(deps.db)) {
    const context = channelSecretContext(row.id);
    let plain: string;
    try {
      const opened = await openRotating(deps.config, row.secret, context);
      if (isSealed(row.secret) && !opened.stale) continue;
      plain = opened.plain;
    } catch (err) {
      if (err instanceof SecretsKeyError) continue;
      throw err;
    }
    await replaceChannelSecret(deps.db, row.id, row.secret, await sealSecret(key, plain, context, deps.random));
    sealed++;
  }
  return sealed;
}
