/*
 * Input scenarios for the end-to-end tests: what a clerk types into the template of a ruleset, chosen
 * so that across a few variants every path of the engine and of the status-sheet formulas is taken
 * (pass, fail with a shortfall, exactly on the threshold, the rounding trap, blank, impossible figures,
 * counts typed as text, yes/no words, both branches of a condition, by-year thresholds, two-part
 * indicators). Deterministic per (ruleset, variant): no randomness, no clock.
 *
 * The filled workbook is the template's own bytes with the input cells edited in the sheet XML
 * (JSZip), never re-saved through ExcelJS, which would drop the sheet-scoped ownership marker of the
 * very-hidden mapping sheet.
 */
import JSZip from "jszip";
import { slotsOf } from "../../src/core/evaluate/slots";
import { ceil, floor, mul, rat, toNumber, type Rational } from "../../src/core/evaluate/rational";
import type { Mapping } from "../../src/core/mapping/schema";
import { columnIndex, columnName } from "../../src/core/ref/a1";
import { Ruleset, type Comparator, type Indicator, type ShareRequirement } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { shareThresholdValue } from "../../src/core/text/format";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, TEMPLATE_SHEET, templateName } from "../../src/workbook/xlsx/template";

/** What a clerk can type into a cell: text, a number, TRUE/FALSE, or nothing. */
export type CellInput = string | number | boolean | null;

/** Also what a cell can hold: an error value left by a formula (written as =1/0 or =NA()). */
export type TypedCell = CellInput | { error: "#DIV/0!" | "#N/A" };

/** Template name → the value typed into its cell. A name absent from the record is not mapped at all. */
export type ScenarioValues = Record<string, CellInput>;

export type ScenarioCase = { code: string; part?: string; family: CaseFamily; label: string };

export type Scenario = {
  variant: number;
  /** The report date; by-year thresholds are taken on it. Absent in one variant on purpose. */
  asOf?: string;
  commune: string;
  values: ScenarioValues;
  /** Indicators the clerk marks not applicable (code → reason). */
  suspended: Record<string, string>;
  /** What each indicator or part exercises, for coverage checks and failure messages. */
  cases: ScenarioCase[];
};

export type CaseFamily = "share" | "quantity" | "per-capita" | "yes-no" | "condition";

/** The paths of a share (n/d against a percentage or fraction). */
export const SHARE_CASES = [
  "pass",
  "fail",
  "exact",
  "rounding-trap",
  "blank-numerator",
  "numerator-above-denominator",
  "zero-denominator",
  "count-as-text",
  "garbage-text",
  "negative",
  "blank-denominator",
  "value-typed-pass",
  "count-spaced-text",
  "value-typed-fail",
  "blank-both",
  "fractional-count",
  "value-above-one",
] as const;
const SHARE_PASSING = ["pass", "count-as-text", "exact", "value-typed-pass", "count-spaced-text"] as const;
type ShareCase = (typeof SHARE_CASES)[number];

export const YES_NO_CASES = ["Có", "Không", "x", "Chưa đạt", "(trống)", "có lẽ", "TRUE", "1", "ĐẠT", "  không  ", "✓", "FALSE", "0", "2", "Đạt"] as const;
type YesNoCase = (typeof YES_NO_CASES)[number];
const YES_PASSING: YesNoCase[] = ["Có", "x", "Đạt", "TRUE", "✓", "1"];
const NO_PASSING: YesNoCase[] = ["Không", "Chưa đạt", "FALSE", "0"];

export const QUANTITY_CASES = ["pass", "fail", "exact", "blank", "negative", "garbage-text", "just-off", "zero"] as const;
type QuantityCase = (typeof QUANTITY_CASES)[number];
const QUANTITY_PASSING = ["pass", "exact"] as const;

export const PER_CAPITA_CASES = ["pass", "fail", "exact", "zero-denominator", "blank-numerator", "count-as-text", "negative"] as const;
type PerCapitaCase = (typeof PER_CAPITA_CASES)[number];
const PER_CAPITA_PASSING = ["pass", "exact", "count-as-text"] as const;

export const CONDITION_CASES = ["then", "otherwise", "blank", "garbage-text", "negative"] as const;
type ConditionCase = (typeof CONDITION_CASES)[number];

export const VARIANTS = [0, 1, 2] as const;

const YES_NO_VALUE: Record<YesNoCase, CellInput> = {
  Có: "Có",
  Không: "Không",
  x: "x",
  "Chưa đạt": "Chưa đạt",
  "(trống)": null,
  "có lẽ": "có lẽ",
  TRUE: true,
  "1": 1,
  ĐẠT: "ĐẠT",
  "  không  ": "  không  ",
  "✓": "✓",
  FALSE: false,
  "0": 0,
  "2": 2,
  Đạt: "Đạt",
};

