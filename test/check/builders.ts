/*
 * Workbooks for the pre-submission check, generated here (no binaries): a clerk's data sheet with one
 * named cell per mapped input, extra sheets (rosters, a report typed as text), the mapping stored in
 * the workbook, and optionally our status sheet. The same spec builds an in-memory workbook (fast) or
 * a real .xlsx made with ExcelJS and read back through our adapter.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { slotsOf } from "../../src/core/evaluate/slots";
import { templateName } from "../../src/core/mapping/propose";
import { mappingToText, type Mapping } from "../../src/core/mapping/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

export const RULESETS = loadRulesetDir().rulesets;
export const DATA_SHEET = "Số liệu";
export const STATUS_SHEET = "Trạng thái chỉ tiêu";

export type Figures = Record<string, Record<string, RawCell>>;

export type ExtraSheet = { name: string; rows: RawCell[][]; hidden?: boolean };

export type BookSpec = {
  ruleset: string;
  /** Code → slot → value; every slot given gets a named cell on the data sheet and a mapping entry (null: a blank mapped cell). */
  figures: Figures;
  /** Changes to the stored mapping; `false` stores none. */
  mapping?: Partial<Mapping> | false;
  /** Slots mapped to a name the workbook writes by hand ("#REF!", a constant…), instead of their figure. */
  rawNames?: Array<{ code: string; slot: string; formula: string }>;
  /** Values written beside a figure (same row, column D): a neighbour for the "one cell off" hint. */
  beside?: Record<string, RawCell>;
  sheets?: ExtraSheet[];
  /** Evaluate and write our status sheet before returning (as a clerk who ran Đánh giá). */
  withStatus?: boolean;
  /** Changes made to the data sheet after the status sheet was written: code.slot → new value. */
  editAfterStatus?: Record<string, RawCell>;
};

export type Built = {
  port: WorkbookPort;
  /** "3.2.numerator" → "'Số liệu'!C7": where each figure stands. */
  cells: Record<string, string>;
  bytes?: Uint8Array;
};

type Row = { code: string; slot: string; label: string; value: RawCell; row: number; name: string };

function layoutRows(spec: BookSpec): Row[] {
  const ruleset = RULESETS.get(spec.ruleset);
  if (!ruleset) throw new Error(`no ruleset ${spec.ruleset}`);
  const rows: Row[] = [];
  let row = 3;
  for (const { item } of indicatorsOf(ruleset)) {
    const given = spec.figures[item.code];
    const raw = spec.rawNames?.filter((n) => n.code === item.code) ?? [];
    for (const s of slotsOf(item)) {
      if (!(given && s.slot in given) && !raw.some((n) => n.slot === s.slot)) continue;
      rows.push({
        code: item.code,
        slot: s.slot,
        label: s.label,
        value: given?.[s.slot] ?? null,
        row,
        name: templateName(item.code, s.slot),
      });
      row++;
    }
  }
  return rows;
}

function mappingOf(spec: BookSpec, rows: Row[]): Mapping | undefined {
  if (spec.mapping === false) return undefined;
  const indicators: Mapping["indicators"] = {};
  for (const r of rows) (indicators[r.code] ??= {})[r.slot] = r.name;
  return { ruleset: spec.ruleset, asOf: "2024-06-30", commune: "Xã Thử Nghiệm", indicators, ...spec.mapping };
}

const key = (code: string, slot: string) => `${code}.${slot}`;

