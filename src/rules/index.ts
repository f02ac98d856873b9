// Public API of the rules module: pure, no framework, database or clock imports.
export { assess } from './assess';
export {
  allFactFields,
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
export { CURRENT_RULESET, RULESET_V1, RULESETS, type Ruleset, rulesetFor } from './ruleset';
export {
  type CaseSummary,
  type LevelCriterion,
  type LevelMetrics,
  type LevelSuggestion,
  levelFromMetrics,
  suggestLevel,
  type WarningLevel,
} from './suggest-level';
export { parseInstant } from './time';
export type {
  ArrearsGrade,
  Assessment,
  FactField,
  FactKind,
  FactOption,
  Finding,
  ItemCode,
  Locale,
  MonitoringItem,
  Outcome,
  ReportInput,
  Severity,
  Text,
  Urgency,
} from './types';