/** Cycles through a case list: variant 0 in order, variant 2 shifted by half, variant 1 passing values only. */
class Picker {
  private readonly counters = new Map<CaseFamily, number>();
  constructor(private readonly variant: number) {}
  pick<T>(family: CaseFamily, all: readonly T[], passing: readonly T[]): T {
    const k = this.counters.get(family) ?? 0;
    this.counters.set(family, k + 1);
    if (this.variant === 1) return passing[k % passing.length]!;
    const shift = this.variant === 0 ? 0 : Math.floor(all.length / 2) + this.variant;
    return all[(k + shift) % all.length]!;
  }
}

type SlotValues = Record<string, CellInput>;

/** The share n/d ⋄ t: the smallest passing count for ≥/>, the largest for ≤/<, t·d for =. */
function boundary(t: Rational, c: Comparator, d: bigint): bigint {
  const td = mul(t, rat(d));
  switch (c) {
    case ">=":
      return ceil(td);
    case ">":
      return floor(td) + 1n;
    case "<=":
      return floor(td);
    case "<":
      return ceil(td) - 1n;
    case "=":
      return floor(td);
  }
}

const up = (c: Comparator) => c === ">=" || c === ">" || c === "=";
const clamp = (n: bigint, lo: bigint, hi: bigint) => (n < lo ? lo : n > hi ? hi : n);

/** Numerator/denominator (or ratio) values for one share case; `undefined` slots stay unmapped. */
function shareValues(req: ShareRequirement, share: boolean, kase: ShareCase): SlotValues {
  const t = shareThresholdValue(req);
  const c = req.comparator;
  const d = 3986n;
  const max = share ? d : 4n * d;
  const edge = boundary(t, c, d);
  const passing = clamp(up(c) ? edge + (c === "=" ? 0n : 7n) : edge - 7n, 0n, max);
  const nd = (n: CellInput, den: CellInput): SlotValues => ({ numerator: n, denominator: den });
  const exactD = t.d * ((4000n + t.d - 1n) / t.d);
  switch (kase) {
    case "pass":
      return c === "=" ? nd(Number((t.n * exactD) / t.d), Number(exactD)) : nd(Number(passing), Number(d));
    case "fail":
      return nd(Number(clamp(up(c) ? edge - 854n : edge + 854n, 0n, max)), Number(d));
    case "exact":
      return nd(Number((t.n * exactD) / t.d), Number(exactD));
    case "rounding-trap":
      // 3388/3986 against ≥ 85%: shows 85,0% and fails; against > t the mirror image passes.
      return nd(Number(clamp(c === ">=" ? edge - 1n : c === "<=" ? edge + 1n : edge, 0n, max)), Number(d));
    case "blank-numerator":
      return nd(null, Number(d));
    case "blank-denominator":
      return nd(Number(passing), null);
    case "blank-both":
      return nd(null, null);
    case "numerator-above-denominator":
      return nd(Number(d + 1n), Number(d));
    case "zero-denominator":
      return nd(0, 0);
    case "count-as-text":
      return nd(Number(passing), "3.986");
    case "count-spaced-text":
      return nd(spaced(passing), Number(d));
    case "garbage-text":
      return nd("abc", Number(d));
    case "negative":
      return nd(-5, Number(d));
    case "fractional-count":
      return nd(12.5, Number(d));
    case "value-typed-pass": {
      // The ratio typed directly, numerator and denominator left unmapped.
      const v = Math.min(share ? 1 : 4, Math.round((toNumber(t) + (up(c) ? (c === "=" ? 0 : 0.013) : -0.013)) * 1000) / 1000);
      return { value: Math.max(0, v) };
    }
    case "value-typed-fail": {
      const v = Math.round((toNumber(t) + (up(c) ? -0.1 : 0.1)) * 1000) / 1000;
      return { value: Math.min(share ? 1 : 4, Math.max(0, v)) };
    }
    case "value-above-one":
      return { value: 1.25 };
  }
}

