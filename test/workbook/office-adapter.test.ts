import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { slotsOf } from "../../src/core/evaluate/slots";
import { MAPPING_SHEET } from "../../src/core/layout/mapping-sheet";
import type { CellSpec, SheetLayout } from "../../src/core/layout/sheet";
import { STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { templateName } from "../../src/core/mapping/propose";
import type { Mapping } from "../../src/core/mapping/schema";
import { cellRef } from "../../src/core/ref/a1";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { CHUNK_BYTES, OfficeWorkbook, ROWS_PER_CHUNK, widthInPoints, type OfficeRun } from "../../src/workbook/office/adapter";
import { MESSAGES } from "../../src/workbook/office/errors";
import { ABILITY_SETS, abilitiesOf, checkRequirements, featureNotes, MINIMUM_VERSION } from "../../src/workbook/office/requirements";
import { API_SETS, minor } from "./office-api-sets";
import { renderOfficeFake } from "./rendering";
import { OWNER_NAME, WorkbookError } from "../../src/workbook/port";
import { FakeExcel, FakeSheet, type FakeInit } from "./office-fake";
import { SUITE_FIXTURE, testWorkbookPort } from "./port-suite";

// Compile-time proof that the real Excel.run fits the constructor (tsc checks it; at run time it is null).
const realExcelRunFits: OfficeRun | null = null as unknown as typeof Excel.run;

const FIVE_MB = 5 * 1024 * 1024;

function open(init: FakeInit = SUITE_FIXTURE, apiVersion = "1.12"): { excel: FakeExcel; port: OfficeWorkbook } {
  const excel = new FakeExcel(init);
  excel.apiVersion = apiVersion;
  return { excel, port: new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }) };
}

function layout(key: string, name: string, rows: Array<Array<CellSpec | null>>, extra: Partial<SheetLayout> = {}): SheetLayout {
  return { key, name, rows, columns: [8, 30, 14], merges: [], visibility: "visible", ...extra };
}

const text = (value: string, style?: CellSpec["style"]): CellSpec => (style ? { value, style } : { value });

/** The versions the suite runs the adapter at: the manifest's minimum, each optional set it uses, and the latest. */
const LATEST = Object.values(API_SETS).reduce((a, b) => (minor(b) > minor(a) ? b : a));
for (const version of [MINIMUM_VERSION, ...Object.values(ABILITY_SETS).filter((v, i, all) => all.indexOf(v) === i), LATEST]) {
  testWorkbookPort(`Office.js adapter (recording fake, ExcelApi ${version})`, async () => {
    const excel = new FakeExcel(SUITE_FIXTURE);
    excel.apiVersion = version;
    const port = new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
    const can = abilitiesOf(excel.isSetSupported);
    return {
      port,
      reopen: async () => new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }),
      render: async (sheet, spec) => renderOfficeFake(excel, sheet, spec),
      limits: { conditionalFormats: can.conditionalFormats, freeze: can.freeze, print: can.page },
      notes: () => port.notes,
      typeInto: async (sheet, a1, value) => {
        await excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange(a1).values = [[value]];
          await ctx.sync();
        });
        return new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
      },
    };
  });
}

