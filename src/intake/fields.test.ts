import { describe, expect, it } from 'vitest';
import { allFactFields } from '../rules/index';
import { displayValue } from './display';
import { FIELDS, fieldById, type IntakeCtx, visibleFields } from './fields';

const ctx: IntakeCtx = { jurisdictions: [{ id: '220102', name: { zh: '南关区', en: 'Nanguan District' } }] };
const now = new Date('2026-03-15T06:00:00Z');

describe('the field table', () => {
  it('has unique ids', () => {
    expect(new Set(FIELDS.map((f) => f.id)).size).toBe(FIELDS.length);
  });

  it('asks Annex 3 in order and nothing item-specific before items are chosen', () => {
    expect(visibleFields({}).map((f) => f.id)).toEqual([
      'unit_name',
      'uscc',
      'legal_rep',
      'business_status',
      'headcount',
      'district',
      'address',
      'industry',
      'reporter_name',
      'reporter_phone',
      'items',
      'collective_action',
      'event_at',
      'details',
      'measures',
    ]);
  });

  it('maps every catalogue fact (labels are the catalogue objects, not copies)', () => {
    for (const fact of allFactFields()) {
      const f = fieldById(fact.id);
      expect(f?.fact).toBe(fact);
      expect(f?.label).toBe(fact.label);
      expect(f?.required).toBe(fact.required);
    }
  });

  it('shows an item’s follow-ups only when it is chosen', () => {
    const ids = visibleFields({ items: ['M07'] }).map((f) => f.id);
    expect(ids.filter((id) => /^m\d\d_/.test(id))).toEqual(['m07_departures_this_month', 'm07_headcount']);
  });

  it('takes the districts from the context', () => {
    const district = fieldById('district');
    expect(district?.parse('1', { ...ctx, now })).toEqual({ ok: true, value: '220102' });
    expect(district?.parse('朝阳区', { ...ctx, now }).ok).toBe(false);
  });

  it('parses items by code, number, name or list', () => {
    const items = fieldById('items');
    expect(items?.parse('m5、9', { ...ctx, now }).ok).toBe(false);
    expect(items?.parse('M09，5', { ...ctx, now })).toEqual({ ok: true, value: ['M05', 'M09'] });
    expect(items?.parse(['拖欠工资'], { ...ctx, now })).toEqual({ ok: true, value: ['M05'] });
    expect(items?.parse([], { ...ctx, now }).ok).toBe(false);
  });

  it('displays values for review', () => {
    const status = fieldById('business_status');
    const phone = fieldById('reporter_phone');
    const bool = fieldById('m09_still_going');
    if (!status || !phone || !bool) throw new Error('missing fields');
    expect(displayValue(status, 'liquidation', 'zh', ctx)).toBe('破产清算');
    expect(displayValue(status, 'liquidation', 'en', ctx)).toBe('Bankruptcy liquidation');
    expect(displayValue(phone, '0431-88886666', 'zh', ctx)).toBe('0431-88886666');
    expect(displayValue(bool, true, 'zh', ctx)).toBe('是');
    expect(displayValue(bool, false, 'en', ctx)).toBe('No');
    expect(displayValue(phone, undefined, 'zh', ctx)).toBe('（未填写）');
  });
});
