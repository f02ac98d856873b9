import { describe, expect, it } from 'vitest';
import { step } from './engine';
import { migrateState, StateMigrationError } from './migrate';

const ctx = { jurisdictions: [{ id: '220102', name: { zh: '南关区', en: 'Nanguan District' } }] };
const now = new Date('2026-03-15T06:00:00Z');

// A draft as version 1 stored it, from before `industry` was in the table: complete, sitting at review.
const storedV1 = JSON.stringify({
  v: 1,
  locale: 'zh',
  answers: {
    unit_name: '某某公司',
    legal_rep: '张三',
    business_status: 'normal',
    headcount: 300,
    district: '220102',
    address: '人民大街1号',
    reporter_name: '李四',
    reporter_phone: '13800138000',
    items: ['M07'],
    m07_departures_this_month: 40,
    m07_headcount: 400,
    event_at: '2026-03-14',
    details: '本月离职较多',
  },
  skipped: ['uscc', 'measures'],
  current: 'review',
  history: ['unit_name', 'uscc', 'legal_rep'],
  startedAt: '2026-03-14T01:00:00.000Z',
});

describe('migrateState', () => {
  it('loads a version-1 state missing a later field and asks that field next', () => {
    const state = migrateState(JSON.parse(storedV1));
    expect(state.current).toBe('industry');
    expect(state.returnTo).toBe('review');
    const r = step(state, { type: 'answer', value: 'C' }, now, ctx);
    // Ruleset 2026.2 added the collective-action question: an old draft is asked it before review.
    expect(r.state.current).toBe('collective_action');
    const r2 = step(r.state, { type: 'answer', value: '没有' }, now, ctx);
    expect(r2.state.current).toBe('review');
    const done = step(r2.state, { type: 'submit' }, now, ctx);
    expect(done.effects[0]).toMatchObject({ type: 'submit', report: { employer: { industry: 'C' } } });
  });

  it('re-derives a position that names a field no longer in the table', () => {
    const raw = { ...JSON.parse(storedV1), current: 'removed_field', answers: { unit_name: '某某公司' } };
    // uscc was skipped, so the first open question is legal_rep.
    expect(migrateState(raw).current).toBe('legal_rep');
  });

  it('fills defaults for damaged optional parts', () => {
    const raw = { ...JSON.parse(storedV1), skipped: 'nope', locale: 'fr' };
    const state = migrateState(raw);
    expect(state.locale).toBe('zh');
    expect(state.skipped).toEqual([]);
    expect(state.current).toBe('uscc');
  });

  it('throws a typed error for what it cannot read', () => {
    expect(() => migrateState(null)).toThrow(StateMigrationError);
    expect(() => migrateState({ v: 99 })).toThrow(StateMigrationError);
  });
});
