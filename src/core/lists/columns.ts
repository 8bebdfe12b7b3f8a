/*
 * Roster columns recognised by their header, folded as DESIGN.md says (case, spacing, tone placement;
 * for headers also diacritics, since "Ngay sinh" typed without marks is still a birth date), and the
 * roster a sheet holds, proposed from its header row.
 */
import type { RawCell } from "../text/cell";
import { foldLoose, nfc } from "../text/fold";
import { memoized } from "../text/memo";
import type { ColumnRole, RosterKind } from "./ids";

/** How each role is named to the clerk. */
export const ROLE_TEXT: Record<ColumnRole, string> = {
  name: "Họ và tên / Tên cơ sở",
  birthDate: "Ngày sinh / Năm sinh",
  sex: "Giới tính",
  village: "Thôn / Khu dân cư",
  position: "Chức vụ",
  smartphone: "Có điện thoại thông minh",
  paymentAccount: "Có tài khoản thanh toán điện tử",
  registered: "Có đăng ký kinh doanh",
  onlinePayment: "Thanh toán trực tuyến",
  digitalTech: "Ứng dụng công nghệ số",
};

export const ROSTER_TEXT: Record<RosterKind, string> = {
  residents: "danh sách dân cư",
  officials: "danh sách cán bộ xã, khu dân cư",
  businesses: "danh sách cơ sở kinh doanh",
  cooperatives: "danh sách HTX, cơ sở sản xuất",
};

/** A header that names personal numbers: never a list column, and pointed out (DESIGN.md, "Personal data"). */
export type HeaderClass = ColumnRole | "id-number" | "serial" | undefined;

/** Phrases padded with a space each side once, at load: a header is classified for each cell of the first rows of every sheet. */
const phrases = (...ps: string[]): readonly string[] => ps.map((p) => ` ${p} `);

const PERSONAL_NUMBER = phrases(
  "cccd",
  "cmnd",
  "cmt",
  "can cuoc",
  "chung minh",
  "dinh danh",
  "ho chieu",
  "so tai khoan",
  "stk",
  "so tk",
  "so the",
  "so dien thoai",
  "sdt",
  "dien thoai di dong",
  "ma so thue",
  "mst",
  "bhxh",
  "bhyt",
  "so so",
);
const BIRTH = phrases("sinh");
const NOT_BIRTH = phrases("sinh vien", "hoc sinh", "noi sinh", "que quan", "sinh hoat", "sinh ke");
const SEX = phrases("gioi tinh", "gioi");
const POSITION = phrases("chuc vu", "chuc danh", "vi tri cong tac");
const SMARTPHONE = phrases("dien thoai thong minh", "dttm", "smartphone", "dien thoai ket noi internet");
const PAYMENT_ACCOUNT = phrases("tai khoan", "vi dien tu", "tk thanh toan", "tktt");
const REGISTERED = phrases("dkkd", "dang ky kinh doanh", "giay phep kinh doanh", "gpkd", "co dang ky");
const ONLINE_PAYMENT = phrases(
  "thanh toan truc tuyen",
  "thanh toan dien tu",
  "thanh toan khong dung tien mat",
  "giai phap thanh toan",
  "thanh toan qua",
  "thanh toan online",
  "qr",
);
const DIGITAL_TECH = phrases("cong nghe so", "cns", "chuyen doi so", "truy xuat nguon goc", "ung dung cong nghe");
const VILLAGE = phrases("thon", "xom", "khu dan cu", "kdc", "khu", "to dan pho", "ban", "dia chi", "noi o", "ap", "lang");
const ESTABLISHMENT_NAME = phrases("ten co so", "ten htx", "ten hop tac xa", "ten doanh nghiep", "ten ho kinh doanh", "ten cua hang");
const OFFICIALS_SHEET = phrases("can bo", "cbcc", "cong chuc");

/** Whether the folded text holds one of the phrases as whole words. */
const has = (h: string, padded: readonly string[]) => {
  const text = ` ${h} `;
  for (let i = 0; i < padded.length; i++) if (text.includes(padded[i]!)) return true;
  return false;
};

/**
 * What a header says (classifyText), each distinct text worked out once: a roster's first rows, where
 * headers are looked for on every sheet, repeat the same villages, sexes and answers.
 */
