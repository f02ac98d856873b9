// Officer catalogue, Chinese (source of truth) — notices officers' channels receive that no report is behind:
// the city office's warning issued or lifted (src/notify/warning-notice.ts, sent by the dispatcher, which
// loads on first use). The notices about a report stay in the reporter-side `alert` group with their format.
// Plain data only; src/messages/officer.ts joins the areas.

/** A warning issued or lifted (seed §3, §9), to every district's and the city's recipient channels. */
export const warningNotice = {
  /** The level's name as the notice says it, from the catalogue's level name (一级 → 一级预警). */
  levelName: (level: string) => `${level}预警`,
  issuedTitle: (level: string) => `【预警发布】长春市劳动关系风险${level}`,
  liftedTitle: (level: string) => `【预警解除】长春市劳动关系风险${level}解除`,
  issuedBy: '发布单位',
  office: '长春市协调劳动关系三方委员会办公室',
  time: '时间',
  beijingTime: '（北京时间）',
  reasons: '理由',
  link: '在控制台查看',
};
