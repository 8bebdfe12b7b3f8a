import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { findName, isNameSyntax, namesVisibleFrom, resolveReference } from "../../src/workbook/names";
import { OWNER_NAME, WorkbookError, type DefinedName, type NameTarget } from "../../src/workbook/port";
import { classifyNameFormula, parseWorkbookXml } from "../../src/workbook/xlsx/workbook-xml";
import { FIXTURE_EXPECTED_NAMES, FIXTURE_SHEETS, makeNamesFixture } from "./names-fixtures";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
let fixture: string;
let workbookXml: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ten-da-dat-"));
  fixture = await makeNamesFixture(dir);
  const zip = await JSZip.loadAsync(await fs.readFile(fixture));
  workbookXml = await zip.file("xl/workbook.xml")!.async("string");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("parseWorkbookXml on the generated fixture", () => {
  it("lists the sheets in tab order with their relationship ids", () => {
    const { sheets } = parseWorkbookXml(workbookXml);
    expect(sheets.map((s) => s.name)).toEqual([...FIXTURE_SHEETS]);
    for (const s of sheets) {
      expect(s.rId).toMatch(/^rId\d+$/);
      expect(s.visibility).toBe("visible");
    }
  });

  it("returns every name with its scope and target, and leaves out the built-in _xlnm names", () => {
    expect(parseWorkbookXml(workbookXml).names).toEqual(FIXTURE_EXPECTED_NAMES);
  });

  it.each(FIXTURE_EXPECTED_NAMES.map((n) => [`${n.scope ?? "sổ tính"} › ${n.name}`, n] as const))("pins %s", (_label, expected) => {
    const got = parseWorkbookXml(workbookXml).names.filter((n) => n.name === expected.name && n.scope === expected.scope);
    expect(got).toEqual([expected]);
  });

  it("keeps our sheet-scoped owner marker although it is hidden", () => {
    const owner = parseWorkbookXml(workbookXml).names.find((n) => n.name === OWNER_NAME);
    expect(owner).toMatchObject({ scope: "Data", hidden: true, target: { kind: "constant", value: "status" } });
  });
});

describe("ExcelJS 4.4 loses names this module exists to read", () => {
  let model: Array<{ name: string; ranges: string[] }>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture);
    model = wb.definedNames.model as Array<{ name: string; ranges: string[] }>;
  });

  it("has no notion of scope: the model carries no localSheetId", () => {
    for (const entry of model) expect(Object.keys(entry).sort()).toEqual(["name", "ranges"]);
  });

  it("lets the sheet-scoped dan_so replace the workbook one (B4 wins, B3 is gone)", () => {
    expect(model.filter((n) => n.name === "dan_so")).toEqual([{ name: "dan_so", ranges: ["'Số liệu'!$B$4"] }]);
  });

  it.each(["ten_loi", "ten_loi_trang", "nam_bao_cao", "he_so", "ten_xa", "co_mot_cua", "dong_dong", "cot_a", OWNER_NAME])(
    "drops %s entirely",
    (name) => {
      expect(model.map((n) => n.name)).not.toContain(name);
    },
  );

  it("keeps only names made of whole-cell ranges", () => {
    expect(model.map((n) => n.name).sort()).toEqual(["an_danh", "dan_so", "hai_vung", "ho_gd"]);
  });
});

