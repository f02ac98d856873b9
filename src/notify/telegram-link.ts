// Linking a Telegram user to an officer account: the console shows a one-time code (issueLinkCode), the
// officer sends `/link <code>` to the bot, and the bot calls linkTelegramOfficer. Plain inputs and outputs.
import {
  linkTelegramStatements,
  officerById,
  officerByLinkCode,
  officerByTelegramUser,
  setLinkCode,
} from '../../db/repo/officers';
import type { AppDeps } from '../deps';
import { textOf } from '../messages/index';

// No 0/O, 1/I/L: the code is read off a screen and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;
// Bytes at or above the largest multiple of 31 are discarded so every symbol is equally likely.
const LIMIT = 256 - (256 % ALPHABET.length);
export const LINK_CODE_TTL_MS = 15 * 60_000;

function newCode(random: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < LENGTH) {
    for (const b of random(LENGTH * 2)) {
      if (b < LIMIT && code.length < LENGTH) code += ALPHABET.charAt(b % ALPHABET.length);
    }
  }
  return code;
}

/** A typed code in canonical form: case, spaces, dashes and full-width letters tolerated. */
export function normalizeLinkCode(raw: string): string | undefined {
  const code = raw
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

/** A fresh code for the console to show; it replaces any earlier one and works for 15 minutes. */
export async function issueLinkCode(deps: AppDeps, officerId: string): Promise<{ code: string; expiresAt: Date }> {
  const officer = await officerById(deps.db, officerId);
  if (!officer) throw new Error(`officer ${officerId} not found`);
  const expiresAt = new Date(deps.clock().getTime() + LINK_CODE_TTL_MS);
  for (let tries = 0; tries < 4; tries++) {
    const code = newCode(deps.random);
    // Another officer holding the same code right now (31^8 codes) changes no row: draw again.
    if (await setLinkCode(deps.db, officerId, code, expiresAt)) return { code, expiresAt };
  }
  throw new Error('no free Telegram link code after 4 draws');
}

export type LinkResult =
  | { ok: true; answer: string; officer: { id: string; displayName: string } }
  | { ok: false; answer: string };

// Officers' Telegram is Chinese, as the claim button's answers are.
const t = textOf('telegramClaim', 'zh');
const BAD_CODE = t.badLinkCode;

export async function linkTelegramOfficer(
  deps: AppDeps,
  input: { telegramUserId: string | number; code: string },
): Promise<LinkResult> {
  const code = normalizeLinkCode(input.code);
  if (!code) return { ok: false, answer: BAD_CODE };
  const now = deps.clock();
  const officer = await officerByLinkCode(deps.db, code);
  if (!officer?.linkCodeExpiresAt || officer.linkCodeExpiresAt.getTime() <= now.getTime()) {
    return { ok: false, answer: BAD_CODE };
  }
  if (officer.disabled) return { ok: false, answer: t.linkDisabled };

  const telegramUserId = String(input.telegramUserId);
  await deps.db.batch(linkTelegramStatements(deps.db, { officerId: officer.id, code, telegramUserId, now }));
  // The link is guarded by the code: confirm this request is the one that used it.
  const linked = await officerByTelegramUser(deps.db, telegramUserId);
  if (linked?.id !== officer.id) return { ok: false, answer: BAD_CODE };
  return {
    ok: true,
    answer: t.linked(linked.displayName),
    officer: { id: linked.id, displayName: linked.displayName },
  };
}
