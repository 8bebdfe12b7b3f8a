import fc from "fast-check";
import JSZip from "jszip";
import { decodeCellText, encodeCellText } from "../../src/workbook/xlsx/cell-text";
import { parseSharedStrings } from "../../src/workbook/xlsx/shared-strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

/** What an XML parser hands to the reader: entities resolved. */
const unXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("cell text as ECMA-376 ST_Xstring", () => {
  it("escapes every _x that LibreOffice or Excel would read as an escape", () => {
    expect(encodeCellText("can_bo_xa_thon")).toBe("can_bo_x005F_xa_thon");
    expect(encodeCellText("so_x0041_")).toBe("so_x005F_x0041_");
    expect(encodeCellText("_xlfn and _xyz_ stay")).toBe("_xlfn and _xyz_ stay");
  });

  it("writes control characters and CR as escapes instead of dropping them", () => {
    expect(encodeCellText("a\u0001b\rc\td\ne")).toBe("a_x0001_b_x000D_c\td\ne");
  });

  it("decodes exactly four hex digits, as Excel does", () => {
    expect(decodeCellText("can_bo_xa_thon")).toBe("can_bo_xa_thon");
    expect(decodeCellText("a_x000D_b_x005F_x0041_")).toBe("a\rb_x0041_");
  });

  it("reads back whatever it wrote (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("_", "x", "X", "0", "0041", "a", "F", "\u0001", "\r", "\n", "&", "<", "ã", " ") }),
        (s) => {
          expect(decodeCellText(unXml(encodeCellText(s)))).toBe(s);
        },
      ),
    );
  });

  it("decodes shared strings", () => {
    const xml =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a_x005F_xa_b</t></si><si><r><t>x_x000A_</t></r><r><t>y</t></r></si></sst>';
    expect(parseSharedStrings(xml, "xl/sharedStrings.xml")).toEqual(["a_xa_b", "x\ny"]);
  });

  it("keeps names with _xa_ through an .xlsx write and read", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    zip.file(
      "xl/workbook.xml",
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    );
    const wb = await XlsxWorkbook.open(await zip.generateAsync({ type: "uint8array" }));
    const text = "can_bo_xa_thon \u0002 _x0041_\r\n";
    await wb.writeSheets(
      [
        {
          key: "t",
          name: "Thử",
          rows: [[{ value: text }, { value: text, formula: '"x"' }]],
          columns: [],
          merges: [],
          visibility: "visible",
        },
      ],
      '{"a":"can_bo_xa_thon"}',
    );
    const back = await XlsxWorkbook.open(await wb.save());
    expect(await back.readSheet("Thử")).toEqual([[text, text]]);
    expect((await back.snapshot()).mappingText).toBe('{"a":"can_bo_xa_thon"}');
  });
});
