/*
 * Golden files of the status sheet: statusSheetLayout for every ruleset in rulesets/ (and the
 * every-kind test ruleset), in three fixed situations, rendered as text and compared with the files
 * checked in under test/golden/status/. A change there is a change of what clerks get: review the diff.
 *
 * To rewrite them after an intended change:  UPDATE_GOLDEN=1 npx jest test/core/status-golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { IndicatorInputs, Inputs, ValueType } from "../../src/core/evaluate/inputs";
import { slotsOf, type SlotSpec } from "../../src/core/evaluate/slots";
import type { CellSpec, SheetLayout } from "../../src/core/layout/sheet";
import { statusSheetLayout } from "../../src/core/layout/status";
import { KINDS } from "../../src/core/kinds/registry";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { parseCell, type RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { everyKindRuleset } from "../e2e/scenarios";

const GOLDEN_DIR = join(__dirname, "..", "golden", "status");
const AS_OF = "2025-06-30";
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

type Scenario = "blank" | "filled" | "by-value";
type Situation = {
  refs: Record<string, Record<string, string>>;
  raw: Record<string, Record<string, RawCell>>;
  lists: Record<string, Record<string, string>>;
};

/** A figure for the n-th slot of a scenario: varied so every verdict and every formula path shows up. */
function rawFor(spec: SlotSpec, n: number, scenario: Scenario): RawCell {
  const base = spec.slot.split(".").pop();
  if (spec.type === "yes-no") return base === "question" ? (n % 4 === 3 ? "Không" : "Có") : n % 3 === 2 ? "Không" : "Có";
  if (n % 11 === 7) return "Không áp dụng";
  if (n % 13 === 5) return "khoảng 10";
  if (base === "numerator") return n % 5 === 1 ? String(40 + n) : 40 + (n % 7) * 10;
  if (base === "denominator") return n % 9 === 4 ? 0 : 100;
  if (base === "condition") return n % 2 === 0 ? 500 : 5000;
  if (base === "reference") return 1200;
  if (spec.type === "ratio") return n % 3 === 0 ? "58,6%" : (n % 10) / 10;
  return scenario === "by-value" && n % 4 === 0 ? "45,5" : n % 6 === 0 ? new Date(Date.UTC(2025, 0, 1)) : (n % 8) * 3;
}

/** Which slots a scenario maps: none, the counts (numerator and denominator), or the ratio's value instead. */
function mapped(spec: SlotSpec, scenario: Scenario): boolean {
  if (scenario === "blank") return false;
  if (scenario === "filled") return !spec.alternative;
  const base = spec.slot.split(".").pop();
  return spec.alternative === true || (base !== "numerator" && base !== "denominator");
}

function situation(ruleset: Ruleset, scenario: Scenario): Situation {
  const out: Situation = { refs: {}, raw: {}, lists: {} };
  let n = 0;
  for (const { item } of indicatorsOf(ruleset)) {
    for (const spec of slotsOf(item)) {
      n++;
      if (!mapped(spec, scenario)) continue;
      (out.refs[item.code] ??= {})[spec.slot] = `'Số liệu'!$B$${n + 2}`;
      (out.raw[item.code] ??= {})[spec.slot] = rawFor(spec, n, scenario);
    }
    if (item.list && scenario === "filled" && item.kind === "ratio") {
      (out.lists[item.code] ??= {})["denominator"] = "250";
      (out.raw[item.code] ??= {})["denominator"] = 250;
    }
  }
  return out;
}

function inputsOf(ruleset: Ruleset, s: Situation): Inputs {
  const inputs: Record<string, IndicatorInputs> = {};
  for (const { item } of indicatorsOf(ruleset)) {
    const types = new Map<string, ValueType>(slotsOf(item).map((spec) => [spec.slot, spec.type]));
    const own = Object.entries(s.raw[item.code] ?? {}).map(
      ([slot, raw]) => [slot, parseCell(raw, types.get(slot) ?? "number", s.refs[item.code]?.[slot] ?? "danh sách")] as const,
    );
    inputs[item.code] = Object.fromEntries(own);
  }
  return inputs;
}

function cellText(ref: string, c: CellSpec): string {
  const value = JSON.stringify(c.value);
  const style = c.style ? ` [${c.style}]` : "";
  return c.formula === undefined
    ? `  ${ref} = ${value}${style}`
    : `  ${ref} := ${c.formula}\n  ${" ".repeat(ref.length)}  → ${value}${style}`;
}

/** The layout as text a reviewer can read: one block per row, one line per cell, then the sheet's settings. */
function render(layout: SheetLayout): string {
  const lines: string[] = [];
  layout.rows.forEach((row, i) => {
    const cells = row.flatMap((c, j) => (c ? [cellText(`${String.fromCharCode(65 + j)}${i + 1}`, c)] : []));
    lines.push(`row ${i + 1} (height ${layout.rowHeights?.[i] ?? "-"})`, ...cells);
  });
  const { rows: _rows, rowHeights: _heights, ...settings } = layout;
  lines.push("settings", JSON.stringify(settings, null, 1));
  return lines.join("\n");
}

function golden(ruleset: Ruleset): string {
  const scenarios: Scenario[] = ["blank", "filled", "by-value"];
  return scenarios
    .map((scenario) => {
      const s = situation(ruleset, scenario);
      const evaluation = evaluate(ruleset, inputsOf(ruleset, s), { asOf: AS_OF });
      const layout = statusSheetLayout({
        ruleset,
        evaluation,
        sheetName: "Trạng thái chỉ tiêu",
        commune: "Xã Thử Nghiệm",
        refs: s.refs,
        raw: s.raw,
        listFormulas: s.lists,
      });
      return `=== ${ruleset.id} · ${scenario} · ${AS_OF}\n${render(layout)}\n`;
    })
    .join("\n");
}

const rulesets = [...loadRulesetDir().rulesets.values(), everyKindRuleset()];

describe("status sheet golden files (UPDATE_GOLDEN=1 rewrites them)", () => {
  test("covers every ruleset in rulesets/ and every indicator kind", () => {
    expect(rulesets.length).toBeGreaterThanOrEqual(9);
    const kinds = new Set(rulesets.flatMap((r) => indicatorsOf(r).map(({ item }) => item.kind)));
    // A kind added to the schema (and to src/core/kinds) fails here until the every-kind test ruleset has one.
    expect([...kinds].sort()).toEqual(Object.keys(KINDS).sort());
  });

  test.each(rulesets.map((r) => [r.id, r] as const))("%s renders as its golden file", (id, ruleset) => {
    const file = join(GOLDEN_DIR, `${id}.txt`);
    const actual = golden(ruleset);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file)).toBe(true);
    // Compared line by line so a failure shows the lines that changed, not a megabyte of text.
    const expected = readFileSync(file, "utf8").split("\n");
    const lines = actual.split("\n");
    const firstDiff = lines.findIndex((l, i) => l !== expected[i]);
    expect({ line: firstDiff + 1, text: lines[firstDiff] }).toEqual({ line: 0, text: undefined });
    expect(lines.length).toBe(expected.length);
  });
});