/** A spec as an in-memory workbook. */
export async function memoryBook(spec: BookSpec): Promise<Built> {
  const rows = layoutRows(spec);
  const cells: Record<string, RawCell> = { A1: "SỐ LIỆU CỦA XÃ", A2: "Mã", B2: "Nội dung", C2: "Số liệu" };
  const where: Record<string, string> = {};
  for (const r of rows) {
    cells[`A${r.row}`] = slotsOf0(spec, r) ? r.code : null;
    cells[`B${r.row}`] = r.label;
    if (r.value !== null) cells[`C${r.row}`] = r.value;
    const b = spec.beside?.[key(r.code, r.slot)];
    if (b !== undefined) cells[`D${r.row}`] = b;
    where[key(r.code, r.slot)] = `'${DATA_SHEET}'!C${r.row}`;
  }
  const raw = new Map((spec.rawNames ?? []).map((n) => [key(n.code, n.slot), n.formula]));
  const port = new MemoryWorkbook({
    sheets: [
      { name: DATA_SHEET, cells },
      ...(spec.sheets ?? []).map((s) => ({
        name: s.name,
        visibility: s.hidden ? ("hidden" as const) : ("visible" as const),
        cells: gridCells(s.rows),
      })),
    ],
    names: rows.map((r) => ({ name: r.name, formula: raw.get(key(r.code, r.slot)) ?? `'${DATA_SHEET}'!$C$${r.row}` })),
  });
  const mapping = mappingOf(spec, rows);
  if (mapping) await port.writeSheets([], mappingToText(mapping));
  if (spec.withStatus) {
    await writeStatus(port);
    for (const [k, v] of Object.entries(spec.editAfterStatus ?? {})) {
      const r = rows.find((x) => key(x.code, x.slot) === k)!;
      port.sheets.find((s) => s.name === DATA_SHEET)!.cells.set(`C${r.row}`, v);
    }
  }
  return { port, cells: where };
}

/** Only the first slot of an indicator shows its code in column A, as a clerk's sheet would. */
function slotsOf0(_spec: BookSpec, r: Row): boolean {
  return !r.slot.includes(".") && (r.slot === "numerator" || r.slot === "value" || r.slot === "condition");
}

function gridCells(rows: RawCell[][]): Record<string, RawCell> {
  const out: Record<string, RawCell> = {};
  rows.forEach((row, ri) =>
    row.forEach((v, ci) => {
      if (v !== null && v !== undefined) out[`${String.fromCharCode(65 + ci)}${ri + 1}`] = v;
    }),
  );
  return out;
}

async function writeStatus(port: WorkbookPort): Promise<void> {
  const outcome = await evaluateWorkbook(port, { rulesets: RULESETS, write: true });
  if (!outcome.ok) throw new Error(`fixture could not be evaluated: ${outcome.problems.map((p) => p.message).join("; ")}`);
}