/** 2335 → "2 335", as a clerk types thousands with a space. */
function spaced(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function quantityValues(t: number, c: Comparator, kase: QuantityCase): SlotValues {
  const dir = up(c) ? 1 : -1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  switch (kase) {
    case "pass":
      return { value: c === "=" ? t : round(t + dir * 1.5) };
    case "fail":
      return { value: Math.max(0, round(t - dir * 2.25)) };
    case "exact":
      return { value: t };
    case "blank":
      return { value: null };
    case "negative":
      return { value: -1 };
    case "garbage-text":
      return { value: "abc" };
    case "just-off":
      return { value: Math.max(0, round(t - dir * 0.05)) };
    case "zero":
      return { value: 0 };
  }
}

function perCapitaValues(t: number, c: Comparator, kase: PerCapitaCase): SlotValues {
  const d = 3986;
  const need = Math.round(t * d * 1000) / 1000;
  const dir = up(c) ? 1 : -1;
  switch (kase) {
    case "pass":
      return { numerator: need + dir * 100, denominator: d };
    case "fail":
      return { numerator: Math.max(0, need - dir * 250.5), denominator: d };
    case "exact":
      return { numerator: need, denominator: d };
    case "zero-denominator":
      return { numerator: need, denominator: 0 };
    case "blank-numerator":
      return { numerator: null, denominator: d };
    case "count-as-text":
      return { numerator: need + dir * 3, denominator: "3.986" };
    case "negative":
      return { numerator: -need, denominator: d };
  }
}

/** A value of the condition cell that holds (or not) `x ⋄ v`. */
function conditionValue(cond: { comparator: Comparator; value: number }, holds: boolean): number {
  const v = cond.value;
  const inside = { ">=": v, ">": v + 1, "<=": v, "<": v - 1, "=": v }[cond.comparator];
  const outside = { ">=": v - 1, ">": v, "<=": v + 1, "<": v, "=": v + 1 }[cond.comparator];
  return Math.max(0, holds ? inside : outside);
}

/** The threshold a by-year indicator applies on the report date (the nearest year outside the table). */
function yearThreshold(byYear: Record<string, number>, asOf: string | undefined): number {
  const years = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  const year = asOf ? Number(asOf.slice(0, 4)) : years[years.length - 1]!;
  const exact = byYear[String(year)];
  if (exact !== undefined) return exact;
  return byYear[String(year < years[0]! ? years[0]! : years[years.length - 1]!)]!;
}

const ASOF: Record<number, string | undefined> = { 0: "2024-06-30", 1: "2026-12-31", 2: undefined };

/**
 * The inputs of one variant: 0 walks every case in order, 1 types only passing values (so summaries
 * reach Đạt) and marks one indicator not applicable, 2 walks the cases shifted, leaves the last group
 * blank and has no report date.
 */
export function planScenario(ruleset: Ruleset, variant: number): Scenario {
  const asOf = ASOF[variant % 3];
  const picker = new Picker(variant);
  const values: ScenarioValues = {};
  const cases: ScenarioCase[] = [];
  const suspended: Record<string, string> = {};
  const located = indicatorsOf(ruleset);
  const last = ruleset.groups[ruleset.groups.length - 1];
  const blankGroups = new Set(variant === 2 && ruleset.groups.length > 1 && last ? [last.code] : []);

  const put = (code: string, prefix: string, slots: SlotValues) => {
    for (const [slot, v] of Object.entries(slots)) values[templateName(code, prefix ? `${prefix}.${slot}` : slot)] = v;
  };
  const note = (code: string, part: string | undefined, family: CaseFamily, label: string) =>
    cases.push(part === undefined ? { code, family, label } : { code, part, family, label });

  const share = (code: string, prefix: string, part: string | undefined, req: ShareRequirement, isShare: boolean) => {
    const kase = picker.pick("share", SHARE_CASES, SHARE_PASSING);
    note(code, part, "share", kase);
    put(code, prefix, shareValues(req, isShare, kase));
  };
  const quantity = (code: string, prefix: string, part: string | undefined, t: number, c: Comparator, perCapita: boolean) => {
    if (perCapita) {
      const kase = picker.pick("per-capita", PER_CAPITA_CASES, PER_CAPITA_PASSING);
      note(code, part, "per-capita", kase);
      put(code, prefix, perCapitaValues(t, c, kase));
    } else {
      const kase = picker.pick("quantity", QUANTITY_CASES, QUANTITY_PASSING);
      note(code, part, "quantity", kase);
      put(code, prefix, quantityValues(t, c, kase));
    }
  };
  const yesNo = (code: string, prefix: string, part: string | undefined, expected: boolean) => {
    const kase = picker.pick("yes-no", YES_NO_CASES, expected ? YES_PASSING : NO_PASSING);
    note(code, part, "yes-no", kase);
    put(code, prefix, { value: YES_NO_VALUE[kase] });
  };

  for (const { item, group } of located) {
    if (blankGroups.has(group.code)) {
      for (const s of slotsOf(item).filter((s) => !s.alternative)) values[templateName(item.code, s.slot)] = null;
      note(item.code, undefined, "share", "blank-group");
      continue;
    }
    const code = item.code;
    switch (item.kind) {
      case "ratio":
        share(code, "", undefined, item.requirement, item.share);
        break;
      case "quantity":
        quantity(code, "", undefined, item.requirement.value, item.requirement.comparator, item.perCapita !== undefined);
        break;
      case "yes-no":
        yesNo(code, "", undefined, item.expected);
        break;
      case "by-year": {
        const t = yearThreshold(item.byYear, asOf);
        if (item.measure === "ratio") share(code, "", undefined, { comparator: item.comparator, percent: t }, true);
        else quantity(code, "", undefined, t, item.comparator, false);
        break;
      }
      case "conditional": {
        const kase = picker.pick<ConditionCase>("condition", CONDITION_CASES, ["then", "otherwise"]);
        note(code, undefined, "condition", kase);
        const holds = kase !== "otherwise";
        values[templateName(code, "condition")] =
          kase === "blank" ? null : kase === "garbage-text" ? "abc" : kase === "negative" ? -2 : conditionValue(item.condition, holds);
        share(code, "", undefined, holds ? item.then : item.otherwise, item.share);
        break;
      }
      case "all-of":
        for (const part of item.parts) {
          const m = part.measure;
          if (m.kind === "ratio") share(code, part.id, part.id, m.requirement, m.share);
          else if (m.kind === "quantity") quantity(code, part.id, part.id, m.requirement.value, m.requirement.comparator, m.perCapita !== undefined);
          else yesNo(code, part.id, part.id, m.expected);
        }
        break;
    }
  }
  if (variant === 1) {
    // The clerk marks one applicable indicator not applicable: tạm dừng, left out of the totals.
    const target = located.find((l) => !l.item.suspended && l.item.kind === "yes-no") ?? located.find((l) => !l.item.suspended);
    if (target) suspended[target.item.code] = "Xã không có đối tượng áp dụng (thử nghiệm)";
  }
  return { variant, ...(asOf !== undefined ? { asOf } : {}), commune: "Hà Tân (thử nghiệm)", values, suspended, cases };
}

/** The values of one variant, by template name (see planScenario). */
export function fillScenario(ruleset: Ruleset, variant: number): ScenarioValues {
  return planScenario(ruleset, variant).values;
}

/** Template name → (code, slot) for every slot of a ruleset, alternatives included. */
export function slotNames(ruleset: Ruleset): Map<string, { code: string; slot: string; alternative: boolean }> {
  const out = new Map<string, { code: string; slot: string; alternative: boolean }>();
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item)) out.set(templateName(item.code, s.slot), { code: item.code, slot: s.slot, alternative: s.alternative === true });
  }
  return out;
}

