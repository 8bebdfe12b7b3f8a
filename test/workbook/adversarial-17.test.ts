/*
 * Issue 17's generated inputs K, M, N (and an attribute holding "/>"): legal XML in the clerk's
 * parts that the old regular expressions misread. Each asserts the write succeeds, every reader
 * sees what we wrote, and the clerk's bytes we did not mean to change are unchanged.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetLayout } from "../../src/core/layout/sheet";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { attribute, elements } from "../../src/workbook/xlsx/xml-tokens";

const OUR: SheetLayout = {
  key: "status",
  name: "Trạng thái chỉ tiêu",
  rows: [
    [{ value: "Số", style: "header" }],
    [{ value: 12.5, style: "decimal" }],
    [{ value: 0.5, style: "percent" }],
    [{ value: 1200, style: "integer" }],
  ],
  columns: [14],
  merges: [],
  visibility: "visible",
};

const BIRTH = new Date(Date.UTC(1970, 7, 11));

/** A clerk's workbook: birth dates formatted dd/mm/yyyy, a count with a conditional format code, one name. */
async function clerkBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dân cư");
  ws.getCell("B1").value = 1234;
  ws.getCell("B1").numFmt = '[>=1000]#,##0" người";[$-42A]0';
  ws.getCell("A1").value = BIRTH;
  ws.getCell("A1").numFmt = "dd/mm/yyyy";
  wb.definedNames.add("'Dân cư'!$B$1", "co_dttm");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The clerk's package with some parts rewritten as another producer (or a person) might write them. */
async function mutated(edit: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await clerkBytes());
  for (const [part, f] of Object.entries(edit)) {
    const before = await zip.file(part)!.async("string");
    const after = f(before);
    if (after === before) throw new Error(`the mutation of ${part} changed nothing`);
    zip.file(part, after);
  }
  return zip.generateAsync({ type: "uint8array" });
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("string"));
  return out;
}

/** Writes our sheet into the bytes; returns input and output parts and the reopened workbook. */
async function writeOurs(bytes: Uint8Array) {
  const port = await XlsxWorkbook.open(bytes);
  await port.writeSheets([OUR]);
  const out = await port.save();
  return { before: await parts(bytes), after: await parts(out), reopened: await XlsxWorkbook.open(out), out };
}

/** The parts we edit or add; every other part must come back byte for byte. */
const EDITED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);

function expectUntouched(before: Map<string, string>, after: Map<string, string>): void {
  for (const [name, text] of before) if (!EDITED.has(name)) expect({ name, text: after.get(name) }).toEqual({ name, text });
}

const numFmts = (styles: string) =>
  elements(styles, "xl/styles.xml")
    .filter((e) => e.path === "styleSheet/numFmts/numFmt")
    .map((e) => ({
      id: attribute(styles, e.tag, "numFmtId"),
      code: attribute(styles, e.tag, "formatCode"),
      text: styles.slice(e.tag.start, e.end),
    }));

