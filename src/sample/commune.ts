/*
 * The sample commune workbook: "Xã Minh Tân" is FICTITIOUS — the commune, its villages, people and
 * businesses are invented (see people.ts). It is what a commune clerk's own workbook might look like
 * for the Phú Thọ smart-commune ruleset (rulesets/phu-tho-xa-thong-minh-2024.json): a data sheet with
 * one named cell per input, and the rosters the figures were counted from, plus the mapping stored
 * in the workbook. Used by `chitieu sample`, the tests and the benchmark.
 */
import { quickWorkingAge } from "../core/age/retirement";
import ExcelJS from "exceljs";
import type { Mapping } from "../core/mapping/schema";
import { XlsxWorkbook } from "../workbook/xlsx/adapter";
import {
  ageOn,
  makeBusinesses,
  makeCooperatives,
  makeOfficials,
  makeResidents,
  parseIsoDate,
  type Business,
  type Cooperative,
  type Official,
  type Resident,
} from "./people";

export const SAMPLE_COMMUNE = "Xã Minh Tân";
export const SAMPLE_RULESET = "phu-tho-xa-thong-minh-2024";
export const DATA_SHEET = "Số liệu";
export const RESIDENTS_SHEET = "Dân cư";
export const OFFICIALS_SHEET = "Cán bộ";
export const BUSINESSES_SHEET = "Cơ sở kinh doanh";
export const COOPERATIVES_SHEET = "Hợp tác xã";

/** Above this many residents the workbook is written with ExcelJS's streaming writer. */
export const STREAMING_FROM = 5000;

/** parameters.adultAge of the ruleset (15, as seed 003 counts "dân số trưởng thành"); the test checks they agree. */
export const ADULT_AGE = 15;
/**
 * Working age: from a full 15 (parameters.workingAgeFrom) to the statutory retirement age by sex and
 * month of birth (Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP), computed by core/age.
 */
export const WORKING_AGE = { from: 15 } as const;

/** The administrative dossiers are not counted from a roster here: fixed figures of the sample period. */
export const DOSSIERS = { total: 1268, online: 1037 } as const; // 81,8% ≥ 75%

export type SampleVerdict = "dat" | "khong-dat" | "thieu-so-lieu";
export type YesNo = "Có" | "Không";

export type SampleCommune = {
  bytes: Uint8Array;
  mapping: Mapping;
  expected: Record<string, SampleVerdict>;
};

export type SampleOptions = { residents?: number; seed?: number; asOf?: string };

/** One row of the data sheet: a labelled figure with a workbook-scoped name. */
type Input = { name: string; label: string; value: number | YesNo | null; note: string };
type Section = { title: string; inputs: Input[] };

type RatioSpec = { code: string; kind: "ratio"; numerator: string; denominator: string; percent: number };
type YesNoSpec = { code: string; kind: "yes-no"; value: string };

/** Every indicator of the ruleset, in its order, with the names it is mapped to and (ratios) its threshold. */
const INDICATORS: ReadonlyArray<RatioSpec | YesNoSpec> = [
  { code: "1.1.1", kind: "ratio", numerator: "co_dttm", denominator: "dan_so_truong_thanh", percent: 85 },
  { code: "1.1.2", kind: "ratio", numerator: "can_bo_co_dttm", denominator: "can_bo_xa_thon", percent: 100 },
  { code: "1.2.1", kind: "ratio", numerator: "ho_so_truc_tuyen", denominator: "ho_so_tthc", percent: 75 },
  { code: "1.2.2", kind: "yes-no", value: "co_mot_cua_dien_tu" },
  { code: "1.2.3", kind: "yes-no", value: "co_to_cns_cong_dong" },
  { code: "1.2.4", kind: "yes-no", value: "co_nen_tang_so_xa_thon" },
  { code: "1.2.5", kind: "yes-no", value: "co_cns_tuyen_truyen" },
  { code: "1.3.1", kind: "ratio", numerator: "co_tk_thanh_toan", denominator: "dan_so_do_tuoi_lao_dong", percent: 85 },
  { code: "1.3.2", kind: "ratio", numerator: "co_so_tt_truc_tuyen", denominator: "co_so_kd_dkkd", percent: 70 },
  { code: "1.3.3", kind: "yes-no", value: "co_htx_ung_dung_cns" },
  { code: "1.4.1", kind: "yes-no", value: "co_cns_an_ninh" },
  { code: "1.4.2", kind: "yes-no", value: "co_cns_y_te" },
  { code: "1.4.3", kind: "yes-no", value: "co_cns_giao_duc" },
];