/** The mapping of a scenario: every name present in the values (blank or not) is mapped, the rest is not. */
export function scenarioMapping(ruleset: Ruleset, scenario: Pick<Scenario, "asOf" | "commune" | "suspended"> & { values: Readonly<Record<string, TypedCell>> }): Mapping {
  const slots = slotNames(ruleset);
  const indicators: Mapping["indicators"] = {};
  for (const name of Object.keys(scenario.values)) {
    const s = slots.get(name);
    if (!s) throw new Error(`${name} is not a slot of ${ruleset.id}`);
    (indicators[s.code] ??= {})[s.slot] = name;
  }
  return {
    ruleset: ruleset.id,
    ...(scenario.asOf !== undefined ? { asOf: scenario.asOf } : {}),
    commune: scenario.commune,
    indicators,
    ...(Object.keys(scenario.suspended).length > 0 ? { suspended: scenario.suspended } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Editing cells of an .xlsx in place (sheet XML through JSZip)

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The part path of a sheet by its name, through workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? "";
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const rid = /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || rid === undefined || unescapeXml(name).normalize("NFC") !== sheet.normalize("NFC")) continue;
    for (const r of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
      const ra = r[1] ?? "";
      if (/\bId="([^"]*)"/.exec(ra)?.[1] !== rid) continue;
      const target = /\bTarget="([^"]*)"/.exec(ra)?.[1] ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  throw new Error(`no sheet "${sheet}" in the package`);
}

