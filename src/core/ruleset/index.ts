export * from "./schema";
export { formatPath, issuesToProblems, loadRuleset, parseRuleset, type LoadResult } from "./load";
export { criteriaOf, findIndicator, indicatorsOf, type Located } from "./walk";