/** Working age on the report date by the statutory schedule (core/age), the same rule the lists use. */
export function isWorkingAge(r: Pick<Resident, "birthDate" | "sex">, asOf: Date): boolean {
  const b = r.birthDate;
  const birth = { precision: "day" as const, year: b.getUTCFullYear(), month: b.getUTCMonth() + 1, day: b.getUTCDate() };
  const day = { year: asOf.getUTCFullYear(), month: asOf.getUTCMonth() + 1, day: asOf.getUTCDate() };
  return quickWorkingAge(birth, r.sex === "Nam" ? "nam" : "nu", day, WORKING_AGE.from).counted === true;
}

/** The figures the clerk would count from the rosters on the report date. */
export function rosterFigures(
  people: {
    residents: readonly Resident[];
    officials: readonly Official[];
    businesses: readonly Business[];
    cooperatives: readonly Cooperative[];
  },
  asOf: Date,
) {
  let adults = 0;
  let adultsWithSmartphone = 0;
  let workingAge = 0;
  let workingAgeWithAccount = 0;
  for (const r of people.residents) {
    if (ageOn(r.birthDate, asOf) >= ADULT_AGE) {
      adults++;
      if (r.hasSmartphone) adultsWithSmartphone++;
    }
    if (isWorkingAge(r, asOf)) {
      workingAge++;
      if (r.hasPaymentAccount) workingAgeWithAccount++;
    }
  }
  const registered = people.businesses.filter((b) => b.registered);
  return {
    dan_so_truong_thanh: adults,
    co_dttm: adultsWithSmartphone,
    can_bo_xa_thon: people.officials.length,
    can_bo_co_dttm: people.officials.filter((o) => o.hasSmartphone).length,
    dan_so_do_tuoi_lao_dong: workingAge,
    co_tk_thanh_toan: workingAgeWithAccount,
    co_so_kd_dkkd: registered.length,
    co_so_tt_truc_tuyen: registered.filter((b) => b.usesOnlinePayment).length,
    htx_ung_dung_cns: people.cooperatives.filter((c) => c.appliesDigitalTech).length,
  };
}

