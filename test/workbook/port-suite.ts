/*
 * One suite every adapter of the workbook port must pass (the in-memory fake, the .xlsx adapter,
 * the Office.js adapter over its recording fake): the same fixture, the same expectations.
 */
import type { SheetLayout } from "../../src/core/layout/sheet";
import type { RawCell } from "../../src/core/text/cell";
import { OWNER_NAME, WorkbookError, type WorkbookPort } from "../../src/workbook/port";
import { ALL, expectedRendering, type Rendering, type RenderLimits } from "./rendering";

export const SUITE_SHEETS = ["Số liệu", "Thôn A", "Data"] as const;

/** The fixture every adapter is built from. Cells are A1 → value; names as stored in workbook.xml. */
export const SUITE_FIXTURE = {
  sheets: [
    {
      name: "Số liệu",
      cells: {
        A1: "Dân số từ 15 tuổi trở lên",
        B1: 3986,
        B2: "3.986",
        B4: true,
        B5: new Date(Date.UTC(2024, 5, 30)),
        B6: { error: "#REF!" },
        B7: 0.586,
        C1: "Hòa Bình",
      } as Record<string, RawCell>,
    },
    { name: "Thôn A", cells: { A1: "Thôn A", B2: 42 } as Record<string, RawCell> },
    { name: "Data", cells: { A1: "Ghi chú của người dùng" } as Record<string, RawCell> },
  ],
  names: [
    { name: "dan_so", formula: "'Số liệu'!$B$1" },
    { name: "dan_so", scope: "Thôn A" as const, formula: "'Số liệu'!$B$2" },
    { name: "ho_gd", scope: "Data" as const, formula: "'Số liệu'!$B$3" },
    { name: "ten_loi", formula: "#REF!" },
    { name: "nam_bao_cao", formula: "2024" },
  ],
};

export type Opened = {
  port: WorkbookPort;
  reopen: () => Promise<WorkbookPort>;
  /** How a written sheet looks, read back from the adapter's own storage. */
  render: (sheet: string, layout: SheetLayout) => Promise<Rendering>;
  /** What this host can do (an Excel without a set does less); everything when absent. */
  limits?: RenderLimits;
  /** What the adapter told the clerk it left undone in its last write. */
  notes?: () => readonly string[];
  /** The clerk types a value into a cell (over its formula, if any); the port then sees the workbook so. */
  typeInto: (sheet: string, a1: string, value: string) => Promise<WorkbookPort>;
};

/**
 * The sheet the rendering check writes: a title merged across, a header row frozen and repeated on
 * every printed page, numbers with their formats, a formula, and verdicts that are formulas with a
 * conditional format per verdict text (as the status sheet has).
 */
export const RENDER_SPEC: SheetLayout = {
  key: "status",
  name: "Trạng thái chỉ tiêu",
  rows: [
    [{ value: "Đánh giá chỉ tiêu xã Minh Tân", style: "title" }],
    [
      { value: "Mã", style: "header" },
      { value: "Số liệu", style: "header" },
      { value: "Tỷ lệ", style: "header" },
      { value: "Kết luận", style: "header" },
    ],
    [
      { value: "1.1", style: "text" },
      { value: 3986, style: "integer" },
      { value: 0.586, style: "percent" },
      { value: "Đạt", formula: 'IF(C3>=0.5,"Đạt","Không đạt")', style: "verdict-dat" },
    ],
    [
      { value: "1.2", style: "text" },
      { value: 12, style: "integer" },
      { value: 0.25, style: "percent" },
      { value: "Không đạt", formula: 'IF(C4>=0.5,"Đạt","Không đạt")', style: "verdict-khong-dat" },
    ],
    [
      { value: "1.3", style: "text" },
      { value: null, style: "integer" },
      { value: null, style: "percent" },
      { value: "Thiếu số liệu", style: "verdict-thieu-so-lieu" },
    ],
    [{ value: "Tổng", style: "summary" }, { value: 3998, formula: "SUM(B3:B5)", style: "integer" }, null, null],
  ],
  columns: [8, 30, 14, 16],
  merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
  print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 2, last: 2 } },
  freezeRows: 2,
  conditionalFormats: [
    { top: 3, left: 4, bottom: 5, right: 4, equals: "Đạt", style: "verdict-dat" },
    { top: 3, left: 4, bottom: 5, right: 4, equals: "Không đạt", style: "verdict-khong-dat" },
    { top: 3, left: 4, bottom: 5, right: 4, equals: "Thiếu số liệu", style: "verdict-thieu-so-lieu" },
  ],
  visibility: "visible",
};

function layout(key: string, name: string, values: Array<Array<string | number>>): SheetLayout {
  return {
    key,
    name,
    rows: values.map((r) => r.map((v) => ({ value: v }))),
    columns: [10, 20],
    merges: [],
    visibility: "visible",
  };
}

/** The contract every workbook port keeps, run against each adapter (xlsx file, Office.js fake, …). */
export function testWorkbookPort(label: string, open: () => Promise<Opened>): void {
  describe(`workbook port: ${label}`, () => {
    readCases(open);
    writeCases(open);
    renderCases(open);
    nameCases(open);
  });
}

