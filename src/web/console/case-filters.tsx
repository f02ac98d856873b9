// The inbox's and the ledger's filter form: district, item, status, date range and a search box, read from
// the query string and validated (unknown values are ignored, never passed to SQL unchecked).
import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { ATTENTION, type Attention, CASE_STATUSES, type CaseFilters, type CaseStatus } from '../../../db/repo/cases';
import type { Jurisdiction } from '../../../db/repo/jurisdictions';
import { STATUS_ZH } from '../../cases/labels';
import { normalizeReceipt } from '../../intake/index';
import { officerText } from '../../messages/officer';
import { isItemCode, MONITORING_ITEMS } from '../../rules/index';
import { parseBeijingDate } from '../../time';

export interface FilterValues {
  district: string;
  item: string;
  status: string;
  from: string;
  to: string;
  q: string;
  /** One of the inbox's to-do counts ('unclaimed' | 'soon' | 'overdue'), or ''. */
  due: string;
  /** '1': the inbox also lists closed (销号) cases. */
  closed: string;
  /** '0': the inbox's automatic reload is switched off. */
  refresh: string;
  page: number;
}

const DAY_MS = 86_400_000;
const t = officerText('caseFilters');

export function readFilters(
  c: Context,
  jurisdictions: readonly Jurisdiction[],
): { values: FilterValues; filters: CaseFilters } {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 100);
  const values: FilterValues = {
    district: q('district'),
    item: q('item'),
    status: q('status'),
    from: q('from'),
    to: q('to'),
    q: q('q'),
    due: q('due'),
    closed: q('closed') === '1' ? '1' : '',
    refresh: q('refresh') === '0' ? '0' : '',
    page: Math.max(1, Math.min(1000, Number.parseInt(q('page'), 10) || 1)),
  };
  const from = parseBeijingDate(values.from);
  const to = parseBeijingDate(values.to);
  const filters: CaseFilters = {
    ...(jurisdictions.some((j) => j.id === values.district) ? { jurisdictionId: values.district } : {}),
    ...(isItemCode(values.item) ? { item: values.item } : {}),
    ...((CASE_STATUSES as readonly string[]).includes(values.status) ? { status: values.status as CaseStatus } : {}),
    ...(from ? { from } : {}),
    // The "to" date includes that whole day.
    ...(to ? { to: new Date(to.getTime() + DAY_MS) } : {}),
    ...(values.q ? { q: values.q, receipt: normalizeReceipt(values.q) ?? '' } : {}),
    ...((ATTENTION as readonly string[]).includes(values.due) ? { attention: values.due as Attention } : {}),
  };
  return { values, filters };
}

export const FilterForm: FC<{
  action: string;
  values: FilterValues;
  jurisdictions: readonly Jurisdiction[];
  allDistricts: boolean;
  /** The inbox hides closed cases unless this box is ticked. */
  closedToggle?: boolean;
}> = ({ action, values, jurisdictions, allDistricts, closedToggle }) => (
  <form method="get" action={action} class="filters">
    <label>
      {t.search}
      <input type="search" name="q" value={values.q} placeholder={t.searchHint} />
    </label>
    {allDistricts && (
      <label>
        {t.area}
        <select name="district">
          <option value="">{t.all}</option>
          {jurisdictions.map((j) => (
            <option value={j.id} selected={values.district === j.id}>
              {j.nameZh}
            </option>
          ))}
        </select>
      </label>
    )}
    <label>
      {t.item}
      <select name="item">
        <option value="">{t.all}</option>
        {MONITORING_ITEMS.map((m) => (
          <option value={m.code} selected={values.item === m.code}>
            {m.name.zh}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t.status}
      <select name="status">
        <option value="">{t.all}</option>
        {CASE_STATUSES.map((s) => (
          <option value={s} selected={values.status === s}>
            {STATUS_ZH[s]}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t.from}
      <input type="date" name="from" value={values.from} />
    </label>
    <label>
      {t.to}
      <input type="date" name="to" value={values.to} />
    </label>
    {closedToggle && (
      <label class="check">
        <input type="checkbox" name="closed" value="1" checked={values.closed === '1'} />
        <span>{t.showClosed}</span>
      </label>
    )}
    {values.due && <input type="hidden" name="due" value={values.due} />}
    {values.refresh && <input type="hidden" name="refresh" value={values.refresh} />}
    <button type="submit">{t.filter}</button>
    <a class="button secondary" href={action}>
      {t.clear}
    </a>
  </form>
);

/** The query string of the current filters with another page number. */
export function pageHref(action: string, values: FilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (k !== 'page' && v) params.set(k, String(v));
  params.set('page', String(page));
  return `${action}?${params.toString()}`;
}
