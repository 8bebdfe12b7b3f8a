import type { Inputs } from "../core/evaluate/inputs";
import { evaluate } from "../core/evaluate/evaluate";
import { damagedMappingMessage } from "../core/layout/mapping-sheet";
import { STATUS_KEY } from "../core/layout/status";
import { checkMappingAgainst, parseMappingText, type Mapping } from "../core/mapping/schema";
import { formatRange, quoteSheet, type RangeAddress } from "../core/ref/a1";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import type { FigureContext, ListCount, MappedCell, SheetGrid, SheetsContext } from "../core/check/context";
import { runChecks, type CheckResult } from "../core/check/run";
import type { CheckRuleFile } from "../core/check/schema";
import { problem, type CheckProblem } from "../core/check/types";
import { resolveReference } from "../workbook/names";
import type { DefinedName, SheetInfo, WorkbookPort } from "../workbook/port";
import { indicatorsOf } from "../core/ruleset/walk";
import type { RulesetCatalog } from "./evaluate-workbook";
import { readInputs } from "./read-inputs";
import { reportDateFromCell } from "./report-date";
import { fingerprintProblems } from "./fingerprint";

export type CheckRequest = {
  rulesets: RulesetCatalog;
  /** Overrides the ruleset the mapping names. */
  rulesetId?: string | undefined;
  /** Mapping JSON given from outside (--mapping); else the one stored in the workbook. */
  mapping?: { text: string; source: string } | undefined;
  /** The report date, YYYY-MM-DD; overrides the mapping's. */
  asOf?: string | undefined;
  /** The data rules of a ruleset (rulesets/checks/<id>.json), already validated; undefined when it has none. */
  checkRules?: ((ruleset: Ruleset) => CheckRuleFile | undefined) | undefined;
  /** Indicator code → how many entries its appendix list holds (from the lists module). */
  listCounts?: Readonly<Record<string, ListCount>> | undefined;
};

export type CheckReport = CheckResult & {
  ruleset?: string;
  asOf?: string;
  /** The sheets looked at, ours included: for the clerk's "what was checked". */
  sheets: string[];
};

/** A port whose reads of the sheets already read are served from memory: no round trip for the mapped cells. */
function cachedPort(port: WorkbookPort, grids: ReadonlyMap<string, SheetGrid>): WorkbookPort {
  const key = (s: string) => s.toLocaleLowerCase("vi");
  const slice = (grid: SheetGrid, r: RangeAddress): RawCell[][] =>
    Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => grid.rows[r.top - 1 + i]?.[r.left - 1 + j] ?? null));
  return {
    snapshot: () => port.snapshot(),
    readSheet: (name) => port.readSheet(name),
    writeSheets: (sheets, text) => port.writeSheets(sheets, text),
    async readRanges(ranges) {
      const missing = ranges.filter((r) => !grids.has(key(r.sheet)));
      const fetched = missing.length > 0 ? await port.readRanges(missing) : [];
      let k = 0;
      return ranges.map((r) => {
        const grid = grids.get(key(r.sheet));
        return grid ? slice(grid, r) : (fetched[k++] ?? []);
      });
    },
  };
}

/** Where each mapped slot reads, as a reference a click can select. */
export function mappedCells(names: readonly DefinedName[], mapping: Mapping): Record<string, Record<string, MappedCell>> {
  const out: Record<string, Record<string, MappedCell>> = {};
  for (const [code, bySlot] of Object.entries(mapping.indicators)) {
    for (const [slot, ref] of Object.entries(bySlot)) {
      const resolved = resolveReference(names, ref);
      let cell: MappedCell | undefined;
      if (resolved.kind === "range") cell = { ref: formatRange(resolved.range), label: formatRange(resolved.range), range: resolved.range };
      else if (resolved.kind === "name") {
        const n = resolved.name;
        const label = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
        cell =
          n.target.kind === "range"
            ? { ref: formatRange(n.target.range), label: `tên ${label} (${formatRange(n.target.range)})`, range: n.target.range }
            : { ref: label, label: `tên ${label}` };
      }
      if (cell) (out[code] ??= {})[slot] = cell;
    }
  }
  return out;
}

function withoutSlots(mapping: Mapping, broken: ReadonlySet<string>): Mapping {
  const indicators: Mapping["indicators"] = {};
  for (const [code, bySlot] of Object.entries(mapping.indicators)) {
    indicators[code] = Object.fromEntries(Object.entries(bySlot).filter(([slot]) => !broken.has(`${code} ${slot}`)));
  }
  return { ...mapping, indicators };
}

/**
 * The counts of the appendix lists attached to the workbook (our Phụ lục sheets), by the indicator each
 * backs: what the receiving level compares with the figures. Read from each sheet's "Tổng cộng: n" line.
 */
async function listCountsFromSheets(port: WorkbookPort, sheets: readonly SheetInfo[], ruleset: Ruleset): Promise<Record<string, ListCount>> {
  const out: Record<string, ListCount> = {};
  for (const { item } of indicatorsOf(ruleset)) {
    const sheet = item.list ? sheets.find((s) => s.owner === item.list) : undefined;
    if (!sheet) continue;
    const rows = await port.readSheet(sheet.name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const m = typeof cell === "string" ? /^Tổng cộng:\s*([\d.]+)/.exec(cell) : null;
        if (m) out[item.code] = { count: Number(m[1]!.replace(/\./g, "")), ref: formatRange({ sheet: sheet.name, top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 }), label: sheet.name };
      }),
    );
  }
  return out;
}