describe("Office.js adapter: round trips", () => {
  test("the real Excel.run fits the constructor (checked by tsc)", () => {
    expect(realExcelRunFits).toBeNull();
  });

  test("snapshot is one round trip: sheets, names of both scopes, owners and the stored mapping", async () => {
    const { excel, port } = open();
    await port.writeSheets([layout("status", "Trạng thái", [[text("x")]])], JSON.stringify({ ruleset: "r", indicators: {} }));
    excel.resetLog();
    const snap = await new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }).snapshot();
    expect(excel.syncCount).toBe(1);
    expect(snap.sheets.filter((s) => s.owner).map((s) => [s.name, s.owner, s.visibility])).toEqual([
      ["Trạng thái", "status", "visible"],
      [MAPPING_SHEET, "mapping", "veryHidden"],
    ]);
    expect(JSON.parse(snap.mappingText!)).toEqual({ ruleset: "r", indicators: {} });
  });

  test("readRanges reads 50 ranges of three sheets in one round trip", async () => {
    const { excel, port } = open();
    const sheets = ["Số liệu", "Thôn A", "Data"];
    const ranges = Array.from({ length: 50 }, (_, i) => ({ sheet: sheets[i % 3]!, top: 1 + i, left: 1, bottom: 2 + i, right: 3 }));
    const values = await port.readRanges(ranges);
    expect(excel.syncCount).toBe(1);
    expect(values).toHaveLength(50);
    expect(values[0]).toEqual([
      ["Dân số từ 15 tuổi trở lên", 3986, "Hòa Bình"],
      [null, "3.986", null],
    ]);
  });

  test("readSheet of a 12 000-row roster: the first block comes with the first round trip, the rest in one block sized from it", async () => {
    const cells: Record<string, RawCell> = {};
    for (let r = 1; r <= 12_000; r++) {
      cells[`A${r}`] = r;
      cells[`B${r}`] = `Nguyễn Văn ${r}`;
      cells[`C${r}`] = new Date(Date.UTC(1990, 0, 1 + (r % 365)));
    }
    const { excel, port } = open({ sheets: [{ name: "Dân cư", cells }] });
    const rows = await port.readSheet("Dân cư");
    expect(rows).toHaveLength(12_000);
    expect(rows[11_999]).toEqual([12_000, "Nguyễn Văn 12000", new Date(Date.UTC(1990, 0, 1 + (12_000 % 365)))]);
    // The first block with the first sync; the rest, sized from what it measured, fits one more.
    expect(excel.log[0]!.responseBytes).toBeGreaterThan(0);
    expect(excel.syncCount).toBe(2);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  test("readSheet of a short sheet is one round trip; an empty sheet reads as no rows", async () => {
    const { excel, port } = open({ sheets: [{ name: "A", cells: { B2: 1 } }, { name: "Trống" }] });
    expect(await port.readSheet("A")).toEqual([
      [null, null],
      [null, 1],
    ]);
    expect(excel.syncCount).toBe(1);
    expect(await port.readSheet("Trống")).toEqual([]);
  });

  const { rulesets } = loadRulesetDir();

  /** A workbook with a template name and a figure for every slot the ruleset has, and the mapping to them. */
  function templateWorkbook(ruleset: Ruleset, only?: number): { init: FakeInit; mapping: Mapping } {
    const cells: Record<string, RawCell> = {};
    const names: Array<{ name: string; formula: string }> = [];
    const indicators: Mapping["indicators"] = {};
    let row = 1;
    indicatorsOf(ruleset)
      .slice(0, only)
      .forEach(({ item }) => {
        for (const s of slotsOf(item)) {
          if (s.alternative) continue;
          const name = templateName(item.code, s.slot);
          const value = s.type === "yes-no" ? "Có" : s.slot.endsWith("denominator") ? 100 : s.slot.endsWith("numerator") ? 60 : 45;
          cells[cellRef(row, 1)] = s.label;
          cells[cellRef(row, 2)] = value;
          names.push({ name, formula: `'Số liệu'!$B$${row}` });
          (indicators[item.code] ??= {})[s.slot] = name;
          row++;
        }
      });
    return {
      init: { sheets: [{ name: "Số liệu", cells }], names },
      mapping: { ruleset: ruleset.id, asOf: "2024-09-30", commune: "Xã Minh Tân", indicators },
    };
  }

  async function evaluateAndWrite(ruleset: Ruleset, only?: number): Promise<{ excel: FakeExcel; syncs: number }> {
    const { init, mapping } = templateWorkbook(ruleset, only);
    const { excel, port } = open(init);
    const outcome = await evaluateWorkbook(port, { rulesets, mapping: { text: JSON.stringify(mapping), source: "kiểm thử" }, write: true });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    return { excel, syncs: excel.syncCount };
  }

  test.each([...rulesets.keys()])(
    "evaluate + write the status sheet in at most 3 round trips, whatever the number of indicators: %s",
    async (id) => {
      const ruleset = rulesets.get(id)!;
      const all = await evaluateAndWrite(ruleset);
      const one = await evaluateAndWrite(ruleset, 1);
      expect(all.syncs).toBeLessThanOrEqual(3);
      expect(all.syncs).toBe(one.syncs);
      expect(all.excel.maxRequestBytes).toBeLessThan(FIVE_MB);

      const snap = await new OfficeWorkbook(all.excel.run).snapshot();
      expect(snap.sheets.find((s) => s.owner === "status")?.name).toBe(STATUS_SHEET_NAME);
      expect(JSON.parse(snap.mappingText!)).toMatchObject({ ruleset: id });
    },
  );

  function roster(rows: number, note: (r: number) => string): SheetLayout {
    const body: Array<Array<CellSpec | null>> = [[text("STT", "header"), text("Họ và tên", "header"), text("Ghi chú", "header")]];
    for (let r = 1; r <= rows; r++)
      body.push([{ value: r, style: "integer" }, text(`Nguyễn Thị Hồng ${r}`, "text"), text(note(r), "text")]);
    body.push([text("Người lập biểu"), null, text("Chủ tịch UBND xã")]);
    return layout("PL03", "Phụ lục 03", body, {
      merges: [{ top: rows + 2, left: 1, bottom: rows + 2, right: 2 }],
      print: { orientation: "portrait", fitToWidth: true, repeatRows: { first: 1, last: 1 } },
      freezeRows: 1,
    });
  }

  test("a 60 000-row list is written in chunks: no request reaches 5 MB, round trips ≤ 2 + chunks", async () => {
    const { excel, port } = open();
    await port.snapshot();
    excel.resetLog();
    const list = roster(60_000, (r) => (r % 2 ? "Có tài khoản thanh toán điện tử (ngân hàng hoặc ví)" : "=không phải công thức"));
    await port.writeSheets([list]);
    const total = excel.log.reduce((s, r) => s + r.requestBytes, 0);
    expect(total).toBeGreaterThan(FIVE_MB); // one request could not have carried it
    expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(list.rows.length / ROWS_PER_CHUNK));
    expect(excel.cell("Phụ lục 03", "B60001")).toBe("Nguyễn Thị Hồng 60000");
    expect(excel.cell("Phụ lục 03", "C60001")).toBe("=không phải công thức");
    expect(excel.cell("Phụ lục 03", "A60002")).toBe("Người lập biểu");
    expect(excel.sheet("Phụ lục 03")!.merges).toEqual([{ top: 60_002, left: 1, bottom: 60_002, right: 2 }]);
  });

  test("long rows are cut by size, not only by count: each request stays under 5 MB and carries at least half a chunk", async () => {
    const { excel, port } = open();
    await port.snapshot();
    excel.resetLog();
    await port.writeSheets([roster(20_000, (r) => `Ghi chú dài về hộ gia đình số ${r}: `.repeat(8))]);
    const total = excel.log.reduce((s, r) => s + r.requestBytes, 0);
    expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(excel.syncCount).toBeLessThanOrEqual(1 + Math.ceil(total / (CHUNK_BYTES / 2)));
  });

  test("a write with no snapshot before it learns the owners in one extra round trip", async () => {
    const { excel, port } = open();
    await port.writeSheets([layout("status", "Trạng thái", [[text("x")]])]);
    expect(excel.syncCount).toBe(2);
  });
});