describe("K: a format code with a literal '>' in styles.xml", () => {
  // The literal '>' written raw (legal in an attribute), and that format listed first: the old
  // pattern lost every format from the first '>' on.
  const withLiteralGt = {
    "xl/styles.xml": (x: string) => {
      const raw = x.replaceAll("&gt;", ">");
      const fmts = numFmts(raw);
      const date = fmts.find((f) => f.code === "dd/mm/yyyy")!.text;
      return raw.replace(date, "").replace("</numFmts>", `${date}</numFmts>`);
    },
  };

  test("the clerk's number formats are kept byte for byte and ours get fresh ids", async () => {
    const { before, after } = await writeOurs(await mutated(withLiteralGt));
    const clerk = numFmts(before.get("xl/styles.xml")!);
    expect(clerk.map((f) => f.code)).toEqual(['[>=1000]#,##0" người";[$-42A]0', "dd/mm/yyyy"]);
    const styles = after.get("xl/styles.xml")!;
    for (const f of clerk) expect(styles).toContain(f.text);
    const all = numFmts(styles);
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);
    const ours = all.filter((f) => !clerk.some((c) => c.id === f.id));
    expect(ours.map((f) => f.code).sort()).toEqual(["#,##0", "#,##0.0", "0.0%"]);
    expect(Math.min(...ours.map((f) => Number(f.id)))).toBeGreaterThan(Math.max(...clerk.map((f) => Number(f.id))));
    expectUntouched(before, after);
  });

  test("the birth date still reads as a date after the write, and the clerk's cellXfs are unchanged", async () => {
    const { before, after, reopened } = await writeOurs(await mutated(withLiteralGt));
    const [cells] = await reopened.readRanges([{ sheet: "Dân cư", top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(cells![0]).toEqual([BIRTH, 1234]);
    const xfs = (s: string) => {
      const els = elements(s, "xl/styles.xml");
      return els.filter((e) => e.path === "styleSheet/cellXfs/xf").map((e) => s.slice(e.tag.start, e.end));
    };
    const clerkXfs = xfs(before.get("xl/styles.xml")!);
    expect(xfs(after.get("xl/styles.xml")!).slice(0, clerkXfs.length)).toEqual(clerkXfs);
  });

  test("a re-run adds nothing more", async () => {
    const first = await writeOurs(await mutated(withLiteralGt));
    const second = await writeOurs(first.out);
    expect(second.after.get("xl/styles.xml")).toBe(first.after.get("xl/styles.xml"));
  });
});

describe("M: a comment in workbook.xml holding </sheets> or </definedNames>", () => {
  const COMMENT = "<!-- cũ: </sheets></definedNames></Relationships> -->";
  const withComment = { "xl/workbook.xml": (x: string) => x.replace("<sheets>", `${COMMENT}<sheets>`) };

  test("our sheet is listed in the real <sheets>, the comment left as written", async () => {
    const { before, after, reopened } = await writeOurs(await mutated(withComment));
    const wb = after.get("xl/workbook.xml")!;
    expect(wb).toContain(COMMENT);
    const snapshot = await reopened.snapshot();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Dân cư", OUR.name]);
    expect(snapshot.names.map((n) => n.name)).toEqual(["co_dttm"]);
    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load(await reopenedBytes(after));
    expect(exceljs.worksheets.map((w) => w.name)).toEqual(["Dân cư", OUR.name]);
    expectUntouched(before, after);
  });

  test("a comment in the relationships and content types is kept, and ours go after it", async () => {
    const bytes = await mutated({
      "xl/_rels/workbook.xml.rels": (x) => x.replace("<Relationship ", "<!-- </Relationships> --><Relationship "),
      "[Content_Types].xml": (x) => x.replace("<Default ", "<!-- </Types> --><Default "),
    });
    const { after, reopened } = await writeOurs(bytes);
    expect(after.get("xl/_rels/workbook.xml.rels")).toContain("<!-- </Relationships> -->");
    const [cells] = await reopened.readRanges([{ sheet: OUR.name, top: 2, left: 1, bottom: 2, right: 1 }]);
    expect(cells).toEqual([[12.5]]);
  });
});

/** The zip of a parts map, for readers that take bytes. */
async function reopenedBytes(p: Map<string, string>): Promise<ArrayBuffer> {
  const zip = new JSZip();
  for (const [name, text] of p) zip.file(name, text);
  return zip.generateAsync({ type: "arraybuffer" });
}

describe("N: whitespace before '>' in end tags", () => {
  test("</sheets > and </definedNames > are read as the end tags they are", async () => {
    const bytes = await mutated({
      "xl/workbook.xml": (x) => x.replace("</sheets>", "</sheets >").replace("</definedNames>", "</definedNames\n>"),
    });
    const { before, after, reopened } = await writeOurs(bytes);
    expect((await reopened.snapshot()).sheets.map((s) => s.name)).toEqual(["Dân cư", OUR.name]);
    expect(after.get("xl/workbook.xml")).toContain("</sheets >");
    expectUntouched(before, after);
  });
});

describe("an attribute value holding '/>' or '>'", () => {
  test("does not cut its element in two: calcPr gets fullCalcOnLoad, the value is kept", async () => {
    const bytes = await mutated({ "xl/workbook.xml": (x) => x.replace("<calcPr ", '<calcPr xmlns:n="urn:ghi-chu" n:note="a/>b>c" ') });
    const { after, reopened } = await writeOurs(bytes);
    const wb = after.get("xl/workbook.xml")!;
    const calcPr = elements(wb, "xl/workbook.xml").find((e) => e.path === "workbook/calcPr")!;
    expect(attribute(wb, calcPr.tag, "n:note")).toBe("a/>b>c");
    expect(attribute(wb, calcPr.tag, "fullCalcOnLoad")).toBe("1");
    expect((await reopened.snapshot()).sheets).toHaveLength(2);
  });

  test("in a cell tag, the cell's value is still read", async () => {
    const bytes = await mutated({
      "xl/worksheets/sheet1.xml": (x) =>
        x
          .replace('<c r="B1"', '<c xmlns:n="urn:ghi-chu" n:note="x/>y" r="B1"')
          .replace("<sheetData>", '<sheetData><!-- <c r="B1"><v>9</v></c> -->'),
    });
    const port = await XlsxWorkbook.open(bytes);
    const [cells] = await port.readRanges([{ sheet: "Dân cư", top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(cells![0]).toEqual([BIRTH, 1234]);
  });
});