describe("classifyNameFormula", () => {
  const range = (sheet: string, top: number, left: number, bottom = top, right = left): NameTarget => ({
    kind: "range",
    range: { sheet, top, left, bottom, right },
  });
  const cases: Array<[string, string, NameTarget]> = [
    ["a quoted sheet and an absolute cell is a range", "'Số liệu'!$B$3", range("Số liệu", 3, 2)],
    ["a bare sheet and a rectangle is a range", "Data!$B$3:$C$10", range("Data", 3, 2, 10, 3)],
    ["a sheet name with a doubled apostrophe is a range", "'It''s'!A1", range("It's", 1, 1)],
    ["a leading = is accepted", "='Số liệu'!$B$3", range("Số liệu", 3, 2)],
    ["#REF! alone is a broken reference", "#REF!", { kind: "ref-error" }],
    ["a sheet with #REF! is a broken reference", "'Số liệu'!#REF!", { kind: "ref-error" }],
    ["half a rectangle lost is a broken reference", "Data!$B$3:#REF!", { kind: "ref-error" }],
    ["#REF! inside a function is a broken reference", "SUM(#REF!,Data!$A$1)", { kind: "ref-error" }],
    ["an integer is a constant", "42", { kind: "constant", value: 42 }],
    ["a decimal is a constant", "0.5", { kind: "constant", value: 0.5 }],
    ["a negative number is a constant", "-3", { kind: "constant", value: -3 }],
    ["a number with = is a constant", "=42", { kind: "constant", value: 42 }],
    ["a string decodes doubled quotes", '"Xã ""Hà Tân"""', { kind: "constant", value: 'Xã "Hà Tân"' }],
    ["a string that says #REF! is still a string", '"#REF!"', { kind: "constant", value: "#REF!" }],
    ["TRUE is a constant", "TRUE", { kind: "constant", value: true }],
    ["FALSE with = is a constant", "=FALSE", { kind: "constant", value: false }],
    ["OFFSET is a formula", "OFFSET(Data!$A$1,0,0,5,1)", { kind: "formula" }],
    ["two areas are a formula", "A!$A$1,A!$B$2", { kind: "formula" }],
    ["a whole column is a formula (we read bounded rectangles only)", "Data!$A:$A", { kind: "formula" }],
    ["a whole row is a formula", "Data!$3:$3", { kind: "formula" }],
    ["another name is a formula", "dan_so", { kind: "formula" }],
    ["arithmetic is a formula", "Data!$A$1*2", { kind: "formula" }],
    ["a cell without a sheet is a formula (relative to wherever it is used)", "$B$3", { kind: "formula" }],
  ];
  it.each(cases)("%s: %s", (_label, formula, expected) => {
    expect(classifyNameFormula(formula)).toEqual(expected);
  });

  it("given the workbook's sheets, a reference to another workbook or a 3-D reference is a formula", () => {
    const sheets = ["Data"];
    expect(classifyNameFormula("[1]Data!$A$1", sheets)).toEqual({ kind: "formula" });
    expect(classifyNameFormula("'Data:Thôn A'!$A$1", sheets)).toEqual({ kind: "formula" });
    expect(classifyNameFormula("data!$A$1", sheets)).toEqual({
      kind: "range",
      range: { sheet: "Data", top: 1, left: 1, bottom: 1, right: 1 },
    });
  });
});

