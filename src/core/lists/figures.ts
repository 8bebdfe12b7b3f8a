/*
 * Lists feed the figures: an indicator whose ruleset entry names a list ("list": "PL03") can take its
 * numerator from the list's count and its denominator from the population the list is drawn from
 * (1.1.1: Phụ lục 03 and the adults of the residents roster); a yes/no indicator (1.3.3) is "Có" when
 * its list has anyone. Where the clerk also mapped the figure, both must agree — a disagreement is a
 * problem naming both places.
 */
import type { IndicatorInputs, Input, Inputs } from "../evaluate/inputs";
import { cmp, rat, toNumber } from "../evaluate/rational";
import type { Finding as Problem } from "../evaluate/result";
import type { IndicatorKind, Ruleset } from "../ruleset/schema";
import type { KindModule } from "../kinds/module";
import { kindOf } from "../kinds/registry";
import { quoteSheet } from "../ref/a1";
import { indicatorsOf } from "../ruleset/walk";
import { formatInteger } from "../text/format";
import type { BuiltList } from "./select";
import type { ListId } from "./ids";

/** A list as written: its count, population and where its total stands. */
export type WrittenList = { list: BuiltList; totalRef: string; sheetName: string; countFormula?: string };

/** Indicator code → slot → the figure from a list, with where it comes from. */
export type ListFigures = Record<string, Record<string, { value: number; source: string; text: string; formula?: string }>>;

/** What a list gives an indicator that names it, as its kind says (src/core/kinds). */
type ListFigure = KindModule<IndicatorKind>["listFigure"];

/** The indicators of a ruleset that name a list, in document order. */
export function listIndicators(ruleset: Ruleset): Array<{ code: string; list: ListId; figure: ListFigure }> {
  return indicatorsOf(ruleset).flatMap(({ item }) =>
    item.list ? [{ code: item.code, list: item.list, figure: kindOf(item).listFigure }] : [],
  );
}

/** The figures the written lists give, for the indicators that name them. */
export function listFigures(ruleset: Ruleset, written: readonly WrittenList[]): ListFigures {
  const byId = new Map(written.map((w) => [w.list.id, w]));
  const out: ListFigures = {};
  for (const ind of listIndicators(ruleset)) {
    const w = byId.get(ind.list);
    if (!w) continue;
    const count = w.list.members.length;
    const unit = w.list.template.unit;
    const countText = `${w.list.template.appendix} (${w.totalRef}) đếm được ${formatInteger(count)} ${unit}`;
    // Without its yes/no column a list is empty for want of answers, not for want of people: no numerator.
    if (ind.figure === "counts") {
      const denominator = {
        value: w.list.population,
        // The population is counted by age from the roster, which no formula can redo: a constant.
        formula: String(w.list.population),
        source: `${quoteSheet(w.list.sheet)}!A1`,
        text: `trang "${w.list.sheet}" có ${formatInteger(w.list.population)} ${w.list.populationText}`,
      };
      const numerator = { value: count, source: w.totalRef, text: countText, ...(w.countFormula ? { formula: w.countFormula } : {}) };
      out[ind.code] = w.list.answered ? { numerator, denominator } : { denominator };
    } else if (ind.figure === "anyone-listed" && w.list.answered) {
      out[ind.code] = {
        value: {
          value: count > 0 ? 1 : 0,
          source: w.totalRef,
          text: countText,
          ...(w.countFormula ? { formula: `IF(${w.countFormula}>0,"Có","Không")` } : {}),
        },
      };
    }
  }
  return out;
}

function figureInput(slot: string, f: { value: number; source: string }): Input {
  return slot === "value"
    ? { kind: "bool", value: f.value === 1, source: f.source }
    : { kind: "number", value: rat(BigInt(f.value)), source: f.source };
}

function shownInput(i: Input): string {
  if (i.kind === "bool") return i.value ? "Có" : "Không";
  if (i.kind === "number") return formatInteger(Math.round(toNumber(i.value)));
  return "";
}

const SLOT_TEXT: Record<string, string> = { numerator: "tử số", denominator: "mẫu số", value: "giá trị" };

/**
 * Merges the list figures into the inputs read from the mapping: an unmapped or blank slot takes the
 * list's figure; a mapped figure is kept and compared, a disagreement becoming a problem that names
 * the list (or roster) and the mapped cell. An invalid mapped cell stays invalid (lỗi số liệu).
 */
export function mergeListFigures(
  read: Inputs,
  figures: ListFigures,
): { inputs: Inputs; problems: Problem[]; used: Array<{ code: string; slot: string; source: string }> } {
  const inputs: Record<string, IndicatorInputs> = { ...read };
  const problems: Problem[] = [];
  const used: Array<{ code: string; slot: string; source: string }> = [];
  for (const [code, slots] of Object.entries(figures)) {
    const merged: Record<string, Input> = { ...(read[code] ?? {}) };
    // A ratio the clerk gives as its value ("58,6%") is not mixed with counts from a list.
    const byValue = slots["denominator"] !== undefined && merged["value"] !== undefined && merged["value"].kind !== "missing";
    if (byValue) continue;
    for (const [slot, f] of Object.entries(slots)) {
      const mapped = merged[slot];
      const fromList = figureInput(slot, f);
      if (mapped === undefined || mapped.kind === "missing") {
        merged[slot] = fromList;
        used.push({ code, slot, source: f.source });
        continue;
      }
      if (mapped.kind === "invalid") continue;
      const agree =
        mapped.kind === "bool" && fromList.kind === "bool"
          ? mapped.value === fromList.value
          : mapped.kind === "number" && fromList.kind === "number"
            ? cmp(mapped.value, fromList.value) === 0
            : true;
      if (!agree) {
        const where = mapped.source ?? "ô đã gán";
        problems.push({
          message: `Chỉ tiêu ${code}, ${SLOT_TEXT[slot] ?? slot}: ${f.text}, nhưng ${where} ghi ${shownInput(mapped)} — hai nơi phải khớp nhau; hãy kiểm tra danh sách hoặc sửa số liệu`,
          ref: mapped.source ?? f.source,
          severity: "loi",
        });
      }
    }
    inputs[code] = merged;
  }
  return { inputs, problems, used };
}