function cellXml(ref: string, style: string, value: TypedCell): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "object") return `<c r="${ref}"${s} t="e"><f>${value.error === "#N/A" ? "NA()" : "1/0"}</f><v>${value.error}</v></c>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

const splitRef = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
};

/** Sets one cell in a worksheet's XML, keeping its style; creates the cell (and its row) when absent. */
export function setCellInSheetXml(xml: string, ref: string, value: TypedCell): string {
  const existing = new RegExp(`<c r="${ref}"((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (existing) {
    const style = /\ss="(\d+)"/.exec(existing[1] ?? "")?.[1] ?? "";
    return xml.slice(0, existing.index) + cellXml(ref, style, value) + xml.slice(existing.index + existing[0].length);
  }
  const { row, col } = splitRef(ref);
  const rowRe = new RegExp(`<row r="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);
  const rowMatch = rowRe.exec(xml);
  const cell = cellXml(ref, "", value);
  if (rowMatch) {
    const whole = rowMatch[0];
    if (whole.endsWith("/>")) {
      const replaced = `${whole.slice(0, -2)}>${cell}</row>`;
      return xml.slice(0, rowMatch.index) + replaced + xml.slice(rowMatch.index + whole.length);
    }
    const inner = rowMatch[1] ?? "";
    const innerStart = rowMatch.index + whole.indexOf(">") + 1;
    // Cells stay in column order: insert before the first cell to the right.
    let insertAt = innerStart + inner.length;
    for (const c of inner.matchAll(/<c r="([A-Z]+)\d+"/g)) {
      if (columnIndex(c[1]!) > col) {
        insertAt = innerStart + c.index;
        break;
      }
    }
    return xml.slice(0, insertAt) + cell + xml.slice(insertAt);
  }
  const newRow = `<row r="${row}">${cell}</row>`;
  for (const r of xml.matchAll(/<row r="(\d+)"/g)) {
    if (Number(r[1]) > row) return xml.slice(0, r.index) + newRow + xml.slice(r.index);
  }
  if (/<sheetData\s*\/>/.test(xml)) return xml.replace(/<sheetData\s*\/>/, `<sheetData>${newRow}</sheetData>`);
  return xml.replace("</sheetData>", `${newRow}</sheetData>`);
}

/**
 * Sets cells of one sheet of an .xlsx (A1 → value) and adds workbook-scoped defined names
 * (name → 'Sheet'!$C$R), editing only those parts; everything else keeps its bytes.
 */
export async function editWorkbook(
  bytes: Uint8Array,
  sheet: string,
  cells: Readonly<Record<string, TypedCell>>,
  names: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  let xml = await zip.file(part)!.async("string");
  for (const [ref, value] of Object.entries(cells)) xml = setCellInSheetXml(xml, ref, value);
  zip.file(part, xml);
  if (Object.keys(names).length > 0) {
    let wb = await zip.file("xl/workbook.xml")!.async("string");
    const added = Object.entries(names)
      .map(([n, target]) => `<definedName name="${escapeXml(n)}">${escapeXml(target)}</definedName>`)
      .join("");
    wb = wb.includes("</definedNames>") ? wb.replace("</definedNames>", `${added}</definedNames>`) : wb.replace("</sheets>", `</sheets><definedNames>${added}</definedNames>`);
    zip.file("xl/workbook.xml", wb);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export type FilledWorkbook = {
  bytes: Uint8Array;
  mapping: Mapping;
  /** Template name → the input cell ("D12", "F7") on the template sheet. */
  cells: Record<string, string>;
};

/**
 * The template of a ruleset with a scenario typed in. Slots the template has no cell for (a ratio
 * typed directly) get a cell in column F of their indicator's first row, and a defined name of the
 * template's spelling.
 */
export async function buildFilledWorkbook(
  ruleset: Ruleset,
  scenario: Pick<Scenario, "asOf" | "commune" | "suspended"> & { values: Readonly<Record<string, TypedCell>> },
): Promise<FilledWorkbook> {
  const template = await makeTemplate(ruleset, { asOf: scenario.asOf, commune: scenario.commune });
  const snap = await (await XlsxWorkbook.open(template)).snapshot();
  const at = new Map<string, { row: number; col: number }>();
  for (const n of snap.names) {
    if (n.scope === null && n.target.kind === "range" && n.target.range.sheet === TEMPLATE_SHEET) at.set(n.name, { row: n.target.range.top, col: n.target.range.left });
  }
  const slots = slotNames(ruleset);
  const cells: Record<string, TypedCell> = {};
  const refs: Record<string, string> = {};
  const extraNames: Record<string, string> = {};
  const usedExtra = new Set<string>();
  for (const [name, value] of Object.entries(scenario.values)) {
    let where = at.get(name);
    if (!where) {
      const s = slots.get(name);
      if (!s) throw new Error(`${name} is not a slot of ${ruleset.id}`);
      // Beside the first input of the same indicator (and part), in the empty column F.
      const prefix = s.slot.includes(".") ? `${s.slot.slice(0, s.slot.lastIndexOf("."))}.` : "";
      const sibling = slotsOf(indicatorsOf(ruleset).find((l) => l.item.code === s.code)!.item as Indicator).find((x) => !x.alternative && x.slot.startsWith(prefix));
      const base = sibling ? at.get(templateName(s.code, sibling.slot)) : undefined;
      if (!base) throw new Error(`no template row for ${name}`);
      where = { row: base.row, col: 6 };
      const ref = `${columnName(where.col)}${where.row}`;
      if (usedExtra.has(ref)) throw new Error(`two extra slots on ${ref}`);
      usedExtra.add(ref);
      extraNames[name] = `'${TEMPLATE_SHEET}'!$${columnName(where.col)}$${where.row}`;
    }
    const ref = `${columnName(where.col)}${where.row}`;
    cells[ref] = value;
    refs[name] = ref;
  }
  const bytes = await editWorkbook(template, TEMPLATE_SHEET, cells, extraNames);
  return { bytes, mapping: scenarioMapping(ruleset, scenario), cells: refs };
}

// ---------------------------------------------------------------------------------------------
// A ruleset with every kind of indicator, for paths the published rulesets do not take

/** Every indicator kind, comparator and summary rule the schema allows, in one small ruleset. */
export function everyKindRuleset(): Ruleset {
  const ratio = (code: string, name: string, requirement: ShareRequirement, extra: Record<string, unknown> = {}) => ({
    kind: "ratio",
    code,
    name,
    requirement,
    numeratorLabel: `Tử số ${code}`,
    denominatorLabel: `Mẫu số ${code}`,
    unit: "người",
    ...extra,
  });
  const yesNo = (code: string, name: string, extra: Record<string, unknown> = {}) => ({ kind: "yes-no", code, name, ...extra });
  const quantity = (code: string, name: string, comparator: Comparator, value: number, unit: string, extra: Record<string, unknown> = {}) => ({
    kind: "quantity",
    code,
    name,
    requirement: { comparator, value },
    unit,
    valueLabel: name,
    ...extra,
  });
  const conditional = (code: string, condition: { label: string; comparator: Comparator; value: number }, then: ShareRequirement, otherwise: ShareRequirement) => ({
    kind: "conditional",
    code,
    name: `Tỷ lệ theo điều kiện ${code}`,
    condition,
    then,
    otherwise,
    numeratorLabel: `Tử số ${code}`,
    denominatorLabel: `Mẫu số ${code}`,
    unit: "đơn vị",
  });
  return Ruleset.parse({
    id: "e2e-moi-loai",
    title: "Bộ tiêu chí thử nghiệm đủ mọi loại chỉ tiêu",
    province: "Tỉnh thử nghiệm",
    level: "xa",
    document: { number: "99/HD-TN", date: "2024-10", issuer: "Sở thử nghiệm" },
    source: { seed: "001_7d4820e14f3ca244.txt", section: "thử nghiệm" },
    overall: { unitName: "nhóm", counts: "groups", passRule: { atLeast: 2 } },
    groups: [
      {
        code: "A",
        name: "Các tỷ lệ",
        unitName: "chỉ tiêu",
        items: [
          ratio("A.1", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", { comparator: ">=", percent: 85 }),
          ratio("A.2", "Tỷ lệ hồ sơ trực tuyến", { comparator: ">", percent: 70 }),
          ratio("A.3", "Tỷ lệ hộ nghèo", { comparator: "<=", percent: 10 }),
          ratio("A.4", "Tỷ lệ hộ nghèo đa chiều", { comparator: "<", percent: 5 }),
          ratio("A.5", "Tỷ lệ cán bộ có thư công vụ", { comparator: "=", percent: 100 }),
          ratio("A.6", "Tỷ lệ thôn có nhà văn hóa", { comparator: ">=", fraction: "2/3" }),
          ratio("A.7", "Số máy tính trên mỗi cán bộ", { comparator: ">=", percent: 100 }, { share: false, unit: "máy" }),
          ratio("A.8", "Tỷ lệ lao động qua đào tạo", { comparator: ">=", percent: 72.5 }),
        ],
      },
      {
        code: "B",
        name: "Số lượng và điều kiện",
        unitName: "chỉ tiêu",
        passRule: { atLeast: 3 },
        items: [
          quantity("B.1", "Thu nhập bình quân đầu người", ">=", 45, "triệu đồng/người"),
          quantity("B.2", "Số vụ vi phạm môi trường", "<=", 2, "vụ"),
          quantity("B.3", "Diện tích đất thể thao bình quân", ">=", 2, "m²/người", {
            perCapita: { numeratorLabel: "Diện tích đất thể thao (m²)", denominatorLabel: "Dân số (người)" },
          }),
          yesNo("B.4", "Có hệ thống một cửa điện tử"),
          yesNo("B.5", "Có điểm tập kết rác tự phát", { expected: false }),
          quantity("B.6", "Số điểm bưu chính", ">", 0, "điểm"),
          quantity("B.7", "Diện tích bình quân tối đa", "<", 2.5, "ha/hộ", {
            perCapita: { numeratorLabel: "Diện tích (ha)", denominatorLabel: "Số hộ" },
          }),
          quantity("B.8", "Diện tích cây xanh bình quân", ">", 0.75, "m²/người", {
            perCapita: { numeratorLabel: "Diện tích cây xanh (m²)", denominatorLabel: "Dân số" },
          }),
          quantity("B.9", "Lượng nước thải bình quân", "<=", 1.2, "m³/người", {
            perCapita: { numeratorLabel: "Lượng nước thải (m³)", denominatorLabel: "Dân số" },
          }),
        ],
      },
      {
        code: "C",
        name: "Các tiêu chí",
        unitName: "tiêu chí",
        items: [
          {
            kind: "criterion",
            code: "C1",
            name: "Giáo dục và thu nhập",
            passRule: { atLeast: 2 },
            indicators: [
              {
                kind: "conditional",
                code: "C1.1",
                name: "Tỷ lệ trường đạt chuẩn quốc gia",
                condition: { label: "Số trường học", comparator: ">", value: 3 },
                then: { comparator: ">=", percent: 70 },
                otherwise: { comparator: ">=", percent: 50 },
                numeratorLabel: "Số trường đạt chuẩn",
                denominatorLabel: "Số trường",
                unit: "trường",
              },
              conditional("C1.4", { label: "Số thôn", comparator: ">=", value: 5 }, { comparator: ">=", fraction: "2/3" }, { comparator: ">=", percent: 60 }),
              conditional("C1.5", { label: "Số chợ", comparator: "<", value: 2 }, { comparator: ">", percent: 40 }, { comparator: ">=", percent: 75 }),
              conditional("C1.6", { label: "Có trạm y tế riêng (1/0)", comparator: "=", value: 1 }, { comparator: "<=", percent: 20 }, { comparator: "<", percent: 30 }),
              {
                kind: "by-year",
                code: "C1.2",
                name: "Tỷ lệ người dân có tài khoản thanh toán",
                measure: "ratio",
                comparator: ">=",
                byYear: { "2023": 60, "2024": 65, "2025": 70 },
                unit: "người",
                numeratorLabel: "Số người có tài khoản",
                denominatorLabel: "Dân số từ 15 tuổi",
              },
              {
                kind: "by-year",
                code: "C1.3",
                name: "Thu nhập bình quân đầu người của xã",
                measure: "quantity",
                comparator: ">=",
                byYear: { "2021": 40, "2022": 42, "2023": 45.5, "2024": 50, "2025": 55.25 },
                unit: "triệu đồng/người/năm",
              },
            ],
          },
          {
            kind: "criterion",
            code: "C2",
            name: "Nước sạch và môi trường",
            indicators: [
              {
                kind: "all-of",
                code: "C2.1",
                name: "Tỷ lệ hộ dùng nước sạch",
                parts: [
                  { id: "a", name: "Tỷ lệ hộ dùng nước sạch", measure: { kind: "ratio", requirement: { comparator: ">=", percent: 45 }, numeratorLabel: "Số hộ dùng nước sạch", denominatorLabel: "Số hộ", unit: "hộ" } },
                  { id: "b", name: "Trong đó nước máy", measure: { kind: "ratio", requirement: { comparator: ">=", percent: 20 }, numeratorLabel: "Số hộ dùng nước máy", denominatorLabel: "Số hộ", unit: "hộ" } },
                  { id: "c", name: "Có tổ quản lý nước", measure: { kind: "yes-no" } },
                ],
              },
              {
                kind: "all-of",
                code: "C2.2",
                name: "Đất cây xanh và rác thải",
                parts: [
                  { id: "a", name: "Đất cây xanh bình quân", measure: { kind: "quantity", requirement: { comparator: ">=", value: 2 }, unit: "m²/người", valueLabel: "Đất cây xanh", perCapita: { numeratorLabel: "Diện tích cây xanh (m²)", denominatorLabel: "Dân số" } } },
                  { id: "b", name: "Còn bãi rác tự phát", measure: { kind: "yes-no", expected: false } },
                  { id: "c", name: "Lượng rác thu gom", measure: { kind: "quantity", requirement: { comparator: ">=", value: 90 }, unit: "tấn", valueLabel: "Lượng rác thu gom (tấn)" } },
                ],
              },
            ],
          },
          {
            kind: "criterion",
            code: "C3",
            name: "Tiêu chí đang tạm dừng",
            suspended: { reason: "văn bản tạm dừng tiêu chí này (thử nghiệm)" },
            indicators: [yesNo("C3.1", "Có mô hình thí điểm")],
          },
        ],
      },
      {
        code: "D",
        name: "Nhóm có chỉ tiêu tạm dừng",
        unitName: "chỉ tiêu",
        suspendedInTotal: true,
        passRule: { atLeast: 1 },
        items: [
          yesNo("D.1", "Có bản đồ số", { suspended: { reason: "đang tạm dừng" } }),
          ratio("D.2", "Tỷ lệ nhà được gắn mã địa chỉ", { comparator: ">=", percent: 50 }),
        ],
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The Hà Tân report's own figures (test/fixtures/ha-tan-2024.json), as a clerk would type them

export type ReportFigure = { numerator?: number; denominator?: number; value?: boolean | number };

/**
 * The Hà Tân figures typed into the template of thanh-hoa-cds-xa-2024: counts where the report gives
 * them (a numerator without its denominator leaves the denominator blank), a ratio the report gives
 * only as a value typed directly, "Có"/"Không" for conditions; indicators it has no figure for stay blank.
 */
export function haTanScenario(ruleset: Ruleset, fixture: Readonly<Record<string, ReportFigure>>): Scenario {
  const values: ScenarioValues = {};
  for (const { item } of indicatorsOf(ruleset)) {
    const f = fixture[item.code] ?? {};
    const name = (slot: string) => templateName(item.code, slot);
    if (item.kind === "yes-no") {
      values[name("value")] = f.value === undefined ? null : f.value === true || f.value === 1 ? "Có" : "Không";
    } else if (f.numerator === undefined && typeof f.value === "number" && slotsOf(item).some((s) => s.slot === "value")) {
      values[name("value")] = f.value;
    } else {
      for (const s of slotsOf(item).filter((s) => !s.alternative)) {
        const v = s.slot === "numerator" ? f.numerator : s.slot === "denominator" ? f.denominator : undefined;
        values[name(s.slot)] = v ?? null;
      }
    }
  }
  return { variant: -1, asOf: "2024-06-30", commune: "Hà Tân", values, suspended: {}, cases: [] };
}

/** The formulas of one sheet of an .xlsx, by cell (A1 → formula text), for failure messages. */
export async function sheetFormulas(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(await sheetPart(zip, sheet))!.async("string");
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>\s*<f>([\s\S]*?)<\/f>/g)) out.set(m[1]!, unescapeXml(m[2]!));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Traps: single inputs where a formula could read a cell differently from the engine

export type Trap = {
  /** Also the indicator's name on the sheet. */
  title: string;
  indicator: Record<string, unknown>;
  /** Slot → what is typed; a slot absent here is not mapped. */
  values: Record<string, TypedCell>;
};

const trapRatio = { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, numeratorLabel: "Tử số", denominatorLabel: "Mẫu số", unit: "người" };
const trapQuantity = { kind: "quantity", requirement: { comparator: ">=", value: 45 }, unit: "triệu đồng/người", valueLabel: "Thu nhập" };
const trapYesNo = { kind: "yes-no" };
const trapConditional = {
  kind: "conditional",
  condition: { label: "Số trường học", comparator: ">", value: 3 },
  then: { comparator: ">=", percent: 70 },
  otherwise: { comparator: ">=", percent: 50 },
  numeratorLabel: "Số trường đạt chuẩn",
  denominatorLabel: "Số trường",
  unit: "trường",
};

/** Each trap is one indicator of its own, so rows do not interfere. */
export const TRAPS: readonly Trap[] = [
  { title: "a count typed as text with a decimal point, \"12.5\", is lỗi số liệu", indicator: trapRatio, values: { numerator: "12.5", denominator: 3986 } },
  { title: "a count typed as text with a decimal point, \"2000.0\", is lỗi số liệu: a count has no decimals", indicator: trapRatio, values: { numerator: "2000.0", denominator: 3986 } },
  { title: "a count typed as text with a comma, \"3,986\", is ambiguous: lỗi số liệu", indicator: trapRatio, values: { numerator: 2500, denominator: "3,986" } },
  { title: "a count typed as plain text \"2500\" is the count 2500", indicator: trapRatio, values: { numerator: "2500", denominator: 3986 } },
  { title: "a count typed with a no-break space, \"2 500\", is the count 2500", indicator: trapRatio, values: { numerator: "2\u00a0500", denominator: 3986 } },
  // TRUE in a count cell is lỗi số liệu for the engine and for Excel's formula (ISLOGICAL); LibreOffice stores
  // TRUE as the number 1 with a boolean format, so its recalculation cannot tell them apart: not a trap here.
  { title: "an error value (#DIV/0!) in a count cell is lỗi số liệu", indicator: trapRatio, values: { numerator: { error: "#DIV/0!" }, denominator: 3986 } },
  { title: "a ratio typed as text \"58,6%\" is 0,586", indicator: trapRatio, values: { value: "58,6%" } },
  { title: "a ratio typed as text \"0,75\" is 0,75", indicator: trapRatio, values: { value: "0,75" } },
  { title: "a ratio typed directly while its counts are mapped but blank is thiếu số liệu: mapped counts come first", indicator: trapRatio, values: { numerator: null, denominator: null, value: 0.9 } },
  { title: "a quantity typed as text \"45,5\" is 45,5", indicator: trapQuantity, values: { value: "45,5" } },
  { title: "a condition typed as text \"5\" is 5", indicator: trapConditional, values: { condition: "5", numerator: 4, denominator: 5 } },
  {
    title: "a condition that holds picks the \"then\" threshold even when that threshold is \"= 100%\"",
    indicator: { ...trapConditional, then: { comparator: "=", percent: 100 } },
    values: { condition: 5, numerator: 60, denominator: 100 },
  },
  { title: "\"Có\" typed in decomposed Unicode (NFD) is Có", indicator: trapYesNo, values: { value: "Có".normalize("NFD") } },
  { title: "\"có\" followed by a no-break space is Có", indicator: trapYesNo, values: { value: "có\u00a0" } },
  { title: "an error value (#N/A) in a yes/no cell is lỗi số liệu", indicator: trapYesNo, values: { value: { error: "#N/A" } } },
];

/** The ruleset of the traps: indicator T.1 … T.n, one per trap. */
export function trapRuleset(): Ruleset {
  return Ruleset.parse({
    id: "e2e-bay",
    title: "Bộ tiêu chí thử nghiệm các bẫy nhập liệu",
    province: "Tỉnh thử nghiệm",
    level: "xa",
    document: { number: "98/HD-TN", date: "2024-10", issuer: "Sở thử nghiệm" },
    source: { seed: "001_7d4820e14f3ca244.txt", section: "thử nghiệm" },
    overall: { unitName: "chỉ tiêu", counts: "indicators" },
    groups: [{ code: "T", name: "Bẫy nhập liệu", unitName: "chỉ tiêu", items: TRAPS.map((t, i) => ({ ...t.indicator, code: `T.${i + 1}`, name: t.title })) }],
  });
}

/** The template names and values of every trap. */
export function trapValues(): Record<string, TypedCell> {
  const out: Record<string, TypedCell> = {};
  TRAPS.forEach((t, i) => {
    for (const [slot, v] of Object.entries(t.values)) out[templateName(`T.${i + 1}`, slot)] = v;
  });
  return out;
}
