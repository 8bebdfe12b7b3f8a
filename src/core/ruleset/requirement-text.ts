import { kindOf } from "../kinds/registry";
import { appliesText, whenNoneText } from "./applies-text";
import type { Indicator } from "./schema";

/**
 * Everything an indicator requires, as the template shows it beside the inputs: the document's own
 * requirement, each part's, the thresholds chosen by condition or year (as its kind words them),
 * when it applies, and what a share of none means. Nothing here is new wording: thresholds, the
 * document's phrases and the rule.
 */
export function requirementLines(ind: Indicator): string[] {
  const kind = kindOf(ind);
  return [
    ...(ind.requirementText ? [ind.requirementText] : []),
    ...kind.requirementLines(ind),
    ...whenNoneText(kind.whenNone(ind)),
    ...appliesText(ind.appliesIf),
  ];
}
