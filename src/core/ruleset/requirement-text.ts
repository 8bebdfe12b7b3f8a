import type { AppliesIf, Indicator, Measure } from "./schema";
import { COMPARATOR_TEXT, formatQuantity, formatShareThreshold } from "../text/format";
import { fromNumber } from "../evaluate/rational";

/** A measure's threshold in the clerk's words: "≥ 80%", "≥ 2.500 m²", "Có". */
export function measureRequirement(m: Measure): string {
  switch (m.kind) {
    case "ratio":
      return formatShareThreshold(m.requirement);
    case "quantity":
      return `${COMPARATOR_TEXT[m.requirement.comparator]} ${formatQuantity(fromNumber(m.requirement.value))} ${m.unit}`;
    case "yes-no":
      return m.expected ? "Có" : "Không";
  }
}

function appliesText(a: AppliesIf | undefined): string[] {
  if (!a) return [];
  return [`Chỉ áp dụng khi "${a.question}" là ${a.answer ? "Có" : "Không"}; nếu không: Không áp dụng — ${a.reason}.`];
}

/**
 * Everything an indicator requires, as the template shows it beside the inputs: the document's own
 * requirement, each part's, the thresholds chosen by condition or year, when it applies, and what a
 * share of none means. Nothing here is new wording: thresholds, the document's phrases and the rule.
 */
export function requirementLines(ind: Indicator): string[] {
  const lines: string[] = [];
  if (ind.requirementText) lines.push(ind.requirementText);
  switch (ind.kind) {
    case "ratio":
    case "quantity":
    case "yes-no":
      if (!ind.requirementText) lines.push(measureRequirement(ind));
      break;
    case "by-year": {
      const unit = ind.measure === "ratio" ? "%" : ` ${ind.unit}`;
      const years = Object.entries(ind.byYear).map(([y, v]) => `năm ${y}: ${COMPARATOR_TEXT[ind.comparator]} ${formatQuantity(fromNumber(v))}${unit}`);
      lines.push(`Mức theo năm — ${years.join("; ")}`);
      if (ind.rule) lines.push(`Năm khác: ${ind.rule.text} (${formatQuantity(fromNumber(ind.rule.percentOfReference))}% × ${ind.rule.referenceLabel}).`);
      else lines.push("Năm khác: văn bản không ghi mức.");
      break;
    }
    case "conditional": {
      const c = ind.condition;
      lines.push(`Nếu ${c.label} ${COMPARATOR_TEXT[c.comparator]} ${formatQuantity(fromNumber(c.value))}: ${formatShareThreshold(ind.then)}; nếu không: ${formatShareThreshold(ind.otherwise)}.`);
      break;
    }
    case "all-of":
      for (const p of ind.parts) {
        const threshold = measureRequirement(p.measure);
        // The document's words first; the threshold after them only where they do not already say it.
        const same = p.requirementText !== undefined && p.requirementText.replace(/\s/g, "").startsWith(threshold.replace(/\s/g, ""));
        lines.push(`${p.id}) ${p.requirementText ?? threshold}${p.requirementText && !same ? ` (${threshold})` : ""}`);
        lines.push(...appliesText(p.appliesIf).map((t) => `   ${t}`));
        if (p.measure.kind === "ratio" && p.measure.whenNone) lines.push(`   0/0: Không áp dụng — ${p.measure.whenNone.reason}.`);
      }
      break;
  }
  if (ind.kind === "ratio" && ind.whenNone) lines.push(`0/0: Không áp dụng — ${ind.whenNone.reason}.`);
  lines.push(...appliesText(ind.appliesIf));
  return lines;
}
