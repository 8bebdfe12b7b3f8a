/*
 * The roll-up workbook as sheet specs, one group of three sheets per programme: Tổng hợp theo xã (one
 * row per commune), Theo chỉ tiêu (counts by verdict as live COUNTIFs over the first sheet, and the
 * province's ratio from the summed numerators and denominators), Cần gửi lại (every lỗi with its cell).
 */
import { toExactString, toNumber } from "../evaluate/rational";
import { VERDICT_TEXT, type Verdict } from "../evaluate/result";
import { columnName, quoteSheet, splitSheet } from "../ref/a1";
import { estimateRowHeights, type CellSpec, type SheetLayout, type StyleName } from "../layout/sheet";
import { str } from "../layout/formulas";
import { formatPercent } from "../text/format";
import { VERDICT_STYLE } from "../layout/status";
import { VERDICTS, type ProgrammeRollup, type SetAside } from "./aggregate";
import type { BadFile, BadFileKind, CommuneReport, StatusState } from "./types";

export const ROLLUP_SHEETS = { communes: "Tổng hợp theo xã", indicators: "Theo chỉ tiêu", resend: "Cần gửi lại" } as const;
export const ROLLUP_KEYS = { communes: "rollup-communes", indicators: "rollup-indicators", resend: "rollup-resend" } as const;

export type RollupGroup = {
  ruleset: { id: string; title: string; indicators: ReadonlyArray<{ code: string; name: string }> };
  programme: ProgrammeRollup;
};

export type RollupLayoutInput = {
  groups: readonly RollupGroup[];
  bad: readonly BadFile[];
  otherProgramme: readonly SetAside[];
};

type Row = Array<CellSpec | null>;

/** The count columns of "Theo chỉ tiêu": not applicable and suspended share the last, as the header says. */
const COUNT_COLUMNS: ReadonlyArray<readonly Verdict[]> = [
  ["dat"],
  ["khong-dat"],
  ["thieu-so-lieu"],
  ["loi-so-lieu"],
  ["khong-ap-dung", "tam-dung"],
];

export const STATUS_TEXT: Record<StatusState, string> = {
  current: "Khớp số liệu",
  stale: "Cũ hơn số liệu",
  "typed-over": "Đánh giá bị gõ đè",
  none: "Chưa có",
};

export const BAD_TEXT: Record<BadFileKind, string> = {
  "not-found": "Không tìm thấy",
  "not-xlsx": "Không phải .xlsx",
  corrupt: "Tệp hỏng",
  protected: "Có mật khẩu",
  unmapped: "Chưa ánh xạ",
  unreadable: "Không đọc được",
};

const WRAP = new Set<StyleName>(["wrap", "text", "header", "summary", "center", ...Object.values(VERDICT_STYLE)]);
const t = (value: string, style: StyleName = "wrap"): CellSpec => ({ value, style });
const n = (value: number, style: StyleName = "integer"): CellSpec => ({ value, style });
const f = (formula: string, value: number, style: StyleName = "integer"): CellSpec => ({ formula, value, style });

