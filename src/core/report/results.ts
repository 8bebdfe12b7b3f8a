import { VERDICT_TEXT, type Evaluation, type IndicatorResult } from "../evaluate/result";
import type { Indicator, Ruleset } from "../ruleset/schema";
import type { Paragraph, Run } from "./model";
import { resultRuns, summaryLines, verdictText } from "./phrases";

/*
 * Section II, "Kết quả thực hiện các chỉ tiêu", group by group in the ruleset's order. Groups are
 * numbered 1, 2, 3… as both templates do, whatever their codes; indicators keep their codes.
 */

export type ParagraphMaker = {
  heading: (text: string) => Paragraph;
  body: (runs: Run[] | string) => Paragraph;
};

const requirementOf = (r: IndicatorResult, item: Indicator | undefined): string => item?.requirementText ?? r.requirement ?? "";

function indicatorItems(ruleset: Ruleset): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const g of ruleset.groups) {
    for (const item of g.items) {
      if (item.kind === "criterion") for (const i of item.indicators) out.set(i.code, i);
      else out.set(item.code, item);
    }
  }
  return out;
}

/** "a) Yêu cầu … b) Kết quả … c) Tự đánh giá …" (seed 003). */
function abcIndicator(r: IndicatorResult, item: Indicator | undefined, p: ParagraphMaker): Paragraph[] {
  const req = requirementOf(r, item);
  return [
    p.heading(`${r.code}. ${r.name}`),
    p.body([{ text: "a) Yêu cầu tiêu chí: " }, { text: req === "" ? r.name : req }]),
    p.body([{ text: "b) Kết quả: " }, ...resultRuns(r, item), { text: "." }]),
    p.body([{ text: "c) Tự đánh giá: " }, { text: verdictText(r), bold: true }, { text: "." }]),
  ];
}

/** One paragraph per indicator (seed 001, Phụ lục 02): requirement, result, verdict, shortfall. */
function narrativeIndicator(r: IndicatorResult, item: Indicator | undefined, p: ParagraphMaker): Paragraph[] {
  const req = requirementOf(r, item);
  return [
    p.body([
      { text: `- ${r.code}. ${r.name}`, bold: true },
      { text: req === "" ? ". " : ` (yêu cầu: ${req}). ` },
      { text: "Kết quả: " },
      ...resultRuns(r, item),
      { text: ". Đánh giá: " },
      { text: verdictText(r), bold: true },
      { text: "." },
    ]),
  ];
}

export function resultsParagraphs(ruleset: Ruleset, ev: Evaluation, style: "phu-luc-02" | "abc", p: ParagraphMaker): Paragraph[] {
  const items = indicatorItems(ruleset);
  const out: Paragraph[] = [];
  const one = style === "abc" ? abcIndicator : narrativeIndicator;
  ruleset.groups.forEach((g, gi) => {
    const summary = ev.groups.find((s) => s.code === g.code)!;
    const members = ev.indicators.filter((r) => r.groupCode === g.code);
    out.push(p.heading(`${gi + 1}. ${g.name}`));
    if (style === "abc") for (const line of summaryLines(summary, members, g.unitName)) out.push(p.body(line));
    for (const item of g.items) {
      if (item.kind === "criterion") {
        const cs = ev.criteria.find((s) => s.code === item.code)!;
        out.push(p.heading(`Tiêu chí ${item.code}. ${item.name}: ${VERDICT_TEXT[cs.verdict].toLowerCase()} — ${cs.text}`));
        for (const r of members.filter((m) => m.criterionCode === item.code)) out.push(...one(r, items.get(r.code), p));
      } else {
        const r = members.find((m) => m.code === item.code)!;
        out.push(...one(r, items.get(r.code), p));
      }
    }
    if (style === "phu-luc-02") {
      out.push(
        p.body([
          { text: `Đánh giá nhóm ${g.name}: ` },
          { text: VERDICT_TEXT[summary.verdict], bold: true },
          { text: `, ${summary.text}.` },
        ]),
      );
    }
  });
  return out;
}
