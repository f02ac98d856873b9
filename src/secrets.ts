// Secrets at rest (robot signing secrets, see src/notify/channel-secrets.ts): AES-256-GCM with WebCrypto, so
// the same code runs on Node 20 and on Workers. The key is the SECRETS_KEY setting (32 random bytes, base64).
// A sealed value is `enc:v1:<iv>:<ciphertext+tag>` (base64url); the row it belongs to is bound in as
// additional data, so a sealed value copied into another row does not open.
import type { Config } from './config';

export const SEALED_PREFIX = 'enc:v1:';

/** The key is missing, malformed or not the one the value was sealed with. Never carries a value. */
export class SecretsKeyError extends Error {
  override name = 'SecretsKeyError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Standard or URL-safe base64, padded or not. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const std = text.replaceAll('-', '+').replaceAll('_', '/');
  const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

const keys = new Map<string, CryptoKey>();

async function importKey(setting: string, text: string | undefined): Promise<CryptoKey | undefined> {
  if (!text) return undefined;
  let key = keys.get(text);
  if (!key) {
    const raw = fromBase64(text);
    if (raw.length !== 32) throw new SecretsKeyError(`${setting} must be 32 random bytes in base64`);
    key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    keys.set(text, key);
  }
  return key;
}

/** The AES-GCM key of SECRETS_KEY (imported once per value), or undefined when the setting is not set. */
export function secretsKey(config: Pick<Config, 'SECRETS_KEY'>): Promise<CryptoKey | undefined> {
  return importKey('SECRETS_KEY', config.SECRETS_KEY);
}

/**
 * Opens a stored secret with SECRETS_KEY or, while the key is being changed, SECRETS_KEY_PREVIOUS; `stale` when
 * only the previous key opened it (it should be sealed again with the current one).
 */
export async function openRotating(
  config: Pick<Config, 'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS'>,
  stored: string,
  context: string,
): Promise<{ plain: string; stale: boolean }> {
  const current = await secretsKey(config);
  try {
    return { plain: await openSecret(current, stored, context), stale: false };
  } catch (err) {
    const previous = await importKey('SECRETS_KEY_PREVIOUS', config.SECRETS_KEY_PREVIOUS);
    if (!previous || !current || !(err instanceof SecretsKeyError)) throw err;
    return { plain: await openSecret(previous, stored, context), stale: true };
  }
}

/** Encrypts `plain` for the row named by `context` (e.g. `notify_channels.secret:<id>`). */
export async function sealSecret(
  key: CryptoKey,
  plain: string,
  context: string,
  random: (bytes: number) => Uint8Array,
): Promise<string> {
  const iv = new Uint8Array(random(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plain),
  );
  return `${SEALED_PREFIX}${toBase64Url(iv)}:${toBase64Url(new Uint8Array(sealed))}`;
}

/**
 * The plain value of a stored secret. A value stored before SECRETS_KEY existed (no prefix) is returned as it
 * is — it is sealed by the next start or tick. A sealed one needs the key it was sealed with.
 */
export async function openSecret(key: CryptoKey | undefined, stored: string, context: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  if (!key) throw new SecretsKeyError('SECRETS_KEY is not set: a stored secret cannot be decrypted');
  const [iv, data] = stored.slice(SEALED_PREFIX.length).split(':');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: encoder.encode(context) },
      key,
      fromBase64(data ?? ''),
    );
    return decoder.decode(plain);
  } catch {
    throw new SecretsKeyError('SECRETS_KEY does not decrypt a stored secret (was the key changed?)');
  }
}
