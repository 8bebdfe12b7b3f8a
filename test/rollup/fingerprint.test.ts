/*
 * The fingerprint written with the status sheet: what changed since, named by its cell, and a verdict
 * formula typed over — on the real .xlsx path (written by evaluate, edited at the XML level as Excel
 * would leave a typed cell), and the pure comparison.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../src/app/check";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { compareFingerprints, makeFingerprint, type Fingerprint } from "../../src/core/fingerprint/fingerprint";
import { contentHash } from "../../src/core/fingerprint/hash";
import { TOOL_VERSION } from "../../src/core/fingerprint/version";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeSampleCommune } from "../../src/sample/commune";
import { setCells } from "../../src/sample/set-cells";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { formulaCellsOfXml } from "../../src/workbook/xlsx/formula-cells";
import { STATUS_COLUMN, STATUS_FIRST_ROW } from "../../src/core/layout/status-columns";

const { rulesets } = loadRulesetDir();
const ruleset = rulesets.get("phu-tho-xa-thong-minh-2024")!;

async function written(): Promise<Uint8Array> {
  const sample = await makeSampleCommune({ residents: 300 });
  const port = await XlsxWorkbook.open(sample.bytes);
  const out = await evaluateWorkbook(port, { rulesets, write: true });
  expect(out.ok).toBe(true);
  return port.save();
}

async function check(bytes: Uint8Array) {
  return checkWorkbook(await XlsxWorkbook.open(bytes), { rulesets });
}

const ours = (r: Awaited<ReturnType<typeof check>>) =>
  r.problems.filter((p) => p.checkId === "status-changed" || p.checkId === "typed-over-verdict");

test("a workbook just evaluated has nothing changed since its status sheet", async () => {
  const bytes = await written();
  const snap = await (await XlsxWorkbook.open(bytes)).snapshot();
  expect(snap.sheets.find((s) => s.owner === "fingerprint")).toEqual({
    name: "ChiTieuXa_DauVet",
    visibility: "veryHidden",
    owner: "fingerprint",
  });
  expect(ours(await check(bytes))).toEqual([]);
});

test("a figure changed after the status sheet was written is named with its cell, old and new value", async () => {
  const bytes = await written();
  // can_bo_xa_thon is 'Số liệu'!B8 in the sample.
  const edited = await setCells(bytes, "Số liệu", { B8: 36 });
  const found = ours(await check(edited));
  expect(found.map((p) => [p.checkId, p.ref, p.code])).toEqual([["status-changed", "'Số liệu'!B8", "1.1.2"]]);
  expect(found[0]!.message).toMatch(
    /^'Số liệu'!B8 đổi từ 25 thành 36 sau khi ghi trang trạng thái \(chỉ tiêu 1\.1\.2\)\. Hãy bấm “Ghi trang Trạng thái chỉ tiêu”/,
  );
  expect(found[0]!.severity).toBe("loi");
});

test("a verdict typed over its formula is reported with the cell and the typed word", async () => {
  const bytes = await written();
  // 1.1.1 is the first indicator row, below its group's.
  const verdict = STATUS_COLUMN.verdict.cell(STATUS_FIRST_ROW + 1);
  const edited = await setCells(bytes, "Trạng thái chỉ tiêu", { [verdict]: "Đạt" });
  const found = ours(await check(edited));
  expect(found.map((p) => [p.checkId, p.ref, p.code])).toEqual([["typed-over-verdict", `'Trạng thái chỉ tiêu'!${verdict}`, "1.1.1"]]);
  expect(found[0]!.message).toContain('nay là giá trị gõ tay "Đạt"');
  // The same word typed where we wrote a value (no formula) is not typed over: only formulas are recorded.
  const row6 = await check(await setCells(bytes, "Trạng thái chỉ tiêu", { B7: "sửa tên" }));
  expect(ours(row6)).toEqual([]);
});

test("a workbook written before fingerprints existed gets no fingerprint finding", async () => {
  const sample = await makeSampleCommune({ residents: 300 });
  expect(ours(await check(sample.bytes))).toEqual([]);
});

describe("comparing fingerprints", () => {
  const status = { key: "status", name: "Trạng thái chỉ tiêu", rows: [], columns: [], merges: [], visibility: "visible" as const };
  const base = (raw: number | null, cell = "'Số liệu'!B19", asOf = "2025-06-30"): Fingerprint =>
    makeFingerprint({ ruleset, asOf, raw: { "1.2.1": { numerator: raw } }, cells: { "1.2.1": { numerator: cell } }, status });

  test("the same inputs: nothing", () => {
    expect(compareFingerprints(base(519), base(519))).toEqual([]);
  });
  test("a value, a blank, a cell, a date, the ruleset", () => {
    expect(compareFingerprints(base(519), base(530)).map((c) => c.message)).toEqual([
      "'Số liệu'!B19 đổi từ 519 thành 530 sau khi ghi trang trạng thái (chỉ tiêu 1.2.1)",
    ]);
    expect(compareFingerprints(base(519), base(null))[0]!.message).toContain("đổi từ 519 thành (trống)");
    expect(compareFingerprints(base(519), base(519, "'Số liệu'!C19"))[0]).toMatchObject({ kind: "cell", ref: "'Số liệu'!C19" });
    expect(compareFingerprints(base(519), base(519, undefined, "2025-09-30"))[0]!.message).toBe(
      "Ngày báo cáo đổi từ 30/06/2025 thành 30/09/2025 sau khi ghi trang trạng thái",
    );
    const other = { ...base(519), ruleset: { id: ruleset.id, hash: "0" } };
    expect(compareFingerprints(other, base(519))[0]!.kind).toBe("ruleset");
  });
});

test("the content hash tells contents apart and the stored version is package.json's", () => {
  expect(contentHash("abc")).toBe(contentHash("abc"));
  expect(contentHash("abc")).not.toBe(contentHash("abd"));
  expect(contentHash("")).toBe("cbf29ce484222325");
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  expect(TOOL_VERSION).toBe(pkg.version);
});

test("formula cells are found in a sheet part, with or without a namespace prefix", () => {
  const xml =
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="G7" s="3"><f>IF(1,"Đạt","")</f><v>x</v></c><c r="H7"/><x:c r="B2"><x:f>1+1</x:f></x:c></row></sheetData>';
  expect([...formulaCellsOfXml(xml)]).toEqual(["G7", "B2"]);
  // A commented-out cell and a ">" inside an attribute value are not formulas (the tokenizer, not a pattern).
  const odd =
    '<sheetData><!-- <c r="Z9"><f>1</f></c> --><row r="1"><c r="A1" x="a>b"><v>1</v></c><c r="C3" x="<f>"><f>2</f></c></row></sheetData>';
  expect([...formulaCellsOfXml(odd)]).toEqual(["C3"]);
});

test("cell text with _x…_ survives our writer and reader (Excel's escape), as LibreOffice reads it", async () => {
  const { blankWorkbook } = await import("../../src/workbook/xlsx/blank");
  const port = await blankWorkbook();
  const texts = ["tên can_bo_xa_thon", "_x0041_ literal", "a_x000D_b"];
  await port.writeSheets([
    { key: "t", name: "T", rows: texts.map((value) => [{ value }]), columns: [20], merges: [], visibility: "visible" },
  ]);
  const back = await XlsxWorkbook.open(await port.save());
  expect((await back.readSheet("T")).map((r) => r[0])).toEqual(texts);
  // A clerk's file written by Excel: _x000D_ is a carriage return.
  const { decodeCellText, encodeCellText } = await import("../../src/workbook/xlsx/cell-text");
  expect(decodeCellText("a_x000D_b")).toBe("a\rb");
  expect(encodeCellText("can_bo_xa_thon")).toBe("can_bo_x005F_xa_thon");
});
