// Password hashing with PBKDF2-SHA256 from WebCrypto (the same code runs on Node and Workers).
// OWASP asks for ≥ 600k iterations of PBKDF2-SHA256 (210k for SHA-512), but Workers refuse more than 100k
// iterations and count the CPU time, so 100k is the most both hosts can run. The algorithm and iteration count
// are stored with every hash: raising them later only needs `needsRehash` to return true at the next sign-in.
import { timingSafeEqual } from '../ids';
import { BREACHED_LONG_PASSWORDS, CONTEXT_PASSWORDS } from './common-passwords';

const COMMON = new Set([...BREACHED_LONG_PASSWORDS, ...CONTEXT_PASSWORDS]);

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;
const SCHEME = 'pbkdf2-sha256';

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    KEY_BITS,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` */
export async function hashPassword(password: string, random: (n: number) => Uint8Array): Promise<string> {
  const salt = random(SALT_BYTES);
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `${SCHEME}$${PBKDF2_ITERATIONS}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== SCHEME || !salt || !hash || !Number.isInteger(iterations) || iterations < 1) return false;
  const derived = await derive(password, unb64(salt), iterations);
  return timingSafeEqual(b64(derived), hash);
}

export function needsRehash(stored: string): boolean {
  const [scheme, iter] = stored.split('$');
  return scheme !== SCHEME || Number(iter) < PBKDF2_ITERATIONS;
}

/**
 * A hash of a password nobody has: verifying an unknown username against it takes as long as a real check,
 * so response times do not reveal which usernames exist.
 */
export const DUMMY_HASH = `${SCHEME}$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

/**
 * Rules for a new password: long enough to resist guessing, not a common or breached password, not the user
 * name, not one character repeated; no composition rules (NIST SP 800-63B).
 */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < 12) return '密码至少需要 12 个字符。';
  if (password.length > 200) return '密码不能超过 200 个字符。';
  const lower = password.normalize('NFC').toLowerCase();
  if (COMMON.has(lower)) return '这个密码过于常见（出现在常用或已泄露的密码表中），请换一个不容易被猜到的密码。';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return '密码不能包含用户名，请换一个。';
  if (new Set(lower).size <= 2) return '密码不能只由一两个字符重复组成，请换一个。';
  return undefined;
}
