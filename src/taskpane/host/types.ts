import type { Ruleset } from "../../core/ruleset/schema";
import type { WorkbookPort } from "../../workbook/port";

/**
 * One workbook the pane works on: the live one in Excel, or an .xlsx opened from disk. The pane calls
 * the port through the app layer and the optional abilities below; it never asks which host it is on.
 */
export type WorkbookSession = {
  /** Shown in the header: the file name, or "Sổ tính đang mở trong Excel". */
  title: string;
  port: WorkbookPort;
  /** Selects a cell or name in Excel (activates its sheet). Absent outside Excel. */
  select?: (ref: string) => Promise<void>;
  /** The reference of the cell selected in Excel ("'Số liệu'!B7"). Absent outside Excel. */
  selectedCell?: () => Promise<string>;
  /** Saves the workbook with what was written as a download; returns the file name. Absent in Excel. */
  download?: () => Promise<string>;
  /** What the last write could not do on this host (a read-only file, a missing API set), in Vietnamese. */
  notes?: () => readonly string[];
};

export type TemplateOptions = { commune?: string | undefined; asOf?: string | undefined };

/** What happened to a template workbook handed to the clerk. */
export type TemplateOutcome =
  { kind: "opened-in-excel" } | { kind: "downloaded"; fileName: string } | { kind: "session"; session: WorkbookSession };

/** Where the pane runs, and what it can do there. Built by index.tsx; tests build their own. */
export type Shell = {
  mode: "office" | "standalone";
  /** In Excel, the live workbook; standalone, none until a file is opened. */
  initial?: WorkbookSession;
  /** Standalone: opens an .xlsx the clerk chose. Nothing is uploaded. */
  openFile?: (file: File) => Promise<WorkbookSession>;
  /** A blank input workbook for a ruleset (the ExcelJS chunk loads on first use). */
  makeTemplate: (ruleset: Ruleset, opts: TemplateOptions) => Promise<Uint8Array>;
  /** Hands the template to the clerk: a new workbook in Excel, a download, or the working file. */
  offerTemplate: (bytes: Uint8Array, fileName: string) => Promise<TemplateOutcome>;
  /** Opens .xlsx bytes as a new workbook window in Excel (ExcelApi 1.8). Absent where Excel cannot, and outside Excel. */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** Said once at the top: why the page runs standalone, or what the clerk's Excel lacks. */
  notice?: { intent: "info" | "warning"; text: string };
};