function dmy(iso: string | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Sheet names of the i-th programme: the plain names for the first, " (2)", " (3)"… after. */
export function groupSheetNames(i: number): { communes: string; indicators: string; resend: string } {
  const suffix = i === 0 ? "" : ` (${i + 1})`;
  return {
    communes: ROLLUP_SHEETS.communes + suffix,
    indicators: ROLLUP_SHEETS.indicators + suffix,
    resend: ROLLUP_SHEETS.resend + suffix,
  };
}

const HEADER_ROW = 4;
const FIRST = HEADER_ROW + 1;
/** Columns of Tổng hợp theo xã before the indicators. */
const C = { stt: 1, commune: 2, file: 3, date: 4, overall: 5, passed: 6, loi: 7, canhBao: 8, status: 9 } as const;
const FIXED_WIDTHS = [5, 22, 24, 11, 12, 18, 6, 9, 16];
/** The verdict column of the i-th indicator (its result is the column before). */
export const verdictColumn = (i: number) => C.status + 2 * (i + 1);

/** The reason spans from "Số đạt" over the next columns; its row is as tall as that merged width needs. */
const REASON_RIGHT = (lastCol: number) => Math.max(C.status, Math.min(lastCol, C.status + 4));

function setAsideRows(
  start: number,
  items: Array<{ commune: string; file: string; date: string; label: string; reason: string }>,
  lastCol: number,
  merges: SheetLayout["merges"],
): Row[] {
  return items.map((it, k) => {
    const row: Row = [n(k + 1), t(it.commune), t(it.file), t(it.date, "center"), t(it.label, "bold"), t(it.reason)];
    merges.push({ top: start + k, left: C.passed, bottom: start + k, right: REASON_RIGHT(lastCol) });
    return row;
  });
}

/** Row heights that know the reason cells are merged (the estimate alone sees one narrow column). */
function setAsideHeights(
  heights: Array<number | undefined>,
  rows: readonly Row[],
  from: number,
  columns: readonly number[],
  lastCol: number,
): Array<number | undefined> {
  const reasonWidth = columns.slice(C.passed - 1, REASON_RIGHT(lastCol)).reduce((a, b) => a + b, 0) - 1;
  return heights.map((h, i) => {
    if (i < from) return h;
    const lines = (col: number, width: number) => {
      const v = rows[i]?.[col - 1]?.value;
      return typeof v === "string" ? Math.ceil(v.length / Math.max(1, width)) : 1;
    };
    const n = Math.max(
      1,
      lines(C.file, (columns[C.file - 1] ?? 10) - 1),
      lines(C.commune, (columns[C.commune - 1] ?? 10) - 1),
      lines(C.passed, reasonWidth),
    );
    return n > 1 ? Math.round(n * 15.75 * 100) / 100 : undefined;
  });
}

/** Title, subtitle, note (each merged across the sheet) and the column headers of Tổng hợp theo xã. */
function communesHeadRows(g: RollupGroup, lastCol: number, merges: SheetLayout["merges"]): Row[] {
  const { programme, ruleset } = g;
  merges.push(
    { top: 1, left: 1, bottom: 1, right: lastCol },
    { top: 2, left: 1, bottom: 2, right: lastCol },
    { top: 3, left: 1, bottom: 3, right: lastCol },
  );
  return [
    [t(`TỔNG HỢP THEO XÃ — ${ruleset.title.toLocaleUpperCase("vi")}`, "title")],
    [
      t(
        `Bộ tiêu chí: ${ruleset.id} · ${programme.communes.length} xã được tổng hợp · mỗi xã một dòng (bản có ngày báo cáo muộn nhất)`,
        "subtitle",
      ),
    ],
    [
      t(
        "Mỗi chỉ tiêu có hai cột: Kết quả và Đánh giá. Trang trạng thái: trang của xã còn khớp số liệu gửi lên hay không. Bảng do Chỉ tiêu xã tạo, chạy lại sẽ ghi đè.",
        "note",
      ),
    ],
    [
      ...["STT", "Xã", "Tệp", "Ngày báo cáo", "Kết quả chung", "Số đạt", "Lỗi", "Cảnh báo", "Trang trạng thái"].map((h) => t(h, "header")),
      ...ruleset.indicators.flatMap((i) => [t(`${i.code} Kết quả`, "header"), t(`${i.code} Đánh giá`, "header")]),
    ],
  ];
}

/** The k-th commune's row: its fixed columns, then result and verdict of each indicator. */
function communeRow(c: CommuneReport, k: number, inds: RollupGroup["ruleset"]["indicators"]): Row {
  const row: Row = [
    n(k + 1),
    t(c.commune),
    t(c.file),
    t(dmy(c.reportDate), "center"),
    t(VERDICT_TEXT[c.overall.verdict], VERDICT_STYLE[c.overall.verdict]),
    t(c.overall.text),
    n(c.check.loi),
    n(c.check.canhBao),
    t(STATUS_TEXT[c.status.state], c.status.state === "current" ? "center" : "verdict-loi-so-lieu"),
  ];
  for (const ind of inds) {
    const e = c.indicators.find((x) => x.code === ind.code);
    row.push(t(e?.display ?? "", "center"), e ? t(VERDICT_TEXT[e.verdict], VERDICT_STYLE[e.verdict]) : t(""));
  }
  return row;
}

/** The files left out of the roll-up: unusable ones, superseded reports, other programmes. */
function setAsideItems(programme: ProgrammeRollup, apart: { bad: readonly BadFile[]; other: readonly SetAside[] }) {
  return [
    ...apart.bad.map((b) => ({ commune: "", file: b.file, date: "", label: BAD_TEXT[b.why], reason: b.message })),
    ...programme.superseded.map((s) => ({
      commune: s.report.commune,
      file: s.report.file,
      date: dmy(s.report.reportDate),
      label: "Bản cũ",
      reason: s.reason,
    })),
    ...apart.other.map((s) => ({
      commune: s.report.commune,
      file: s.report.file,
      date: dmy(s.report.reportDate),
      label: "Khác bộ tiêu chí",
      reason: s.reason,
    })),
  ];
}

function communesSheet(
  g: RollupGroup,
  name: string,
  apart: { bad: readonly BadFile[]; other: readonly SetAside[] },
): { sheet: SheetLayout; lastRow: number } {
  const { programme, ruleset } = g;
  const inds = ruleset.indicators;
  const lastCol = verdictColumn(inds.length - 1);
  const merges: SheetLayout["merges"] = [];
  const rows: Row[] = communesHeadRows(g, lastCol, merges);
  programme.communes.forEach((c: CommuneReport, k) => rows.push(communeRow(c, k, inds)));
  const lastRow = rows.length;
  const items = setAsideItems(programme, apart);
  if (items.length > 0) {
    rows.push([]);
    rows.push([t(`TỆP KHÔNG ĐƯA VÀO TỔNG HỢP (${items.length})`, "summary")]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: C.status });
    rows.push(...setAsideRows(rows.length + 1, items, lastCol, merges));
  }
  const columns = [...FIXED_WIDTHS, ...inds.flatMap(() => [10, 11])];
  return {
    lastRow,
    sheet: {
      key: ROLLUP_KEYS.communes,
      name,
      rows,
      columns,
      merges,
      rowHeights: setAsideHeights(
        estimateRowHeights(rows, columns, WRAP).map((h, i) => (i < HEADER_ROW - 1 ? undefined : h)),
        rows,
        lastRow + 2,
        columns,
        lastCol,
      ),
      print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
      freezeRows: HEADER_ROW,
      conditionalFormats:
        lastRow >= FIRST
          ? VERDICTS.map((v) => ({
              top: FIRST,
              left: C.overall,
              bottom: lastRow,
              right: lastCol,
              equals: VERDICT_TEXT[v],
              style: VERDICT_STYLE[v],
            }))
          : [],
      visibility: "visible",
    },
  };
}