function dmy(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

type Figures = ReturnType<typeof rosterFigures>;

/** 1. Hạ tầng số: adults and officials with smartphones, counted from the roster. */
function infrastructureSection(f: Figures, day: string): Section {
  return {
    title: "1. Hạ tầng số",
    inputs: [
      {
        name: "dan_so_truong_thanh",
        label: `Dân số từ ${ADULT_AGE} tuổi trở lên`,
        value: f.dan_so_truong_thanh,
        note: `Đủ ${ADULT_AGE} tuổi tính đến ngày ${day}; đếm từ trang Dân cư`,
      },
      {
        name: "co_dttm",
        label: `Số người từ ${ADULT_AGE} tuổi trở lên có điện thoại thông minh`,
        value: f.co_dttm,
        note: "Có điện thoại thông minh kết nối internet; trang Dân cư",
      },
      { name: "can_bo_xa_thon", label: "Tổng số cán bộ xã, thôn, khu dân cư", value: f.can_bo_xa_thon, note: "Trang Cán bộ" },
      { name: "can_bo_co_dttm", label: "Số cán bộ xã, thôn có điện thoại thông minh", value: f.can_bo_co_dttm, note: "Trang Cán bộ" },
    ],
  };
}

/** 2. Chính quyền số: dossier figures and yes/no answers the clerk gives. */
function governmentSection(day: string): Section {
  return {
    title: "2. Chính quyền số",
    inputs: [
      {
        name: "ho_so_tthc",
        label: "Tổng số hồ sơ TTHC tiếp nhận, giải quyết",
        value: DOSSIERS.total,
        note: `Từ 01/01 đến ${day}, theo Hệ thống thông tin giải quyết TTHC của tỉnh`,
      },
      { name: "ho_so_truc_tuyen", label: "Số hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", value: DOSSIERS.online, note: "Cùng kỳ" },
      {
        name: "co_mot_cua_dien_tu",
        label: "Có hệ thống một cửa điện tử hiện đại",
        value: "Có",
        note: "Bộ phận một cửa có máy tra cứu, máy lấy số",
      },
      {
        name: "co_to_cns_cong_dong",
        label: "Có tổ công nghệ số cộng đồng hoạt động hiệu quả",
        value: "Có",
        note: "Có quyết định thành lập; 7 tổ ở 7 thôn, khu",
      },
      {
        name: "co_nen_tang_so_xa_thon",
        label: "Có dùng nền tảng số trao đổi thông tin xã – thôn",
        value: "Có",
        note: "Nhóm Zalo lãnh đạo xã – trưởng thôn, khu",
      },
      {
        name: "co_cns_tuyen_truyen",
        label: "Có ứng dụng CNS trong thông tin tuyên truyền (đài truyền thanh, trang TTĐT, mạng xã hội)",
        value: "Không",
        note: "Đài truyền thanh chưa kết nối hệ thống thông tin nguồn của tỉnh",
      },
    ],
  };
}

/** 3. Kinh tế số: working-age accounts, businesses and cooperatives, counted from the roster. */
function economySection(f: Figures, day: string): Section {
  const yn = (b: boolean): YesNo => (b ? "Có" : "Không");
  return {
    title: "3. Kinh tế số",
    inputs: [
      {
        name: "dan_so_do_tuoi_lao_dong",
        label: "Dân số trong độ tuổi lao động",
        value: f.dan_so_do_tuoi_lao_dong,
        note: `Tính đến ngày ${day}: từ đủ 15 tuổi đến trước tuổi nghỉ hưu theo Nghị định 135/2020/NĐ-CP; trang Dân cư`,
      },
      {
        name: "co_tk_thanh_toan",
        label: "Số người trong độ tuổi lao động có tài khoản thanh toán điện tử",
        value: f.co_tk_thanh_toan,
        note: "Ngân hàng, Viettel Money, MoMo, VNPT Money...; trang Dân cư",
      },
      { name: "co_so_kd_dkkd", label: "Số cơ sở kinh doanh dịch vụ có ĐKKD", value: f.co_so_kd_dkkd, note: "Trang Cơ sở kinh doanh" },
      {
        name: "co_so_tt_truc_tuyen",
        label: "Số cơ sở có ĐKKD dùng thanh toán trực tuyến",
        value: f.co_so_tt_truc_tuyen,
        note: "Chỉ tính cơ sở có ĐKKD",
      },
      {
        name: "co_htx_ung_dung_cns",
        label: "Có HTX, cơ sở sản xuất ứng dụng công nghệ số (quản lý sản xuất, truy xuất nguồn gốc)",
        value: yn(f.htx_ung_dung_cns > 0),
        note: `${f.htx_ung_dung_cns} HTX, cơ sở; trang Hợp tác xã`,
      },
    ],
  };
}

/** 4. Xã hội số: yes/no answers; health has no answer yet, so the sample shows a thiếu số liệu. */
function societySection(): Section {
  return {
    title: "4. Xã hội số",
    inputs: [
      {
        name: "co_cns_an_ninh",
        label: "Có ứng dụng CNS trong đảm bảo an ninh trật tự (camera, tiếp nhận phản ánh)",
        value: "Có",
        note: "Camera ở các thôn, khu kết nối công an xã",
      },
      {
        name: "co_cns_y_te",
        label: "Có ứng dụng CNS trong chăm sóc sức khỏe (sổ sức khỏe điện tử, khám từ xa)",
        value: null,
        note: "Chưa có số liệu — chờ Trạm y tế xã xác nhận",
      },
      {
        name: "co_cns_giao_duc",
        label: "Có ứng dụng CNS trong giảng dạy (sổ liên lạc điện tử, học trực tuyến)",
        value: "Có",
        note: "Trường mầm non, tiểu học, THCS",
      },
    ],
  };
}

function sections(f: Figures, asOf: Date): Section[] {
  const day = dmy(asOf);
  return [infrastructureSection(f, day), governmentSection(day), economySection(f, day), societySection()];
}

/** What evaluation must give: ratios compared exactly (n × 100 ≥ p × d), blank → thiếu số liệu. */
function expectedVerdicts(values: ReadonlyMap<string, number | YesNo | null>): Record<string, SampleVerdict> {
  const out: Record<string, SampleVerdict> = {};
  for (const ind of INDICATORS) {
    if (ind.kind === "ratio") {
      const n = values.get(ind.numerator);
      const d = values.get(ind.denominator);
      if (typeof n !== "number" || typeof d !== "number") out[ind.code] = "thieu-so-lieu";
      else out[ind.code] = n * 100 >= ind.percent * d ? "dat" : "khong-dat";
    } else {
      const v = values.get(ind.value);
      out[ind.code] = v === null || v === undefined ? "thieu-so-lieu" : v === "Có" ? "dat" : "khong-dat";
    }
  }
  return out;
}

function mappingOf(asOf: string): Mapping {
  const indicators: Record<string, Record<string, string>> = {};
  for (const ind of INDICATORS) {
    indicators[ind.code] = ind.kind === "ratio" ? { numerator: ind.numerator, denominator: ind.denominator } : { value: ind.value };
  }
  return { ruleset: SAMPLE_RULESET, asOf, commune: SAMPLE_COMMUNE, indicators };
}

// ---------------------------------------------------------------------------------------------
// Writing: the same code drives ExcelJS's in-memory Workbook and its streaming WorkbookWriter.

const yesNo = (b: boolean): YesNo => (b ? "Có" : "Không");
const BOLD: Partial<ExcelJS.Font> = { bold: true };

type Book = { wb: ExcelJS.Workbook; streaming: boolean };

function addSheet(book: Book, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = book.wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.addRow(headers);
  header.font = BOLD;
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();
  return ws;
}

function endSheet(book: Book, ws: ExcelJS.Worksheet): void {
  // The in-memory Worksheet declares commit() in the typings but does not implement it.
  if (book.streaming) ws.commit();
}

function writeDataSheet(book: Book, secs: Section[], asOf: Date): void {
  const ws = book.wb.addWorksheet(DATA_SHEET, {
    views: [{ state: "frozen", ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 72 }, { width: 14 }, { width: 70 }];
  const title = ws.addRow(["SỐ LIỆU THỰC HIỆN MÔ HÌNH XÃ NÔNG THÔN MỚI THÔNG MINH"]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([`UBND ${SAMPLE_COMMUNE.replace(/^Xã/, "xã")} (xã giả định, số liệu mẫu) — ngày báo cáo ${dmy(asOf)}`]).commit();
  const hint = ws.addRow(["Số liệu dân cư, cán bộ, cơ sở kinh doanh đếm từ các trang danh sách kèm theo. Ô để trống là chưa có số liệu."]);
  hint.font = { italic: true };
  hint.commit();
  const header = ws.addRow(["Nội dung", "Số liệu", "Ghi chú"]);
  header.font = BOLD;
  header.commit();
  for (const sec of secs) {
    const r = ws.addRow([sec.title]);
    r.font = BOLD;
    r.commit();
    for (const input of sec.inputs) {
      const r = ws.addRow([input.label, input.value, input.note]);
      r.alignment = { vertical: "top", wrapText: true };
      const figure = r.getCell(2);
      if (typeof input.value === "number") figure.numFmt = "#,##0";
      figure.alignment = { horizontal: "right", vertical: "top" };
      book.wb.definedNames.add(`'${DATA_SHEET}'!$B$${r.number}`, input.name);
      r.commit();
    }
  }
  endSheet(book, ws);
}

function writeResidents(book: Book, residents: readonly Resident[]): void {
  const ws = addSheet(
    book,
    RESIDENTS_SHEET,
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"],
    [7, 28, 12, 10, 16, 14, 18],
  );
  residents.forEach((p, i) => {
    const r = ws.addRow([i + 1, p.name, p.birthDate, p.sex, p.village, yesNo(p.hasSmartphone), yesNo(p.hasPaymentAccount)]);
    r.getCell(3).numFmt = "dd/mm/yyyy";
    r.commit();
  });
  endSheet(book, ws);
}

function writeRoster<T>(
  book: Book,
  name: string,
  headers: string[],
  widths: number[],
  items: readonly T[],
  cells: (item: T) => ExcelJS.CellValue[],
): void {
  const ws = addSheet(book, name, headers, widths);
  items.forEach((item, i) => ws.addRow([i + 1, ...cells(item)]).commit());
  endSheet(book, ws);
}

function fillWorkbook(book: Book, secs: Section[], asOf: Date, people: Parameters<typeof rosterFigures>[0]): void {
  book.wb.creator = "Chỉ tiêu xã (sổ mẫu)";
  book.wb.created = asOf;
  book.wb.modified = asOf;
  writeDataSheet(book, secs, asOf);
  writeResidents(book, people.residents);
  writeRoster(
    book,
    OFFICIALS_SHEET,
    ["STT", "Họ và tên", "Chức vụ", "Thôn/Khu dân cư", "Có điện thoại thông minh"],
    [7, 26, 36, 16, 14],
    people.officials,
    (o) => [o.name, o.position, o.village, yesNo(o.hasSmartphone)],
  );
  writeRoster(
    book,
    BUSINESSES_SHEET,
    ["STT", "Tên cơ sở", "Thôn", "Có ĐKKD", "Thanh toán trực tuyến"],
    [7, 44, 16, 10, 14],
    people.businesses,
    (b) => [b.name, b.village, yesNo(b.registered), yesNo(b.usesOnlinePayment)],
  );
  writeRoster(
    book,
    COOPERATIVES_SHEET,
    ["STT", "Tên HTX / cơ sở sản xuất", "Thôn", "Ứng dụng công nghệ số"],
    [7, 40, 16, 16],
    people.cooperatives,
    (c) => [c.name, c.village, yesNo(c.appliesDigitalTech)],
  );
}

async function writeStreaming(secs: Section[], asOf: Date, people: Parameters<typeof rosterFigures>[0]): Promise<Uint8Array> {
  const { Writable } = await import("stream");
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  fillWorkbook({ wb, streaming: true }, secs, asOf, people);
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeInMemory(secs: Section[], asOf: Date, people: Parameters<typeof rosterFigures>[0]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fillWorkbook({ wb, streaming: false }, secs, asOf, people);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The sample commune's workbook (bytes, with the mapping stored in it), its mapping, and the verdict
 * each indicator must get. Deterministic for a given seed: the same people, figures and verdicts.
 * By design (default size and seed, and any size large enough for the shares to settle): 1.1.1 and
 * 1.3.1 không đạt (about 78% and 70% against 85%), 1.2.5 không đạt ("Không"), 1.4.2 thiếu số liệu
 * (blank), the other nine đạt.
 */
export async function makeSampleCommune(opts: SampleOptions = {}): Promise<SampleCommune> {
  const n = opts.residents ?? 1200;
  const seed = opts.seed ?? 2024;
  const asOfText = opts.asOf ?? "2024-09-30";
  if (!Number.isInteger(n) || n < 0) throw new Error(`Số dân phải là số nguyên không âm: ${n}`);
  const asOf = parseIsoDate(asOfText);
  const people = {
    residents: makeResidents(n, seed, asOfText),
    officials: makeOfficials(seed),
    businesses: makeBusinesses(seed),
    cooperatives: makeCooperatives(seed),
  };
  const secs = sections(rosterFigures(people, asOf), asOf);
  const values = new Map(secs.flatMap((s) => s.inputs.map((i) => [i.name, i.value] as const)));
  const raw = n > STREAMING_FROM ? await writeStreaming(secs, asOf, people) : await writeInMemory(secs, asOf, people);

  const mapping = mappingOf(asOfText);
  const port = await XlsxWorkbook.open(raw);
  await port.writeSheets([], JSON.stringify(mapping, null, 2));
  return { bytes: await port.save(), mapping, expected: expectedVerdicts(values) };
}
