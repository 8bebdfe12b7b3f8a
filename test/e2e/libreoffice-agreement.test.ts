/**
 * The status sheet's formulas say what the engine says. For every ruleset in rulesets/ (and one
 * synthetic ruleset with every indicator kind) and three input variants, the filled template is
 * evaluated and written, then LibreOffice Calc recalculates every formula (forced, see
 * test/support/libreoffice.ts) and the recalculated sheet is compared, row by row, with the engine's
 * results — and with the values we cached beside the formulas.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateWorkbook, type EvaluateOutcome } from "../../src/app/evaluate-workbook";
import { toNumber } from "../../src/core/evaluate/rational";
import { VERDICT_TEXT, type Evaluation, type MeasureResult } from "../../src/core/evaluate/result";
import { mappingToText } from "../../src/core/mapping/schema";
import type { Ruleset } from "../../src/core/ruleset/schema";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, TEMPLATE_SHEET } from "../../src/workbook/xlsx/template";
import {
  STATUS_COLUMN,
  STATUS_HEADER_ROW,
  STATUS_OVERALL_ROW,
  statusValue,
  type StatusColumnKey,
} from "../../src/core/layout/status-columns";
import { recalculate, requireTool } from "../support/libreoffice";
import {
  buildFilledWorkbook,
  CONDITION_CASES,
  editWorkbook,
  everyKindRuleset,
  haTanScenario,
  PER_CAPITA_CASES,
  planScenario,
  QUANTITY_CASES,
  SHARE_CASES,
  sheetFormulas,
  slotNames,
  VARIANTS,
  YES_NO_CASES,
  type CaseFamily,
  TRAPS,
  trapRuleset,
  trapValues,
  type CellInput,
  type ReportFigure,
  type Scenario,
  type TypedCell,
} from "./scenarios";

jest.setTimeout(600_000);

const haTan = JSON.parse(readFileSync(path.join(__dirname, "..", "fixtures", "ha-tan-2024.json"), "utf8")) as Record<string, ReportFigure>;
const loaded = loadRulesetDir();
const everyKind = everyKindRuleset();
const traps = trapRuleset();
const catalog = new Map<string, Ruleset>([...loaded.rulesets, [everyKind.id, everyKind], [traps.id, traps]]);
const ids = [...loaded.rulesets.keys(), everyKind.id];
const table = ids.flatMap((id) => VARIANTS.map((variant) => [id, variant] as const));

const LAST_COL = STATUS_COLUMN.role.index;
/** The result, verdict and shortfall cells of a row read back. */
const resultToShortfall = (row: readonly RawCell[] | undefined) => (["result", "verdict", "shortfall"] as const).map((k) => cellIn(row, k));
/** A cell of a row read back, by what its column holds. */
const cellIn = (row: readonly RawCell[] | undefined, key: StatusColumnKey) => (row ? statusValue(row, key) : undefined);
const TOL = 1e-9;

/** A scenario, or any set of typed cells with its case notes. */
type Inputs = Pick<Scenario, "asOf" | "commune" | "suspended" | "cases"> & { values: Readonly<Record<string, TypedCell>> };

type Written = {
  ruleset: Ruleset;
  scenario: Inputs;
  evaluation: Evaluation;
  sheet: string;
  file: string;
  bytes: Uint8Array;
  /** What we wrote (formulas' cached results), rows × A–M. */
  cached: RawCell[][];
  /** What LibreOffice computed, rows × A–M. */
  recalc: RawCell[][];
  formulas: Map<string, string>;
  /** Template name → input cell, for messages. */
  cells: Record<string, string>;
};

let dir: string;
const jobs = new Map<string, Written>();
const key = (id: string, variant: number) => `${id}#${variant}`;

/** Runs `fn` over `items`, at most `limit` at a time (soffice is CPU-bound; one per core). */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function readStatus(bytes: Uint8Array, sheet: string): Promise<RawCell[][]> {
  const [rows] = await (await XlsxWorkbook.open(bytes)).readRanges([{ sheet, top: 1, left: 1, bottom: 600, right: LAST_COL }]);
  const all = rows ?? [];
  let end = all.length;
  while (end > 0 && all[end - 1]!.every((c) => c === null || c === "")) end--;
  return all.slice(0, end);
}

function mustBeOk(outcome: EvaluateOutcome): Extract<EvaluateOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`evaluateWorkbook refused: ${outcome.problems.map((p) => p.message).join("; ")}`);
  return outcome;
}

