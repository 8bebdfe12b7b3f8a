/**
 * One list as a clerk prints it: Phụ lục 03 built from a small roster, written into the .xlsx and
 * printed to PDF by LibreOffice Calc (recalculation forced). The Vietnamese text comes out intact —
 * title, header, names with every tone, the total and the confirmation blocks — on A4 portrait, and a
 * name typed as "=1+1" prints as that text, not as 2.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { makeLists } from "../../src/app/lists";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { pdfPageCount, pdfText, requireTool, toPdf } from "../support/libreoffice";

jest.setTimeout(120_000);

/** Fictitious people; the names carry every Vietnamese tone and vowel mark, one typed with the old tone placement (Thuý). */
const PEOPLE: Array<[string, string, string, boolean]> = [
  ["Nguyễn Thị Ánh Tuyết", "1990-04-12", "Thôn Đông", true],
  ["Đặng Văn Ước", "1975-11-03", "Thôn Đông", true],
  ["Hoàng Thuý Dương", "1988-01-30", "Khu Gò Chè", true],
  ["Trịnh Quốc Khải", "2001-07-19", "Khu Gò Chè", true],
  ["Phạm Ngọc Ẩn", "1969-02-28", "Thôn Đoài", true],
  ["Lưu Thị Mỹ Hạnh", "1995-09-09", "Thôn Đoài", true],
  ["Vũ Đức Thắng", "1983-12-25", "Thôn Đông", false],
  ["Bùi Thị Nguyệt", "2010-01-15", "Thôn Đông", true], // 14 on 30/09/2024: not yet 15, the adult age
  ["=1+1", "1980-05-05", "Thôn Đông", true],
];

let dir: string;
let text: string;
let pdf: string;

beforeAll(async () => {
  requireTool("soffice");
  requireTool("pdftotext");
  dir = await mkdtemp(path.join(tmpdir(), "chitieu-lists-pdf-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dân cư");
  ws.addRow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh"]);
  PEOPLE.forEach(([name, birth, village, phone], i) => {
    const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
    const row = ws.addRow([i + 1, name, new Date(Date.UTC(y, m - 1, d)), i % 2 ? "Nữ" : "Nam", village, phone ? "Có" : "Không"]);
    row.getCell(3).numFmt = "dd/mm/yyyy";
  });
  const port = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  const out = await makeLists(port, { rulesets: loadRulesetDir().rulesets, asOf: "2024-09-30", only: ["PL03"], write: true });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
  const file = path.join(dir, "phu-luc-03.xlsx");
  await writeFile(file, await port.save());
  pdf = await toPdf(file, dir);
  text = (await pdfText(pdf)).normalize("NFC");
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("the title, header, total and confirmation blocks print in Vietnamese as written", () => {
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("Phụ lục 03");
  expect(flat).toContain("Thống kê số lượng người ở độ tuổi trưởng thành có sử dụng điện thoại thông minh trong xã");
  expect(flat).toMatch(/STT\s+Họ và Tên\s+Ghi chú/);
  expect(flat).toContain("Tổng cộng: 7 người");
  expect(flat).toMatch(/Xác nhận của UBND xã\s+Xác nhận của khu dân cư/);
});

test("every name prints with its marks; the minor is not listed; =1+1 stays text", () => {
  const listed = PEOPLE.filter(([name, , , phone]) => phone && name !== "Bùi Thị Nguyệt").map(([name]) => name);
  expect(listed).toHaveLength(7);
  for (const name of listed) expect(text).toContain(name);
  expect(text).not.toContain("Vũ Đức Thắng");
  expect(text).not.toContain("Bùi Thị Nguyệt");
  expect(text).toMatch(/^\s*\d+\s+=1\+1\s+Thôn Đông/m);
});

test("the list is one A4 portrait page", async () => {
  // The clerk's roster sheet prints first (in its own paper size); the list's page runs from its title
  // to the confirmation blocks.
  const pages = text.split("\f");
  const at = pages.findIndex((p) => p.includes("Phụ lục 03"));
  expect(pages.filter((p) => p.includes("Phụ lục 03"))).toHaveLength(1);
  expect(pages[at]).toContain("Xác nhận của UBND xã");
  const count = await pdfPageCount(pdf);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", String(count), pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(sizes[at]).toEqual([595, 842]);
});
