/*
 * A list sheet laid out as the seed's template (Phụ lục 03–07): "Phụ lục 0n", the title, the three
 * columns STT | Họ và Tên (Tên cơ sở sản xuất) | Ghi chú, one row per member, "Tổng cộng:", and the
 * confirmation blocks — for A4 portrait, header row repeated on every page. Above the table, as every
 * printed sheet of ours: the commune and the report date, and who is listed. Optionally grouped by
 * village with a subtotal per village. Names are plain text values; the back ends write text cells
 * as text, so a name that starts with "=" is never a formula.
 */
import { formatYmd, type Ymd } from "../age/retirement";
import { formatInteger } from "../text/format";
import { cellRef, quoteSheet } from "../ref/a1";
import type { CellSpec, SheetLayout, StyleName } from "../layout/sheet";
import type { RosterEntry } from "./roster";
import type { BuiltList } from "./select";
import type { ListId } from "./ids";
import { CONFIRM_COMMUNE, type ListTemplate } from "./templates";

export type ListLayoutInput = {
  list: BuiltList;
  /** Decided by the caller with chooseSheetName (the wanted name is the template's "Phụ lục 0n"). */
  sheetName: string;
  commune?: string | undefined;
  asOf: Ymd;
  groupByVillage?: boolean | undefined;
  /** Notes printed under the criteria line (the birth-date assumption, when one was made). */
  notes?: readonly string[] | undefined;
};

export type ListLayout = {
  layout: SheetLayout;
  /** The cell holding "Tổng cộng: n", as a reference a message can name: 'Phụ lục 03'!A120. */
  totalRef: string;
  count: number;
  /** The list's count as a formula over its STT column, for the status sheet to read the list itself. */
  countFormula: string;
};

/** The owned sheet's key: the list id ("PL03"). */
export const listSheetKey = (id: ListId): string => id;

const WIDTHS = [7, 45, 30];
/** Points per line of 12 pt text, as the sheet layout model counts. */
const LINE_HEIGHT = 15.75;
const LAST_COL = 3;
/** Characters per printed line across the three columns: 14 pt bold title, 10 pt italic notes. */
const TITLE_CHARS = 60;
const NOTE_CHARS = 95;

/**
 * Splits text at spaces into lines of at most `width` characters (a longer word stands alone). A
 * no-break space (U+00A0) binds: "Điều\u00a03" never ends a line after "Điều".
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/[ \t\n]+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

type Row = Array<CellSpec | null>;

const cell = (value: string | number, style: StyleName): CellSpec => ({ value, style });

function note(entry: RosterEntry, id: ListId): string {
  if (id === "PL04" && entry.position) return entry.village ? `${entry.position}, ${entry.village}` : entry.position;
  return entry.village;
}

/** "Xã Minh Tân" as given; a bare "Minh Tân" as "Xã: Minh Tân"; dots to fill in by hand when unknown. */
function communeText(commune: string | undefined): string {
  if (commune === undefined || commune.trim() === "") return "Xã: ....................";
  return /^(xã|phường|thị trấn|đặc khu)\s/i.test(commune.trim()) ? commune.trim() : `Xã: ${commune.trim()}`;
}

const NO_VILLAGE = "(Không ghi thôn, khu dân cư)";

/**
 * The confirmation blocks in the document's order, left to right: the commune's under A:B and the
 * village's under C; a single block stands on the right, where a signature goes.
 */
function confirmationRows(t: ListTemplate, rows: Row[], merges: SheetLayout["merges"]): void {
  rows.push([]);
  const confirm: Row = [null, null, null];
  const sign: Row = [null, null, null];
  const blocks = t.confirmations;
  const at = (title: string) => (blocks.length === 1 ? 3 : title === CONFIRM_COMMUNE ? 1 : 3);
  for (const title of blocks) {
    const c = at(title);
    confirm[c - 1] = cell(title, "title");
    sign[c - 1] = cell(title === CONFIRM_COMMUNE ? "(Ký, ghi rõ họ tên, đóng dấu)" : "(Ký, ghi rõ họ tên)", "note");
  }
  rows.push(confirm);
  if (blocks.length > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 2 });
  rows.push(sign);
  if (blocks.length > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 2 });
}

/** The rows above the members, through the header row: appendix, title, commune and date, criteria and notes. */
function headRows(input: ListLayoutInput, rows: Row[], merges: SheetLayout["merges"]): void {
  const { list } = input;
  const t = list.template;
  const full = (row: Row) => {
    rows.push(row);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: LAST_COL });
  };
  full([cell(t.appendix, "title")]);
  for (const line of wrapWords(t.title, TITLE_CHARS)) full([cell(line, "title")]);
  full([cell(`${communeText(input.commune)} · Ngày báo cáo: ${formatYmd(input.asOf)}`, "subtitle")]);
  for (const text of [list.criteria, ...(input.notes ?? [])]) for (const line of wrapWords(text, NOTE_CHARS)) full([cell(line, "note")]);
  rows.push([]);
  rows.push([cell("STT", "header"), cell(t.nameHeader, "header"), cell("Ghi chú", "header")]);
}

