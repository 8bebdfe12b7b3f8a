import type { WorkbookPort } from "../../../workbook/port";
import { T } from "../../strings";

/**
 * The port with each request reported as a step "(i/n)": the app layer's evaluate and check say
 * nothing while they work, and a write or a check takes seconds on a large workbook. n is known after
 * the first read (the workbook's sheets); each step fills the bar a little, never to the end.
 */
export function progressPort(port: WorkbookPort, report: (label: string, value: number) => void, extraSteps: number): WorkbookPort {
  let done = 0;
  let total = 1 + extraSteps;
  const step = (label: (i: number, n: number) => string) => {
    done++;
    total = Math.max(total, done + 1);
    report(label(done, total), Math.min(0.95, done / total));
  };
  const wrapped: WorkbookPort = {
    snapshot: async () => {
      const snap = await port.snapshot();
      total = Math.max(total, 1 + extraSteps + snap.sheets.filter((s) => s.visibility === "visible").length);
      step(T.stepNames);
      return snap;
    },
    readRanges: async (ranges) => {
      const out = await port.readRanges(ranges);
      step(T.stepCells);
      return out;
    },
    readSheet: async (sheet) => {
      const out = await port.readSheet(sheet);
      step((i, n) => T.stepSheet(sheet, i, n));
      return out;
    },
    writeSheets: async (sheets, mappingText) => {
      report(T.stepWriting(sheets.length, done + 1, total), Math.min(0.95, (done + 0.5) / total));
      const out = await port.writeSheets(sheets, mappingText);
      step(T.stepWritten);
      return out;
    },
  };
  if (port.formulaCells) {
    const formulaCells = port.formulaCells.bind(port);
    wrapped.formulaCells = async (sheet) => {
      const out = await formulaCells(sheet);
      step((i, n) => T.stepSheet(sheet, i, n));
      return out;
    };
  }
  return wrapped;
}