describe("Office.js adapter: names", () => {
  const init: FakeInit = {
    sheets: [{ name: "Số liệu", cells: { B3: 3986 } }, { name: "Thôn A" }],
    names: [
      { name: "dan_so", formula: "'Số liệu'!$B$3" },
      { name: "dan_so", scope: "Thôn A", formula: "'Số liệu'!$B$4", hidden: true },
      { name: "ten_loi", formula: "#REF!" },
      { name: "ten_loi_trang", scope: "Số liệu", formula: "'Số liệu'!#REF!" },
      { name: "nam_bao_cao", formula: "2024" },
      { name: "ten_xa", formula: '"Xã ""Hà Tân"""' },
      { name: "co_mot_cua", formula: "TRUE" },
      { name: "tong", formula: "SUM('Số liệu'!$B$3:$B$9)" },
      { name: "Print_Titles", scope: "Số liệu", formula: "'Số liệu'!$1:$1" },
    ],
  };

  const brief = (names: Awaited<ReturnType<OfficeWorkbook["snapshot"]>>["names"]) =>
    names.map((n) => [n.name, n.scope, n.target.kind === "constant" ? n.target.value : n.target.kind, n.hidden]);

  const expected = [
    ["dan_so", null, "range", false],
    ["ten_loi", null, "ref-error", false],
    ["nam_bao_cao", null, 2024, false],
    ["ten_xa", null, 'Xã "Hà Tân"', false],
    ["co_mot_cua", null, true, false],
    ["tong", null, "formula", false],
    ["ten_loi_trang", "Số liệu", "ref-error", false],
    ["dan_so", "Thôn A", "range", true],
  ];

  // Before ExcelApi 1.7 a name has no formula property: it is rebuilt from its type and value, and a
  // formula name then shows as the constant it computes (the fake computes 0).
  const before17 = expected.map((e) => (e[0] === "tong" ? ["tong", null, 0, false] : e));

  test.each([
    ["1.12", expected],
    ["1.6", before17],
  ])("names of both scopes, #REF! names, constants and formulas, without throwing (ExcelApi %s)", async (version, want) => {
    const { excel, port } = open(init, version);
    const snap = await port.snapshot();
    expect(excel.syncCount).toBe(1);
    expect(brief(snap.names)).toEqual(want);
    expect(snap.names.find((n) => n.scope === "Thôn A")?.target).toEqual({
      kind: "range",
      range: { sheet: "Số liệu", top: 4, left: 2, bottom: 4, right: 2 },
    });
  });

  test("our marker is a hidden sheet-scoped name holding the layout key, and is not listed", async () => {
    const { excel, port } = open(init);
    await port.writeSheets([layout("PL03", "Phụ lục 03", [[text("x")]])]);
    const marker = excel.sheet("Phụ lục 03")!.names.find((n) => n.name === OWNER_NAME);
    expect(marker).toMatchObject({ formula: '="PL03"', visible: false });
    const snap = await port.snapshot();
    expect(snap.names.some((n) => n.name === OWNER_NAME)).toBe(false);
    expect(snap.sheets.find((s) => s.name === "Phụ lục 03")?.owner).toBe("PL03");
  });
});

