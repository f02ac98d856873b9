import { describe, expect, it } from 'vitest';
import { allFactFields, factFieldById, factFieldsFor, ITEM_CODES, itemByCode, MONITORING_ITEMS } from './catalogue';
import { INDUSTRIES, industryByCode } from './industries';

describe('MONITORING_ITEMS', () => {
  it('lists M01–M11 in order', () => {
    expect(MONITORING_ITEMS.map((item) => item.code)).toEqual([
      'M01',
      'M02',
      'M03',
      'M04',
      'M05',
      'M06',
      'M07',
      'M08',
      'M09',
      'M10',
      'M11',
    ]);
    expect(ITEM_CODES).toHaveLength(11);
  });

  it('keeps the seed §6 wording', () => {
    expect(itemByCode('M05').official).toBe('未按时足额支付劳动者工资，可能引发劳动者集体维权的');
    expect(itemByCode('M07').official).toContain('当月离职人数50人以上或离职不足50人但占用人单位劳动者总数10%以上');
    expect(itemByCode('M09').official).toBe(
      '出现劳动者因劳动关系权利诉求引发的停工、怠工、堵门、堵路等严重影响生产经营或公共秩序的',
    );
    expect(itemByCode('M11').official).toBe('涉及劳动关系稳定的其他重大事项');
  });

  it('declares every fact once, snake_case, prefixed by its item', () => {
    const ids = allFactFields().map((field) => field.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of allFactFields()) {
      expect(field.id).toMatch(new RegExp(`^${field.item.toLowerCase()}_[a-z0-9_]+$`));
      expect(field.label.zh && field.label.en && field.prompt.zh && field.prompt.en).toBeTruthy();
      if (field.kind === 'choice') expect(field.options?.length).toBeGreaterThan(1);
    }
    for (const item of MONITORING_ITEMS) {
      expect(item.facts.length).toBeGreaterThan(0);
      expect(item.facts.every((field) => field.item === item.code)).toBe(true);
    }
  });

  it('has the facts the rules read, with the right kinds', () => {
    const kind = (id: string) => factFieldById(id)?.kind;
    const counts = allFactFields()
      .filter((field) => field.peopleCount)
      .map((field) => field.id);
    expect(counts).toEqual([
      'm01_employees_affected',
      'm02_employees_affected',
      'm03_employees_affected',
      'm04_employees_affected',
      'm05_employees_owed',
      'm06_reduction_count',
      'm07_departures_this_month',
      'm08_employees_affected',
      'm09_people_involved',
      'm11_people_involved',
    ]);
    expect(kind('m05_amount_owed')).toBe('money');
    expect(kind('m05_months_in_arrears')).toBe('integer');
    expect(factFieldById('m05_payment_plan_date')?.required).toBe(false);
    expect(kind('m06_notice_30_days')).toBe('boolean');
    expect(kind('m06_reported_to_labour_dept')).toBe('boolean');
    expect(factFieldById('m06_headcount')?.peopleCount).toBeUndefined();
    expect(kind('m09_started_at')).toBe('datetime');
    expect(kind('m09_blocking_roads')).toBe('boolean');
    expect(kind('m10_link')).toBe('url');
    expect(factFieldById('m10_reach')?.options?.map((o) => o.value)).toEqual(['small', 'local', 'wide']);
    expect(factFieldById('m10_reach')?.options?.[2]?.label.zh).toContain('广泛传播');
  });

  it('factFieldsFor returns the selected items’ facts in catalogue order, once', () => {
    const ids = factFieldsFor(['M07', 'M05', 'M07']).map((field) => field.id);
    expect(ids).toEqual([
      'm05_employees_owed',
      'm05_amount_owed',
      'm05_months_in_arrears',
      'm05_payment_plan_date',
      'm07_departures_this_month',
      'm07_headcount',
    ]);
    expect(factFieldsFor([])).toEqual([]);
  });
});

describe('INDUSTRIES', () => {
  it('has the twenty GB/T 4754-2017 sections A–T', () => {
    expect(INDUSTRIES.map((industry) => industry.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryByCode('c')?.name.zh).toBe('制造业');
    expect(industryByCode(' G ')?.name.en).toBe('Transport, storage and postal services');
    expect(industryByCode('U')).toBeUndefined();
    expect(industryByCode(null)).toBeUndefined();
  });
});
