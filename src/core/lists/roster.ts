/*
 * A roster sheet read into entries: one per named row, with what the lists need (name, village,
 * position, birth, sex, yes/no answers), and every problem named by its cell. Duplicates are kept
 * once and reported; blank names are skipped and reported; ID-like columns are never read as names.
 */
import type { Birth, Sex } from "../age/retirement";
import { formatBirth } from "../age/retirement";
import type { Finding } from "../evaluate/result";
import { cellRef, quoteSheet } from "../ref/a1";
import type { RawCell } from "../text/cell";
import { fold, foldLoose } from "../text/fold";
import { HEADER_SEARCH_ROWS, ROLE_TEXT, ROSTER_TEXT, headerText, rolesOfRow, type RosterColumn } from "./columns";
import { keptBefore, sameNames } from "./duplicates";
import { COLUMN_ROLES, FLAG_ROLES, type ColumnRole, type FlagRole, type RosterKind } from "./ids";
import { findIdLikeColumns, ID_KIND_TEXT, type IdLikeColumn } from "./id-columns";
import type { RosterMapping } from "./mapping";
import { birthOfDate, looksLikeFormula, readBirth, readSex, readText, shown, yesNoReader } from "./values";

export type RosterEntry = {
  /** 1-based row of the sheet. */
  row: number;
  name: string;
  /** The village as first written in the roster; "" when blank. */
  village: string;
  position?: string;
  birth?: Birth;
  sex?: Sex;
  /** Shared by the entries that answered alike (never changed once read). */
  flags: Readonly<Partial<Record<FlagRole, boolean>>>;
};

export type Roster = {
  kind: RosterKind;
  sheet: string;
  headerRow: number;
  columns: Partial<Record<ColumnRole, RosterColumn>>;
  entries: RosterEntry[];
  /** Rows with a name that were read (duplicates included). */
  rowsRead: number;
  idColumns: IdLikeColumn[];
  problems: Finding[];
};

export type RosterResolve =
  { ok: true; headerRow: number; columns: Partial<Record<ColumnRole, RosterColumn>> } | { ok: false; problems: Finding[] };

const loi = (message: string, ref?: string): Finding =>
  ref === undefined ? { message, severity: "loi" } : { message, ref, severity: "loi" };
const canhBao = (message: string, ref?: string): Finding =>
  ref === undefined ? { message, severity: "canh-bao" } : { message, ref, severity: "canh-bao" };

