import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { allFactFields, COLLECTIVE_ACTION_OPTIONS, COLLECTIVE_KIND_OPTIONS, ITEM_CODES } from './catalogue';
import { REPORTED_AT } from './test-helpers';
import type { Assessment, FactField, ItemCode, ReportInput, Severity, Urgency } from './types';

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const URGENCY_RANK: Record<Urgency, number> = { within_24h: 0, immediate: 1 };

const JUNK = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.string(),
  fc.constantFrom(
    Number.NaN,
    -1,
    -0,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    1e308,
    13_800_138_000,
    '13800138000',
    '1,200',
    '１２',
    '12.5',
    '1e5',
    '-5',
    '',
    '  ',
    'true',
    '是',
    '2026-02-30',
    '2026-03-01T25:00',
    '9999-12-31T23:59:59-14:00',
    null,
    undefined,
  ),
);

const itemsArb = fc.subarray([...ITEM_CODES], { minLength: 1 });

/** A value the intake would accept for the field. */
function validValue(field: FactField): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'integer':
      // Mostly near the thresholds (10, 20, 30, 50 people), sometimes large.
      return fc.oneof(fc.integer({ min: field.min ?? 0, max: 60 }), fc.integer({ min: field.min ?? 0, max: 5000 }));
    case 'money':
      return fc.double({ min: 0, max: 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc
        .integer({ min: 0, max: 3650 })
        .map((days) => new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
    case 'datetime':
      return fc
        .integer({ min: 0, max: 3650 * 24 })
        .map((h) => new Date(Date.UTC(2020, 0, 1) + h * 3_600_000).toISOString());
    case 'choice':
      return fc.constantFrom(...(field.options ?? []).map((o) => o.value));
    case 'text':
      return fc.string({ minLength: 1, maxLength: 80 });
    case 'url':
      return fc.constant('https://example.com/post/1');
  }
}

// The once-per-report collective-action answers (ruleset 2026.2), next to the items' facts.
const collectiveArbs = {
  collective_action: fc.constantFrom(...COLLECTIVE_ACTION_OPTIONS.map((o) => o.value)),
  collective_kinds: fc.subarray(COLLECTIVE_KIND_OPTIONS.map((o) => o.value)),
  collective_taking_part: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5000 })),
};

const validFactsArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  { ...Object.fromEntries(allFactFields().map((field) => [field.id, validValue(field)])), ...collectiveArbs },
  { requiredKeys: [] },
);

const junkFactsArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    ...Object.fromEntries(allFactFields().map((field) => [field.id, fc.oneof(validValue(field), JUNK)])),
    ...Object.fromEntries(Object.entries(collectiveArbs).map(([id, arb]) => [id, fc.oneof(arb, JUNK)])),
  },
  { requiredKeys: [] },
);

/** Items present in the findings, in order, each once (2026.2 adds M06 procedure gaps as extra findings). */
const findingItems = (a: Assessment) => [...new Set(a.findings.map((f) => f.item))];

const reportArb = (facts: fc.Arbitrary<Record<string, unknown>>) =>
  fc.record({
    employer: fc.record({ headcount: fc.oneof(fc.integer({ min: 0, max: 5000 }), JUNK) }, { requiredKeys: [] }),
    items: itemsArb,
    facts,
    eventAt: fc.oneof(
      fc.constant(undefined),
      fc.constant('2026-03-01'),
      fc.constant('2026-02-27T08:00:00+08:00'),
      fc.string(),
    ),
    reportedAt: fc.oneof(fc.constant(REPORTED_AT), fc.string()),
  }) as fc.Arbitrary<ReportInput>;

function texts(a: Assessment): string {
  return JSON.stringify([a.findings.map((f) => f.explanation), a.severity.reason, a.urgency.reasons, a.late.reason]);
}

