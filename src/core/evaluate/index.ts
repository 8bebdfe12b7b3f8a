export { evaluate, summaryText, type EvaluateOptions } from "./evaluate";
export type { Input, IndicatorInputs, Inputs, SourceRef, ValueType } from "./inputs";
export { slotsOf, type SlotSpec } from "./slots";
export { satisfies, countShortfall } from "./measures";
export * as rational from "./rational";
export type { Rational } from "./rational";
export { VERDICT_TEXT, type Evaluation, type IndicatorResult, type MeasureResult, type PartResult, type Problem, type Severity, type Shortfall, type SummaryResult, type UnitsResult, type Verdict, type VillageResult } from "./result";
export { communeRuleset, communeRuleText, evaluateVillages, villageAnswer, villageGroups, villageRowCode, villageRuleset, type Village, type VillageEvaluation } from "./units";
