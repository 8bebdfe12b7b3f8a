import type { Evaluation, IndicatorResult, SummaryResult, Verdict } from "../evaluate/result";
import { VERDICT_TEXT } from "../evaluate/result";
import { kindOf } from "../kinds/registry";
import type { WhenNone } from "../kinds/module";
import { measureOf } from "../kinds/measures";
import { parseCell, type RawCell } from "../text/cell";
import type { AppliesIf, Group, Indicator, Ruleset } from "../ruleset/schema";
import { combineExpr, str, summaryTextExpr, V } from "./formulas";
import {
  blankWhen,
  blankWhenNone,
  questionStateCached,
  questionStateExpr,
  situationTests,
  typedNotApplicableExpr,
  wrapNone,
  wrapNotApplicable,
} from "./applicability-formulas";
import { estimateRowHeights, type SheetLayout, type StyleName } from "./sheet";
import {
  answerCells,
  cellOf,
  emptyRow,
  formula,
  notesOf,
  setCell,
  single,
  text,
  textFigureNotes,
  verdictCell,
  VERDICT_STYLE,
  type Built,
  type Row,
  type RowCtx,
} from "./status-cells";
import {
  STATUS_COLUMN,
  STATUS_FIRST_ROW,
  STATUS_HEADER_ROW,
  STATUS_COLUMNS,
  STATUS_OVERALL_ROW,
  STATUS_WIDTHS,
  type StatusColumnKey,
} from "./status-columns";

export { VERDICT_STYLE } from "./status-cells";

export const STATUS_KEY = "status";
export const STATUS_SHEET_NAME = "Trạng thái chỉ tiêu";

