import { cellRef } from "../../src/core/ref/a1";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { SUITE_FIXTURE, testWorkbookPort } from "./port-suite";
import { expectedRendering, type RenderedCell } from "./rendering";

testWorkbookPort("in-memory fake", async () => {
  const port = new MemoryWorkbook(SUITE_FIXTURE);
  return {
    port,
    reopen: async () => port,
    typeInto: async (sheet, a1, value) => {
      port.type(sheet, a1, value);
      return port;
    },
    // The in-memory workbook keeps cells and formulas; how the sheet looks is the layout it was given.
    render: async (name) => {
      const sheet = port.sheets.find((s) => s.name === name)!;
      const cells: Record<string, RenderedCell> = {};
      sheet.layout!.rows.forEach((row, r) =>
        row.forEach((_c, col) => {
          const ref = cellRef(r + 1, col + 1);
          const formula = sheet.formulas.get(ref);
          const value = sheet.cells.get(ref);
          const out: RenderedCell =
            formula !== undefined ? { formula } : value !== undefined && value !== null && value !== "" ? { value } : {};
          const fmt = expectedRendering(sheet.layout!).cells[ref]?.numFmt;
          if (fmt) out.numFmt = fmt;
          if (Object.keys(out).length > 0) cells[ref] = out;
        }),
      );
      return { ...expectedRendering(sheet.layout!), cells };
    },
  };
});

test("formula cells are counted as Office.js costs them: free after reading our sheet since the snapshot, else a round trip", async () => {
  const port = new MemoryWorkbook(SUITE_FIXTURE);
  await port.writeSheets([
    { key: "status", name: "Trạng thái", rows: [[{ value: "Đạt", formula: '"Đạt"' }]], columns: [10], merges: [], visibility: "visible" },
  ]);
  // Right after the write nothing is known to be ours (Office.js learns it again): a round trip.
  port.roundTrips = 0;
  await port.readSheet("Trạng thái");
  expect([...(await port.formulaCells("Trạng thái"))]).toEqual(["A1"]);
  expect(port.roundTrips).toBe(2);
  await port.snapshot();
  port.roundTrips = 0;
  await port.readSheet("Trạng thái");
  await port.formulaCells("Trạng thái");
  expect(port.roundTrips).toBe(1);
  port.type("Trạng thái", "A1", "Không đạt");
  expect([...(await port.formulaCells("Trạng thái"))]).toEqual([]);
  expect(port.cell("Trạng thái", "A1")).toBe("Không đạt");
  expect(() => port.type("Không có", "A1", 1)).toThrow(/Không có/);
});
