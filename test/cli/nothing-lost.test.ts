/*
 * Nothing lost: `evaluate --out` adds our sheets to the clerk's package and changes nothing else.
 * Every cell of every sheet we do not own is the same before and after; every part we do not edit is
 * byte for byte the same; the parts we edit keep every original element; a re-run is idempotent; a
 * clerk's sheet that has our sheet's name is left alone; names ExcelJS would drop survive.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { OWNER_NAME } from "../../src/workbook/port";
import { parseWorkbookXml } from "../../src/workbook/xlsx/workbook-xml";
import { FIXTURE_EXPECTED_NAMES, FIXTURE_NAME_SPECS, makeNamesFixture } from "../workbook/names-fixtures";
import * as h from "./helpers";

/** The parts the writer may edit (by insertion only); calcChain.xml it removes. Everything else must be byte-identical. */
const EDITED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
const REMOVED = new Set(["xl/calcChain.xml"]);
const STYLE_LISTS: ReadonlyArray<[string, string]> = [
  ["numFmts", "numFmt"],
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
  ["cellStyles", "cellStyle"],
  ["dxfs", "dxf"],
];

/** Names added to the clerk's workbook: a sheet-scoped one, a #REF! one, a constant, a formula. */
const EXTRA_NAMES = [
  '<definedName name="ghi_chu_tong" localSheetId="2">\'Ghi chú\'!$B$2</definedName>',
  '<definedName name="ten_loi">#REF!</definedName>',
  '<definedName name="nam_bao_cao">2024</definedName>',
  "<definedName name=\"dong_dong\">OFFSET('Số liệu'!$B$3,0,0,7,1)</definedName>",
];

let dir: string;
let input: string;
let out1: string;
let out2: string;
let inParts: Map<string, Uint8Array>;
let out1Parts: Map<string, Uint8Array>;
let out2Parts: Map<string, Uint8Array>;

beforeAll(async () => {
  dir = h.makeTmpDir("chitieu-nothing-lost-");
  const bytes = await h.addCalcChain(
    await h.addDefinedNames(await h.buildCustomWorkbook({ userStatusSheet: true, richSheet: true, hiddenSheet: true }), EXTRA_NAMES),
  );
  input = h.writeBytes(dir, "xa.xlsx", bytes);
  const mapping = h.writeMapping(
    dir,
    h.customMapping({ indicators: { ...h.customMapping().indicators, "3.10": { numerator: "ten_loi", denominator: "dan_so_15" } } }),
  );
  out1 = path.join(dir, "lan-1.xlsx");
  out2 = path.join(dir, "lan-2.xlsx");
  const r1 = await h.runCli("evaluate", input, "--mapping", mapping, "--out", out1);
  expect(r1).toMatchObject({ code: 0, err: "" });
  const r2 = await h.runCli("evaluate", out1, "--out", out2);
  expect(r2).toMatchObject({ code: 0, err: "" });
  inParts = await h.unzip(input);
  out1Parts = await h.unzip(out1);
  out2Parts = await h.unzip(out2);
});

afterAll(() => h.removeDir(dir));

const str = (parts: Map<string, Uint8Array>, name: string) => h.text(parts.get(name));

/** Non-owned sheets of a file, by name, with ExcelJS and raw digests. */
async function clerkSheetDigests(file: string): Promise<Map<string, { exceljs: string; raw: string; visibility: string }>> {
  const owned = new Set((await h.adapterSheets(file)).filter((s) => s.owner !== undefined).map((s) => s.name));
  const visibility = new Map((await h.adapterSheets(file)).map((s) => [s.name, s.visibility]));
  const wb = await h.loadExcelJs(file);
  const parts = await h.unzip(file);
  const shared = h.sharedStringItems(str(parts, "xl/sharedStrings.xml"));
  const raw = new Map(
    h
      .sheetParts(str(parts, "xl/workbook.xml"), str(parts, "xl/_rels/workbook.xml.rels"))
      .map((s) => [s.name, h.rawCellDigest(str(parts, s.part), shared)]),
  );
  const out = new Map<string, { exceljs: string; raw: string; visibility: string }>();
  for (const ws of wb.worksheets) {
    if (owned.has(ws.name)) continue;
    out.set(ws.name, {
      exceljs: h.exceljsSheetDigest(ws),
      raw: raw.get(ws.name) ?? "(no part)",
      visibility: visibility.get(ws.name) ?? "?",
    });
  }
  return out;
}

