import type { IndicatorInputs } from "../evaluate/inputs";
import { judgeApplicability } from "../evaluate/applicability";
import { combine } from "../evaluate/combine";
import type { PartResult } from "../evaluate/result";
import { appliesText, whenNoneText } from "../ruleset/applies-text";
import { questionSlot } from "../evaluate/slot-spec";
import { combineExpr } from "../layout/formulas";
import { cellAt, emptyRow, notesOf, setCell, text, verdictCell, type Row, type RowCtx } from "../layout/status-cells";
import { STATUS_COLUMN } from "../layout/status-columns";
import type { ByKind, EvalContext, KindModule, KindResult } from "./module";
import { measureOf } from "./measures";

type AllOf = ByKind<"all-of">;
type Part = AllOf["parts"][number];

function evaluatePart(ind: AllOf, part: Part, inputs: IndicatorInputs): PartResult {
  const measure = measureOf(part.measure);
  const own = measure.slots(part.measure, part.id, part.name).map((s) => s.slot);
  const r = judgeApplicability(part.appliesIf, inputs, part.id, ind.appliesIf ? [] : own, part.requirementText ?? "", () =>
    measure.evaluate(part.measure, inputs, part.id, part.name),
  );
  return { ...r, id: part.id, name: part.name };
}

function evaluateAllOf(ind: AllOf, ctx: EvalContext): KindResult {
  const parts = ind.parts.map((part) => evaluatePart(ind, part, ctx.inputs));
  const verdict = combine(
    parts.map((p) => p.verdict),
    { all: true },
  ).verdict;
  const requirement = parts.map((p) => `${p.id}) ${p.requirement}`).join("; ");
  if (verdict === "khong-ap-dung") {
    const reason = parts.map((p) => `${p.id}) ${p.notApplicable?.reason ?? ""}`).join("; ");
    return {
      verdict,
      requirement,
      notes: [`Không áp dụng — mọi phần đều không áp dụng: ${reason}.`],
      problems: [],
      sources: parts.flatMap((p) => p.sources),
      parts,
      notApplicable: { reason },
    };
  }
  const shown = parts.filter((p) => p.display !== undefined);
  return {
    verdict,
    requirement,
    ...(shown.length > 0 ? { display: parts.map((p) => `${p.id}) ${p.display ?? "—"}`).join("; ") } : {}),
    notes: parts.flatMap((p) => p.notes.map((n) => `${p.id}) ${n}`)),
    problems: parts.flatMap((p) => p.problems),
    sources: parts.flatMap((p) => p.sources),
    parts,
  };
}

/** A part's own row: its code "1.2 a)", its measure's cells, and the bookkeeping that ties it to the indicator. */
function partRow(ind: AllOf, part: Part, result: PartResult, ctx: RowCtx): Row {
  const row = emptyRow();
  setCell(row, "code", text(`${ind.code} ${part.id})`, "center"));
  setCell(row, "name", text(part.name));
  setCell(row, "requirement", text(part.requirementText ?? result.requirement));
  measureOf(part.measure).statusRow(row, ctx, part.measure, result, part.id);
  setCell(row, "sources", text(result.sources.join("; ")));
  setCell(row, "notes", text(notesOf(result)));
  setCell(row, "parent", text(`p:${ind.code}`, "note"));
  setCell(row, "role", text("part", "note"));
  return row;
}

/** A part's requirement for the template: the document's words first, the threshold after them only where they do not already say it. */
function partRequirementLines(p: Part): string[] {
  const measure = measureOf(p.measure);
  const threshold = measure.requirement(p.measure);
  const same = p.requirementText !== undefined && p.requirementText.replace(/\s/g, "").startsWith(threshold.replace(/\s/g, ""));
  const own = `${p.id}) ${p.requirementText ?? threshold}${p.requirementText && !same ? ` (${threshold})` : ""}`;
  return [own, ...appliesText(p.appliesIf).map((t) => `   ${t}`), ...whenNoneText(measure.whenNone(p.measure)).map((t) => `   ${t}`)];
}

/** Two or more parts that must all hold: clean water ≥ 45%, of which ≥ 20% piped. */
export const allOf: KindModule<"all-of"> = {
  slots: (ind) =>
    ind.parts.flatMap((part) => [
      ...questionSlot(part.appliesIf, `${part.id}.question`),
      ...measureOf(part.measure).slots(part.measure, part.id, part.name),
    ]),
  partsAnswerForThemselves: true,
  evaluate: evaluateAllOf,
  statusRows: (ind, r, ctx, base) => {
    const rows: Row[] = [base];
    const partVerdicts: string[] = [];
    ind.parts.forEach((part, i) => {
      const result = r.parts?.[i];
      if (!result) return;
      const partCtx = { ...ctx, row: ctx.row + 1 + i };
      rows.push(partRow(ind, part, result, partCtx));
      partVerdicts.push(cellAt(partCtx, "verdict"));
    });
    const range = `${partVerdicts[0]}:${partVerdicts[partVerdicts.length - 1]}`;
    const f = combineExpr((v) => `COUNTIF(${range},${v})`, String(partVerdicts.length));
    setCell(base, "verdict", verdictCell(r, partVerdicts.length > 0 ? f : undefined));
    // Each part shows its own result on its row; a joined text here could not follow the formulas.
    setCell(base, "result", text("", "wrap"));
    return { rows, verdictCell: STATUS_COLUMN.verdict.cell(ctx.row) };
  },
  partRows: (ind) => ind.parts,
  whenNone: () => undefined,
  showsYesNo: false,
  shares: (ind) => ind.parts.flatMap((part) => measureOf(part.measure).shares(part.measure, part.id, part.name)),
  needsReportDate: false,
  listFigure: undefined,
  countRatio: () => false,
  // Each part names its own counts (see reportCounts of its measure).
  reportCounts: () => undefined,
  requirementLines: (ind) => ind.parts.flatMap(partRequirementLines),
  choosingCondition: () => undefined,
};