export type StatusSheetInput = {
  ruleset: Ruleset;
  evaluation: Evaluation;
  sheetName: string;
  commune?: string | undefined;
  /** Code → slot → the reference a formula can use ("dan_so", "'Số liệu'!$B$3"); only for slots read live. */
  refs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Code → slot → the value as read, cached beside the formula. */
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
  /** Code → slot → the formula reading a figure taken from a list (its count), used instead of the blank mapped cell. */
  listFormulas?: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

const at = (key: StatusColumnKey, row: number) => STATUS_COLUMN[key].cell(row);

/** One row (the indicator's or a part's) that may not apply, or whose share of none means something. */
type Situation = {
  row: Row;
  rowNo: number;
  appliesIf: AppliesIf | undefined;
  prefix: string;
  whenNone: WhenNone | undefined;
  yesNo: boolean;
};

/**
 * Wraps the verdict and result of a row that may not apply (its question, a typed "Không áp dụng")
 * or whose 0/0 is not applicable, so the sheet follows the answer cells live.
 * Returns whether the row's hidden helper cells were written.
 */
function situationFormulas(ctx: RowCtx, s: Situation): boolean {
  const { row, rowNo, appliesIf, prefix } = s;
  if (s.whenNone && cellOf(row, "base") != null) {
    setCell(row, "verdict", wrapNone(cellOf(row, "verdict"), at("figure", rowNo), at("base", rowNo), s.whenNone.counts === "not-met"));
    setCell(row, "shortfall", blankWhenNone(cellOf(row, "shortfall"), at("figure", rowNo), at("base", rowNo)));
  }
  if (!appliesIf) return false;
  const question = prefix ? `${prefix}.question` : "question";
  const questionRef = ctx.refs[question];
  const cells = answerCells(row, rowNo);
  if (questionRef !== undefined)
    setCell(row, "questionState", formula(questionStateExpr(questionRef), questionStateCached(ctx.raw[question] ?? null), "note"));
  const typedRaw = Object.entries(ctx.raw).some(
    ([slot, raw]) =>
      slot.startsWith(prefix ? `${prefix}.` : "") &&
      !slot.endsWith("question") &&
      parseCell(raw ?? null, "count").kind === "not-applicable",
  );
  if (cells.length > 0) setCell(row, "typedNotApplicable", formula(typedNotApplicableExpr(cells), typedRaw, "note"));
  const test = situationTests(
    appliesIf,
    questionRef !== undefined ? at("questionState", rowNo) : undefined,
    cells.length > 0 ? at("typedNotApplicable", rowNo) : undefined,
  );
  if (test === undefined) return false;
  setCell(row, "verdict", wrapNotApplicable(cellOf(row, "verdict"), test, appliesIf));
  setCell(row, "result", blankWhen(cellOf(row, "result"), test, s.yesNo ? `"?"` : `""`));
  return true;
}

/** The situation formulas of an indicator's row and of its parts' rows; whether any helper cell was written. */
function indicatorSituations(ind: Indicator, ctx: RowCtx, rows: Row[]): boolean {
  const kind = kindOf(ind);
  const own: Situation = {
    row: rows[0]!,
    rowNo: ctx.row,
    appliesIf: ind.appliesIf,
    prefix: "",
    whenNone: kind.whenNone(ind),
    yesNo: kind.showsYesNo,
  };
  const parts = kind.partRows(ind).flatMap((part, i): Situation[] => {
    const row = rows[i + 1];
    const measure = measureOf(part.measure);
    return row
      ? [
          {
            row,
            rowNo: ctx.row + 1 + i,
            appliesIf: part.appliesIf,
            prefix: part.id,
            whenNone: measure.whenNone(part.measure),
            yesNo: measure.showsYesNo,
          },
        ]
      : [];
  });
  return [own, ...parts].map((s) => situationFormulas(ctx, s)).some((written) => written);
}

/** How a summary counts the rows below it: those whose parent is `childKey`, by their verdicts. */
type SummaryCount = {
  childColumn: StatusColumnKey;
  childKey: string;
  atLeast: number | undefined;
  suspendedInTotal: boolean;
  unitName: string;
};

/** The result text and verdict formulas of a summary (criterion, group, the whole), counting rows first..last. */
function summaryFormulas(row: Row, s: SummaryCount, lastRow: number, shown: { text: string; verdict: Verdict }): void {
  const range = (key: StatusColumnKey) => STATUS_COLUMN[key].range(STATUS_FIRST_ROW, lastRow);
  const count = (v: string) => `COUNTIFS(${range(s.childColumn)},${str(s.childKey)},${range("verdict")},${v})`;
  const total = `COUNTIF(${range(s.childColumn)},${str(s.childKey)})`;
  const counted = s.suspendedInTotal ? `(${total}-${count(V.kad)})` : `(${total}-${count(V.tam)}-${count(V.kad)})`;
  setCell(row, "result", formula(summaryTextExpr(count(V.dat), counted, s.unitName), shown.text, "summary"));
  setCell(row, "verdict", formula(combineExpr(count, total, s.atLeast), VERDICT_TEXT[shown.verdict], VERDICT_STYLE[shown.verdict]));
}

/**
 * A criterion or group row. Its formulas count rows below it, so they are filled in once every row
 * exists (`fill` runs after the layout is complete, with the last row known).
 */
function summaryRow(
  s: SummaryResult,
  role: "group" | "crit",
  parent: string,
  count: Omit<SummaryCount, "childColumn" | "unitName">,
  requirement: string,
  suspended = false,
) {
  const row = emptyRow();
  setCell(row, "code", text(s.code, "summary"));
  setCell(row, "name", text(s.name, "summary"));
  setCell(row, "requirement", text(requirement, "summary"));
  setCell(row, "parent", text(parent, "note"));
  setCell(row, "role", text(role, "note"));
  const fill = (lastRow: number) => {
    summaryFormulas(row, { ...count, childColumn: "parent", unitName: s.unitName }, lastRow, s);
    // Suspended by the ruleset or the clerk, it stays tạm dừng whatever its indicators say.
    if (suspended) setCell(row, "verdict", text(VERDICT_TEXT["tam-dung"], VERDICT_STYLE["tam-dung"]));
  };
  return { row, fill };
}

function formatDate(iso: string | undefined): string {
  if (!iso) return "(chưa có ngày báo cáo)";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

const atLeastOf = (rule: { all: true } | { atLeast: number }) => ("atLeast" in rule ? rule.atLeast : undefined);

/** The rows of the sheet as they are built, with what the finished layout needs to know. */
class StatusRows {
  readonly rows: Row[] = [];
  readonly fills: Array<(lastRow: number) => void> = [];
  /** Hidden helper columns are written only when some row reads an applicability answer. */
  situationHelpers = false;
  private readonly results: Map<string, IndicatorResult>;

  constructor(private readonly input: StatusSheetInput) {
    this.results = new Map(input.evaluation.indicators.map((r) => [r.code, r]));
  }

  private rowCtx(ind: Indicator): RowCtx {
    const { input } = this;
    const lists = input.listFormulas?.[ind.code];
    // A slot read from a list counts as live: the verdict formula then reads it like any mapped cell.
    const refs = lists ? { ...(input.refs[ind.code] ?? {}), ...lists } : (input.refs[ind.code] ?? {});
    const rowNo = STATUS_FIRST_ROW + this.rows.length - STATUS_HEADER_ROW;
    return { row: rowNo, asOf: input.evaluation.asOf, code: ind.code, refs, raw: input.raw[ind.code] ?? {}, ...(lists ? { lists } : {}) };
  }

  indicator(ind: Indicator, parent: string): void {
    const r = this.results.get(ind.code)!;
    const ctx = this.rowCtx(ind);
    const base = emptyRow();
    setCell(base, "code", text(ind.code, "center"));
    setCell(base, "name", text(ind.name));
    setCell(base, "requirement", text(ind.requirementText ?? r.requirement));
    let built: Built;
    if (r.verdict === "tam-dung") {
      setCell(base, "verdict", verdictCell(r, undefined));
      built = single(base, ctx);
    } else {
      built = kindOf(ind).statusRows(ind, r, ctx, base);
      if (indicatorSituations(ind, ctx, built.rows)) this.situationHelpers = true;
    }
    setCell(base, "sources", text(r.sources.join("; ")));
    setCell(base, "notes", text([notesOf(r), ...textFigureNotes(ctx)].filter((n) => n !== "").join("\n")));
    setCell(base, "parent", text(parent, "note"));
    setCell(base, "role", text("ind", "note"));
    this.rows.push(...built.rows);
  }

  summary(made: ReturnType<typeof summaryRow>): void {
    this.rows.push(made.row);
    this.fills.push(made.fill);
  }

  group(group: Group, s: SummaryResult, criteria: ReadonlyMap<string, SummaryResult>): void {
    this.summary(
      summaryRow(
        s,
        "group",
        "o",
        { childKey: `g:${group.code}`, atLeast: atLeastOf(group.passRule), suspendedInTotal: group.suspendedInTotal },
        group.requirementText ?? "",
      ),
    );
    for (const item of group.items) {
      if (item.kind !== "criterion") {
        this.indicator(item, `g:${group.code}`);
        continue;
      }
      const c = criteria.get(item.code)!;
      const suspended = c.verdict === "tam-dung" && item.indicators.some((i) => this.results.get(i.code)?.verdict !== "tam-dung");
      this.summary(
        summaryRow(
          c,
          "crit",
          `g:${group.code}`,
          { childKey: `c:${item.code}`, atLeast: atLeastOf(item.passRule), suspendedInTotal: false },
          item.requirementText ?? "",
          suspended,
        ),
      );
      for (const ind of item.indicators) this.indicator(ind, `c:${item.code}`);
    }
  }
}

/** Rows 1–5: title, subtitle (commune, report date, adult age, document), the overall summary's row, a note, the header. */
function headRows(input: StatusSheetInput): { rows: Row[]; overall: Row } {
  const { ruleset, evaluation } = input;
  const doc = ruleset.document;
  const adult = ruleset.parameters["adultAge"];
  const adultText = adult ? ` · Độ tuổi trưởng thành: từ đủ ${adult.value} tuổi` : "";
  const overall = emptyRow();
  const rows: Row[] = [
    [text(`TRẠNG THÁI CHỈ TIÊU — ${ruleset.title.toLocaleUpperCase("vi")}`, "title")],
    [
      text(
        `Xã: ${input.commune ?? "(chưa ghi tên xã)"} · Ngày báo cáo: ${formatDate(evaluation.asOf)}${adultText} · Căn cứ: ${doc.number} của ${doc.issuer} (${ruleset.province})`,
        "subtitle",
      ),
    ],
    overall,
    [
      text(
        "Các ô Kết quả, Đánh giá và Còn thiếu là công thức theo các ô nguồn: sửa số liệu ở ô nguồn, bảng tự tính lại. Bảng do Chỉ tiêu xã tạo, chạy lại sẽ ghi đè.",
        "note",
      ),
    ],
    STATUS_COLUMNS.flatMap((c) => (c.header === undefined ? [] : [text(c.header, "header")])),
  ];
  return { rows, overall };
}

/** The overall summary counts what the ruleset says it counts, over the rows written. */
function fillOverall(row: Row, ruleset: Ruleset, evaluation: Evaluation, lastRow: number): void {
  const o = ruleset.overall;
  const [childColumn, childKey]: [StatusColumnKey, string] =
    o.counts === "groups" ? ["role", "group"] : o.counts === "indicators" ? ["role", "ind"] : ["parent", "g:*"];
  setCell(row, "code", text("Tổng hợp", "summary"));
  setCell(row, "name", text(ruleset.title, "summary"));
  setCell(
    row,
    "requirement",
    text("atLeast" in o.passRule ? `đạt ít nhất ${o.passRule.atLeast} ${o.unitName}` : `đạt tất cả ${o.unitName}`, "summary"),
  );
  summaryFormulas(
    row,
    { childColumn, childKey, atLeast: atLeastOf(o.passRule), suspendedInTotal: o.suspendedInTotal, unitName: o.unitName },
    lastRow,
    evaluation.overall,
  );
}

/** The live status sheet: every indicator with its figures, formulas, verdict and shortfall, with summaries. */
export function statusSheetLayout(input: StatusSheetInput): SheetLayout {
  const { ruleset, evaluation } = input;
  const head = headRows(input);
  const body = new StatusRows(input);
  body.rows.push(...head.rows);
  const groupSummary = new Map(evaluation.groups.map((g) => [g.code, g]));
  const criterionSummary = new Map(evaluation.criteria.map((c) => [c.code, c]));
  for (const group of ruleset.groups) body.group(group, groupSummary.get(group.code)!, criterionSummary);
  const rows = body.rows;
  const lastRowNo = rows.length;
  for (const fill of body.fills) fill(lastRowNo);
  fillOverall(head.overall, ruleset, evaluation, lastRowNo);
  return finishLayout(input.sheetName, rows, lastRowNo, body.situationHelpers);
}

/** The sheet's settings around its rows: widths, heights, merges, print, hidden bookkeeping, verdict colours. */
function finishLayout(name: string, rows: Row[], lastRowNo: number, situationHelpers: boolean): SheetLayout {
  const notes = STATUS_COLUMN.notes.index;
  const merges: SheetLayout["merges"] = [
    { top: 1, left: 1, bottom: 1, right: notes },
    { top: 2, left: 1, bottom: 2, right: notes },
    { top: 4, left: 1, bottom: 4, right: notes },
  ];
  const wrapped = new Set<StyleName>(["wrap", "text", "bold", "center", "summary", "header", ...Object.values(VERDICT_STYLE)]);
  const heights = estimateRowHeights(rows, [...STATUS_WIDTHS], wrapped);
  const verdict = STATUS_COLUMN.verdict.index;
  return {
    key: STATUS_KEY,
    name,
    rows: rows.map((r) => trimRow(r)),
    // Rows 1, 2 and 4 are merged across the page and fit one line; row 3 (the overall summary) wraps.
    rowHeights: heights.map((h, i) => (i < STATUS_HEADER_ROW - 1 && i !== STATUS_OVERALL_ROW - 1 ? undefined : h)),
    columns: [...STATUS_WIDTHS],
    merges,
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: STATUS_HEADER_ROW, last: STATUS_HEADER_ROW } },
    freezeRows: STATUS_HEADER_ROW,
    hiddenColumns: STATUS_COLUMNS.filter((c) => c.hidden === "always" || (c.hidden === "when-written" && situationHelpers)).map(
      (c) => c.index,
    ),
    conditionalFormats: (Object.keys(VERDICT_STYLE) as Verdict[]).map((v) => ({
      top: STATUS_OVERALL_ROW,
      left: verdict,
      bottom: lastRowNo,
      right: verdict,
      equals: VERDICT_TEXT[v],
      style: VERDICT_STYLE[v],
    })),
    visibility: "visible",
  };
}

function trimRow(row: Row): Row {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}
