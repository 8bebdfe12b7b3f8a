/*
 * The answers the clerk gives in the pane to the questions that choose a case (either-or, "nếu có"),
 * kept in a sheet we own ("Tình hình xã": question, Có/Không, key) and mapped like any input cell.
 * The command line reads the same cells through the stored mapping, so the pane and it agree, and
 * the clerk can change an answer in Excel too.
 */
import { slotsOf } from "../../core/evaluate/slots";
import type { SheetLayout } from "../../core/layout/sheet";
import { quoteSheet } from "../../core/ref/a1";
import type { Ruleset } from "../../core/ruleset/schema";
import { indicatorsOf } from "../../core/ruleset/walk";
import { parseYesNoText } from "../../core/text/yesno";
import type { RawCell } from "../../core/text/cell";

export const ANSWERS_KEY = "situation";
export const ANSWERS_SHEET = "Tình hình xã";

export type Question = { key: string; question: string; slots: Array<{ code: string; slot: string }> };

/** The programme's questions in document order, each with every input slot that reads its answer. */
export function questionsOf(ruleset: Ruleset): Question[] {
  const by = new Map<string, Question>();
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item)) {
      if (s.questionKey === undefined) continue;
      const q = by.get(s.questionKey) ?? { key: s.questionKey, question: s.label, slots: [] };
      q.slots.push({ code: item.code, slot: s.slot });
      by.set(s.questionKey, q);
    }
  }
  return [...by.values()];
}

/** The answer cell of the i-th question on the sheet (row 1 is the header). */
export function answerRef(sheet: string, index: number): string {
  return `${quoteSheet(sheet)}!B${index + 2}`;
}

export function answersLayout(name: string, questions: readonly Question[], answers: Readonly<Record<string, boolean>>): SheetLayout {
  const answer = (key: string) => (answers[key] === undefined ? null : answers[key] ? "Có" : "Không");
  return {
    key: ANSWERS_KEY,
    name,
    rows: [
      [
        { value: "Câu hỏi", style: "header" },
        { value: "Trả lời (Có / Không)", style: "header" },
        { value: "Mã câu hỏi", style: "header" },
      ],
      ...questions.map((q) => [
        { value: q.question, style: "wrap" as const },
        { value: answer(q.key), style: "center" as const },
        { value: q.key, style: "note" as const },
      ]),
    ],
    columns: [60, 14, 24],
    merges: [],
    freezeRows: 1,
    visibility: "visible",
  };
}

/** The answers read back from the sheet: key (column C) → Có/Không (column B); anything else is no answer. */
export function answersFromRows(rows: readonly RawCell[][]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const row of rows.slice(1)) {
    const key = row[2];
    const cell = row[1];
    const value = typeof cell === "string" ? parseYesNoText(cell) : typeof cell === "boolean" ? cell : undefined;
    if (typeof key === "string" && value !== undefined) out[key] = value;
  }
  return out;
}