/** Snapshot and reads: sheets, names, values of each kind. */
function readCases(open: () => Promise<Opened>): void {
  test("lists the clerk's sheets in tab order, none marked as ours", async () => {
    const { port } = await open();
    const snap = await port.snapshot();
    expect(snap.sheets).toEqual(SUITE_SHEETS.map((name) => ({ name, visibility: "visible" })));
    expect(snap.mappingText).toBeUndefined();
  });

  test("lists names of both scopes, #REF! names and constants, the marker left out", async () => {
    const { port } = await open();
    const names = (await port.snapshot()).names;
    // Order is not part of the contract: Office.js lists workbook and sheet names apart.
    const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    const brief = names.map((n) => [n.name, n.scope, n.target.kind]);
    expect(sorted(brief)).toEqual(
      sorted([
        ["dan_so", null, "range"],
        ["dan_so", "Thôn A", "range"],
        ["ho_gd", "Data", "range"],
        ["ten_loi", null, "ref-error"],
        ["nam_bao_cao", null, "constant"],
      ]),
    );
    expect(names.some((n) => n.name === OWNER_NAME)).toBe(false);
  });

  test("reads several ranges of several sheets in one call, each value as its kind", async () => {
    const { port } = await open();
    const [block, other, far] = await port.readRanges([
      { sheet: "Số liệu", top: 1, left: 2, bottom: 7, right: 2 },
      { sheet: "Thôn A", top: 2, left: 2, bottom: 2, right: 2 },
      { sheet: "Số liệu", top: 100, left: 1, bottom: 100, right: 3 },
    ]);
    expect(block!.map((r) => r[0])).toEqual([3986, "3.986", null, true, new Date(Date.UTC(2024, 5, 30)), { error: "#REF!" }, 0.586]);
    expect(other).toEqual([[42]]);
    expect(far).toEqual([[null, null, null]]);
  });

  test("text comes back in NFC", async () => {
    const { port } = await open();
    const [[[c1]]] = (await port.readRanges([{ sheet: "Số liệu", top: 1, left: 3, bottom: 1, right: 3 }])) as RawCell[][][] as [
      [[RawCell]],
    ];
    expect(c1).toBe("Hòa Bình".normalize("NFC"));
  });

  test("reads a whole sheet from A1 to its last used cell, blanks as null", async () => {
    const { port } = await open();
    expect(await port.readSheet("Thôn A")).toEqual([
      ["Thôn A", null],
      [null, 42],
    ]);
    const data = await port.readSheet("Số liệu");
    expect(data).toHaveLength(7);
    expect(data[0]).toEqual(["Dân số từ 15 tuổi trở lên", 3986, "Hòa Bình"]);
    await expect(port.readSheet("Không có")).rejects.toThrow(WorkbookError);
  });

  test("a sheet that does not exist is a WorkbookError naming it", async () => {
    const { port } = await open();
    await expect(port.readRanges([{ sheet: "Không có", top: 1, left: 1, bottom: 1, right: 1 }])).rejects.toThrow(WorkbookError);
    await expect(port.readRanges([{ sheet: "Không có", top: 1, left: 1, bottom: 1, right: 1 }])).rejects.toThrow(/Không có/);
  });
}