export const classifyHeader: (text: string) => HeaderClass = memoized(classifyText, 5_000);

/**
 * What a header says, folded loosely. Order matters: personal numbers first ("Số tài khoản" is not the
 * account yes/no column), then the specific yes/no columns, the name last ("Tên thôn" is a village).
 */
function classifyText(text: string): HeaderClass {
  const h = foldLoose(text);
  if (h === "") return undefined;
  if (/^(stt|tt|so tt|so thu tu|thu tu)$/.test(h)) return "serial";
  if (has(h, PERSONAL_NUMBER)) return "id-number";
  if (has(h, BIRTH) && !has(h, NOT_BIRTH)) return "birthDate";
  if (has(h, SEX) || h === "nam nu" || h === "nam hoac nu") return "sex";
  if (has(h, POSITION)) return "position";
  if (has(h, SMARTPHONE)) return "smartphone";
  if (has(h, PAYMENT_ACCOUNT)) return "paymentAccount";
  if (has(h, REGISTERED)) return "registered";
  if (has(h, ONLINE_PAYMENT)) return "onlinePayment";
  if (has(h, DIGITAL_TECH)) return "digitalTech";
  if (has(h, VILLAGE)) return "village";
  if (/^(ho va ten|ho ten|ho va ten day du|ten)( |$)/.test(h) || has(h, ESTABLISHMENT_NAME)) return "name";
  return undefined;
}

/** A header cell's text, NFC and trimmed; numbers and dates are not headers. */
export function headerText(cell: RawCell): string | undefined {
  if (typeof cell !== "string") return undefined;
  const t = nfc(cell).replace(/\s+/g, " ").trim();
  return t === "" ? undefined : t;
}

/** A column a roster uses: its 1-based index and header text as written. */
export type RosterColumn = { col: number; header: string };

export type ProposedRoster = {
  kind: RosterKind;
  sheet: string;
  headerRow: number;
  columns: Partial<Record<ColumnRole, RosterColumn>>;
  /** Columns whose header names personal numbers. */
  idColumns: RosterColumn[];
  /** How sure: the number of recognised columns. */
  score: number;
};

/** Header rows are looked for in the first rows only: a title or two sit above many rosters. */
export const HEADER_SEARCH_ROWS = 30;

/** The recognised columns of one row, the first column of each role winning. */
export function rolesOfRow(row: readonly RawCell[]): { columns: Partial<Record<ColumnRole, RosterColumn>>; idColumns: RosterColumn[] } {
  const columns: Partial<Record<ColumnRole, RosterColumn>> = {};
  const idColumns: RosterColumn[] = [];
  row.forEach((cell, i) => {
    const header = headerText(cell);
    if (header === undefined) return;
    const c = classifyHeader(header);
    if (c === "id-number") idColumns.push({ col: i + 1, header });
    else if (c !== undefined && c !== "serial" && columns[c] === undefined) columns[c] = { col: i + 1, header };
  });
  return { columns, idColumns };
}

/** Which roster a set of columns makes, if any. */
export function kindOf(columns: Partial<Record<ColumnRole, RosterColumn>>, sheet: string): RosterKind | undefined {
  if (!columns.name) return undefined;
  const s = foldLoose(sheet);
  if (columns.digitalTech) return "cooperatives";
  if ((columns.onlinePayment || columns.registered) && !columns.birthDate) return "businesses";
  if (columns.smartphone && !columns.paymentAccount && (columns.position || has(s, OFFICIALS_SHEET))) return "officials";
  if (columns.birthDate && (columns.smartphone || columns.paymentAccount)) return "residents";
  if (columns.smartphone && has(s, OFFICIALS_SHEET)) return "officials";
  return undefined;
}

/** The roster a sheet holds, judged from its best header row among the first rows; undefined when none. */
export function proposeRoster(sheet: string, rows: readonly (readonly RawCell[])[]): ProposedRoster | undefined {
  let best: ProposedRoster | undefined;
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const { columns, idColumns } = rolesOfRow(rows[r] ?? []);
    const kind = kindOf(columns, sheet);
    if (!kind) continue;
    const score = Object.keys(columns).length;
    if (!best || score > best.score) best = { kind, sheet, headerRow: r + 1, columns, idColumns, score };
  }
  return best;
}