/** Title, subtitle and note (each merged across the 13 columns) and the column headers of Theo chỉ tiêu. */
function indicatorsHeadRows(g: RollupGroup, communesName: string): Row[] {
  const { programme, ruleset } = g;
  return [
    [t(`THEO CHỈ TIÊU — ${ruleset.title.toLocaleUpperCase("vi")}`, "title")],
    [t(`${programme.communes.length} xã · số xã theo đánh giá là công thức đếm trên trang "${communesName}"`, "subtitle")],
    [
      t(
        "Tỷ lệ toàn tỉnh = tổng tử số / tổng mẫu số của các xã có đủ cả hai số liệu hợp lệ (không tính xã thiếu số liệu hoặc lỗi số liệu); phân số chính xác ở cột Tỷ lệ chính xác.",
        "note",
      ),
    ],
    [
      "Mã",
      "Chỉ tiêu",
      "Đạt",
      "Không đạt",
      "Thiếu số liệu",
      "Lỗi số liệu",
      "Không áp dụng (tạm dừng)",
      "Tổng số xã",
      "Tổng tử số",
      "Tổng mẫu số",
      "Tỷ lệ toàn tỉnh",
      "Tỷ lệ chính xác",
      "Số xã cộng vào tỷ lệ",
    ].map((h) => t(h, "header")),
  ];
}

/** Summed numerator and denominator, the province's ratio (live and exact) and how many communes it sums, on row r. */
function ratioCells(tally: ProgrammeRollup["tallies"][number], r: number): Row {
  if (tally.numerator === undefined || tally.denominator === undefined) return [];
  return [
    n(toNumber(tally.numerator)),
    n(toNumber(tally.denominator)),
    tally.ratio !== undefined
      ? f(`IF(J${r}>0,I${r}/J${r},"")`, toNumber(tally.ratio), "percent")
      : f(`IF(J${r}>0,I${r}/J${r},"")`, 0, "percent"),
    t(tally.ratio !== undefined ? `${toExactString(tally.ratio)} (${formatPercent(tally.ratio)})` : "mẫu số bằng 0", "center"),
    n(tally.summed),
  ];
}

