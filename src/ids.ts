// Identifiers and secrets from injected randomness, so tests can make them predictable.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A sortable-enough, unguessable id: `prefix_` + time + 16 random base36 characters. */
export function newId(prefix: string, now: Date, random: (n: number) => Uint8Array): string {
  const bytes = random(16);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 36];
  return `${prefix}_${now.getTime().toString(36)}${tail}`;
}

/** A secret token for the URL-safe alphabet (base64url of `bytes` random bytes). */
export function newToken(random: (n: number) => Uint8Array, bytes = 24): string {
  let bin = '';
  for (const b of random(bytes)) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ (tokens, hashes). */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
