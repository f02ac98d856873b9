// Officer catalogue, Chinese (source of truth) — City desk and administration pages: overview, statistics, warning, period report, accountability, admin, sign-in, profile, layout.
// Plain data only, one named export per page group; src/messages/officer.ts joins the areas.
/** Placeholder group until the first real one lands; remove it then. */
export const deskPlaceholder = { title: '占位' };