describe("parseWorkbookXml on hand-written XML", () => {
  it("reads a workbook whose elements and relationship attribute carry any prefix", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${REL_NS}"><x:sheets>` +
      `<x:sheet name="Số liệu" sheetId="4" rel:id="rId7"/>` +
      `<x:sheet name="Ẩn" sheetId="5" state="veryHidden" rel:id="rId8"/>` +
      `</x:sheets><x:definedNames>` +
      `<x:definedName name="dan_so" localSheetId="1" hidden="true">'Số liệu'!$B$3</x:definedName>` +
      `</x:definedNames></x:workbook>`;
    expect(parseWorkbookXml(xml)).toEqual({
      sheets: [
        { name: "Số liệu", sheetId: "4", rId: "rId7", visibility: "visible" },
        { name: "Ẩn", sheetId: "5", rId: "rId8", visibility: "veryHidden" },
      ],
      names: [
        {
          name: "dan_so",
          scope: "Ẩn",
          formula: "'Số liệu'!$B$3",
          target: { kind: "range", range: { sheet: "Số liệu", top: 3, left: 2, bottom: 3, right: 2 } },
          hidden: true,
        },
      ],
    });
  });

  it("ignores an id attribute that is not in the relationships namespace", () => {
    const xml = `<workbook xmlns="${MAIN_NS}" xmlns:o="urn:other"><sheets><sheet name="A" sheetId="1" o:id="rIdX"/></sheets></workbook>`;
    expect(parseWorkbookXml(xml).sheets[0]?.rId).toBe("");
  });

  it("decodes entities in sheet names with apostrophes and ampersands, and in the formulas that quote them", () => {
    const xml =
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      `<sheet name="Hộ &amp; Người" sheetId="1" r:id="rId1"/>` +
      `<sheet name="It&apos;s" sheetId="2" r:id="rId2"/>` +
      `</sheets><definedNames>` +
      `<definedName name="ho">&apos;Hộ &amp; Người&apos;!$A$2:$A$50</definedName>` +
      `<definedName name="x" localSheetId="1">'It''s'!$C$1</definedName>` +
      `<definedName name="ghi_chu">"a &lt; b &amp; &quot;&quot;c&quot;&quot;"</definedName>` +
      `</definedNames></workbook>`;
    const { sheets, names } = parseWorkbookXml(xml);
    expect(sheets.map((s) => s.name)).toEqual(["Hộ & Người", "It's"]);
    expect(names).toEqual([
      {
        name: "ho",
        scope: null,
        formula: "'Hộ & Người'!$A$2:$A$50",
        target: { kind: "range", range: { sheet: "Hộ & Người", top: 2, left: 1, bottom: 50, right: 1 } },
        hidden: false,
      },
      {
        name: "x",
        scope: "It's",
        formula: "'It''s'!$C$1",
        target: { kind: "range", range: { sheet: "It's", top: 1, left: 3, bottom: 1, right: 3 } },
        hidden: false,
      },
      { name: "ghi_chu", scope: null, formula: '"a < b & ""c"""', target: { kind: "constant", value: 'a < b & "c"' }, hidden: false },
    ]);
  });

  it("ignores look-alike elements inside extension lists", () => {
    const xml =
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>` +
      `<extLst><ext uri="{x}"><definedNames><definedName name="gia">A!$A$1</definedName></definedNames></ext></extLst></workbook>`;
    expect(parseWorkbookXml(xml).names).toEqual([]);
  });

  it("drops a name scoped to a sheet that does not exist", () => {
    const xml =
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="mo_coi" localSheetId="3">A!$A$1</definedName></definedNames></workbook>`;
    expect(parseWorkbookXml(xml).names).toEqual([]);
  });

  it.each([
    ["a truncated file", `<workbook xmlns="${MAIN_NS}"><sheets><sheet name="A"`],
    ["mismatched tags", `<workbook xmlns="${MAIN_NS}"><sheets></workbook>`],
    ["an empty part", ""],
    ["an undeclared prefix", `<x:workbook><x:sheets/></x:workbook>`],
    ["another part in its place", `<sst xmlns="${MAIN_NS}"/>`],
  ])("says the file is damaged, in Vietnamese, for %s", (_label, xml) => {
    let error: unknown;
    try {
      parseWorkbookXml(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("corrupt");
    expect((error as WorkbookError).message).toMatch(/^Tệp \.xlsx bị hỏng: xl\/workbook\.xml không đọc được .*\(corrupt xl\/workbook\.xml/);
  });
});

describe("name lookup as Excel resolves it", () => {
  const names = FIXTURE_EXPECTED_NAMES;
  const pick = (name: string, scope: string | null): DefinedName => names.find((n) => n.name === name && n.scope === scope)!;

  it.each<[string, string, string | undefined, DefinedName]>([
    ["a bare name on the shadowing sheet is that sheet's own", "dan_so", "Thôn A", pick("dan_so", "Thôn A")],
    ["a bare name on another sheet is the workbook one", "dan_so", "Số liệu", pick("dan_so", null)],
    ["a bare name outside any sheet is the workbook one", "dan_so", undefined, pick("dan_so", null)],
    ["a sheet-qualified name is that sheet's own", "'Thôn A'!dan_so", undefined, pick("dan_so", "Thôn A")],
    ["a sheet-qualified name wins over the sheet the formula is on", "'Thôn A'!dan_so", "Số liệu", pick("dan_so", "Thôn A")],
    ["a sheet without its own falls back to the workbook name", "'Số liệu'!dan_so", "Thôn A", pick("dan_so", null)],
    ["case does not matter for names", "DAN_SO", undefined, pick("dan_so", null)],
    ["case does not matter for sheets either", "'thôn a'!Dan_So", undefined, pick("dan_so", "Thôn A")],
    ["a sheet-only name is found from its sheet", "ho_gd", "Data", pick("ho_gd", "Data")],
    ["a name that points to #REF! is still a name", "ten_loi", undefined, pick("ten_loi", null)],
  ])("%s: %s from %s", (_label, ref, fromSheet, expected) => {
    expect(resolveReference(names, ref, fromSheet)).toEqual({ kind: "name", name: expected });
  });

  it.each<[string, string, string | undefined, { sheet: string; top: number; left: number; bottom: number; right: number }]>([
    ["a cell with a sheet", "'Số liệu'!B3", undefined, { sheet: "Số liệu", top: 3, left: 2, bottom: 3, right: 2 }],
    ["a rectangle with a sheet", "'Số liệu'!B3:C4", undefined, { sheet: "Số liệu", top: 3, left: 2, bottom: 4, right: 3 }],
    ["a cell looking like a name is a cell", "Data!AB12", undefined, { sheet: "Data", top: 12, left: 28, bottom: 12, right: 28 }],
    ["a bare cell on the sheet the formula is on", "B3", "Thôn A", { sheet: "Thôn A", top: 3, left: 2, bottom: 3, right: 2 }],
  ])("%s: %s", (_label, ref, fromSheet, range) => {
    expect(resolveReference(names, ref, fromSheet)).toEqual({ kind: "range", range });
  });

  it.each([
    ["dan_so", true],
    ["ds2024x", true],
    ["dân_số", true],
    ["_x", true],
    ["XFE1", true], // past the last column, so not a cell
    ["AB12", false],
    ["b3", false],
    ["R", false],
    ["c", false],
    ["R2C3", false],
    ["2024", false],
    ["dan so", false],
  ])("tells a name from a cell as Excel does: %s → %s", (text, isName) => {
    expect(isNameSyntax(text)).toBe(isName);
  });

  it("reports an unknown name in Vietnamese, naming it and saying what to do", () => {
    expect(resolveReference(names, "ty_le_smartphone")).toEqual({
      kind: "unknown",
      message: expect.stringContaining(
        'Không tìm thấy tên "ty_le_smartphone" trong sổ tính — hãy tạo tên này (Công thức › Trình quản lý tên) hoặc sửa ánh xạ',
      ),
    });
  });

  it.each<[string, string, string | undefined, RegExp]>([
    [
      "a sheet-only name used from elsewhere points to its sheet",
      "ho_gd",
      "Số liệu",
      /Tên "ho_gd" chỉ có trong phạm vi trang "Data".*Data!ho_gd/,
    ],
    ["an unknown name on a sheet names the sheet", "'Thôn A'!khong_co", undefined, /Không tìm thấy tên "khong_co" trên trang "Thôn A"/],
    ["a bare cell without a sheet asks for one", "B3", undefined, /Địa chỉ "B3" thiếu tên trang tính — hãy ghi kèm trang/],
    ["text that is neither a name nor a cell", "dân số", undefined, /"dân số" không phải tên hay địa chỉ ô hợp lệ/],
    ["a whole column is not a bounded range", "Data!A:A", undefined, /"Data!A:A" không phải tên hay địa chỉ ô hợp lệ/],
  ])("%s: %s", (_label, ref, fromSheet, message) => {
    const got = resolveReference(names, ref, fromSheet);
    expect(got.kind).toBe("unknown");
    expect(got.kind === "unknown" ? got.message : "").toMatch(message);
  });

  it("findName matches the scope exactly, with no fallback", () => {
    expect(findName(names, "ho_gd", null)).toBeUndefined();
    expect(findName(names, "HO_GD", "data")).toBe(pick("ho_gd", "Data"));
    expect(findName(names, "dan_so", "Data")).toBeUndefined();
  });

  it("findName folds Vietnamese case and Unicode normalisation", () => {
    const viet: DefinedName[] = [{ name: "Dân_Số", scope: null, formula: "1", target: { kind: "constant", value: 1 }, hidden: false }];
    expect(findName(viet, "DÂN_SỐ", null)).toBe(viet[0]);
    expect(findName(viet, "dân_số".normalize("NFD"), null)).toBe(viet[0]);
  });

  it("namesVisibleFrom a sheet gives its own names and the workbook names they do not shadow", () => {
    const visible = namesVisibleFrom(names, "Thôn A");
    expect(visible.filter((n) => n.name === "dan_so")).toEqual([pick("dan_so", "Thôn A")]);
    expect(visible.map((n) => n.name)).not.toContain("ho_gd");
    expect(visible).toHaveLength(names.filter((n) => n.scope === null).length);
  });

  it("namesVisibleFrom no sheet gives the workbook names only", () => {
    expect(namesVisibleFrom(names).every((n) => n.scope === null)).toBe(true);
    expect(
      namesVisibleFrom(names, "Data")
        .filter((n) => n.scope === "Data")
        .map((n) => n.name),
    ).toEqual(["ho_gd", OWNER_NAME]);
  });
});