describe("Office.js adapter: writing", () => {
  test("text Excel would read as something else stays text; numbers, booleans and formulas stay what they are", async () => {
    const { excel, port } = open();
    const odd = ["3.2", "TRUE", "1/2", "-5", "+84 912", "=SUM(1,2)", "@a", "'trích dẫn"];
    await port.writeSheets([
      layout("PL03", "Phụ lục 03", [
        odd.map((v) => text(v)),
        [{ value: 5 }, { value: false }, { value: 5, formula: "A2" }, { value: { error: "#N/A" } }],
      ]),
    ]);
    const [[first, second]] = (await port.readRanges([{ sheet: "Phụ lục 03", top: 1, left: 1, bottom: 2, right: odd.length }])) as [
      RawCell[][],
    ];
    expect(first).toEqual(odd);
    expect(second!.slice(0, 4)).toEqual([5, false, 5, { error: "#N/A" }]);
    expect(excel.formulaAt("Phụ lục 03", "C2")).toBe("A2");
  });

  test("styles are LOOKS as Office.js formats: font, fill, borders, alignment, number format", async () => {
    const { excel, port } = open();
    await port.writeSheets([
      layout("status", "Trạng thái", [
        [text("Mã", "header"), text("Tỷ lệ", "header")],
        [text("3.2", "center"), { value: 0.586, style: "percent" }],
        [text("3.3", "center"), { value: 0.9, style: "percent" }],
      ]),
    ]);
    expect(excel.formatAt("Trạng thái", "A1")).toMatchObject({
      "font.name": "Times New Roman",
      "font.bold": true,
      "fill.color": "#D9E1F2",
      "border.EdgeTop.style": "Continuous",
      "border.InsideVertical.weight": "Thin",
      horizontalAlignment: "Center",
      wrapText: true,
    });
    expect(excel.sheet("Trạng thái")!.numberFormats.get("3,2")).toBe("0.0%");
    // The font and the borders go once for the block; each style once per rectangle, not per cell.
    const areas = (prop: string) =>
      excel
        .sheet("Trạng thái")!
        .formats.filter((f) => f.props[prop] !== undefined)
        .map((f) => f.area);
    expect(areas("font.name")).toEqual([{ top: 1, left: 1, bottom: 3, right: 2 }]);
    expect(areas("border.InsideHorizontal.style")).toEqual([{ top: 1, left: 1, bottom: 3, right: 2 }]);
    expect(areas("verticalAlignment")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
  });

  test("widths, hidden columns, frozen rows and A4 page setup with repeated header rows", async () => {
    const { excel, port } = open();
    const print = { orientation: "landscape" as const, fitToWidth: true, repeatRows: { first: 3, last: 3 } };
    await port.writeSheets([
      layout("status", "Trạng thái", [[text("x")]], {
        columns: [6, 6, 40],
        hiddenColumns: [3],
        freezeRows: 3,
        print,
        rowHeights: [30, undefined, 30],
      }),
    ]);
    const sheet = excel.sheet("Trạng thái")!;
    expect([...sheet.columnWidths]).toEqual([
      [1, widthInPoints(6)],
      [2, widthInPoints(6)],
      [3, widthInPoints(40)],
    ]);
    expect([...sheet.rowHeights]).toEqual([
      [1, 30],
      [3, 30],
    ]);
    expect([...sheet.hiddenColumns]).toEqual([3]);
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$3:$3",
    });
  });

  test("on ExcelApi 1.6 the page setup and frozen rows are skipped with a note, the rest is written", async () => {
    const { excel, port } = open(SUITE_FIXTURE, "1.6");
    const print = { orientation: "portrait" as const, fitToWidth: true };
    await port.writeSheets([layout("status", "Trạng thái", [[text("x")]], { freezeRows: 1, print })]);
    expect(excel.cell("Trạng thái", "A1")).toBe("x");
    expect(excel.sheet("Trạng thái")!.page).toEqual({});
    expect(port.notes.join("\n")).toMatch(/ExcelApi 1\.9/);
    expect(port.notes.join("\n")).toMatch(/ExcelApi 1\.7/);
  });

  test("our sheet is cleared and rewritten in place, not deleted: its tab keeps its place", async () => {
    const { excel, port } = open();
    await port.writeSheets(
      [layout("status", "Trạng thái", [[text("cũ", "header")], [text("cũ")]], { merges: [{ top: 1, left: 1, bottom: 1, right: 2 }] })],
      "{}",
    );
    await port.snapshot();
    await port.writeSheets([layout("status", "Trạng thái", [[text("mới")]])], "{}");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Số liệu", "Thôn A", "Data", "Trạng thái", MAPPING_SHEET]);
    const sheet = excel.sheet("Trạng thái")!;
    expect(excel.cell("Trạng thái", "A2")).toBeNull();
    expect(sheet.merges).toEqual([]);
    expect(excel.formatAt("Trạng thái", "A1")).toEqual({});
  });

  test("a protected sheet of ours is refused before anything is sent, with what to do", async () => {
    const { excel, port } = open();
    await port.writeSheets([layout("status", "Trạng thái", [[text("cũ")]])]);
    excel.sheet("Trạng thái")!.protected = true;
    await port.snapshot();
    excel.resetLog();
    await expect(port.writeSheets([layout("status", "Trạng thái", [[text("mới")]])])).rejects.toMatchObject({
      code: "protected",
      message: MESSAGES.protectedSheet("Trạng thái"),
    });
    expect(excel.syncCount).toBe(0);
    expect(excel.cell("Trạng thái", "A1")).toBe("cũ");
  });

  test("a protected workbook structure is refused before a sheet is added", async () => {
    const { excel, port } = open();
    excel.structureProtected = true;
    await port.snapshot();
    await expect(port.writeSheets([layout("status", "Trạng thái", [[text("x")]])])).rejects.toMatchObject({
      code: "protected",
      message: MESSAGES.protectedWorkbook,
    });
  });

  test("a sheet protected after the snapshot: Excel's AccessDenied becomes the Vietnamese message", async () => {
    const { excel, port } = open();
    await port.writeSheets([layout("status", "Trạng thái", [[text("cũ")]])]);
    await port.snapshot();
    excel.sheet("Trạng thái")!.protected = true;
    await expect(port.writeSheets([layout("status", "Trạng thái", [[text("mới")]])])).rejects.toMatchObject({
      code: "protected",
      message: MESSAGES.accessDenied,
    });
  });

  test("a sheet the clerk made after the snapshot, with our wanted name, is not written into", async () => {
    const { excel, port } = open();
    await port.snapshot();
    const clerks = new FakeSheet("Trạng thái");
    excel.put(clerks, "A1", "của người dùng");
    excel.sheets.push(clerks);
    await expect(port.writeSheets([layout("status", "Trạng thái", [[text("của Chỉ tiêu xã")]])])).rejects.toMatchObject({
      code: "not-owned",
    });
    expect(excel.cell("Trạng thái", "A1")).toBe("của người dùng");
  });
});