describe('assess properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), reportArb(junkFactsArb)), (input) => {
        const a = assess(input as ReportInput);
        expect(['low', 'medium', 'high']).toContain(a.severity.level);
        expect(a.urgency.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('gives one finding per distinct known item, each explained, with no phone number', () => {
    fc.assert(
      fc.property(
        reportArb(junkFactsArb),
        fc.array(fc.constantFrom<unknown>('M05', 'M99', 5, null)),
        (input, extra) => {
          const withDupes = { ...input, items: [...input.items, ...(extra as ItemCode[])] };
          const a = assess(withDupes);
          const expected = ITEM_CODES.filter((code) => withDupes.items.includes(code));
          expect(findingItems(a)).toEqual(expected);
          const extras = a.findings.filter((f, i) => a.findings.findIndex((g) => g.item === f.item) !== i);
          for (const f of extras) expect(f.ruleId).toBe('M06.art41_procedure_gap');
          for (const f of a.findings) {
            expect(f.explanation.zh.length).toBeGreaterThan(0);
            expect(f.explanation.en.length).toBeGreaterThan(0);
            expect(['flagged', 'not_flagged', 'needs_info']).toContain(f.outcome);
          }
          expect(texts(a)).not.toMatch(/(?<![\d,])1[3-9]\d{9}(?!\d)/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(reportArb(junkFactsArb), (input) => {
        expect(assess(input)).toEqual(assess(input));
      }),
      { numRuns: 200 },
    );
  });

  it('a bigger number never lowers severity or urgency', () => {
    // Magnitudes only: headcounts are denominators, so a bigger workforce may rightly take M06/M07 below 10 %.
    const magnitudes = allFactFields().filter(
      (field) => (field.kind === 'integer' || field.kind === 'money') && !field.id.endsWith('_headcount'),
    );
    fc.assert(
      fc.property(
        reportArb(validFactsArb),
        fc.constantFrom(...magnitudes),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 })),
        (input, field, delta) => {
          const before = input.facts[field.id];
          const start = typeof before === 'number' ? before : 0;
          const bigger = { ...input, facts: { ...input.facts, [field.id]: start + delta } };
          const smaller = { ...input, facts: { ...input.facts, [field.id]: start } };
          const a = assess(smaller);
          const b = assess(bigger);
          expect(SEVERITY_RANK[b.severity.level]).toBeGreaterThanOrEqual(SEVERITY_RANK[a.severity.level]);
          expect(URGENCY_RANK[b.urgency.level]).toBeGreaterThanOrEqual(URGENCY_RANK[a.urgency.level]);
          expect(b.peopleInvolved ?? -1).toBeGreaterThanOrEqual(a.peopleInvolved ?? -1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a bigger cut never lowers severity, even when it turns "unknown" into "lawful"', () => {
    // 19 cut, headcount unknown → needs_info, 19 people counted; 20 cut with both steps done → lawful,
    // nobody counted. Counting only flagged M06/M07 findings keeps this from lowering severity.
    const facts = { m06_notice_30_days: true, m06_reported_to_labour_dept: true };
    const at19 = assess({
      employer: {},
      items: ['M06'],
      facts: { ...facts, m06_reduction_count: 19 },
      reportedAt: REPORTED_AT,
    });
    const at20 = assess({
      employer: {},
      items: ['M06'],
      facts: { ...facts, m06_reduction_count: 20 },
      reportedAt: REPORTED_AT,
    });
    expect(SEVERITY_RANK[at20.severity.level]).toBeGreaterThanOrEqual(SEVERITY_RANK[at19.severity.level]);
  });

  it('people affected alone never change urgency, the group-incident call or the taking-part count', () => {
    // Every people count that is not a taking-part count (owed wages, to be cut, leaving, affected…).
    const affectedFacts = allFactFields().filter((field) => field.peopleCount && !field.takingPart);
    fc.assert(
      fc.property(
        reportArb(validFactsArb),
        fc.constantFrom(...affectedFacts),
        fc.integer({ min: 0, max: 1_000_000 }),
        (input, field, value) => {
          const a = assess(input);
          const b = assess({ ...input, facts: { ...input.facts, [field.id]: value } });
          expect(b.urgency.level).toBe(a.urgency.level);
          expect(b.groupIncident).toBe(a.groupIncident);
          expect(b.peopleInvolved).toBe(a.peopleInvolved);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a multi-item report takes the highest urgency and severity of its items', () => {
    fc.assert(
      fc.property(reportArb(validFactsArb), (input) => {
        const whole = assess(input);
        const parts = input.items.map((code) => assess({ ...input, items: [code] }));
        expect(findingItems(whole)).toHaveLength(input.items.length);
        const maxUrgency = Math.max(...parts.map((p) => URGENCY_RANK[p.urgency.level]));
        const maxSeverity = Math.max(...parts.map((p) => SEVERITY_RANK[p.severity.level]));
        expect(URGENCY_RANK[whole.urgency.level]).toBe(maxUrgency);
        expect(SEVERITY_RANK[whole.severity.level]).toBe(maxSeverity);
        for (const part of parts) expect(whole.findings).toContainEqual(part.findings[0]);
      }),
      { numRuns: 300 },
    );
  });
});
