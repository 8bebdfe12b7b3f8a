/** The pre-submission check: what the app, the command line and the task pane may use. */
export { BUILT_IN_CHECKS, countProblems, orderProblems, type BuiltInCheckId, type CheckCounts, type CheckId, type CheckProblem } from "./types";
export { CheckRule, CheckRuleFile, RuleOperator, checkRulesAgainst, parseCheckRules, parseCheckRulesText, parseSide, type CheckRulesParse, type SideTerm } from "./schema";
export type { FigureContext, ListCount, MappedCell, SheetGrid, SheetsContext } from "./context";
export { runChecks, type CheckResult } from "./run";
export { evaluateRule } from "./rules";
export { checkView, selectTarget, type CheckView, type CheckViewItem, type SelectTarget } from "./view";
