/*
 * A report as plain data — paragraphs, runs, two-column layout blocks — so the wording and layout are
 * decided here, in the pure core, and a writer (src/report/docx.ts) only translates them to a file.
 */

export type Run = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; the document's body size when absent. */
  sizePt?: number;
  /**
   * A place for the clerk to write or a figure to supply before signing: shown highlighted, so it
   * cannot be mistaken for finished text.
   */
  toFill?: boolean;
};

export type Align = "left" | "center" | "right" | "justify";

export type Paragraph = {
  type: "paragraph";
  runs: Run[];
  align?: Align;
  /** The body's first-line indent (1 cm). */
  indent?: boolean;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** Keep with the next paragraph (headings). */
  keepNext?: boolean;
};

/** A centred horizontal line under a heading block, `widthMm` long (the lines under the issuer, the motto and the title). */
export type Rule = { type: "rule"; widthMm: number };

export type Cell = Paragraph | Rule;

/** Side-by-side blocks without borders: the header (issuer | motto) and the end (Nơi nhận | signature). */
export type Columns = { type: "columns"; columns: Array<{ widthMm: number; blocks: Cell[] }> };

export type Block = Paragraph | Rule | Columns;

export type PageSetup = {
  widthMm: number;
  heightMm: number;
  margins: { top: number; bottom: number; left: number; right: number };
};

export type ReportDocument = {
  /** The document's title property (file properties). */
  title: string;
  page: PageSetup;
  font: string;
  bodySizePt: number;
  /** Line spacing as a multiple of single. */
  lineSpacing: number;
  /** Page numbers at the top centre from the second page on. */
  pageNumbers: boolean;
  blocks: Block[];
};

/** The width the text runs in. */
export function textWidthMm(page: PageSetup): number {
  return page.widthMm - page.margins.left - page.margins.right;
}

/** Every paragraph's text in order, columns left to right: what a reader of the document sees, for tests and previews. */
export function documentLines(doc: ReportDocument): string[] {
  const lines: string[] = [];
  const visit = (b: Block): void => {
    if (b.type === "paragraph") lines.push(b.runs.map((r) => r.text).join(""));
    else if (b.type === "columns") for (const c of b.columns) c.blocks.forEach(visit);
  };
  doc.blocks.forEach(visit);
  return lines;
}