function indicatorsSheet(g: RollupGroup, name: string, communesName: string, lastRow: number): SheetLayout {
  const { programme, ruleset } = g;
  const rows: Row[] = indicatorsHeadRows(g, communesName);
  const merges: SheetLayout["merges"] = [
    { top: 1, left: 1, bottom: 1, right: 13 },
    { top: 2, left: 1, bottom: 2, right: 13 },
    { top: 3, left: 1, bottom: 3, right: 13 },
  ];
  const sheetRef = quoteSheet(communesName);
  const count = (col: number, vs: readonly Verdict[], cached: number): CellSpec => {
    if (lastRow < FIRST) return n(cached);
    const c = columnName(col);
    return f(vs.map((v) => `COUNTIF(${sheetRef}!$${c}$${FIRST}:$${c}$${lastRow},${str(VERDICT_TEXT[v])})`).join("+"), cached);
  };
  const sum = (counts: Readonly<Record<Verdict, number>>, vs: readonly Verdict[]) => vs.reduce((a, v) => a + (counts[v] ?? 0), 0);
  const total = (r: number, cached: number) => f(`SUM(C${r}:G${r})`, cached);
  const overall = Object.fromEntries(VERDICTS.map((v) => [v, programme.communes.filter((c) => c.overall.verdict === v).length])) as Record<
    Verdict,
    number
  >;
  rows.push([
    t("Chung", "summary"),
    t("Kết quả chung của xã", "summary"),
    ...COUNT_COLUMNS.map((vs) => count(C.overall, vs, sum(overall, vs))),
    total(FIRST, programme.communes.length),
  ]);
  ruleset.indicators.forEach((ind, i) => {
    const tally = programme.tallies.find((x) => x.code === ind.code);
    const r = FIRST + 1 + i;
    const counts = COUNT_COLUMNS.map((vs) => (tally ? sum(tally.counts, vs) : 0));
    const row: Row = [
      t(ind.code, "center"),
      t(ind.name),
      ...COUNT_COLUMNS.map((vs, k) => count(verdictColumn(i), vs, counts[k]!)),
      total(
        r,
        counts.reduce((a, b) => a + b, 0),
      ),
    ];
    if (tally) row.push(...ratioCells(tally, r));
    rows.push(row);
  });
  // A ratio over a zero denominator caches "" as the formula does, never a made-up 0.
  for (const row of rows)
    if (row[10]?.formula && row[10].value === 0 && row[11]?.value === "mẫu số bằng 0") row[10] = { ...row[10], value: "" };
  const columns = [8, 44, 8, 9, 9, 9, 11, 8, 11, 11, 10, 18, 9];
  return {
    key: ROLLUP_KEYS.indicators,
    name,
    rows,
    columns,
    merges,
    rowHeights: estimateRowHeights(rows, columns, WRAP).map((h, i) => (i < HEADER_ROW - 1 ? undefined : h)),
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
    freezeRows: HEADER_ROW,
    visibility: "visible",
  };
}

/** "'Số liệu'!B19" → sheet and cell; a name or a JSON path stays whole in the cell column. */
function place(ref: string | undefined): { sheet: string; cell: string } {
  if (ref === undefined) return { sheet: "", cell: "" };
  const s = splitSheet(ref);
  return s.sheet === undefined ? { sheet: "", cell: ref } : { sheet: s.sheet, cell: s.rest };
}

function resendSheet(g: RollupGroup, name: string, bad: readonly BadFile[]): SheetLayout {
  const rows: Row[] = [];
  rows.push([t(`CẦN GỬI LẠI — ${g.ruleset.title.toLocaleUpperCase("vi")}`, "title")]);
  rows.push([
    t("Mỗi dòng là một lỗi xã phải sửa trước khi gửi lại, theo lời của bước Kiểm tra trước khi gửi, kèm tệp, trang và ô.", "subtitle"),
  ]);
  rows.push(["STT", "Xã", "Tệp", "Trang", "Ô / tên", "Chỉ tiêu", "Lỗi cần sửa"].map((h) => t(h, "header")));
  let k = 0;
  for (const c of g.programme.communes) {
    for (const e of c.check.errors) {
      const p = place(e.ref);
      rows.push([n(++k), t(c.commune), t(c.file), t(p.sheet), t(p.cell, "center"), t(e.code ?? "", "center"), t(e.message)]);
    }
  }
  for (const b of bad) rows.push([n(++k), t(""), t(b.file), t(""), t(""), t(""), t(`${BAD_TEXT[b.why]}: ${b.message}`)]);
  const columns = [5, 20, 24, 16, 12, 8, 70];
  return {
    key: ROLLUP_KEYS.resend,
    name,
    rows,
    columns,
    merges: [
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 2, left: 1, bottom: 2, right: 7 },
    ],
    rowHeights: estimateRowHeights(rows, columns, WRAP).map((h, i) => (i < 2 ? undefined : h)),
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 3, last: 3 } },
    freezeRows: 3,
    visibility: "visible",
  };
}

/** Every sheet of the roll-up; files that could not be used are listed with the first programme. */
export function rollupLayouts(input: RollupLayoutInput): SheetLayout[] {
  return input.groups.flatMap((g, i) => {
    const names = groupSheetNames(i);
    const apart = i === 0 ? { bad: input.bad, other: input.otherProgramme } : { bad: [], other: [] };
    const { sheet, lastRow } = communesSheet(g, names.communes, apart);
    const suffix = i === 0 ? "" : `#${i + 1}`;
    return [
      { ...sheet, key: sheet.key + suffix },
      { ...indicatorsSheet(g, names.indicators, names.communes, lastRow), key: ROLLUP_KEYS.indicators + suffix },
      { ...resendSheet(g, names.resend, apart.bad), key: ROLLUP_KEYS.resend + suffix },
    ];
  });
}
