// The answer to `/status <receipt>`: what a reporter may see about their own report. Plain text.
import { type Catalogue, textOf } from '../messages/index';
import { isItemCode, itemByCode, type Locale } from '../rules/index';
import { beijingDateTime } from '../time';

export interface ReportStatus {
  receipt: string;
  unitName: string;
  items: string[];
  status: keyof Catalogue['reportStatus']['statuses'];
  submittedAt: Date;
}

export function statusText(r: ReportStatus, L: Locale): string {
  const t = textOf('reportStatus', L);
  const items = r.items
    .filter(isItemCode)
    .map((code) => itemByCode(code).name[L])
    .join(t.list);
  const rows: [string, string][] = [
    [t.receipt, r.receipt],
    [t.unit, r.unitName],
    [t.items, items],
    [t.submitted, `${beijingDateTime(r.submittedAt)}${t.beijingTime}`],
    [t.progress, t.statuses[r.status]],
  ];
  return rows.map(([k, v]) => `${k}${t.sep}${v}`).join('\n');
}