/** "'Dân cư'!C15" */
export function cellOf(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellRef(row, col)}`;
}

/** The roles a roster kind needs to make its lists. */
const REQUIRED: Record<RosterKind, ColumnRole[]> = {
  residents: ["name", "birthDate"],
  officials: ["name", "smartphone"],
  businesses: ["name", "onlinePayment"],
  cooperatives: ["name", "digitalTech"],
};

/**
 * Finds the stored headers on the sheet: in the stored header row, or (rows inserted above it) in the
 * first rows that hold the name header. A header no longer there is a problem naming it.
 */
export function resolveRoster(kind: RosterKind, m: RosterMapping, rows: readonly (readonly RawCell[])[]): RosterResolve {
  const wanted = Object.entries(m.columns).filter((e): e is [ColumnRole, string] => e[1] !== undefined);
  const find = (r: number) => {
    const row = rows[r - 1] ?? [];
    const byFold = new Map<string, number>();
    row.forEach((cell, i) => {
      const h = headerText(cell);
      if (h !== undefined && !byFold.has(fold(h))) byFold.set(fold(h), i + 1);
    });
    const columns: Partial<Record<ColumnRole, RosterColumn>> = {};
    const missing: Array<[ColumnRole, string]> = [];
    for (const [role, header] of wanted) {
      const col = byFold.get(fold(header));
      if (col === undefined) missing.push([role, header]);
      else columns[role] = { col, header: headerText(row[col - 1] ?? null) ?? header };
    }
    return { columns, missing };
  };
  const candidates = [m.headerRow ?? 1, ...Array.from({ length: Math.min(rows.length, HEADER_SEARCH_ROWS) }, (_, i) => i + 1)];
  let best: { row: number; columns: Partial<Record<ColumnRole, RosterColumn>>; missing: Array<[ColumnRole, string]> } | undefined;
  for (const r of candidates) {
    const found = find(r);
    if (found.columns.name && (!best || found.missing.length < best.missing.length)) best = { row: r, ...found };
    if (best && best.missing.length === 0) break;
  }
  const where = `trang "${m.sheet}"`;
  if (!best) {
    return {
      ok: false,
      problems: [
        loi(
          `Không thấy cột "${m.columns.name}" của ${ROSTER_TEXT[kind]} trên ${where} — hãy sửa ánh xạ lists.rosters.${kind}`,
          quoteSheet(m.sheet),
        ),
      ],
    };
  }
  const problems = best.missing.map(([role, header]) => {
    const required = REQUIRED[kind].includes(role);
    const message = `Không thấy cột "${header}" (${ROLE_TEXT[role]}) ở dòng tiêu đề ${best.row} của ${where}${required ? "" : " — bỏ qua cột này"}`;
    return required ? loi(message, cellOf(m.sheet, best.row, 1)) : canhBao(message, cellOf(m.sheet, best.row, 1));
  });
  if (problems.some((p) => p.severity === "loi")) return { ok: false, problems };
  return { ok: true, headerRow: best.row, columns: best.columns };
}

/** An entry's flags until its row's answers are read. */
const NO_FLAGS: RosterEntry["flags"] = {};

/** At most this many cells are named in one aggregated problem. */
const EXAMPLES = 5;

function examples(refs: readonly string[]): string {
  const shownRefs = refs.slice(0, EXAMPLES).join(", ");
  return refs.length > EXAMPLES ? `${shownRefs}, …` : shownRefs;
}

type Tally = { refs: string[]; texts: Set<string> };

/**
 * The mapped columns that may be read: a name, village or position column that holds personal numbers
 * is refused, and every such column is pointed out.
 */
function readableColumns(
  sheet: string,
  rows: readonly (readonly RawCell[])[],
  headerRow: number,
  mapped: Partial<Record<ColumnRole, RosterColumn>>,
  problems: Finding[],
) {
  const headerIds = rolesOfRow(rows[headerRow - 1] ?? []).idColumns;
  const idColumns = findIdLikeColumns(rows, headerRow, headerIds);
  const idCols = new Set(idColumns.map((c) => c.col));
  const columns: Partial<Record<ColumnRole, RosterColumn>> = {};
  for (const role of COLUMN_ROLES) {
    const c = mapped[role];
    if (!c) continue;
    if (idCols.has(c.col) && role !== "birthDate") {
      problems.push(
        loi(
          `Cột "${c.header}" của trang "${sheet}" được gán cho "${ROLE_TEXT[role]}" nhưng chứa dãy số giống ${ID_KIND_TEXT[idColumns.find((x) => x.col === c.col)!.kind]} — không chép vào danh sách; hãy gán cột khác`,
          cellOf(sheet, headerRow, c.col),
        ),
      );
      continue;
    }
    columns[role] = c;
  }
  for (const c of idColumns) {
    const label = c.header === undefined ? `Cột ${cellRef(headerRow, c.col).replace(/\d+$/, "")}` : `Cột "${c.header}"`;
    problems.push(
      canhBao(
        `${label} của trang "${sheet}" ${c.byHeader ? "ghi" : "có vẻ chứa"} ${ID_KIND_TEXT[c.kind]} — không bao giờ được chép vào danh sách; hãy xóa hoặc tách cột này trước khi gửi sổ tính lên cấp trên (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)`,
        cellOf(sheet, headerRow, c.col),
      ),
    );
  }
  return { columns, idColumns };
}

/** What reading the rows of one roster carries from row to row: the columns, caches, and tallies of unreadable cells. */
type RowsRead = {
  sheet: string;
  villageCol: number | undefined;
  positionCol: number | undefined;
  birthCol: number | undefined;
  sexCol: number | undefined;
  flagCols: ReadonlyArray<readonly [FlagRole, number]>;
  /** One flags object per combination of answers, by its number (answers in base 3): not one per row. */
  flagSets: Array<RosterEntry["flags"] | undefined>;
  yesNo: ReturnType<typeof yesNoReader>;
  villages: Map<string, string>;
  villageByRaw: Map<string, string>;
  badFlags: Map<FlagRole, Tally>;
  badSex: Tally;
  noBirth: string[];
  problems: Finding[];
};

/** The village, position, birth, sex and yes/no cells of one person's row into `entry`. */
function readFields(st: RowsRead, entry: RosterEntry, row: readonly RawCell[], rowNo: number): void {
  const { sheet, villageCol, positionCol, birthCol, sexCol } = st;
  if (villageCol !== undefined) {
    const raw = row[villageCol - 1] ?? null;
    let shownVillage = typeof raw === "string" ? st.villageByRaw.get(raw) : undefined;
    if (shownVillage === undefined) {
      const v = readText(raw);
      if (v.kind === "ok") {
        // One spelling per village: "thôn  Đông" and "Thôn Đông" are the same place.
        const key = fold(v.value);
        shownVillage = st.villages.get(key) ?? v.value;
        st.villages.set(key, shownVillage);
        if (typeof raw === "string") st.villageByRaw.set(raw, shownVillage);
      }
    }
    if (shownVillage !== undefined) entry.village = shownVillage;
  }
  if (positionCol !== undefined) {
    const p = readText(row[positionCol - 1] ?? null);
    if (p.kind === "ok") entry.position = p.value;
  }
  if (birthCol !== undefined) {
    const raw = row[birthCol - 1] ?? null;
    // A date cell, as most are, is read without a Read object per row.
    const day = raw instanceof Date ? birthOfDate(raw) : undefined;
    const b = day === undefined ? readBirth(raw) : undefined;
    // The cell's reference is made only when a problem needs it: most rows have a readable birth date.
    if (b === undefined) entry.birth = day!;
    else if (b.kind === "ok") entry.birth = b.value;
    else if (b.kind === "invalid") {
      const ref = cellOf(sheet, rowNo, birthCol);
      st.problems.push(
        loi(
          `Ô ${ref}: không đọc được ngày sinh "${shown(raw)}" của ${entry.name} — ghi dạng ngày/tháng/năm (15/03/1964) hoặc năm sinh (1964); người này không được xếp vào danh sách theo tuổi`,
          ref,
        ),
      );
    } else st.noBirth.push(cellOf(sheet, rowNo, birthCol));
  }
  if (sexCol !== undefined) {
    const raw = row[sexCol - 1] ?? null;
    const s = readSex(raw);
    if (s.kind === "ok") entry.sex = s.value;
    else if (s.kind === "invalid") {
      st.badSex.refs.push(cellOf(sheet, rowNo, sexCol));
      st.badSex.texts.add(shown(raw));
    }
  }
  let answers = 0;
  let digit = 1;
  // An indexed loop: for…of with destructuring made an iterator result per column of every row.
  for (let i = 0; i < st.flagCols.length; i++) {
    const [role, col] = st.flagCols[i]!;
    const raw = row[col - 1] ?? null;
    const f = st.yesNo(raw);
    if (f.kind === "ok") answers += digit * (f.value ? 2 : 1);
    else if (f.kind === "invalid") {
      const t = st.badFlags.get(role) ?? { refs: [], texts: new Set<string>() };
      t.refs.push(cellOf(sheet, rowNo, col));
      t.texts.add(shown(raw));
      st.badFlags.set(role, t);
    }
    digit *= 3;
  }
  entry.flags = st.flagSets[answers] ??= flagsOf(st.flagCols, answers);
}

/** The flags of a combination of answers: each column's base-3 digit, 0 unanswered, 1 no, 2 yes. */
function flagsOf(flagCols: RowsRead["flagCols"], answers: number): RosterEntry["flags"] {
  const flags: Partial<Record<FlagRole, boolean>> = {};
  let rest = answers;
  for (const [role] of flagCols) {
    if (rest % 3 !== 0) flags[role] = rest % 3 === 2;
    rest = Math.floor(rest / 3);
  }
  return flags;
}

/** The unreadable cells of a roster, one problem per column with a few examples. */
function tallyProblems(st: RowsRead, columns: Partial<Record<ColumnRole, RosterColumn>>): void {
  const { sheet, noBirth, badSex, badFlags, problems } = st;
  if (noBirth.length > 0) {
    problems.push(
      loi(
        `${noBirth.length} người trên trang "${sheet}" không có ngày sinh (${examples(noBirth)}) — không đoán tuổi: những người này không được xếp vào danh sách nào theo tuổi và không được tính vào số dân theo độ tuổi`,
        noBirth[0],
      ),
    );
  }
  if (badSex.refs.length > 0) {
    problems.push(
      loi(
        `${badSex.refs.length} ô giới tính trên trang "${sheet}" không đọc được (${[...badSex.texts]
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(", ")}; ${examples(badSex.refs)}) — ghi "Nam" hoặc "Nữ"`,
        badSex.refs[0],
      ),
    );
  }
  for (const [role, t] of badFlags) {
    problems.push(
      loi(
        `${t.refs.length} ô của cột "${columns[role]!.header}" trên trang "${sheet}" không phải câu trả lời có/không (${[...t.texts]
          .slice(0, 3)
          .map((x) => `"${x}"`)
          .join(", ")}; ${examples(t.refs)}) — ghi Có hoặc Không; những dòng này không được đưa vào danh sách`,
        t.refs[0],
      ),
    );
  }
}

/** The per-row reading state of a roster: the columns to read and the tallies of unreadable cells. */
function rowsReadState(kind: RosterKind, sheet: string, columns: Partial<Record<ColumnRole, RosterColumn>>, problems: Finding[]): RowsRead {
  return {
    sheet,
    villageCol: columns.village?.col,
    positionCol: columns.position?.col,
    birthCol: kind === "residents" ? columns.birthDate?.col : undefined,
    sexCol: kind === "residents" ? columns.sex?.col : undefined,
    flagCols: FLAG_ROLES.filter((r) => columns[r]).map((r) => [r, columns[r]!.col] as const),
    flagSets: [],
    yesNo: yesNoReader(),
    villages: new Map(),
    villageByRaw: new Map(),
    badFlags: new Map(),
    badSex: { refs: [], texts: new Set() },
    noBirth: [],
    problems,
  };
}

/** A row without a readable name is skipped: said when its name cannot be read or its other cells hold data. */
function unnamedRowProblem(
  st: RowsRead,
  row: readonly RawCell[],
  rowNo: number,
  nameCol: number,
  nameRead: Exclude<ReturnType<typeof readText>, { kind: "ok" }>,
  usedCols: readonly number[],
): void {
  const { sheet, problems } = st;
  const hasData = usedCols.some((c) => c !== nameCol && readText(row[c - 1] ?? null).kind !== "blank");
  if (nameRead.kind === "invalid")
    problems.push(
      loi(`Ô ${cellOf(sheet, rowNo, nameCol)}: không đọc được tên ("${nameRead.text}") — bỏ qua dòng này`, cellOf(sheet, rowNo, nameCol)),
    );
  else if (hasData)
    problems.push(
      loi(
        `Dòng ${rowNo} của trang "${sheet}" có số liệu nhưng không có tên — bỏ qua, không đưa vào danh sách`,
        cellOf(sheet, rowNo, nameCol),
      ),
    );
}

/** The person of `entry` already read at row `first`: counted once. */
function duplicateProblem(kind: RosterKind, sheet: string, entry: RosterEntry, first: number, nameCol: number): Finding {
  const { name, row: rowNo } = entry;
  const what =
    kind === "residents"
      ? `${name}${entry.birth ? `, sinh ${formatBirth(entry.birth)}` : ""}${entry.village ? `, ${entry.village}` : ""}`
      : `${name}${entry.village ? `, ${entry.village}` : ""}`;
  return loi(
    `Trùng: "${what}" ở dòng ${first} và dòng ${rowNo} của trang "${sheet}" — chỉ tính một lần; hãy xóa dòng trùng`,
    cellOf(sheet, rowNo, nameCol),
  );
}

/**
 * Reads a roster's rows below its header. Checks the columns first: a name, village or position column
 * that holds personal numbers is not read at all, and every such column is pointed out.
 */
export function readRoster(
  kind: RosterKind,
  sheet: string,
  rows: readonly (readonly RawCell[])[],
  headerRow: number,
  mapped: Partial<Record<ColumnRole, RosterColumn>>,
): Roster {
  const problems: Finding[] = [];
  const { columns, idColumns } = readableColumns(sheet, rows, headerRow, mapped, problems);
  const base = { kind, sheet, headerRow, columns, idColumns };
  const nameCol = columns.name?.col;
  if (nameCol === undefined) return { ...base, entries: [], rowsRead: 0, problems };

  const st = rowsReadState(kind, sheet, columns, problems);
  const { birthCol } = st;
  const usedCols = [nameCol, st.villageCol, st.positionCol, birthCol, st.sexCol, ...st.flagCols.map(([, c]) => c)].filter(
    (c): c is number => c !== undefined,
  );
  const nameHeaderFold = fold(columns.name!.header);
  const nameHeaderLength = columns.name!.header.length;
  if (kind === "residents" && birthCol === undefined) {
    problems.push(
      loi(
        `Danh sách dân cư trên trang "${sheet}" không có cột Ngày sinh / Năm sinh — không xác định được ai ở độ tuổi trưởng thành hay độ tuổi lao động; hãy gán cột ngày sinh`,
        cellOf(sheet, headerRow, nameCol),
      ),
    );
  }

  const sameNameAs = sameNames<RosterEntry>();
  const entries: RosterEntry[] = [];
  let rowsRead = 0;

  for (let r = headerRow; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNo = r + 1;
    const nameRead = readText(row[nameCol - 1] ?? null);
    if (nameRead.kind !== "ok") {
      unnamedRowProblem(st, row, rowNo, nameCol, nameRead, usedCols);
      continue;
    }
    const name = nameRead.value;
    const same = sameNameAs(name);
    // A repeated header (printed tables) or a total line at the bottom is not a person.
    if (name.length === nameHeaderLength && same.folded === nameHeaderFold) continue;
    if (
      mayBeTotal(name) &&
      /^(tổng|tong|cộng|cong)(\s|:|$)/i.test(name) &&
      /^(tong cong|tong so|cong)( |$)/.test(foldLoose(name)) &&
      (birthCol === undefined || readBirth(row[birthCol - 1] ?? null).kind === "blank")
    ) {
      problems.push(canhBao(`Dòng ${rowNo} của trang "${sheet}" ("${name}") là dòng tổng cộng — bỏ qua`, cellOf(sheet, rowNo, nameCol)));
      continue;
    }
    rowsRead++;
    const entry: RosterEntry = { row: rowNo, name, village: "", flags: NO_FLAGS };
    if (looksLikeFormula(name)) {
      problems.push(
        canhBao(
          `Ô ${cellOf(sheet, rowNo, nameCol)}: tên "${name}" bắt đầu bằng "${name[0]}" — được ghi vào danh sách dạng chữ, không phải công thức; hãy kiểm tra lại tên`,
          cellOf(sheet, rowNo, nameCol),
        ),
      );
    }
    readFields(st, entry, row, rowNo);
    const first = keptBefore(same, kind, entry);
    if (first !== undefined) {
      problems.push(duplicateProblem(kind, sheet, entry, first.row, nameCol));
      continue;
    }
    entries.push(entry);
  }

  tallyProblems(st, columns);
  return { ...base, entries, rowsRead, problems };
}

/** Whether a name may start "Tổng" or "Cộng" (a total line): the first letter, before any pattern is tried on 20 000 names. */
const mayBeTotal = (name: string) => {
  const c = name.charCodeAt(0) | 32;
  return c === 116 /* t */ || c === 99; /* c */
};