describe("Office.js adapter: Excel's errors in Vietnamese", () => {
  test.each([
    ["InvalidOperationInCellEditMode", "busy", MESSAGES.cellEditMode],
    ["AccessDenied", "protected", MESSAGES.accessDenied],
    ["ApiNotFound", "unsupported", MESSAGES.unsupported],
    ["InactiveWorkbook", "busy", MESSAGES.inactive],
    ["Conflict", "busy", MESSAGES.conflict],
    ["RequestAborted", "busy", MESSAGES.aborted],
    ["ResponsePayloadSizeLimitExceeded", "other", MESSAGES.tooLarge("ResponsePayloadSizeLimitExceeded")],
    ["GeneralException", "other", MESSAGES.other("GeneralException", "GeneralException (fake)")],
  ])("%s → %s", async (code, kind, message) => {
    const { excel, port } = open();
    excel.failNextSync(code);
    const error = await port.snapshot().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: kind, message });
    expect((error as WorkbookError).message).not.toMatch(/at \w+ \(/); // no stack trace in what the clerk reads
  });

  test("the cell-edit message says what to press", () => {
    expect(MESSAGES.cellEditMode).toContain("Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc rồi thử lại");
    expect(MESSAGES.protectedSheet("X")).toContain("đang được bảo vệ — hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại");
  });

  test("AccessDenied on a workbook Excel reported read-only says so", async () => {
    const { excel, port } = open();
    excel.readOnly = true;
    await port.snapshot();
    excel.failNextSync("AccessDenied");
    await expect(port.writeSheets([layout("status", "Trạng thái", [[text("x")]])])).rejects.toMatchObject({
      code: "read-only",
      message: MESSAGES.readOnly,
    });
  });

  test("ItemNotFound names the sheet asked for", async () => {
    const { port } = open();
    await expect(port.readRanges([{ sheet: "Đã xóa", top: 1, left: 1, bottom: 1, right: 1 }])).rejects.toMatchObject({
      code: "not-found",
      message: MESSAGES.noSuchSheet(["Đã xóa"]),
    });
  });

  test("a bug of ours is not dressed up as an Excel error", async () => {
    const port = new OfficeWorkbook(async () => {
      throw new TypeError("x is undefined");
    });
    await expect(port.snapshot()).rejects.toBeInstanceOf(TypeError);
  });
});

