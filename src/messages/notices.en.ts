// Officer catalogue, English — the same notices as notices.zh.ts, typed as their shape.
import type * as zh from './notices.zh';

export const warningNotice: typeof zh.warningNotice = {
  levelName: (level) => level,
  issuedTitle: (level) => `Changchun labour-relations risk warning issued: ${level}`,
  liftedTitle: (level) => `Changchun labour-relations risk warning lifted: ${level}`,
  issuedBy: 'Issued by',
  office: 'Changchun tripartite office',
  time: 'Time',
  beijingTime: ' (Beijing time)',
  reasons: 'Reason',
  link: 'Open in the console',
};
