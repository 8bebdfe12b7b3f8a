import type { Mapping } from "../core/mapping/schema";
import type { Finding } from "../core/evaluate/result";
import type { Ruleset } from "../core/ruleset/schema";
import type { ReadInputs } from "./read-inputs";

/**
 * The adult age the clerk typed in the template's "Độ tuổi trưởng thành" cell, stored in the
 * mapping (so the lists command and the pane use it too). Blank keeps the ruleset's; anything but a
 * whole number of years from 10 to 25 is reported with its cell and ignored.
 */
export function adultAgeFromCell(mapping: Mapping, cell: ReadInputs["adultAgeCell"]): { mapping: Mapping; problems: Finding[] } {
  if (!cell || cell.raw === null || cell.raw === undefined || (typeof cell.raw === "string" && cell.raw.trim() === ""))
    return { mapping, problems: [] };
  const n = typeof cell.raw === "number" ? cell.raw : typeof cell.raw === "string" ? Number(cell.raw.trim()) : NaN;
  if (Number.isInteger(n) && n >= 10 && n <= 25) return { mapping: { ...mapping, adultAge: n }, problems: [] };
  return {
    mapping,
    problems: [
      {
        severity: "loi",
        ref: cell.source,
        message: `Ô Độ tuổi trưởng thành ${cell.source}: "${String(cell.raw)}" không phải số tuổi — nhập 15 hoặc 18; tạm dùng mức của bộ tiêu chí`,
      },
    ],
  };
}

/** The ruleset with the clerk's adult age in place of its default, the source saying so. */
export function withClerkAdultAge(ruleset: Ruleset, mapping: Mapping): Ruleset {
  const own = ruleset.parameters["adultAge"];
  if (mapping.adultAge === undefined || !own || own.value === mapping.adultAge) return ruleset;
  const source = `xã chọn ${mapping.adultAge} tuổi (ô Độ tuổi trưởng thành); bộ tiêu chí đề xuất ${own.value} tuổi: ${own.source}`;
  return { ...ruleset, parameters: { ...ruleset.parameters, adultAge: { ...own, value: mapping.adultAge, source } } };
}
