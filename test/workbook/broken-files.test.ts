import JSZip from "jszip";
import { buildCustomWorkbook } from "../cli/helpers";
import { compoundFile, cut, flippedByte, partNames, stored, withPart, wrongCrc, wrongSize } from "../corpus/damage";
import { WorkbookError } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { faults } from "../support/vietnamese";

/** Opens and reads every cell of 'Số liệu', as evaluate would; the error it ends with, if any. */
async function readError(bytes: Uint8Array): Promise<WorkbookError | undefined> {
  try {
    const wb = await XlsxWorkbook.open(bytes);
    await wb.snapshot();
    await wb.readSheet("Số liệu");
    return undefined;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
}

let real: Uint8Array;
let plain: Uint8Array;
beforeAll(async () => {
  real = await buildCustomWorkbook();
  plain = await stored(real);
});

describe("a file that is not a readable .xlsx says what it is and what to do", () => {
  it.each<[string, () => Uint8Array | Promise<Uint8Array>, RegExp, RegExp]>([
    ["empty", () => new Uint8Array(), /^Tệp rỗng/, /\(empty file\)$/],
    ["an .xls", () => compoundFile("Workbook"), /Excel 97–2003 \(\.xls\)/, /\(legacy \.xls\)$/],
    ["a password-protected .xlsx", () => compoundFile("EncryptionInfo"), /mật khẩu/, /\(encrypted file\)$/],
    [
      "HTML named .xlsx",
      () => new TextEncoder().encode("\ufeff<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>"),
      /trang web \(HTML\)/,
      /\(HTML renamed \.xlsx\)$/,
    ],
    [
      "XML Spreadsheet 2003",
      () => new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
      /XML/,
      /\(XML renamed \.xlsx\)$/,
    ],
    ["CSV", () => new TextEncoder().encode("Mã,Chỉ tiêu\n3.2,58.6\n"), /CSV/, /\(CSV or text renamed \.xlsx\)$/],
    ["binary noise", () => new Uint8Array([1, 2, 3, 0, 255]), /không phải sổ tính \.xlsx/, /\(not an \.xlsx file\)$/],
    [
      "an .ods",
      async () => {
        const z = new JSZip();
        z.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
        z.file("content.xml", "<x/>");
        return z.generateAsync({ type: "uint8array" });
      },
      /OpenDocument \(\.ods\)/,
      /\(ODS renamed \.xlsx\)$/,
    ],
    [
      "a .docx",
      async () => {
        const z = new JSZip();
        z.file("word/document.xml", "<x/>");
        return z.generateAsync({ type: "uint8array" });
      },
      /Word/,
      /\(Word file\)$/,
    ],
    ["a zip cut short", () => cut(real, 0.6), /^Tệp bị hỏng hoặc chưa tải hết .*lấy lại bản gốc/, /\(truncated or corrupt file\)$/],
    ["a zip cut to its first bytes", () => cut(real, 0.01), /^Tệp bị hỏng hoặc chưa tải hết/, /\(truncated or corrupt file\)$/],
  ])("%s", async (_label, make, vietnamese, _english) => {
    const e = await readError(await make());
    expect(e?.message).toMatch(vietnamese);
    // The clerk reads Vietnamese only: what the file was once said in English (the last column) is no longer appended.
    expect(faults(e?.message ?? "")).toEqual([]);
  });

  it("a part whose size does not match: tệp bị hỏng naming the part", async () => {
    const e = await readError(wrongSize(real, "xl/worksheets/sheet1.xml"));
    expect(e?.message).toMatch(/^Tệp bị hỏng hoặc chưa tải hết \(phần xl\/worksheets\/sheet1\.xml .*lấy lại bản gốc/);
  });

  it("a part whose size does not match reads the same words stored as deflated (read directly, or through JSZip)", async () => {
    const deflated = await readError(wrongSize(real, "xl/worksheets/sheet1.xml"));
    const direct = await readError(wrongSize(plain, "xl/worksheets/sheet1.xml"));
    expect(deflated?.message).toMatch(/phần xl\/worksheets\/sheet1\.xml trong tệp không giải nén được/);
    expect(direct?.message).toBe(deflated?.message);
  });

  it("a part whose bytes changed (CRC mismatch): tệp bị hỏng naming the part", async () => {
    const e = await readError(flippedByte(plain, "xl/sharedStrings.xml"));
    expect(e?.message).toMatch(/phần xl\/sharedStrings\.xml trong tệp có mã kiểm tra CRC không khớp/);
  });

  it("the same package undamaged reads (so the tests above fail for the damage only)", async () => {
    expect(await readError(real)).toBeUndefined();
    expect(await readError(plain)).toBeUndefined();
  });

  it("a damaged part we do not read: reading works, saving refuses rather than copy it", async () => {
    const part = partNames(real).find((n) => n.startsWith("docProps/") && !n.endsWith("/"))!;
    const bytes = wrongCrc(real, part);
    expect(await readError(bytes)).toBeUndefined();
    const wb = await XlsxWorkbook.open(bytes);
    await wb.writeSheets([{ key: "status", name: "Trạng thái", rows: [[{ value: "x" }]], columns: [], merges: [], visibility: "visible" }]);
    await expect(wb.save()).rejects.toThrow(new RegExp(`^Không ghi tệp kết quả: phần ${part.replace(/\./g, "\\.")} của tệp gốc bị hỏng`));
  });

  it("sharedStrings.xml missing: tệp bị hỏng, not every text cell an error", async () => {
    const e = await readError(await withPart(real, "xl/sharedStrings.xml", undefined));
    expect(e?.message).toMatch(/^Tệp \.xlsx bị hỏng: thiếu phần xl\/sharedStrings\.xml .*lưu lại$/);
  });
});
