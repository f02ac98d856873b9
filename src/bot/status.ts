// The answer to `/status <receipt>`: what a reporter may see about their own report. Plain text.
import { isItemCode, itemByCode, type Locale } from '../rules/index';
import { beijingDateTime } from '../time';
import { STATUS_LABEL } from './texts';

export interface ReportStatus {
  receipt: string;
  unitName: string;
  items: string[];
  status: keyof typeof STATUS_LABEL;
  submittedAt: Date;
}

export function statusText(r: ReportStatus, L: Locale): string {
  const items = r.items
    .filter(isItemCode)
    .map((code) => itemByCode(code).name[L])
    .join(L === 'zh' ? '、' : ', ');
  const rows: [string, string][] =
    L === 'zh'
      ? [
          ['回执号', r.receipt],
          ['用人单位', r.unitName],
          ['监测事项', items],
          ['提交时间', `${beijingDateTime(r.submittedAt)}（北京时间）`],
          ['处理进度', STATUS_LABEL[r.status].zh],
        ]
      : [
          ['Receipt', r.receipt],
          ['Employer', r.unitName],
          ['Monitoring items', items],
          ['Submitted', `${beijingDateTime(r.submittedAt)} (Beijing time)`],
          ['Progress', STATUS_LABEL[r.status].en],
        ];
  return rows.map(([k, v]) => `${k}${L === 'zh' ? '：' : ': '}${v}`).join('\n');
}
