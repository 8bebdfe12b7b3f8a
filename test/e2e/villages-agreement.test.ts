/**
 * The per-village sheets' formulas say what the engine says: a commune judged village by village is
 * written (detail sheet per village, "Theo thôn", the status sheet's village rows), LibreOffice Calc
 * recalculates every formula, and each cell must equal the value we cached beside it. Then a village's
 * answer is changed in its input cell, as a clerk would in Excel: after recalculation the village,
 * the commune-level rule and the status sheet follow, as the engine says on the edited workbook.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate } from "../../src/workbook/xlsx/template";
import { VILLAGE_TEMPLATE_SHEET } from "../../src/workbook/xlsx/template-villages";
import { recalculate, requireTool } from "../support/libreoffice";
import { CHI_PHUC, fillVillages, HA_NINH, type VillageColumn } from "../support/villages";
import { editWorkbook, sheetFormulas } from "./scenarios";

jest.setTimeout(600_000);

const { rulesets } = loadRulesetDir();
const RULESET = "thanh-hoa-xa-ntm-kieu-mau-2023";

const COLUMNS: VillageColumn[] = [
  CHI_PHUC,
  HA_NINH,
  // A village with one figure missing: thiếu số liệu there, which the commune rule must not count as met.
  { name: "Thôn Yên", typed: { "YC3.1": { value: "Có" }, "YC3.2": { value: "Có" }, "YC3.3": { numerator: 720, denominator: 1000 } } },
];

let dir: string;

async function sheets(bytes: Uint8Array, names: readonly string[]): Promise<Map<string, RawCell[][]>> {
  const port = await XlsxWorkbook.open(bytes);
  return new Map(await Promise.all(names.map(async (n) => [n, await port.readSheet(n)] as const)));
}

async function recalc(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeFile(file, bytes);
  return new Uint8Array(await readFile(await recalculate(file, path.join(dir, "recalc"))));
}

/** Every cell where LibreOffice's value differs from ours (text after NFC, numbers within 1e-9). */
function differences(ours: Map<string, RawCell[][]>, theirs: Map<string, RawCell[][]>): string[] {
  const out: string[] = [];
  const norm = (v: RawCell) =>
    v === null || v === undefined || v === ""
      ? ""
      : typeof v === "string"
        ? v.normalize("NFC")
        : typeof v === "number"
          ? Math.round(v * 1e9) / 1e9
          : v instanceof Date
            ? v.toISOString()
            : typeof v === "object"
              ? v.error
              : v;
  for (const [sheet, rows] of ours) {
    const other = theirs.get(sheet)!;
    const height = Math.max(rows.length, other.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(rows[r]?.length ?? 0, other[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const a = norm(rows[r]?.[c] ?? null);
        const b = norm(other[r]?.[c] ?? null);
        if (a !== b)
          out.push(`${sheet}!${String.fromCharCode(65 + c)}${r + 1}: ours ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
      }
    }
  }
  return out;
}

let written: Uint8Array;
let sheetNames: string[];
let statusSheet: string;
let villageCells: Array<Record<string, Record<string, string>>>;

beforeAll(async () => {
  requireTool("soffice");
  dir = await mkdtemp(path.join(tmpdir(), "chitieu-villages-"));
  const template = await makeTemplate(rulesets.get(RULESET)!);
  const filled = await fillVillages(template, COLUMNS);
  villageCells = filled.cells;
  const port = await XlsxWorkbook.open(filled.bytes);
  const out = await evaluateWorkbook(port, { rulesets, write: true });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
  statusSheet = out.statusSheet!;
  sheetNames = [statusSheet, "Theo thôn", ...COLUMNS.map((c) => `Chi tiết ${c.name}`)];
  written = await port.save();
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("LibreOffice recalculates the village sheets, “Theo thôn” and the status sheet to exactly the values we cached", async () => {
  const ours = await sheets(written, sheetNames);
  const theirs = await sheets(await recalc(written, "as-written"), sheetNames);
  expect(differences(ours, theirs)).toEqual([]);
  const byVillage = ours.get("Theo thôn")!;
  const commune = byVillage.find((r) => r[0] === "YC3" && String(r[1]).startsWith("Kết quả của xã"))!;
  expect([commune[2], commune[3]]).toEqual(["Đạt", "đạt 1/3 thôn (33,3%)"]);
  // Live, not constants: the commune's verdict counts the villages' cells, which read the detail sheets.
  const formulas = await sheetFormulas(written, "Theo thôn");
  const row = byVillage.indexOf(commune) + 1;
  expect(formulas.get(`C${row}`)).toContain("COUNTIF");
  expect([...formulas.values()].some((f) => f.includes("'Chi tiết Thôn Hà Ninh'!G"))).toBe(true);
});

test("the clerk changes Hà Ninh's YC3.5 to Không in its cell: after recalculation the village, the commune and the status sheet follow the engine", async () => {
  const edited = await editWorkbook(written, VILLAGE_TEMPLATE_SHEET, { [villageCells[1]!["YC3.5"]!["value"]!]: "Không" });
  const theirs = await sheets(await recalc(edited, "edited"), sheetNames);
  // What the engine says on the edited workbook, written afresh.
  const port = await XlsxWorkbook.open(edited);
  const again = await evaluateWorkbook(port, { rulesets, write: true });
  if (!again.ok) throw new Error("refused");
  // No village passes now; Thôn Yên still lacks a figure, so the commune is thiếu số liệu, not không đạt.
  expect(again.evaluation.units![0]).toMatchObject({ verdict: "thieu-so-lieu", text: "đạt 0/3 thôn (0,0%)" });
  const ours = await sheets(await port.save(), sheetNames);
  expect(differences(ours, theirs)).toEqual([]);
  const status = theirs.get(statusSheet)!;
  expect(status.find((r) => r[0] === "YC3")!.slice(5, 7)).toEqual(["đạt 0/3 thôn (0,0%)", "Thiếu số liệu"]);
  expect(
    theirs
      .get("Theo thôn")!
      .find((r) => r[0] === "YC3.5")!
      .slice(3, 5),
  ).toEqual(["Không đạt", "Không đạt"]);
});
