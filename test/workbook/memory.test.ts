import { cellRef } from "../../src/core/ref/a1";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { SUITE_FIXTURE, testWorkbookPort } from "./port-suite";
import { expectedRendering, type RenderedCell } from "./rendering";

testWorkbookPort("in-memory fake", async () => {
  const port = new MemoryWorkbook(SUITE_FIXTURE);
  return {
    port,
    reopen: async () => port,
    // The in-memory workbook keeps cells and formulas; how the sheet looks is the layout it was given.
    render: async (name) => {
      const sheet = port.sheets.find((s) => s.name === name)!;
      const cells: Record<string, RenderedCell> = {};
      sheet.layout!.rows.forEach((row, r) =>
        row.forEach((_c, col) => {
          const ref = cellRef(r + 1, col + 1);
          const formula = sheet.formulas.get(ref);
          const value = sheet.cells.get(ref);
          const out: RenderedCell = formula !== undefined ? { formula } : value !== undefined && value !== null && value !== "" ? { value } : {};
          const fmt = expectedRendering(sheet.layout!).cells[ref]?.numFmt;
          if (fmt) out.numFmt = fmt;
          if (Object.keys(out).length > 0) cells[ref] = out;
        }),
      );
      return { ...expectedRendering(sheet.layout!), cells };
    },
  };
});