/** Builds the filled template, evaluates and writes it; returns the written bytes (not yet recalculated). */
async function writeScenario(ruleset: Ruleset, scenario: Inputs): Promise<Omit<Written, "recalc" | "file">> {
  const filled = await buildFilledWorkbook(ruleset, scenario);
  const port = await XlsxWorkbook.open(filled.bytes);
  const out = mustBeOk(
    await evaluateWorkbook(port, { rulesets: catalog, mapping: { text: mappingToText(filled.mapping), source: "e2e" }, write: true }),
  );
  const bytes = await port.save();
  const sheet = out.statusSheet!;
  return {
    ruleset,
    scenario,
    evaluation: out.evaluation,
    sheet,
    bytes,
    cached: await readStatus(bytes, sheet),
    formulas: await sheetFormulas(bytes, sheet),
    cells: filled.cells,
  };
}

async function recalcBytes(bytes: Uint8Array, name: string, sheet: string): Promise<{ file: string; recalc: RawCell[][] }> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeFile(file, bytes);
  const recalculated = await recalculate(file, path.join(dir, "recalc"));
  return { file, recalc: await readStatus(new Uint8Array(await readFile(recalculated)), sheet) };
}

beforeAll(async () => {
  for (const tool of ["soffice"]) requireTool(tool);
  dir = await mkdtemp(path.join(tmpdir(), "chitieu-e2e-"));
  const written = await Promise.all(
    table.map(async ([id, variant]) => ({
      id,
      variant,
      w: await writeScenario(catalog.get(id)!, planScenario(catalog.get(id)!, variant)),
    })),
  );
  await pool(written, 2, async ({ id, variant, w }) => {
    const r = await recalcBytes(w.bytes, `${id}-v${variant}`, w.sheet);
    jobs.set(key(id, variant), { ...w, ...r });
  });
}, 900_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Comparison

const blank = (v: RawCell) => v === null || v === undefined || v === "";
const show = (v: RawCell): string =>
  v === null || v === undefined ? "(trống)" : typeof v === "object" ? (v instanceof Date ? v.toISOString() : v.error) : JSON.stringify(v);

/** Same cell value: numbers within 1e-9, text after NFC, blank and "" alike. */
function same(a: RawCell, b: RawCell): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));
  if (typeof a === "string" && typeof b === "string") return a.normalize("NFC") === b.normalize("NFC");
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (a && b && typeof a === "object" && typeof b === "object" && "error" in a && "error" in b) return a.error === b.error;
  return false;
}

const col = (c: number) => String.fromCharCode(64 + c);
const text = (v: RawCell) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

type Expected = { result: RawCell; verdict: string; shortfall: RawCell };

/** What a measure row must show, as the layout writes it from the engine's result. */
function expectedMeasure(r: MeasureResult, kind: string): Expected {
  const verdict = VERDICT_TEXT[r.verdict];
  const shortfall = r.shortfall ? toNumber(r.shortfall.amount) : null;
  if (r.verdict === "tam-dung") return { result: null, verdict, shortfall: null };
  if (kind === "yes-no") return { result: r.display ?? (r.verdict === "loi-so-lieu" ? "?" : ""), verdict, shortfall };
  // A two-part indicator's own row leaves its result blank: each part shows its result on its row.
  if (kind === "all-of") return { result: null, verdict, shortfall };
  return { result: r.value === undefined ? null : toNumber(r.value), verdict, shortfall };
}

type Mismatch = { row: number; code: string; column: string; engine: string; libreoffice: string; detail: string };