/** Where a list's total and count are, given its header row and its "Tổng cộng" row. */
function listPlaces(input: ListLayoutInput, headerRow: number, totalRow: number): Omit<ListLayout, "layout"> {
  return {
    totalRef: `${quoteSheet(input.sheetName)}!${cellRef(totalRow, 1)}`,
    count: input.list.members.length,
    // Only member rows carry a number in STT: village headings, subtotals and the "no one" row are text.
    countFormula: `COUNT(${quoteSheet(input.sheetName)}!$A$${headerRow + 1}:$A$${totalRow - 1})`,
  };
}

/**
 * What listSheetLayout says of a list (its total's cell, count and count formula) without laying out
 * its members: for evaluate, the check and the roll-up, which write no list sheet. The rows between
 * the header and the total are counted as listSheetLayout lays them: a member each, and by village a
 * heading and a subtotal per run of one village; one "no one" row for an empty list.
 */
export function listSheetPlaces(input: ListLayoutInput): Omit<ListLayout, "layout"> {
  const head: Row[] = [];
  headRows(input, head, []);
  const ms = input.list.members;
  let body = ms.length === 0 ? 1 : ms.length;
  if (input.groupByVillage) for (let i = 0; i < ms.length; i++) if (i === 0 || ms[i]!.village !== ms[i - 1]!.village) body += 2;
  return listPlaces(input, head.length, head.length + body + 1);
}

/** The list sheet of one appendix. */
export function listSheetLayout(input: ListLayoutInput): ListLayout {
  const { list } = input;
  const t = list.template;
  const rows: Row[] = [];
  const merges: SheetLayout["merges"] = [];
  const full = (row: Row) => {
    rows.push(row);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: LAST_COL });
  };
  headRows(input, rows, merges);
  const headerRow = rows.length;

  let stt = 0;
  const heights: Array<number | undefined> = [];
  const noteCells = new Map<string, CellSpec>();
  const member = (e: RosterEntry) => {
    stt++;
    const n = note(e, list.id);
    let noteCell = noteCells.get(n);
    if (!noteCell) {
      // Villages repeat down the list: one cell object each (layouts are read, never changed).
      noteCell = cell(n, "text");
      noteCells.set(n, noteCell);
    }
    rows.push([cell(stt, "center"), cell(e.name, "text"), noteCell]);
    // Excel and LibreOffice do not grow the rows of a file they open: a long name gets its lines here
    // (about one character per unit of column width, as estimateRowHeights counts).
    const lines = Math.max(Math.ceil(e.name.length / (WIDTHS[1]! - 1)), Math.ceil(n.length / (WIDTHS[2]! - 1)));
    if (lines > 1) heights[rows.length - 1] = Math.round(lines * LINE_HEIGHT * 100) / 100;
  };
  if (input.groupByVillage) {
    let i = 0;
    const ms = list.members;
    while (i < ms.length) {
      const village = ms[i]!.village;
      let j = i;
      while (j < ms.length && ms[j]!.village === village) j++;
      full([cell(village === "" ? NO_VILLAGE : village, "summary"), cell("", "summary"), cell("", "summary")]);
      for (let k = i; k < j; k++) member(ms[k]!);
      rows.push([
        cell(`Cộng ${village === "" ? "không ghi thôn" : village}: ${formatInteger(j - i)} ${t.unit}`, "summary"),
        null,
        cell("", "summary"),
      ]);
      merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 2 });
      i = j;
    }
  } else {
    for (const e of list.members) member(e);
  }
  if (list.members.length === 0) {
    rows.push([cell("", "center"), cell("(Không có ai trong danh sách)", "text"), cell("", "text")]);
  }
  rows.push([cell(`Tổng cộng: ${formatInteger(list.members.length)} ${t.unit}`, "bold"), null, cell("", "text")]);
  merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 2 });
  const totalRow = rows.length;

  confirmationRows(t, rows, merges);

  heights.length = rows.length;
  return {
    layout: {
      key: listSheetKey(list.id),
      name: input.sheetName,
      rows: rows.map(trimRow),
      columns: WIDTHS,
      merges,
      print: { orientation: "portrait", fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
      rowHeights: heights,
      freezeRows: headerRow,
      visibility: "visible",
    },
    ...listPlaces(input, headerRow, totalRow),
  };
}

function trimRow(row: Row): Row {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return end === row.length ? row : row.slice(0, end);
}
