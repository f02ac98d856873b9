import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { CURRENT_RULESET, RULESET_V1, RULESET_V2, RULESETS, type Ruleset, rulesetFor } from './ruleset';
import { report } from './test-helpers';

// A test-only older ruleset: suppose 2025 counted M07 from 40 departures.
const RULESET_2025: Ruleset = { ...RULESET_V1, version: '2025.1', m07: { departures: 40, ratio: 0.1 } };
const REGISTRY = { ...RULESETS, [RULESET_2025.version]: RULESET_2025 };

describe('rulesets', () => {
  it('publishes 2026.2 as current and keeps 2026.1 for cases assessed under it', () => {
    expect(CURRENT_RULESET.version).toBe('2026.2');
    expect(CURRENT_RULESET).toBe(RULESET_V2);
    expect(rulesetFor('2026.2')).toBe(RULESET_V2);
    expect(rulesetFor('2026.1')).toBe(RULESET_V1);
    expect(rulesetFor('1999.1')).toBeUndefined();
    expect(rulesetFor('toString')).toBeUndefined();
  });

  it('is frozen, so a published ruleset cannot drift', () => {
    expect(Object.isFrozen(RULESET_V1)).toBe(true);
    expect(Object.isFrozen(RULESET_V1.levels.level2)).toBe(true);
    expect(Object.isFrozen(RULESET_V1.urgency.m10Reach)).toBe(true);
    expect(Object.isFrozen(RULESET_V2.urgency)).toBe(true);
  });

  it('re-explains an old assessment exactly as it was made', () => {
    const input = report(['M07'], { m07_departures_this_month: 45, m07_headcount: 1000 });
    const stored = JSON.parse(JSON.stringify(assess(input, RULESET_2025)));
    expect(stored.rulesetVersion).toBe('2025.1');
    expect(stored.findings[0].outcome).toBe('flagged');
    expect(stored.findings[0].explanation.zh).toBe('本月离职 45 人（占用工总数 1,000 人的 4.5%），达到 40 人标准。');

    const ruleset = rulesetFor(stored.rulesetVersion, REGISTRY);
    expect(ruleset).toBeDefined();
    expect(assess(input, ruleset)).toEqual(stored);

    // Today's ruleset reads the same report differently, which is why the version is stored.
    const today = assess(input);
    expect(today.rulesetVersion).toBe('2026.2');
    expect(today.findings[0]?.outcome).toBe('not_flagged');
  });
});