/** (b): every untouched part byte-identical; edited parts keep every original element; only worksheets added. */
async function expectOnlyAdditions(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>): Promise<void> {
  for (const [name, bytes] of before) {
    if (EDITED.has(name)) continue;
    if (REMOVED.has(name)) {
      expect({ name, present: after.has(name) }).toEqual({ name, present: false });
      continue;
    }
    expect({ name, present: after.has(name) }).toEqual({ name, present: true });
    expect({ name, same: Buffer.from(bytes).equals(Buffer.from(after.get(name)!)) }).toEqual({ name, same: true });
  }

  // New parts are worksheets, each reached from the workbook's relationships.
  const rels = str(after, "xl/_rels/workbook.xml.rels");
  for (const name of after.keys()) {
    if (before.has(name)) continue;
    expect(name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(rels).toContain(`Target="${name.slice("xl/".length)}"`);
  }

  // workbook.xml: every original sheet entry verbatim, in the same tab positions; every name verbatim.
  const wbBefore = str(before, "xl/workbook.xml");
  const wbAfter = str(after, "xl/workbook.xml");
  const sheetsBefore = h.allElements(wbBefore, "sheet");
  expect(sheetsBefore.length).toBeGreaterThan(0);
  expect(h.allElements(wbBefore, "definedName").length).toBeGreaterThan(0);
  expect(h.allElements(wbAfter, "sheet").slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
  for (const el of h.allElements(wbBefore, "definedName")) expect(wbAfter).toContain(el);
  for (const tag of ["fileVersion", "workbookPr", "bookViews", "workbookProtection", "fileSharing", "extLst"]) {
    for (const el of h.allElements(wbBefore, tag)) expect(wbAfter).toContain(el);
  }
  const calcBefore = /<calcPr\b([^>]*?)\/?>/.exec(wbBefore)?.[1];
  if (calcBefore !== undefined) {
    const calcAfter = /<calcPr\b([^>]*?)\/?>/.exec(wbAfter)?.[1] ?? "";
    for (const a of calcBefore.match(/\w+="[^"]*"/g) ?? []) if (!a.startsWith("fullCalcOnLoad=")) expect(calcAfter).toContain(a);
  }

  // Relationships and content types: every original entry verbatim, but the calculation chain's.
  for (const el of h.allElements(str(before, "xl/_rels/workbook.xml.rels"), "Relationship")) {
    if (el.includes("/calcChain")) expect(rels).not.toContain(el);
    else expect(rels).toContain(el);
  }
  const types = str(after, "[Content_Types].xml");
  for (const tag of ["Default", "Override"]) {
    for (const el of h.allElements(str(before, "[Content_Types].xml"), tag)) {
      if (el.includes("calcChain")) expect(types).not.toContain(el);
      else expect(types).toContain(el);
    }
  }

  // styles.xml: each original list is a prefix of the new one, so every style index still means what it meant.
  const stBefore = str(before, "xl/styles.xml");
  const stAfter = str(after, "xl/styles.xml");
  expect(h.childElements(stBefore, "cellXfs", "xf").length).toBeGreaterThan(0);
  for (const [parent, child] of STYLE_LISTS) {
    const orig = h.childElements(stBefore, parent, child);
    expect({ list: parent, prefix: h.childElements(stAfter, parent, child).slice(0, orig.length) }).toEqual({ list: parent, prefix: orig });
  }
}

describe("(a) every cell of every sheet we do not own is unchanged", () => {
  it("the clerk's sheets are the same, in the same order, with the same visibility", async () => {
    const before = await clerkSheetDigests(input);
    const after = await clerkSheetDigests(out1);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...before.keys()]).toEqual(["Số liệu", h.STATUS_NAME, "Ghi chú", "Ẩn"]);
    for (const [name, d] of before) expect({ name, ...after.get(name) }).toEqual({ name, ...d });
  });

  it("the digests are sensitive: a changed value, formula or style changes them", async () => {
    const wb = await h.loadExcelJs(input);
    const ws = wb.getWorksheet("Ghi chú")!;
    const original = h.exceljsSheetDigest(ws);
    ws.getCell("B2").numFmt = "0.00";
    expect(h.exceljsSheetDigest(ws)).not.toBe(original);
    const parts = await h.unzip(input);
    const shared = h.sharedStringItems(str(parts, "xl/sharedStrings.xml"));
    const sheet = h.sheetParts(str(parts, "xl/workbook.xml"), str(parts, "xl/_rels/workbook.xml.rels")).find((s) => s.name === "Ghi chú")!;
    const xml = str(parts, sheet.part);
    expect(
      h.rawCellDigest(
        xml.replace(/(<c r="B2"[^>]*?) s="(\d+)"/, (_m, head: string, s: string) => `${head} s="${Number(s) + 1}"`),
        shared,
      ),
    ).not.toBe(h.rawCellDigest(xml, shared));
  });

  it("the second run leaves the clerk's sheets as they were too", async () => {
    const before = await clerkSheetDigests(input);
    const after = await clerkSheetDigests(out2);
    for (const [name, d] of before) expect({ name, ...after.get(name) }).toEqual({ name, ...d });
  });
});

describe("(b) the package: untouched parts byte for byte, edited parts by insertion only", () => {
  it("first run: input → output", async () => {
    expect(inParts.has("xl/calcChain.xml")).toBe(true);
    await expectOnlyAdditions(inParts, out1Parts);
  });

  it("second run: output → output again", async () => {
    await expectOnlyAdditions(out1Parts, out2Parts);
  });

  it("the comment, drawing, image and hyperlink parts of the clerk's sheet are all carried over", () => {
    const names = [...inParts.keys()];
    for (const re of [
      /^xl\/comments\d*\.xml$/,
      /^xl\/drawings\/drawing\d+\.xml$/,
      /^xl\/media\/image\d+\.png$/,
      /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
    ]) {
      const part = names.find((n) => re.test(n));
      expect({ re: String(re), found: part !== undefined }).toEqual({ re: String(re), found: true });
      expect(out1Parts.get(part!)).toEqual(inParts.get(part!));
    }
  });
});

describe("(c) evaluating the output again changes nothing", () => {
  it("gives the same package: the same parts, byte for byte (styles.xml does not grow)", () => {
    expect([...out2Parts.keys()].sort()).toEqual([...out1Parts.keys()].sort());
    for (const [name, bytes] of out1Parts)
      expect({ name, same: Buffer.from(bytes).equals(Buffer.from(out2Parts.get(name)!)) }).toEqual({ name, same: true });
    expect(out2Parts.get("xl/styles.xml")!.length).toBe(out1Parts.get("xl/styles.xml")!.length);
  });

  it("the same sheet list, with no duplicates", async () => {
    const s1 = await h.adapterSheets(out1);
    const s2 = await h.adapterSheets(out2);
    expect(s2).toEqual(s1);
    expect(new Set(s2.map((s) => s.name.toLocaleLowerCase("vi"))).size).toBe(s2.length);
    expect(s2.filter((s) => s.owner === "status")).toHaveLength(1);
    expect(s2.filter((s) => s.owner === "mapping")).toHaveLength(1);
  });

  it("the same status sheet, cell by cell", async () => {
    const name = (await h.adapterSheets(out1)).find((s) => s.owner === "status")!.name;
    const cells = async (file: string) => {
      const ws = (await h.loadExcelJs(file)).getWorksheet(name)!;
      const all: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => all.push([c.address, c.value, c.formula ?? null, c.style])),
      );
      return all;
    };
    const c1 = await cells(out1);
    expect(c1.length).toBeGreaterThan(100);
    expect(await cells(out2)).toEqual(c1);
  });
});

