// The officer side of the message catalogue: console pages and the documents officers download (Annex 4,
// the period report, the request to the province, XLSX headers). Kept apart from index.ts so a reporter's
// request never evaluates them — only the console and the exports import this file, and they load on first
// use (ARCHITECTURE.md § One message catalogue, § Start-up). Each area is a zh file (source of truth) and an
// en file typed as its shape; messages.test.ts checks both locales as it does the reporter-side catalogue.
import type { Locale, Text } from '../rules/types';
import * as casesEn from './console-cases.en';
import * as casesZh from './console-cases.zh';
import * as deskEn from './console-desk.en';
import * as deskZh from './console-desk.zh';
import * as documentsEn from './documents.en';
import * as documentsZh from './documents.zh';
import * as noticesEn from './notices.en';
import * as noticesZh from './notices.zh';
import * as vocabularyEn from './vocabulary.en';
import * as vocabularyZh from './vocabulary.zh';

const zh = { ...deskZh, ...casesZh, ...documentsZh, ...vocabularyZh, ...noticesZh };
export type OfficerCatalogue = typeof zh;
export type OfficerGroup = keyof OfficerCatalogue;

export const OFFICER_CATALOGUE: Record<Locale, OfficerCatalogue> = {
  zh,
  en: { ...deskEn, ...casesEn, ...documentsEn, ...vocabularyEn, ...noticesEn },
};

/**
 * One area's officer messages. The console and the documents are Chinese (the seed's officers and forms);
 * the locale parameter is there so an English console is a switch, not a rewrite.
 */
export function officerText<G extends OfficerGroup>(group: G, locale: Locale = 'zh'): OfficerCatalogue[G] {
  return OFFICER_CATALOGUE[locale][group];
}

/** An officer message in both locales, for an error detail that carries zh and en (ApiError's detail). */
export function officerBoth<G extends OfficerGroup>(group: G, say: (messages: OfficerCatalogue[G]) => string): Text {
  return { zh: say(OFFICER_CATALOGUE.zh[group]), en: say(OFFICER_CATALOGUE.en[group]) };
}
