// Officer catalogue, Chinese (source of truth) — Case pages: inbox, case page and its forms, ledgers, new case, Annex 4 page, filters and links.
// Plain data only, one named export per page group; src/messages/officer.ts joins the areas.
/** Placeholder group until the first real one lands; remove it then. */
export const casesPlaceholder = { title: '占位' };
