/*
 * The Office.js path held to Excel's own API contract: every Excel member the add-in touches needs no
 * later ExcelApi set than the manifest asks for, unless it runs behind the check for its set.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MINIMUM_VERSION } from "../../src/workbook/office/requirements";
import { API_SETS, minor } from "./office-api-sets";
import { contractViolations, excelMembersTouched, NOT_EXCEL } from "./office-contract";

const ROOT = resolve(__dirname, "../..");
const tsFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(ROOT, dir, f));
const ADD_IN = [...tsFiles("src/workbook/office"), ...tsFiles("src/taskpane/host")];
const FIXTURE = join(ROOT, "test/fixtures/office/ungated-member.ts");

describe("the Excel API contract", () => {
  // One program for both files lists: building it reads the Office.js declarations once.
  const touches = excelMembersTouched([...ADD_IN, FIXTURE]);
  const ofAddIn = touches.filter((t) => t.file !== FIXTURE);
  const ofFixture = touches.filter((t) => t.file === FIXTURE);

  test("the manifest asks for the minimum the adapter is written for", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${MINIMUM_VERSION.replace(".", "\\.")}"\\s*/>`));
  });

  test("every Excel member the add-in touches is within ExcelApi 1.4 or behind its check", () => {
    expect(contractViolations(ofAddIn)).toEqual([]);
  });

  test("the scan sees the add-in's Excel calls, the gated ones with their check", () => {
    const members = new Set(ofAddIn.map((t) => t.member));
    for (const m of [
      "Excel.Range.values",
      "Excel.Worksheet.getUsedRangeOrNullObject",
      "Excel.Range.conditionalFormats",
      "Excel.RangeFormat.useStandardWidth",
      "Excel.createWorkbook",
      "Excel.Range.select",
    ]) {
      expect(members).toContain(m);
    }
    const gated = (member: string) => ofAddIn.filter((t) => t.member === member).map((t) => t.gate);
    expect(gated("Excel.RangeFormat.useStandardWidth")).toEqual(["1.7"]);
    expect(new Set(gated("Excel.Worksheet.pageLayout"))).toEqual(new Set(["1.9"]));
    expect(new Set(gated("Excel.ConditionalFormatCollection.add"))).toEqual(new Set(["1.6"]));
    expect(gated("Excel.createWorkbook")).toEqual(["1.8"]);
    // load("values,valueTypes,…") given as text is read path by path.
    expect(members).toContain("Excel.Range.valueTypes");
  });

  test("an ungated ExcelApi 1.7 member fails with its name, its set and where it is", () => {
    const found = contractViolations(ofFixture);
    expect(found).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/office\/ungated-member\.ts:8: Excel\.RangeFormat\.useStandardWidth needs ExcelApi 1\.7 but runs without a supports\("1\.7"\) check/,
      ),
      expect.stringMatching(
        /ungated-member\.ts:17: Excel\.RangeFormat\.useStandardHeight needs ExcelApi 1\.7 but runs behind a check for 1\.6 only/,
      ),
    ]);
  });

  test("docs/taskpane.md lists every member above 1.4 the code touches on the row of its set", () => {
    const doc = readFileSync(join(ROOT, "docs/taskpane.md"), "utf8");
    const rows = new Map([...doc.matchAll(/^\| (1\.\d+) \|(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    const misplaced: string[] = [];
    for (const t of ofAddIn) {
      if (t.set === undefined || minor(t.set) <= minor(MINIMUM_VERSION)) continue;
      const short = t.member === "Excel.createWorkbook" ? t.member : t.member.replace(/^Excel\./, "");
      if (!rows.get(t.set)?.includes(`\`${short}\``)) misplaced.push(`${t.member} (${t.set})`);
    }
    expect([...new Set(misplaced)]).toEqual([]);
  });

  test("a member the table does not know fails too (a typo or an invented API)", () => {
    expect(contractViolations([{ file: "x.ts", line: 1, member: "Excel.Range.valuesButBetter", set: undefined, gate: undefined }])).toEqual(
      ["x.ts:1: Excel.Range.valuesButBetter is not in the table of ExcelApi sets"],
    );
  });

  test("every member the adapter's Excel types declare exists in Excel, under the same type name", () => {
    const types = readFileSync(join(ROOT, "src/workbook/office/types.ts"), "utf8");
    const missing: string[] = [];
    for (const m of types.matchAll(/export interface Xl(\w+)(?: extends [^{]+)? \{([^}]*)\}/g)) {
      const type = m[1] === "Loadable" || m[1] === "Nullable" ? undefined : m[1]!;
      if (type === undefined) continue;
      if (API_SETS[`Excel.${type}`] === undefined) missing.push(`Excel.${type}`);
      for (const member of m[2]!.matchAll(/^\s*(?:readonly\s+)?(\w+)\??[(:]/gm)) {
        if (API_SETS[`Excel.${type}.${member[1]}`] === undefined && !NOT_EXCEL.has(member[1]!)) missing.push(`Excel.${type}.${member[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