describe('(d) a clerk\'s sheet already named "Trạng thái chỉ tiêu" is left alone', () => {
  it("keeps its cells; ours is named differently and carries our marker", async () => {
    const wb = await h.loadExcelJs(out1);
    const theirs = wb.getWorksheet(h.STATUS_NAME)!;
    for (const [addr, v] of h.USER_STATUS_CELLS) expect({ addr, v: theirs.getCell(addr).value }).toEqual({ addr, v });
    const sheets = await h.adapterSheets(out1);
    expect(sheets.find((s) => s.name === h.STATUS_NAME)!.owner).toBeUndefined();
    expect(sheets.find((s) => s.owner === "status")!.name).toBe(`${h.STATUS_NAME} (2)`);
  });

  it("a re-run replaces ours, not a third sheet", async () => {
    const names = (await h.adapterSheets(out2)).map((s) => s.name).filter((n) => n.startsWith(h.STATUS_NAME));
    expect(names).toEqual([h.STATUS_NAME, `${h.STATUS_NAME} (2)`]);
  });

  it.each([
    ["the same name in capitals", ["TRẠNG THÁI CHỈ TIÊU"], `${h.STATUS_NAME} (2)`],
    ["the name and the next one both taken", [h.STATUS_NAME, `${h.STATUS_NAME} (2)`], `${h.STATUS_NAME} (3)`],
  ])("%s", async (_label, taken, expected) => {
    const d = h.makeTmpDir("va-cham-", dir);
    const file = await h.writeCustom(d, "xa.xlsx", { extraSheets: taken });
    const before = await clerkSheetDigests(file);
    const out = path.join(d, "o.xlsx");
    expect((await h.runCli("evaluate", file, "--mapping", h.writeMapping(d, h.customMapping()), "--out", out)).code).toBe(0);
    expect((await h.adapterSheets(out)).find((s) => s.owner === "status")!.name).toBe(expected);
    const after = await clerkSheetDigests(out);
    for (const [name, digest] of before) expect({ name, ...after.get(name) }).toEqual({ name, ...digest });
  });
});

