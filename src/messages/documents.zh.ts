// Officer catalogue, Chinese (source of truth) — Documents officers download: Annex 4 DOCX, the period report, the request to the province, criteria, XLSX headers, notify coverage.
// Plain data only, one named export per page group; src/messages/officer.ts joins the areas.
/** Placeholder group until the first real one lands; remove it then. */
export const docsPlaceholder = { title: '占位' };