describe("Office.js adapter: requirement sets", () => {
  test("an Excel without ExcelApi 1.4 gets a message naming the Excel it needs", () => {
    const message = checkRequirements((_name, version) => version === "1.1");
    expect(message).toMatch(/ExcelApi 1\.4/);
    expect(message).toMatch(/Excel 2019/);
    expect(message).toMatch(/Microsoft 365/);
    expect(checkRequirements((name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= 8)).toBeUndefined();
  });

  test("later sets missing become notes of what will not be done", () => {
    const notes = featureNotes((_name, version) => Number(version.split(".")[1]) <= 8);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/ExcelApi 1\.9.*khổ giấy A4/);
  });

  test("the adapter refuses on ExcelApi 1.3 without a round trip", async () => {
    const { excel, port } = open(SUITE_FIXTURE, "1.3");
    await expect(port.snapshot()).rejects.toMatchObject({ code: "unsupported" });
    expect(excel.syncCount).toBe(0);
  });
});

describe("the recording fake behaves like Excel where the adapter depends on it", () => {
  test("a property read without load() and sync() throws", async () => {
    const excel = new FakeExcel(SUITE_FIXTURE);
    await expect(
      excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("Số liệu").getRange("A1");
        range.load("values");
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a member above the Excel's set fails its sync with ApiNotFound, what came before it done (as Excel does)", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "A", cells: { A1: "cũ" } }] });
    excel.apiVersion = "1.6";
    const error = await excel
      .run(async (ctx) => {
        const all = ctx.workbook.worksheets.getItem("A").getRange();
        all.clear("All");
        all.format.useStandardWidth = true; // ExcelApi 1.7, ungated: what the adapter once did on every rewrite
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "ApiNotFound",
      message: expect.stringMatching(/Excel\.RangeFormat\.useStandardWidth needs ExcelApi 1\.7/),
    });
    expect(excel.cell("A", "A1")).toBeNull(); // the sheet was cleared before the refusal
    excel.apiVersion = "1.7";
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange().format.useStandardWidth = true;
      await ctx.sync();
    });
  });

  test("a load path above the Excel's set fails its sync too", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "A" }] });
    excel.apiVersion = "1.6";
    const load = excel.run(async (ctx) => {
      ctx.workbook.names.load("items/name,items/formula");
      await ctx.sync();
    });
    await expect(load).rejects.toMatchObject({
      code: "ApiNotFound",
      message: expect.stringMatching(/Excel\.NamedItem\.formula needs ExcelApi 1\.7/),
    });
  });

  test("commands queued and never synced are an error", async () => {
    const excel = new FakeExcel(SUITE_FIXTURE);
    await expect(excel.run(async (ctx) => void (ctx.workbook.worksheets.getItem("Số liệu").getRange("A1").values = [[1]]))).rejects.toThrow(
      /never synced/,
    );
  });

  test("text typed without an apostrophe becomes what Excel makes of it", async () => {
    const excel = new FakeExcel(SUITE_FIXTURE);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:C1").values = [["3.2", "=42", "TRUE"]];
      await ctx.sync();
    });
    expect([excel.cell("Data", "A1"), excel.cell("Data", "B1"), excel.cell("Data", "C1")]).toEqual([3.2, 42, true]);
    expect(excel.formulaAt("Data", "B1")).toBe("42");
  });
});