describe("(e) ExcelJS opens what we write", () => {
  it("sees the status sheet with formulas and their computed results, and the very hidden mapping sheet", async () => {
    const wb = await h.loadExcelJs(out1);
    const status = wb.getWorksheet(`${h.STATUS_NAME} (2)`)!;
    expect(status).toBeDefined();
    let row32: ExcelJS.Row | undefined;
    status.eachRow((row) => {
      if (row.getCell(1).value === "3.2") row32 = row;
    });
    expect(row32).toBeDefined();
    const verdict = row32!.getCell(7);
    expect(verdict.formula).toBeTruthy();
    expect(verdict.result).toBe("Không đạt");
    expect(Number(row32!.getCell(6).result)).toBeCloseTo(2336 / 3986, 10);
    expect(wb.getWorksheet("ChiTieuXa_AnhXa")!.state).toBe("veryHidden");
    // And it can save it again without complaint.
    expect((await wb.xlsx.writeBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe("(f) names ExcelJS alone would drop are all still there after writing", () => {
  const SPECS = FIXTURE_NAME_SPECS.filter((s) => s.name !== OWNER_NAME);
  const EXPECTED = FIXTURE_EXPECTED_NAMES.filter((n) => n.name !== OWNER_NAME);
  let fixture: string;
  let out: string;
  let report: { indicators: Array<{ code: string; verdict: string; display?: string; problems: Array<{ message: string }> }> };

  beforeAll(async () => {
    const d = h.makeTmpDir("ten-", dir);
    fixture = await makeNamesFixture(d, SPECS);
    out = path.join(d, "o.xlsx");
    const map = h.writeMapping(d, {
      ruleset: h.RULESET,
      indicators: {
        // The sheet-scoped dan_so of Thôn A is B4 (2336); the workbook's dan_so is B3 (3986).
        "3.2": { numerator: "'Thôn A'!dan_so", denominator: "dan_so" },
        "3.10": { numerator: "ten_loi", denominator: "dan_so" },
        // A constant name: 2024 / 3986 = 50,8%.
        "3.12": { numerator: "nam_bao_cao", denominator: "dan_so" },
      },
    });
    const r = await h.runCli("evaluate", fixture, "--mapping", map, "--out", out, "--json", path.join(d, "r.json"));
    expect(r).toMatchObject({ code: 0, err: "" });
    report = JSON.parse(readFileSync(path.join(d, "r.json"), "utf8"));
  });

  it("evaluates through them: sheet-scoped, #REF! and constant names", () => {
    const got = new Map(report.indicators.map((i) => [i.code, i]));
    expect(got.get("3.2")).toMatchObject({ verdict: "khong-dat", display: "58,6%" });
    expect(got.get("3.10")!.verdict).toBe("loi-so-lieu");
    expect(
      got
        .get("3.10")!
        .problems.map((p) => p.message)
        .join(" "),
    ).toContain("#REF!");
    expect(got.get("3.12")).toMatchObject({ verdict: "khong-dat", display: "50,8%" });
  });

  it("keeps every original <definedName> verbatim and reads them back the same", async () => {
    const before = await h.unzip(fixture);
    const after = await h.unzip(out);
    await expectOnlyAdditions(before, after);
    const names = parseWorkbookXml(str(after, "xl/workbook.xml")).names.filter((n) => n.name !== OWNER_NAME);
    expect(names).toEqual(EXPECTED);
    expect(str(after, "xl/workbook.xml")).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">');
  });

  it("whereas a round trip through ExcelJS loses them (why the writer never re-saves through it)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(fixture) as unknown as ExcelJS.Buffer);
    const zip = await h.unzip(h.writeBytes(path.dirname(out), "exceljs.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())));
    const lost = parseWorkbookXml(str(zip, "xl/workbook.xml")).names.map((n) => `${n.scope ?? ""}!${n.name}`);
    for (const name of ["!ten_loi", "!nam_bao_cao", "Thôn A!dan_so"]) expect(lost).not.toContain(name);
  });
});
