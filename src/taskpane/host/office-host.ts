/*
 * The pane inside Excel: the live workbook through the Office.js adapter, selection in both
 * directions, and the template or the roll-up opened as a new workbook where Excel can (ExcelApi 1.8).
 */
import { OfficeWorkbook, type OfficeRun } from "../../workbook/office/adapter";
import { checkRequirements, featureNotes } from "../../workbook/office/requirements";
import { saveBytes, type BrowserDeps } from "./file-host";
import { makeTemplateLazily } from "./template";
import type { Shell, TemplateOutcome } from "./types";

/** The part of the Office and Excel globals the shell uses, passed in rather than read from globals. */
export type OfficeDeps = {
  run: OfficeRun;
  isSetSupported: (set: string, version: string) => boolean;
  /** Excel.createWorkbook (ExcelApi 1.8): opens a new workbook window from .xlsx bytes in base64. */
  createWorkbook?: (base64: string) => Promise<void>;
  browser: BrowserDeps;
};

/** Bytes to base64 without one huge argument list. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function supports(deps: OfficeDeps, version: string): boolean {
  try {
    return deps.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function officeShell(deps: OfficeDeps): Shell {
  const port = new OfficeWorkbook(deps.run, { isSetSupported: deps.isSetSupported });
  const missing = checkRequirements(deps.isSetSupported);
  const notes = featureNotes(deps.isSetSupported);
  const create = deps.createWorkbook;
  const openWorkbook = create !== undefined && supports(deps, "1.8") ? (bytes: Uint8Array) => create(toBase64(bytes)) : undefined;
  return {
    mode: "office",
    initial: {
      title: "Sổ tính đang mở trong Excel",
      port,
      select: (ref) => port.select(ref),
      selectedCell: () => port.selectedCell(),
      notes: () => port.notes,
    },
    makeTemplate: makeTemplateLazily,
    ...(openWorkbook ? { openWorkbook } : {}),
    offerTemplate: async (bytes, fileName): Promise<TemplateOutcome> => {
      if (openWorkbook) {
        await openWorkbook(bytes);
        return { kind: "opened-in-excel" };
      }
      saveBytes(deps.browser, bytes, fileName);
      return { kind: "downloaded", fileName };
    },
    ...(missing !== undefined
      ? { notice: { intent: "warning" as const, text: missing } }
      : notes.length > 0
        ? { notice: { intent: "info" as const, text: notes.join(" ") } }
        : {}),
  };
}

/** The shell on the real globals, once Office.onReady reported Excel. */
export function officeShellFromGlobals(browser: BrowserDeps): Shell {
  const isSetSupported = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
  return officeShell({
    run: (batch) => Excel.run(batch),
    isSetSupported,
    // Excel.createWorkbook is ExcelApi 1.8: offered only where Excel has it (the API contract test checks the gate).
    ...(isSetSupported("ExcelApi", "1.8") ? { createWorkbook: (base64: string) => Excel.createWorkbook(base64) } : {}),
    browser,
  });
}
