/*
 * The report model (src/core/report) as a Word document, with the `docx` package, in Node and in the
 * browser alike. This file translates; every wording and layout decision is made in the core.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  textWidthMm,
  type Align,
  type Cell,
  type Paragraph as ModelParagraph,
  type ReportDocument,
  type Rule,
  type Run,
} from "../core/report/model";

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

/** Twentieths of a point, rounded to the nearest (the package's own conversion truncates: 10 mm would be 566). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Word counts font sizes and spacing in half-points and twentieths of a point. */
const halfPoints = (pt: number) => Math.round(pt * 2);
const pointTwips = (pt: number) => Math.round(pt * 20);

const INDENT_MM = 10;
const VIETNAMESE = { value: "vi-VN" };

function textRun(run: Run, doc: ReportDocument): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold ?? false,
    italics: run.italic ?? false,
    size: halfPoints(run.sizePt ?? doc.bodySizePt),
    font: doc.font,
    language: VIETNAMESE,
    ...(run.toFill ? { highlight: "yellow" as const } : {}),
  });
}

function paragraph(p: ModelParagraph, doc: ReportDocument): Paragraph {
  return new Paragraph({
    children: p.runs.map((r) => textRun(r, doc)),
    alignment: ALIGN[p.align ?? "left"],
    spacing: {
      before: pointTwips(p.spaceBeforePt ?? 0),
      after: pointTwips(p.spaceAfterPt ?? 0),
      line: Math.round(240 * doc.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    ...(p.indent ? { indent: { firstLine: twip(INDENT_MM) } } : {}),
    ...(p.keepNext ? { keepNext: true } : {}),
  });
}

/** A line `widthMm` long, centred in a container `containerMm` wide: an empty paragraph with a top border, indented from both sides. */
function rule(r: Rule, containerMm: number, doc: ReportDocument): Paragraph {
  const side = Math.max(0, (containerMm - r.widthMm) / 2);
  return new Paragraph({
    children: [new TextRun({ text: "", size: 4, font: doc.font })],
    indent: { left: twip(side), right: twip(side) },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

function cellContent(c: Cell, containerMm: number, doc: ReportDocument): Paragraph {
  return c.type === "rule" ? rule(c, containerMm, doc) : paragraph(c, doc);
}

function columns(block: Extract<ReportDocument["blocks"][number], { type: "columns" }>, doc: ReportDocument): Table {
  const widths = block.columns.map((c) => twip(c.widthMm));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: block.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              children: c.blocks.length > 0 ? c.blocks.map((b) => cellContent(b, c.widthMm, doc)) : [new Paragraph({})],
            }),
        ),
      }),
    ],
  });
}

/** The document object, for writers that want it. */
export function reportToDocument(doc: ReportDocument): Document {
  const width = textWidthMm(doc.page);
  const children = doc.blocks.map((b) =>
    b.type === "columns" ? columns(b, doc) : b.type === "rule" ? rule(b, width, doc) : paragraph(b, doc),
  );
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: doc.font, size: halfPoints(doc.bodySizePt) })],
  });
  return new Document({
    title: doc.title,
    creator: "Chỉ tiêu xã",
    styles: { default: { document: { run: { font: doc.font, size: halfPoints(doc.bodySizePt), language: VIETNAMESE } } } },
    sections: [
      {
        properties: {
          titlePage: doc.pageNumbers,
          page: {
            size: { width: twip(doc.page.widthMm), height: twip(doc.page.heightMm) },
            margin: {
              top: twip(doc.page.margins.top),
              bottom: twip(doc.page.margins.bottom),
              left: twip(doc.page.margins.left),
              right: twip(doc.page.margins.right),
              header: twip(10),
              footer: twip(10),
            },
          },
        },
        // Nghị định 30/2020: page numbers at the top centre, not on the first page.
        headers: doc.pageNumbers
          ? { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({})] }) }
          : {},
        children,
      },
    ],
  });
}

/**
 * The .docx file's bytes. Through base64, which every runtime decodes (Node's Buffer is not in
 * browsers, and some embedded browsers' Blob has no arrayBuffer()), so one writer serves both.
 */
export async function reportToDocx(doc: ReportDocument): Promise<Uint8Array> {
  const b64 = await Packer.toBase64String(reportToDocument(doc));
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
