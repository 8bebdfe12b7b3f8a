/*
 * The subset of the Excel API the Office.js adapter uses, as structural types. Each interface is
 * named Xl + the Excel type it stands for (XlRangeFormat is Excel.RangeFormat), so the API contract
 * test (test/workbook/office-contract.test.ts) can look every member the adapter touches up in the
 * table of requirement sets. The real Excel.RequestContext satisfies them (the adapter test checks
 * that Excel.run fits OfficeRun); the recording fake in test/workbook/office-fake.ts implements
 * exactly these and nothing more.
 */

export interface XlLoadable {
  load(propertyNames: string): unknown;
}
export interface XlNullable {
  readonly isNullObject: boolean;
}
export type XlBorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

export interface XlRangeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}
export interface XlRangeFill {
  color: string;
}
export interface XlRangeBorder {
  style: string;
  weight: string;
  color: string;
}
export interface XlRangeBorderCollection {
  getItem(index: XlBorderEdge): XlRangeBorder;
}
export interface XlRangeFormat {
  readonly font: XlRangeFont;
  readonly fill: XlRangeFill;
  readonly borders: XlRangeBorderCollection;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
  /** ExcelApi 1.7. */
  useStandardWidth: boolean;
  /** ExcelApi 1.7. */
  useStandardHeight: boolean;
}

/* Conditional formats: ExcelApi 1.6, every one of them. */
export interface XlConditionalRangeFont {
  bold: boolean;
  color: string;
}
export interface XlConditionalRangeFill {
  color: string;
}
export interface XlConditionalRangeFormat {
  readonly font: XlConditionalRangeFont;
  readonly fill: XlConditionalRangeFill;
}
export interface XlCellValueConditionalFormat {
  readonly format: XlConditionalRangeFormat;
  rule: { formula1: string; operator: string };
}
export interface XlConditionalFormat {
  readonly cellValue: XlCellValueConditionalFormat;
}
export interface XlConditionalFormatCollection {
  add(type: "CellValue"): XlConditionalFormat;
  clearAll(): void;
}

export interface XlRange extends XlLoadable, XlNullable {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: string[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  columnHidden: boolean;
  rowHidden: boolean;
  readonly format: XlRangeFormat;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: XlConditionalFormatCollection;
  readonly worksheet: XlWorksheet;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: "All"): void;
  select(): void;
  getIntersectionOrNullObject(anotherRange: string): XlRange;
}
export interface XlNamedItem extends XlLoadable {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  /** ExcelApi 1.7. */
  readonly formula: unknown;
  visible: boolean;
  getRangeOrNullObject(): XlRange;
}
export interface XlNamedItemCollection extends XlLoadable {
  readonly items: XlNamedItem[];
  add(name: string, reference: string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}
export interface XlPageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}
export interface XlHeaderFooter {
  centerFooter: string;
}
export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: XlPageLayoutZoomOptions;
  setPrintTitleRows(printTitleRows: string): void;
  readonly headersFooters: XlHeaderFooterGroup;
}
export interface XlWorksheetFreezePanes {
  freezeRows(count?: number): void;
  unfreeze(): void;
}
export interface XlWorksheetProtection extends XlLoadable {
  readonly protected: boolean;
}
export interface XlWorkbookProtection extends XlLoadable {
  readonly protected: boolean;
}
export interface XlWorksheet extends XlLoadable, XlNullable {
  readonly name: string;
  visibility: string;
  readonly names: XlNamedItemCollection;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.7. */
  readonly freezePanes: XlWorksheetFreezePanes;
  activate(): void;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
}
export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
}
export interface XlWorkbook extends XlLoadable {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.7. */
  readonly protection: XlWorkbookProtection;
  /** ExcelApi 1.8. */
  readonly readOnly: boolean;
  getSelectedRange(): XlRange;
}
export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}
export type XlContext = XlRequestContext;

/** Excel.run, or a fake of it. */
export type OfficeRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