/**
 * The pre-submission check on any workbook port: one snapshot, one read per sheet (the mapped cells
 * are served from those), then every check. What cannot be checked (no mapping, an unknown ruleset)
 * is itself a problem; the sheet checks (personal data, encodings, typed ratios) run regardless.
 */
export async function checkWorkbook(port: WorkbookPort, req: CheckRequest): Promise<CheckReport> {
  const snap = await port.snapshot();
  const toRead = snap.sheets.filter((s) => s.owner === undefined || s.owner === STATUS_KEY);
  const grids = new Map<string, SheetGrid>();
  for (const s of toRead) grids.set(s.name.toLocaleLowerCase("vi"), { name: s.name, visibility: s.visibility, rows: await port.readSheet(s.name) });
  const status = snap.sheets.find((s) => s.owner === STATUS_KEY);
  const sheets: SheetsContext = {
    sheets: toRead.filter((s) => s.owner === undefined).map((s) => grids.get(s.name.toLocaleLowerCase("vi"))!),
    status: status ? grids.get(status.name.toLocaleLowerCase("vi")) : undefined,
  };
  const report = (result: CheckResult, extra: { ruleset?: string; asOf?: string | undefined } = {}): CheckReport => ({
    ...result,
    ...(extra.ruleset !== undefined ? { ruleset: extra.ruleset } : {}),
    ...(extra.asOf !== undefined ? { asOf: extra.asOf } : {}),
    sheets: toRead.map((s) => s.name),
  });
  const sheetsOnly = (p: CheckProblem[], ruleset?: string) => report(runChecks(sheets, undefined, p), ruleset === undefined ? {} : { ruleset });

  const text = req.mapping ?? (snap.mappingText !== undefined ? { text: snap.mappingText, source: "ánh xạ lưu trong sổ tính" } : undefined);
  if (!req.mapping && snap.mappingDamaged !== undefined) return sheetsOnly([problem("mapping-invalid", damagedMappingMessage(snap.mappingDamaged))]);
  let mapping: Mapping;
  if (text) {
    const parsed = parseMappingText(text.source, text.text);
    if (!parsed.ok) return sheetsOnly(parsed.problems.map((p) => problem("mapping-invalid", `${p.message} — hãy sửa ánh xạ.`, { ref: p.ref })));
    mapping = parsed.mapping;
  } else if (req.rulesetId !== undefined) {
    mapping = { ruleset: req.rulesetId, indicators: {} };
  } else {
    return sheetsOnly([
      problem(
        "no-mapping",
        "Sổ tính chưa có ánh xạ chỉ tiêu nên chưa kiểm tra được số liệu (chỉ kiểm tra dữ liệu cá nhân, bảng mã và tỷ lệ ghi bằng chữ) — hãy chọn bộ tiêu chí và gán ô cho các số liệu cần nhập.",
      ),
    ]);
  }
  const rulesetId = req.rulesetId ?? mapping.ruleset;
  const ruleset = req.rulesets.get(rulesetId);
  if (!ruleset) {
    return sheetsOnly([problem("unknown-ruleset", `Không có bộ tiêu chí "${rulesetId}" — hãy chọn một bộ tiêu chí trong danh sách rồi sửa "ruleset" trong ánh xạ.`, { ref: "ruleset" })], rulesetId);
  }
  mapping = { ...mapping, ruleset: rulesetId, ...(req.asOf !== undefined ? { asOf: req.asOf } : {}) };
  const early: CheckProblem[] = checkMappingAgainst(ruleset, mapping, text?.source ?? "ánh xạ").map((p) => problem("mapping-invalid", `${p.message} — hãy sửa ánh xạ.`, { ref: p.ref }));

  const cached = cachedPort(port, grids);
  const broken = new Set<string>();
  let read = await readInputs(cached, snap.names, ruleset, mapping);
  if (read.fatal.length > 0) {
    const pairs = Object.entries(mapping.indicators).flatMap(([code, bySlot]) => Object.keys(bySlot).map((slot) => ({ code, slot, path: `indicators.${code}.${slot}` })));
    for (const p of read.fatal) {
      const pair = pairs.find((x) => x.path === p.ref);
      if (pair) broken.add(`${pair.code} ${pair.slot}`);
      early.push(problem("mapping-invalid", `${p.message}.`, { ref: p.ref, code: pair?.code }));
    }
    read = await readInputs(cached, snap.names, ruleset, withoutSlots(mapping, broken));
  }
  const inputs: Inputs = read.inputs;
  // The template's "Ngày báo cáo" cell, as evaluate reads it (--as-of still overrides).
  const dated = reportDateFromCell(mapping, read.asOfCell, req.asOf !== undefined);
  mapping = dated.mapping;
  early.push(...dated.problems.map((p) => problem("invalid-input", p.message, { ref: p.ref })));
  const evaluation = evaluate(ruleset, inputs, { asOf: mapping.asOf, suspended: mapping.suspended });
  early.push(...(await fingerprintProblems(port, snap, { ruleset, mapping, raw: read.raw, cells: mappedCells(snap.names, mapping) }, sheets.status?.rows)));
  const figures: FigureContext = {
    ruleset,
    mapping,
    inputs,
    raw: read.raw,
    cells: mappedCells(snap.names, mapping),
    evaluation,
    brokenSlots: broken,
    rules: req.checkRules?.(ruleset),
    listCounts: req.listCounts ?? (await listCountsFromSheets(port, snap.sheets, ruleset)),
  };
  return report(runChecks(sheets, figures, early), { ruleset: ruleset.id, asOf: evaluation.asOf });
}
