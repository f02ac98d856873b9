import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

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

/**
 * SHA-256 in hex, synchronous. Not WebCrypto's digest, whose promise costs a thread-pool hop on every intake
 * turn, and not node:crypto: importing it makes workerd load its Node crypto module in every fresh isolate,
 * about 3.5 ms of CPU before a reporter's first answer (both measured in `npm run bench`). @noble/hashes is an
 * audited, dependency-free implementation; the inputs here are tokens and keys of a few dozen bytes.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Compares two strings in time independent of where they differ (tokens, hashes). */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
