// The message catalogue's entry for server code: one locale's group, or one message in both locales.
// Browser code (the widget) imports its own group from zh.ts / en.ts directly, so its bundle holds nothing
// else. Pure (no framework imports): src/intake may use it. ARCHITECTURE.md § One message catalogue.
import type { Locale, Text } from '../rules/types';
import * as en from './en';
import * as zh from './zh';

export type Catalogue = typeof zh;
export type Group = keyof Catalogue;

export const CATALOGUE: Record<Locale, Catalogue> = { zh, en };

/** One area's messages in one locale: `textOf('bot', L).back`. */
export function textOf<G extends Group>(group: G, locale: Locale): Catalogue[G] {
  return CATALOGUE[locale][group];
}

/** The keys of a group whose messages are fixed sentences (not functions or nested tables). */
export type SentenceKey<G extends Group> = {
  [K in keyof Catalogue[G]]: Catalogue[G][K] extends string ? K : never;
}[keyof Catalogue[G]];

/** One fixed sentence in both locales, for code that carries zh and en together (the engine's `Text`). */
export function bilingual<G extends Group>(group: G, key: SentenceKey<G>): Text {
  return { zh: String(CATALOGUE.zh[group][key]), en: String(CATALOGUE.en[group][key]) };
}

/** A message built in both locales: `inBoth('errorDetails', (t) => t.retryAfter(30))`. */
export function inBoth<G extends Group>(group: G, say: (messages: Catalogue[G]) => string): Text {
  return { zh: say(CATALOGUE.zh[group]), en: say(CATALOGUE.en[group]) };
}

/** A label from a keyed table (statuses, event types) for a key read from storage; undefined if unknown. */
export function labelIn(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