/** Writes: our sheets and the mapping, replaced not duplicated, the clerk's sheets refused. */
function writeCases(open: () => Promise<Opened>): void {
  test("writes an owned sheet and the mapping, and reads both back", async () => {
    const { port, reopen } = await open();
    const mapping = JSON.stringify({ ruleset: "x", note: "ánh xạ ".repeat(3000) });
    const result = await port.writeSheets(
      [
        layout("status", "Trạng thái chỉ tiêu", [
          ["Mã", "Đánh giá"],
          ["3.2", "Không đạt"],
        ]),
      ],
      mapping,
    );
    expect(result.written).toEqual([
      { key: "status", name: "Trạng thái chỉ tiêu", replaced: false },
      { key: "mapping", name: "ChiTieuXa_AnhXa", replaced: false },
    ]);
    const again = await reopen();
    const snap = await again.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.owner])).toEqual([
      ["Số liệu", "visible", undefined],
      ["Thôn A", "visible", undefined],
      ["Data", "visible", undefined],
      ["Trạng thái chỉ tiêu", "visible", "status"],
      ["ChiTieuXa_AnhXa", "veryHidden", "mapping"],
    ]);
    expect(snap.mappingText).toBe(mapping);
    const [cells] = await again.readRanges([{ sheet: "Trạng thái chỉ tiêu", top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(cells).toEqual([
      ["Mã", "Đánh giá"],
      ["3.2", "Không đạt"],
    ]);
  });

  test("a second write replaces our sheet, leaving no old cell and no second copy", async () => {
    const { port, reopen } = await open();
    await port.writeSheets([
      layout("status", "Trạng thái chỉ tiêu", [
        ["cũ", "cũ"],
        ["cũ", "cũ"],
      ]),
    ]);
    const second = await port.writeSheets([layout("status", "Trạng thái chỉ tiêu", [["mới"]])]);
    expect(second.written[0]).toMatchObject({ replaced: true });
    const again = await reopen();
    expect((await again.snapshot()).sheets.filter((s) => s.owner === "status")).toHaveLength(1);
    const [cells] = await again.readRanges([{ sheet: "Trạng thái chỉ tiêu", top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(cells).toEqual([
      ["mới", null],
      [null, null],
    ]);
  });

  test("refuses to write over a clerk's sheet and changes nothing", async () => {
    const { port, reopen } = await open();
    await expect(port.writeSheets([layout("status", "Trạng thái", [["x"]]), layout("status2", "Data", [["y"]])])).rejects.toMatchObject({
      code: "not-owned",
    });
    const again = await reopen();
    expect((await again.snapshot()).sheets.map((s) => s.name)).toEqual([...SUITE_SHEETS]);
    const [[[a1]]] = (await again.readRanges([{ sheet: "Data", top: 1, left: 1, bottom: 1, right: 1 }])) as [[[RawCell]]];
    expect(a1).toBe("Ghi chú của người dùng");
  });
}

/** The look of a written sheet, and which of its cells still hold our formulas. */
function renderCases(open: () => Promise<Opened>): void {
  test("a sheet looks as its spec: values, formulas, number formats, verdict colours, widths, merges, frozen header, print setup", async () => {
    const opened = await open();
    await opened.port.writeSheets([RENDER_SPEC]);
    // Written twice: a re-run must give the same sheet, not a second set of colours.
    await opened.port.writeSheets([RENDER_SPEC]);
    const limits = opened.limits ?? ALL;
    expect(await opened.render(RENDER_SPEC.name, RENDER_SPEC)).toEqual(expectedRendering(RENDER_SPEC, limits));
    // What the host could not do is said once, in Vietnamese.
    const undone = Object.values(limits).filter((can) => !can).length;
    const notes = opened.notes?.() ?? [];
    expect(notes.filter((n) => /chưa có ExcelApi/.test(n))).toHaveLength(undone);
    expect(new Set(notes).size).toBe(notes.length);
  });

  test("tells the cells of our formulas from a value typed over one (a verdict typed by hand)", async () => {
    const opened = await open();
    await opened.port.writeSheets([RENDER_SPEC, layout("PL03", "Phụ lục 03", [["=SUM(1,2)", "+84 912"]])]);
    const port = await opened.reopen();
    await port.snapshot();
    expect(port.formulaCells).toBeDefined();
    const formulas = async (p: WorkbookPort, sheet: string) => [...(await p.formulaCells!(sheet))].sort();
    expect(await formulas(port, RENDER_SPEC.name)).toEqual(["B6", "D3", "D4"]);
    // Text that looks like a formula, the clerk's sheets, and a sheet that is not there: none.
    expect(await formulas(port, "Phụ lục 03")).toEqual([]);
    expect(await formulas(port, "Số liệu")).toEqual([]);
    expect(await formulas(port, "Không có")).toEqual([]);

    const typed = await opened.typeInto(RENDER_SPEC.name, "D3", "Đạt");
    await typed.snapshot();
    // Read as the check reads it: the sheet's values, then its formulas.
    expect((await typed.readSheet(RENDER_SPEC.name))[2]![3]).toBe("Đạt");
    expect(await formulas(typed, RENDER_SPEC.name)).toEqual(["B6", "D4"]);
    expect(await formulas(typed, RENDER_SPEC.name.toLocaleUpperCase("vi"))).toEqual(["B6", "D4"]);
  });
}

/** Names added for accepted proposals, and text that must stay text. */
function nameCases(open: () => Promise<Opened>): void {
  test("adds a workbook-scoped name for a cell, kept after reopening; refuses a name Excel refuses or one the workbook has", async () => {
    const { port, reopen } = await open();
    await port.addName!("dan_so_18", "'Số liệu'!B7");
    const added = (await (await reopen()).snapshot()).names.find((n) => n.name === "dan_so_18");
    expect(added).toMatchObject({
      scope: null,
      target: { kind: "range", range: { sheet: "Số liệu", top: 7, left: 2, bottom: 7, right: 2 } },
    });
    for (const bad of ["B6", "có dấu cách", "1abc", "DAN_SO", "dan_so_18"])
      await expect(port.addName!(bad, "'Số liệu'!B8")).rejects.toBeInstanceOf(WorkbookError);
    expect(
      (await port.snapshot()).names
        .filter((n) => n.scope === null)
        .map((n) => n.name)
        .sort(),
    ).toEqual(["dan_so", "dan_so_18", "nam_bao_cao", "ten_loi"]);
  });

  test("text that looks like a formula is written as text", async () => {
    const { port, reopen } = await open();
    await port.writeSheets([layout("PL03", "Phụ lục 03", [["=SUM(1,2)", "+84 912", "-x", "@a"]])]);
    const again = await reopen();
    const [cells] = await again.readRanges([{ sheet: "Phụ lục 03", top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(cells).toEqual([["=SUM(1,2)", "+84 912", "-x", "@a"]]);
  });
}