/** The inputs behind a row, as typed, for messages. */
function inputsOf(w: Omit<Written, "file" | "recalc">, code: string, part?: string): string {
  const slots = slotNames(w.ruleset);
  return Object.entries(w.scenario.values)
    .flatMap(([n, v]) => {
      const s = slots.get(n);
      if (s?.code !== code || (part !== undefined && !s.slot.startsWith(`${part}.`))) return [];
      return [
        `${s.slot}@${w.cells[n] ?? "?"}=${v === null ? "(trống)" : JSON.stringify(v).replace(/[\u0080-\uffff]/g, (ch) => (ch.normalize("NFC") === ch && ch !== "\u00a0" ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`))}`,
      ];
    })
    .join(", ");
}

/** Every disagreement between the recalculated status sheet and the engine's evaluation. */
function compareWithEngine(w: Omit<Written, "file" | "recalc">, rows: RawCell[][], evaluation: Evaluation = w.evaluation): Mismatch[] {
  const out: Mismatch[] = [];
  const results = new Map(evaluation.indicators.map((r) => [r.code, r]));
  const caseOf = (code: string, part?: string) => w.scenario.cases.find((c) => c.code === code && c.part === part)?.label ?? "";
  const check = (rowNo: number, code: string, key: StatusColumnKey, expected: RawCell, detail: string) => {
    const c = STATUS_COLUMN[key].index;
    const got = rows[rowNo - 1]?.[c - 1] ?? null;
    if (same(got, expected)) return;
    const f = w.formulas.get(`${col(c)}${rowNo}`);
    out.push({
      row: rowNo,
      code,
      column: col(c),
      engine: show(expected),
      libreoffice: show(got),
      detail: `${detail}${f ? ` | ${col(c)}${rowNo}=${f}` : " | (hằng số)"}`,
    });
  };
  check(STATUS_OVERALL_ROW, "tổng hợp", "result", evaluation.overall.text, "overall");
  check(STATUS_OVERALL_ROW, "tổng hợp", "verdict", VERDICT_TEXT[evaluation.overall.verdict], "overall");
  rows.forEach((row, i) => {
    const rowNo = i + 1;
    if (rowNo <= STATUS_HEADER_ROW) return;
    const role = text(row[LAST_COL - 1] ?? null);
    const a = text(row[0] ?? null);
    if (role === "group" || role === "crit") {
      const s = (role === "group" ? evaluation.groups : evaluation.criteria).find((x) => x.code === a);
      if (!s) return void out.push({ row: rowNo, code: a, column: "A", engine: "(không có)", libreoffice: a, detail: `no ${role} ${a}` });
      check(rowNo, a, "result", s.text, role);
      check(rowNo, a, "verdict", VERDICT_TEXT[s.verdict], role);
    } else if (role === "ind") {
      const r = results.get(a);
      if (!r) return void out.push({ row: rowNo, code: a, column: "A", engine: "(không có)", libreoffice: a, detail: "no indicator" });
      const e = expectedMeasure(r, r.kind);
      const detail = `${r.kind} [${caseOf(a)}] ${inputsOf(w, a)}`;
      check(rowNo, a, "verdict", e.verdict, detail);
      check(rowNo, a, "result", e.result, detail);
      check(rowNo, a, "shortfall", e.shortfall, detail);
    } else if (role === "part") {
      const code = text(cellIn(row, "parent") ?? null).replace(/^p:/, "");
      const id = a.slice(code.length).trim().replace(/\)$/, "");
      const r = results.get(code)?.parts?.find((p) => p.id === id);
      if (!r) return void out.push({ row: rowNo, code: a, column: "A", engine: "(không có)", libreoffice: a, detail: "no part" });
      const kind = w.ruleset.groups
        .flatMap((g) => g.items)
        .flatMap((it) => (it.kind === "criterion" ? it.indicators : [it]))
        .find((x) => x.code === code);
      const m = kind?.kind === "all-of" ? (kind.parts.find((p) => p.id === id)?.measure.kind ?? "?") : "?";
      const e = expectedMeasure(r, m);
      const detail = `${m} [${caseOf(code, id)}] ${inputsOf(w, code, id)}`;
      check(rowNo, a, "verdict", e.verdict, detail);
      check(rowNo, a, "result", e.result, detail);
      check(rowNo, a, "shortfall", e.shortfall, detail);
    }
  });
  return out;
}

/** Every cell whose cached value differs from what LibreOffice computed. */
function compareCached(w: Written): string[] {
  const out: string[] = [];
  const n = Math.max(w.cached.length, w.recalc.length);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < LAST_COL; c++) {
      const a = w.cached[r]?.[c] ?? null;
      const b = w.recalc[r]?.[c] ?? null;
      if (!same(a, b)) {
        const ref = `${col(c + 1)}${r + 1}`;
        out.push(
          `${ref} (${text(w.recalc[r]?.[0] ?? null)}): cached ${show(a)} ≠ LibreOffice ${show(b)}${w.formulas.has(ref) ? ` | ${w.formulas.get(ref)}` : ""}`,
        );
      }
    }
  }
  return out;
}

const format = (ms: Mismatch[]) =>
  ms.map((m) => `row ${m.row} ${m.code} ${m.column}: engine ${m.engine} ≠ LibreOffice ${m.libreoffice} — ${m.detail}`);

function job(id: string, variant: number): Written {
  const w = jobs.get(key(id, variant));
  if (!w) throw new Error(`no recalculated output for ${id} variant ${variant} (see beforeAll)`);
  return w;
}

// ---------------------------------------------------------------------------------------------

describe("scenarios", () => {
  test(`cover every ruleset in rulesets/ (${loaded.rulesets.size}) and every input path`, () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rulesets.size).toBeGreaterThanOrEqual(2);
    const seen = new Map<CaseFamily, Set<string>>();
    for (const [id, variant] of table)
      for (const c of planScenario(catalog.get(id)!, variant).cases)
        (seen.get(c.family) ?? seen.set(c.family, new Set()).get(c.family)!).add(c.label);
    const missing = (family: CaseFamily, all: readonly string[]) =>
      all.filter((c) => !seen.get(family)?.has(c)).map((c) => `${family}:${c}`);
    expect([
      ...missing("share", SHARE_CASES),
      ...missing("yes-no", YES_NO_CASES),
      ...missing("quantity", QUANTITY_CASES),
      ...missing("per-capita", PER_CAPITA_CASES),
      ...missing("condition", CONDITION_CASES),
    ]).toEqual([]);
  });

  test("are deterministic per (ruleset, variant)", () => {
    for (const [id, variant] of table) expect(planScenario(catalog.get(id)!, variant)).toEqual(planScenario(catalog.get(id)!, variant));
  });
});

describe.each(table)("%s, variant %i: LibreOffice recalculates the status sheet", (id, variant) => {
  test("to the engine's verdicts (verdict column, summaries, overall)", () => {
    const w = job(id, variant);
    expect(w.recalc.length).toBeGreaterThan(5);
    expect(
      format(
        compareWithEngine(w, w.recalc).filter(
          (m) => m.column === STATUS_COLUMN.verdict.letter || m.row === STATUS_OVERALL_ROW || m.code === "tổng hợp",
        ),
      ),
    ).toEqual([]);
  });

  test("to the engine's results and summary texts (result column) and shortfalls (shortfall column)", () => {
    const w = job(id, variant);
    expect(
      format(compareWithEngine(w, w.recalc).filter((m) => m.column !== STATUS_COLUMN.verdict.letter && m.row !== STATUS_OVERALL_ROW)),
    ).toEqual([]);
  });

  test("to the values we cached beside the formulas", () => {
    const w = job(id, variant);
    expect(compareCached(w)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Live formulas: edit input cells of the written output, recalculate, and the sheet follows

describe("the status sheet is live", () => {
  const cds = catalog.get("thanh-hoa-cds-xa-2024");

  test("Hà Tân: 3.2 typed up from 2335 to 3200 of 3986 becomes Đạt, 1.4 typed down to 16/17 becomes Không đạt, summaries follow", async () => {
    if (!cds) throw new Error("rulesets/thanh-hoa-cds-xa-2024.json is missing");
    const scenario = haTanScenario(cds, haTan);
    const w = await writeScenario(cds, scenario);
    const rowOf = (rows: RawCell[][], code: string) => rows.findIndex((r) => r[0] === code && r[LAST_COL - 1] === "ind");
    const i32 = rowOf(w.cached, "3.2");
    const i14 = rowOf(w.cached, "1.4");
    expect(cellIn(w.cached[i32], "verdict")).toBe("Không đạt");
    expect(cellIn(w.cached[i14], "verdict")).toBe("Đạt");

    const edits: Record<string, CellInput> = { [w.cells["ct_3_2_tu_so"]!]: 3200, [w.cells["ct_1_4_tu_so"]!]: 16 };
    const edited = await editWorkbook(w.bytes, TEMPLATE_SHEET, edits);
    // Before recalculation the cached values are still the old ones: only formulas can change them.
    const stale = await readStatus(edited, w.sheet);
    expect(cellIn(stale[i32], "verdict")).toBe("Không đạt");

    const { recalc } = await recalcBytes(edited, "live-ha-tan", w.sheet);
    expect(resultToShortfall(recalc[i32])).toEqual([expect.closeTo(3200 / 3986, 12), "Đạt", ""]);
    expect(resultToShortfall(recalc[i14])).toEqual([expect.closeTo(16 / 17, 12), "Không đạt", 1]);

    // And everything else agrees with the engine reading the edited workbook afresh.
    const fresh = mustBeOk(await evaluateWorkbook(await XlsxWorkbook.open(edited), { rulesets: catalog }));
    expect(fresh.evaluation.indicators.find((r) => r.code === "3.2")?.verdict).toBe("dat");
    const group3 = (rows: RawCell[][]) =>
      cellIn(
        rows.find((r) => r[0] === "3" && r[LAST_COL - 1] === "group"),
        "result",
      );
    expect(group3(recalc)).not.toEqual(group3(w.cached));
    expect(
      format(
        compareWithEngine(
          { ...w, scenario: { ...scenario, values: { ...scenario.values, ct_3_2_tu_so: 3200, ct_1_4_tu_so: 16 } } },
          recalc,
          fresh.evaluation,
        ),
      ),
    ).toEqual([]);
  });

  test("every kind: the inputs of variant 1 typed over variant 0's output, and every row follows them", async () => {
    const before = planScenario(everyKind, 0);
    const after = planScenario(everyKind, 1);
    const w = await writeScenario(everyKind, before);
    const edits: Record<string, CellInput> = {};
    const values = { ...before.values };
    for (const [name, v] of Object.entries(after.values)) {
      const cell = w.cells[name];
      if (cell === undefined) continue; // not mapped in variant 0's output
      edits[cell] = v;
      values[name] = v;
    }
    expect(Object.keys(edits).length).toBeGreaterThan(20);
    const edited = await editWorkbook(w.bytes, TEMPLATE_SHEET, edits);
    const { recalc } = await recalcBytes(edited, "live-every-kind", w.sheet);
    const fresh = mustBeOk(await evaluateWorkbook(await XlsxWorkbook.open(edited), { rulesets: catalog }));
    expect(fresh.evaluation.overall.text).not.toBe(w.evaluation.overall.text);
    expect(format(compareWithEngine({ ...w, scenario: { ...before, values } }, recalc, fresh.evaluation))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Traps: single inputs a formula could read differently from the engine, one indicator each

describe("input traps: the formulas read each cell as the engine does", () => {
  let w: Written | undefined;

  beforeAll(async () => {
    const written = await writeScenario(traps, {
      asOf: "2024-06-30",
      commune: "Bẫy nhập liệu",
      values: trapValues(),
      suspended: {},
      cases: [],
    });
    w = { ...written, ...(await recalcBytes(written.bytes, "traps", written.sheet)) };
  }, 300_000);

  test.each(TRAPS.map((t, i) => [t.title, `T.${i + 1}`] as const))("%s (%s)", (_title, code) => {
    if (!w) throw new Error("the trap workbook was not recalculated (see beforeAll)");
    const mismatches = format(compareWithEngine(w, w.recalc).filter((m) => m.code === code));
    const cached = compareCached(w).filter((line) => line.includes(`(${code})`));
    expect([...mismatches, ...cached]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The commune's situation: not applicable (question, typed words), either-or cases, 0/0 of none,
// decimals in km/ha/tấn — typed into the template as a clerk does, with the mapping stored in it

describe("the commune's situation: the formulas follow the answers as the engine does", () => {
  const cases: Array<[string, string, Record<string, TypedCell>]> = [
    [
      "ha-tinh-xa-ntm-2022",
      "market yes",
      {
        ct_7_1_cau_hoi: "Có",
        ct_7_1_gia_tri: "Đạt",
        ct_13_4_gia_tri: "Không áp dụng: xã không có làng nghề",
        ct_13_5_gia_tri: "KAD",
        ct_3_1_a_tu_so: "12,5",
        ct_3_1_a_mau_so: 15.2,
        ct_2_1_tu_so: 3.75,
        ct_2_1_mau_so: 3.75,
      },
    ],
    [
      "ha-tinh-xa-ntm-2022",
      "market no",
      {
        ct_7_1_cau_hoi: "Không",
        ct_7_2_gia_tri: "Chưa đạt",
        ct_13_4_cau_hoi: "Có",
        ct_13_4_gia_tri: "—",
        ct_3_1_a_tu_so: 10.4,
        ct_3_1_a_mau_so: 15.2,
      },
    ],
    [
      "ha-tinh-xa-ntm-2022",
      "unreadable answers",
      { ct_7_1_cau_hoi: "có lẽ", ct_7_1_gia_tri: "Đạt", ct_13_4_cau_hoi: "không có", ct_13_4_gia_tri: "Đạt" },
    ],
    ["thanh-hoa-cds-xa-2024", "no OCOP product counted as not met", { ct_2_3_tu_so: 0, ct_2_3_mau_so: 0, ct_2_1_gia_tri: "Có" }],
    [
      "ha-nam-tttt-xa-ntm-nang-cao-2022",
      "no OCOP product",
      { ct_8_4_a4_tu_so: 0, ct_8_4_a4_mau_so: 0, ct_8_4_a1_tu_so: 0, ct_8_4_a1_mau_so: 0, ct_8_4_a5_tu_so: 5, ct_8_4_a5_mau_so: 5 },
    ],
  ];
  const written = new Map<string, Written>();

  beforeAll(async () => {
    await pool(cases, 2, async ([id, label, typed]) => {
      const ruleset = catalog.get(id)!;
      const template = await makeTemplate(ruleset, { asOf: "2024-06-30", commune: "Xã thử" });
      const snap = await (await XlsxWorkbook.open(template)).snapshot();
      const at = new Map(
        snap.names.flatMap((n) =>
          n.target.kind === "range" ? [[n.name, `${col(n.target.range.left)}${n.target.range.top}`] as const] : [],
        ),
      );
      const cells: Record<string, string> = {};
      const edits: Record<string, TypedCell> = {};
      for (const [name, v] of Object.entries(typed)) {
        cells[name] = at.get(name)!;
        edits[at.get(name)!] = v;
      }
      const port = await XlsxWorkbook.open(await editWorkbook(template, TEMPLATE_SHEET, edits));
      const out = mustBeOk(await evaluateWorkbook(port, { rulesets: catalog, write: true }));
      const bytes = await port.save();
      const sheet = out.statusSheet!;
      const w = {
        ruleset,
        scenario: { asOf: "2024-06-30", commune: "Xã thử", suspended: {}, cases: [], values: typed },
        evaluation: out.evaluation,
        sheet,
        bytes,
        cached: await readStatus(bytes, sheet),
        formulas: await sheetFormulas(bytes, sheet),
        cells,
      };
      written.set(label, { ...w, ...(await recalcBytes(bytes, `situation-${label.replace(/\W+/g, "-")}`, sheet)) });
    });
  }, 600_000);

  test.each(cases.map(([id, label]) => [label, id] as const))("%s (%s): verdicts, results, summaries and cached values agree", (label) => {
    const w = written.get(label)!;
    expect([...format(compareWithEngine(w, w.recalc)), ...compareCached(w)]).toEqual([]);
  });

  test("the sheet shows Không áp dụng where the engine says so, and the engine says what the document says", () => {
    const yes = written.get("market yes")!.evaluation;
    const v = (ev: Evaluation, code: string) => ev.indicators.find((r) => r.code === code)!.verdict;
    expect([v(yes, "7.1"), v(yes, "7.2"), v(yes, "13.4"), v(yes, "13.5")]).toEqual([
      "dat",
      "khong-ap-dung",
      "khong-ap-dung",
      "loi-so-lieu",
    ]);
    const no = written.get("market no")!.evaluation;
    expect([v(no, "7.1"), v(no, "7.2"), v(no, "13.4")]).toEqual(["khong-ap-dung", "khong-dat", "loi-so-lieu"]);
    const ocop = written.get("no OCOP product")!.evaluation.indicators.find((r) => r.code === "8.4")!.parts!;
    expect(ocop.map((p) => [p.id, p.verdict])).toEqual(
      expect.arrayContaining([
        ["a4", "khong-ap-dung"],
        ["a1", "loi-so-lieu"],
        ["a5", "dat"],
      ]),
    );
    const recalc = written.get("market yes")!.recalc;
    expect(recalc.filter((r) => cellIn(r, "verdict") === "Không áp dụng").map((r) => r[0])).toEqual(["7.2", "13.4"]);
  });

  test("live: the market answer changed from Có to Không in the workbook swaps the case after recalculation", async () => {
    const w = written.get("market yes")!;
    const edited = await editWorkbook(w.bytes, TEMPLATE_SHEET, { [w.cells["ct_7_1_cau_hoi"]!]: "Không" });
    const { recalc } = await recalcBytes(edited, "situation-live", w.sheet);
    const fresh = mustBeOk(await evaluateWorkbook(await XlsxWorkbook.open(edited), { rulesets: catalog }));
    expect(fresh.evaluation.indicators.find((r) => r.code === "7.1")!.verdict).toBe("khong-ap-dung");
    expect(
      cellIn(
        recalc.find((r) => r[0] === "7.1" && r[LAST_COL - 1] === "ind"),
        "verdict",
      ),
    ).toBe("Không áp dụng");
    expect(
      format(
        compareWithEngine(
          { ...w, scenario: { ...w.scenario, values: { ...w.scenario.values, ct_7_1_cau_hoi: "Không" } } },
          recalc,
          fresh.evaluation,
        ),
      ),
    ).toEqual([]);
  });
});
