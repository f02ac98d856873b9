// Public API of the rules module: pure, no framework, database or clock imports.

export { parseInstant } from '../time';
export { assess } from './assess';
export {
  allFactFields,
  COLLECTIVE_ACTION_OPTIONS,
  COLLECTIVE_FACTS,
  COLLECTIVE_KIND_OPTIONS,
  factFieldById,
  factFieldsFor,
  ITEM_CODES,
  isItemCode,
  itemByCode,
  MONITORING_ITEMS,
} from './catalogue';
export { coerceFact } from './coerce';
export { maskPhones } from './format';
export { INDUSTRIES, type Industry, type IndustryCode, industryByCode } from './industries';
export { arrearsGrade } from './item-rules';
export { detectLate } from './late';
export { CURRENT_RULESET, RULESET_V1, RULESET_V2, RULESETS, type Ruleset, rulesetFor } from './ruleset';
export {
  type CaseSummary,
  type LevelCriterion,
  type LevelMetrics,
  type LevelSuggestion,
  levelFromMetrics,
  suggestLevel,
  type WarningLevel,
} from './suggest-level';
export type {
  ArrearsGrade,
  Assessment,
  CollectiveAction,
  CollectiveKind,
  FactField,
  FactKind,
  FactOption,
  Finding,
  ItemCode,
  Locale,
  MonitoringItem,
  Outcome,
  ReportFact,
  ReportInput,
  Severity,
  Text,
  Urgency,
} from './types';
