/*
 * The appendix lists in the pre-submission check (issue 16, point 3): the check builds the lists with
 * the code the Phụ lục view and evaluate use (listsForEvaluation), so it knows every finding they know,
 * and it judges the figures with the lists' counts where the mapping leaves them blank.
 */
import type { ListCount } from "../core/check/context";
import { problem, type CheckProblem } from "../core/check/types";
import type { Inputs } from "../core/evaluate/inputs";
import type { Finding } from "../core/evaluate/result";
import { listIndicators } from "../core/lists/figures";
import { LIST_TEMPLATES } from "../core/lists/templates";
import type { Mapping } from "../core/mapping/schema";
import type { Ruleset } from "../core/ruleset/schema";
import { formatInteger } from "../core/text/format";
import type { SheetInfo, WorkbookPort } from "../workbook/port";
import { listsForEvaluation, type ListsForEvaluation } from "./lists-build";

/** A finding of the lists as a problem of the check: the same words, the same place, the same importance. */
export function listFindingProblem(f: Finding): CheckProblem {
  return { ...problem("appendix-list", f.message, { ref: f.ref }), severity: f.severity };
}

export type ListsForCheck = {
  /** The inputs with the lists' figures where the mapping leaves a list-backed figure blank or unmapped. */
  inputs: Inputs;
  problems: CheckProblem[];
  /** The attached sheets' counts for the indicators whose list could not be built here (no roster): the check compares those with the figures. */
  listCounts: Record<string, ListCount>;
};

/**
 * Builds the lists when the ruleset has them and the workbook holds a roster. A list built here is
 * compared with its figure by the lists' own code; its attached Phụ lục sheet, if any, must then show
 * the same total.
 */
export async function listsForCheck(
  port: WorkbookPort,
  args: {
    ruleset: Ruleset;
    mapping: Mapping;
    sheets: readonly SheetInfo[];
    inputs: Inputs;
    source: string | undefined;
    sheetCounts: Readonly<Record<string, ListCount>>;
    /** Lists already built from the same workbook and inputs (evaluate's, in the roll-up). */
    built?: ListsForEvaluation | undefined;
  },
): Promise<ListsForCheck> {
  const backed = listIndicators(args.ruleset);
  if (backed.length === 0) return { inputs: args.inputs, problems: [], listCounts: { ...args.sheetCounts } };
  const lists =
    args.built ??
    (await listsForEvaluation(port, {
      ruleset: args.ruleset,
      mapping: args.mapping,
      sheets: args.sheets,
      inputs: args.inputs,
      // The check writes nothing: counts and figures only.
      layouts: false,
      ...(args.source !== undefined ? { source: args.source } : {}),
    }));
  // A workbook with no roster at all had its figures typed: nothing is built, and the attached sheets
  // (if any) are compared with the figures as before. One roster found, and every finding counts.
  if (Object.keys(lists.counts ?? {}).length === 0) return { inputs: args.inputs, problems: [], listCounts: { ...args.sheetCounts } };
  const problems = lists.problems.map(listFindingProblem);
  const listCounts: Record<string, ListCount> = {};
  for (const { code, list } of backed) {
    const attached = args.sheetCounts[code];
    const fresh = lists.counts?.[list];
    if (fresh === undefined) {
      if (attached) listCounts[code] = attached;
      continue;
    }
    if (attached && attached.count !== fresh) {
      const name = `${LIST_TEMPLATES[list].appendix} (${attached.label ?? attached.ref})`;
      problems.push(
        problem(
          "list-sheet-stale",
          `Chỉ tiêu ${code}: ${name} đính kèm ghi tổng cộng ${formatInteger(attached.count)} nhưng lập lại từ danh sách hiện có thì được ${formatInteger(fresh)} — phụ lục đã cũ; hãy bấm "Tạo phụ lục" (hoặc chạy chitieu lists) để lập lại trước khi gửi.`,
          { ref: attached.ref, code },
        ),
      );
    }
  }
  return { inputs: lists.inputs, problems, listCounts };
}