describe("Office.js adapter: formula cells (a verdict typed over our formula)", () => {
  /** Our sheet of `rows` rows, each with a verdict formula in column B. */
  const verdicts = (rows: number) =>
    layout(
      "status",
      "Trạng thái",
      Array.from({ length: rows }, (_, i) => [text(`1.${i + 1}`), { value: "Đạt", formula: `IF(A${i + 1}<>"","Đạt","")` }]),
    );

  test("read with our sheet's values, in the same syncs: formulaCells then costs no round trip, however long the sheet", async () => {
    const { excel, port } = open();
    await port.writeSheets([verdicts(1200)]);
    await port.snapshot();
    excel.resetLog();
    const rows = await port.readSheet("Trạng thái");
    expect(rows).toHaveLength(1200);
    const syncs = excel.syncCount;
    expect(syncs).toBeGreaterThanOrEqual(2); // past the first block: read in bands
    const cells = await port.formulaCells("Trạng thái");
    expect(excel.syncCount).toBe(syncs);
    expect(cells.size).toBe(1200);
    expect(cells.has("B1") && cells.has("B1200") && !cells.has("A1")).toBe(true);
  });

  test("without a read first, one round trip for a short sheet; a clerk's sheet is read without its formulas", async () => {
    const { excel, port } = open();
    await port.writeSheets([verdicts(3)]);
    await port.snapshot();
    excel.resetLog();
    expect([...(await port.formulaCells("Trạng thái"))].sort()).toEqual(["B1", "B2", "B3"]);
    expect(excel.syncCount).toBe(1);
    await port.readSheet("Số liệu");
    excel.resetLog();
    expect([...(await port.formulaCells("Số liệu"))]).toEqual([]);
    expect(excel.syncCount).toBe(1);
  });

  test("a value typed after the read is seen after the next snapshot, never from the old read", async () => {
    const { excel, port } = open();
    await port.writeSheets([verdicts(3)]);
    await port.snapshot();
    await port.readSheet("Trạng thái");
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Trạng thái").getRange("B2").values = [["Đạt"]];
      await ctx.sync();
    });
    await port.snapshot();
    expect([...(await port.formulaCells("Trạng thái"))].sort()).toEqual(["B1", "B3"]);
  });

  test("Excel's failure is a WorkbookError the clerk can act on, not an empty answer", async () => {
    const { excel, port } = open();
    await port.writeSheets([verdicts(3)]);
    await port.snapshot();
    excel.failNextSync("InvalidOperationInCellEditMode");
    const failed = port.formulaCells("Trạng thái");
    await expect(failed).rejects.toThrow(WorkbookError);
    await expect(failed).rejects.toMatchObject({ code: "busy" });
  });
});