function exceljsValue(v: RawCell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !(v instanceof Date)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Adds hand-written <definedName>s (ExcelJS cannot write #REF! or constant names). */
async function addRawNames(bytes: Uint8Array, names: Array<{ name: string; formula: string }>): Promise<Uint8Array> {
  if (names.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/workbook.xml";
  const xml = await zip.file(part)!.async("string");
  const elements = names.map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.formula)}</definedName>`).join("");
  const out = xml.includes("</definedNames>")
    ? xml.replace("</definedNames>", `${elements}</definedNames>`)
    : xml.replace("</sheets>", `</sheets><definedNames>${elements}</definedNames>`);
  zip.file(part, out);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Sets one numeric cell of a sheet part in place, as an edit in a program that does not recalculate would. */
export async function setNumberInPackage(bytes: Uint8Array, sheetIndex: number, a1: string, value: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = `xl/worksheets/sheet${sheetIndex}.xml`;
  const xml = await zip.file(part)!.async("string");
  const re = new RegExp(`(<c r="${a1}"[^>]*>)<v>[^<]*</v>`);
  if (!re.test(xml)) throw new Error(`fixture: ${a1} not found in ${part}`);
  zip.file(part, xml.replace(re, `$1<v>${value}</v>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A spec as a real .xlsx: ExcelJS writes the clerk's sheets, our adapter stores the mapping (and the status sheet). */
export async function xlsxBook(spec: BookSpec): Promise<Built> {
  const rows = layoutRows(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cán bộ văn phòng – thống kê";
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.getCell("A1").value = "SỐ LIỆU CỦA XÃ";
  ws.getRow(2).values = ["Mã", "Nội dung", "Số liệu"];
  const where: Record<string, string> = {};
  const raw = new Map((spec.rawNames ?? []).map((n) => [key(n.code, n.slot), n.formula]));
  for (const r of rows) {
    if (slotsOf0(spec, r)) ws.getCell(r.row, 1).value = r.code;
    ws.getCell(r.row, 2).value = r.label;
    ws.getCell(r.row, 3).value = exceljsValue(r.value);
    const b = spec.beside?.[key(r.code, r.slot)];
    if (b !== undefined) ws.getCell(r.row, 4).value = exceljsValue(b);
    if (!raw.has(key(r.code, r.slot))) wb.definedNames.add(`'${DATA_SHEET}'!$C$${r.row}`, r.name);
    where[key(r.code, r.slot)] = `'${DATA_SHEET}'!C${r.row}`;
  }
  for (const s of spec.sheets ?? []) {
    const sheet = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
    s.rows.forEach((row, ri) => row.forEach((v, ci) => (sheet.getCell(ri + 1, ci + 1).value = exceljsValue(v))));
  }
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  bytes = await addRawNames(
    bytes,
    rows.filter((r) => raw.has(key(r.code, r.slot))).map((r) => ({ name: r.name, formula: raw.get(key(r.code, r.slot))! })),
  );
  let port = await XlsxWorkbook.open(bytes);
  const mapping = mappingOf(spec, rows);
  if (mapping) await port.writeSheets([], mappingToText(mapping));
  if (spec.withStatus) await writeStatus(port);
  bytes = await port.save();
  for (const [k, v] of Object.entries(spec.editAfterStatus ?? {})) {
    const r = rows.find((x) => key(x.code, x.slot) === k)!;
    if (typeof v !== "number") throw new Error("fixture: only numbers are edited in a package");
    bytes = await setNumberInPackage(bytes, 1, `C${r.row}`, v);
  }
  port = await XlsxWorkbook.open(bytes);
  return { port, cells: where, bytes };
}

/* ---------------------------------------------------------------- figures */

const yes = "Có";

/**
 * A plausible, consistent Thanh Hóa CĐS commune: the Hà Tân report's figures (seed 003) with its
 * mistakes corrected — every population the same, every subset no larger than its whole.
 * Groups: 1 đạt 10/10, 2 đạt 6/6, 3 đạt 5/12 (3.1, 3.4, 3.6, 3.7, 3.8), 4 đạt 8/8.
 */
export function cleanThanhHoa(): Figures {
  const ratio = (n: number, d: number) => ({ numerator: n, denominator: d });
  return {
    "1.1": { value: yes },
    "1.2": ratio(17, 17),
    "1.3": { value: yes },
    "1.4": ratio(17, 17),
    "1.5": ratio(412, 412),
    "1.6": ratio(375, 412),
    "1.7": { value: yes },
    "1.8": { value: yes },
    "1.9": { value: yes },
    "1.10": { value: yes },
    "2.1": { value: yes },
    "2.2": { value: yes },
    "2.3": ratio(2, 2),
    "2.4": ratio(30, 39),
    "2.5": ratio(9, 13),
    "2.6": ratio(10, 13),
    "3.1": ratio(2400, 3200),
    "3.2": ratio(2335, 3986),
    "3.3": ratio(1920, 3100),
    "3.4": ratio(2865, 3986),
    "3.5": ratio(4956, 5022),
    "3.6": ratio(864, 3986),
    "3.7": ratio(2, 2),
    "3.8": ratio(3, 3),
    "3.9": ratio(2215, 3986),
    "3.10": ratio(1058, 3986),
    "3.11": ratio(997, 3986),
    "3.12": ratio(836, 1396),
    "4.1": ratio(1396, 1396),
    "4.2": { value: yes },
    "4.3": ratio(17, 17),
    "4.4": { value: yes },
    "4.5": { value: yes },
    "4.6": { value: yes },
    "4.7": { value: yes },
    "4.8": { value: yes },
  };
}

/** The clean figures with some slots changed: with(cleanThanhHoa(), { "3.4.denominator": 3968 }). */
export function withFigures(base: Figures, changes: Record<string, RawCell | undefined>): Figures {
  const out: Figures = JSON.parse(JSON.stringify(base));
  for (const [k, v] of Object.entries(changes)) {
    const slot = /\.(numerator|denominator|value|condition)$/.exec(k)![1]!;
    const code = k.slice(0, k.length - slot.length - 1);
    if (v === undefined) {
      delete out[code]![slot];
      if (Object.keys(out[code]!).length === 0) delete out[code];
    } else (out[code] ??= {})[slot] = v;
  }
  return out;
}

/** A consistent Phú Thọ smart commune (seed 001): every condition met. */
export function cleanPhuTho(): Figures {
  return {
    "1.1.1": { numerator: 3500, denominator: 3986 },
    "1.1.2": { numerator: 40, denominator: 40 },
    "1.2.1": { numerator: 1037, denominator: 1268 },
    "1.2.2": { value: yes },
    "1.2.3": { value: yes },
    "1.2.4": { value: yes },
    "1.2.5": { value: yes },
    "1.3.1": { numerator: 2800, denominator: 3200 },
    "1.3.2": { numerator: 30, denominator: 40 },
    "1.3.3": { value: yes },
    "1.4.1": { value: yes },
    "1.4.2": { value: yes },
    "1.4.3": { value: yes },
  };
}

/* ---------------------------------------------------------------- sheets */

/** Lines of a report typed into a sheet, one per row in column A, as a clerk pastes a Word report. */
export function reportSheet(name: string, lines: string[]): ExtraSheet {
  return { name, rows: lines.map((l) => [l]) };
}

/**
 * The Hà Tân report of seed 003, the lines that carry figures, summaries and verdicts, verbatim
 * (section II; III's task list is kept too, whose "4. Chính quyền số" is not group 1).
 */
export const HA_TAN_LINES: string[] = [
  "Hà Tân, ngày tháng 6 năm 2024",
  "Thực hiện công văn số 2024/UBND-VHTT ngày 13/06/2024 của UBND huyện Hà Trung về báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số 6 tháng đầu năm.",
  "II. Kết quả triển khai 6 tháng đầu năm 2024",
  "1. Chính quyền số",
  "- Chỉ tiêu đạt: 11/11 chỉ tiêu, đạt 100%",
  "- Chỉ tiêu đang triển khai: 0",
  "- Chỉ tiêu không hoàn thành: 0 Cụ thể, kết quả đạt như sau:",
  "1.1. Tiêu chí số 1.1",
  "c) Đánh giá: Đạt .",
  "1.3. Tiêu chí số 1.3",
  "Tỷ lệ ký số và gửi đi trên môi trường điện tử (trừ văn bản mật theo quy định) 6 tháng đầu năm năm 2024 là: 533/533 đạt 100%.",
  "c) Đánh giá: Đạt",
  "1.5. Tiêu chí số 1.5",
  "Trong đó dịch vụ công trực tuyến một phần là 233/236 hồ sơ đạt 98.7%; dịch vụ công trực tuyến toàn trình là 139/139 hồ sơ đạt 100%",
  "1.8. Tiêu chí số 1.8",
  "Đến thời điểm hiện tại có 44956/5022 người được tạo lập hồ sơ sức khỏe điện tử đạt 898.7%; 100% các trường sử dụng nền tảng Vnedu trong quản lý và liên lạc với phụ huynh.",
  "c) Đánh giá: Đạt",
  "2. Kinh tế số",
  "- Chỉ tiêu đạt: 05/06 chỉ tiêu, đạt 83.3%",
  "- Chỉ tiêu đang triển khai: 01",
  "- Chỉ tiêu không hoàn thành: 0",
  "2.3. Tiêu chí số 2.3",
  "c) Đánh giá: Chưa đạt.",
  "2.5. Tiêu chí số 2.5",
  "Xã có 09/13 doanh nghiệp sử dụng hợp đồng điện tử đạt 69.2% (2.5. Tài liệu minh chứng kèm theo)",
  "3. Xã hội số",
  "- Chỉ tiêu đạt: 5/12 tiêu chí đạt 41.6%",
  "- Chỉ tiêu đang triển khai: 07",
  "- Chỉ tiêu không hoàn thành: 0",
  "3.2. Tiêu chí số 3.2",
  "Có tổng số 2335/3986 người (đạt tỷ lệ 58,6%) người từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác.",
  "c) Đánh giá: không đạt (Chưa thống kê hết)",
  "3.3. Tiêu chí số 3.3",
  "Có tổng số 1920/3986 thuê bao di động (đạt tỷ lệ 48.2%) thuê bao điện thoại di động thông minh có sử dụng phần mềm an toàn thông tin mạng cơ bản.",
  "c) Đánh giá: Chưa đạt.",
  "3.4. Tiêu chí số 3.4",
  "Toàn xã có 2865/3986 người dân trưởng thành có điện thoại thông minh, đạt tỷ lệ 71.8%.",
  "c) Đánh giá: Đạt.",
  "3.5. Tiêu chí số 3.5",
  "Toàn xã có 4956/5022 hồ sơ sức khỏe điện tử được lập đạt 98.7%.",
  "c) Đánh giá: Chưa đạt.",
  "3.6. Tiêu chí số 3.6",
  "Toàn xã có 864/3986 người dân trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa, đạt tỷ lệ 21.6%.",
  "c) Đánh giá: Đạt.",
  "3.7. Tiêu chí số 3.7",
  "2/2 trường hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở, đạt tỷ lệ 100%.",
  "3.9. Tiêu chí số 3.9",
  "Tính đến nay, toàn xã có dân số trưởng thành có tài khoản định danh điện tử 2215/3986, đạt tỷ lệ 55.6%.",
  "3.10. Tiêu chí số 3.10",
  "b) Kết quả: Tính đến nay, toàn xã có 1058/3986 Độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử, đạt tỷ lệ 26.5%.",
  "3.11. Tiêu chí số 3.11",
  "Tính đến nay, toàn xã có 997/3986 dân số trưởng thành dùng dịch vụ công trực tuyến, đạt tỷ lệ 25%.",
  "c) Đánh giá: Chưa đạt.",
  "3.12. Tiêu chí số 3.12",
  "b) Kết quả: Tính đến nay, toàn xã có 836/1396 Hộ gia đình thanh toán tiền điện bằng phương thức thanh toán không dùng tiền mặt, đạt tỷ lệ 59.8%.",
  "c) Đánh giá: Chưa đạt.",
  "4. Hạ tầng số",
  "- Chỉ tiêu đạt: 8/8 chỉ tiêu đạt 100%",
  "- Chỉ tiêu đang triển khai: 01",
  " - Chỉ tiêu không hoàn thành: 0",
  "4.1. Tiêu chí số 4.1",
  "6/6 thôn (100%) trên địa bàn xã được phủ mạng cáp quang và mạng thông tin di động.",
  "3. Tiêu chí số 4.3",
  "17/17 CBCC, (đạt 100%) có máy tính và được kết nối Internet phục vụ công việc.",
  "c) Đánh giá: Đạt.",
  "III. Các nhiệm vụ 06 tháng cuối năm 2024.",
  "4. Chính quyền số",
  "Rà soát, tiếp tục đầu tư nâng cấp Trang thông tin điện tử xã, đáp ứng yêu cầu nhiệm vụ. Mỗi tháng có ít nhất 02 tin bài về chuyên đổi số.",
  "6. Xã hội số",
];

/** The Hà Tân summaries written right: what the clean sample's report sheet says. */
export const CORRECT_REPORT_LINES: string[] = [
  "Hà Tân, ngày 28 tháng 6 năm 2024 — Kế hoạch số 62/KH-UBND ngày 10/4/2024",
  "1. Chính quyền số",
  "- Chỉ tiêu đạt: 10/10 chỉ tiêu, đạt 100%",
  "- Chỉ tiêu đang triển khai: 0",
  "3. Xã hội số",
  "- Chỉ tiêu đạt: 5/12 chỉ tiêu, đạt 41,7%",
  "- Chỉ tiêu đang triển khai: 07",
  "3.4. Tiêu chí số 3.4",
  "Toàn xã có 2865/3986 người dân trưởng thành có điện thoại thông minh, đạt tỷ lệ 71,9%.",
  "c) Đánh giá: Đạt.",
  "4. Hạ tầng số",
  "- Chỉ tiêu đạt: 8/8 chỉ tiêu đạt 100%",
  "- Chỉ tiêu đang triển khai: 0",
  "4.1. Tiêu chí số 4.1: 6/6 thôn (100%), phủ sóng 4G/5G, hỗ trợ 24/7",
];

/** A residents roster as a clerk keeps it: STT, name, birth date, village, phone, yes/no facts. */
export function rosterSheet(name: string, people: Array<{ name: string; extra?: RawCell[] }>, headers: string[] = []): ExtraSheet {
  const head = ["STT", "Họ và tên", "Ngày sinh", "Thôn", "Điện thoại", "Có tài khoản thanh toán điện tử", ...headers];
  return {
    name,
    rows: [
      head,
      ...people.map((p, i) => [
        i + 1,
        p.name,
        new Date(Date.UTC(1980 + (i % 30), i % 12, 1 + (i % 27))),
        `Thôn ${1 + (i % 6)}`,
        `09${String(12345678 + i * 7919).slice(0, 8)}`,
        i % 3 === 0 ? "Không" : "Có",
        ...(p.extra ?? []),
      ]),
    ],
  };
}

export const NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Văn Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Em",
  "Vũ Thị Hoa",
  "Đặng Văn Giang",
  "Bùi Thị Hương",
];
