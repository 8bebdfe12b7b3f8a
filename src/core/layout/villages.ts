/*
 * The sheets of a commune judged per village: one detail sheet per village (the status sheet of the
 * per-village groups over that village's column, statusSheetLayout as is), and "Theo thôn", one column
 * per village with each requirement's verdict read live from the detail sheets, the village's result
 * and the commune-level rule's result. Its "Thôn đạt?" row is what the main status sheet's village
 * rows read, so every count stays a live formula.
 */
import { VERDICT_TEXT, type Evaluation, type Verdict } from "../evaluate/result";
import { communeRuleText, villageAnswer, villageRowCode, type VillageEvaluation } from "../evaluate/units";
import { columnName, quoteSheet } from "../ref/a1";
import type { Group, Ruleset } from "../ruleset/schema";
import type { RawCell } from "../text/cell";
import { combineExpr, summaryTextExpr, V } from "./formulas";
import { estimateRowHeights, type CellSpec, type SheetLayout, type StyleName } from "./sheet";
import { statusSheetLayout, VERDICT_STYLE } from "./status";
import { STATUS_COLUMN } from "./status-columns";

export const VILLAGES_KEY = "villages";
export const VILLAGES_SHEET_NAME = "Theo thôn";
export const villageSheetKey = (index: number): string => `village:${index + 1}`;

/** The detail sheet's wanted name: "Chi tiết Thôn Chí Phúc", without the characters Excel forbids in a sheet name. */
export function villageSheetName(name: string): string {
  return `Chi tiết ${name}`.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "");
}

/** One village as read: its name and, as for the status sheet, code → slot → reference and value. */
export type VillageSheetInput = {
  name: string;
  refs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
};

export type VillageLayoutsInput = {
  /** The ruleset as judged (the clerk's adult age in place). */
  ruleset: Ruleset;
  byVillage: VillageEvaluation;
  villages: readonly VillageSheetInput[];
  commune?: string | undefined;
  /** The names chosen for "Theo thôn" and each village's detail sheet (chooseSheetName). */
  sheetNames: { summary: string; villages: readonly string[] };
};

export type VillageLayouts = {
  /** The village detail sheets, then "Theo thôn": written before the status sheet that reads them. */
  layouts: SheetLayout[];
  /** Village row code → { value: reference to its "Thôn đạt?" cell }, for the main status sheet. */
  refs: Record<string, Record<string, string>>;
  raw: Record<string, Record<string, RawCell>>;
};

const FIRST_VILLAGE_COL = 4;
const text = (value: string, style: StyleName = "wrap"): CellSpec => ({ value, style });

/** 1-based row of a code on a status layout, by its role (group, crit, ind) in the bookkeeping role column. */
function rowOf(layout: SheetLayout, code: string, role: string): number {
  const i = layout.rows.findIndex(
    (r) => r[STATUS_COLUMN.code.index - 1]?.value === code && r[STATUS_COLUMN.role.index - 1]?.value === role,
  );
  if (i < 0) throw new Error(`status layout has no ${role} row ${code}`);
  return i + 1;
}

/** Every row of a group in document order: criteria with their indicators, indicators. */
function groupRows(g: Group): Array<{ code: string; name: string; requirement: string; role: "crit" | "ind" }> {
  return g.items.flatMap((item) =>
    item.kind === "criterion"
      ? [
          { code: item.code, name: item.name, requirement: item.requirementText ?? "", role: "crit" as const },
          ...item.indicators.map((i) => ({ code: i.code, name: i.name, requirement: i.requirementText ?? "", role: "ind" as const })),
        ]
      : [{ code: item.code, name: item.name, requirement: item.requirementText ?? "", role: "ind" as const }],
  );
}

function verdictOf(ev: Evaluation, code: string, role: "group" | "crit" | "ind"): Verdict {
  const list = role === "group" ? ev.groups : role === "crit" ? ev.criteria : ev.indicators;
  return list.find((x) => x.code === code)!.verdict;
}

const cachedVerdict = (v: Verdict): CellSpec => ({ value: VERDICT_TEXT[v], style: VERDICT_STYLE[v] });

type GroupBlock = {
  input: VillageLayoutsInput;
  rows: Array<Array<CellSpec | null>>;
  refs: VillageLayouts["refs"];
  raw: VillageLayouts["raw"];
  verdictAreas: Array<{ top: number; bottom: number }>;
  width: number;
  /** The cell of a row's result or verdict on a village's detail sheet. */
  at: (i: number, code: string, role: string, column: "result" | "verdict") => string;
};

/**
 * The commune-level rule over the villages' verdicts (row `verdictRow`), counted as combine() counts
 * (tạm dừng and không áp dụng leave the count).
 */
function communeRuleRow(block: GroupBlock, g: Group, verdictRow: number): Array<CellSpec | null> {
  const { width } = block;
  const { byVillage, villages } = block.input;
  const units = g.units!;
  const first = columnName(FIRST_VILLAGE_COL);
  const last = columnName(width);
  const range = `$${first}$${verdictRow}:$${last}$${verdictRow}`;
  const count = (lit: string) => `COUNTIF(${range},${lit})`;
  const total = String(villages.length);
  const counted = `(${total}-${count(V.tam)}-${count(V.kad)})`;
  const commune = byVillage.evaluation.groups.find((s) => s.code === g.code)!;
  const ruleRow = Array<CellSpec | null>(width).fill(null);
  ruleRow[0] = text(g.code, "summary");
  ruleRow[1] = text(`Kết quả của xã: ${communeRuleText(units.communeRule, units.unitName)} (${units.source})`, "summary");
  ruleRow[2] = {
    formula: combineExpr(count, total, "atLeast" in units.communeRule ? units.communeRule.atLeast : undefined),
    ...cachedVerdict(commune.verdict),
  };
  ruleRow[3] = { formula: summaryTextExpr(count(V.dat), counted, units.unitName), value: commune.text, style: "summary" };
  return ruleRow;
}

/** One per-village group on "Theo thôn": its rows per village, the "đạt?" row the status sheet reads, the commune rule. */
function groupBlock(block: GroupBlock, g: Group): void {
  const { rows, refs, raw, verdictAreas, width, at } = block;
  const { byVillage, villages, sheetNames } = block.input;
  const blank = (): Array<CellSpec | null> => Array<CellSpec | null>(width).fill(null);
  const units = g.units!;
  const top = rows.length + 1;
  const groupRow = blank();
  groupRow[0] = text(g.code, "summary");
  groupRow[1] = text(g.name, "summary");
  // The village passes the group as the group's own rule says (the document's long wording is on the detail sheet).
  groupRow[2] = text("all" in g.passRule ? `đạt tất cả ${g.unitName}` : `đạt ít nhất ${g.passRule.atLeast} ${g.unitName}`, "summary");
  villages.forEach(
    (_, i) =>
      (groupRow[FIRST_VILLAGE_COL - 1 + i] = {
        formula: at(i, g.code, "group", "verdict"),
        ...cachedVerdict(verdictOf(byVillage.villages[i]!, g.code, "group")),
      }),
  );
  rows.push(groupRow);
  const verdictRow = rows.length;
  const countRow = blank();
  countRow[1] = text(`Kết quả của ${units.unitName}`, "bold");
  villages.forEach(
    (_, i) =>
      (countRow[FIRST_VILLAGE_COL - 1 + i] = {
        formula: at(i, g.code, "group", "result"),
        value: byVillage.villages[i]!.groups.find((s) => s.code === g.code)!.text,
        style: "wrap",
      }),
  );
  rows.push(countRow);
  for (const r of groupRows(g)) {
    const row = blank();
    row[0] = text(r.code, "center");
    row[1] = text(r.name);
    row[2] = text(r.requirement);
    villages.forEach(
      (_, i) =>
        (row[FIRST_VILLAGE_COL - 1 + i] = {
          formula: at(i, r.code, r.role, "verdict"),
          ...cachedVerdict(verdictOf(byVillage.villages[i]!, r.code, r.role)),
        }),
    );
    rows.push(row);
  }
  verdictAreas.push({ top, bottom: rows.length });

  // What each village's verdict answers to "does it pass?", read by the main status sheet (units.ts villageAnswer).
  const answerRow = blank();
  answerRow[1] = text(
    `${units.unitName[0]!.toLocaleUpperCase("vi")}${units.unitName.slice(1)} đạt? (trang Trạng thái chỉ tiêu đọc dòng này)`,
    "note",
  );
  const answerRowNo = rows.length + 1;
  villages.forEach((_, i) => {
    const c = FIRST_VILLAGE_COL + i;
    const v = `${columnName(c)}${verdictRow}`;
    const verdict = verdictOf(byVillage.villages[i]!, g.code, "group");
    const cached = villageAnswer(verdict);
    answerRow[c - 1] = {
      formula: `IF(${v}=${V.dat},"Có",IF(${v}=${V.khong},"Không",IF(${v}=${V.loi},${V.loi},"")))`,
      value: cached ?? "",
      style: "note",
    };
    const code = villageRowCode(g.code, i);
    refs[code] = { value: `${quoteSheet(sheetNames.summary)}!$${columnName(c)}$${answerRowNo}` };
    raw[code] = { value: cached };
  });
  rows.push(answerRow);

  rows.push(communeRuleRow(block, g, verdictRow));
  verdictAreas.push({ top: rows.length, bottom: rows.length });
  rows.push([]);
}

/** The village detail sheets and "Theo thôn", with the references the main status sheet reads. */
export function villageLayouts(input: VillageLayoutsInput): VillageLayouts {
  const { ruleset, byVillage, villages, sheetNames } = input;
  const vr = { ...byVillage.villageRuleset, parameters: ruleset.parameters };
  const details = villages.map((v, i) => ({
    ...statusSheetLayout({
      ruleset: { ...vr, title: `${vr.title} — ${v.name}` },
      evaluation: byVillage.villages[i]!,
      sheetName: sheetNames.villages[i]!,
      commune: `${input.commune ?? "(chưa ghi tên xã)"} — ${v.name}`,
      refs: v.refs,
      raw: v.raw,
    }),
    key: villageSheetKey(i),
  }));
  const at = (i: number, code: string, role: string, column: "result" | "verdict") =>
    `${quoteSheet(sheetNames.villages[i]!)}!${STATUS_COLUMN[column].cell(rowOf(details[i]!, code, role))}`;

  const width = FIRST_VILLAGE_COL - 1 + villages.length;
  const rows: Array<Array<CellSpec | null>> = [];
  rows.push([text(`KẾT QUẢ THEO THÔN — ${ruleset.title.toLocaleUpperCase("vi")}`, "title")]);
  rows.push([
    text(
      `Xã: ${input.commune ?? "(chưa ghi tên xã)"} · Mỗi cột là một thôn; số liệu và công thức của từng thôn ở trang "Chi tiết <tên thôn>".`,
      "subtitle",
    ),
  ]);
  rows.push([
    text(
      "Các ô là công thức đọc trang chi tiết của từng thôn: sửa số liệu ở ô nguồn, bảng tự tính lại. Bảng do Chỉ tiêu xã tạo, chạy lại sẽ ghi đè.",
      "note",
    ),
  ]);
  rows.push([text("Mã", "header"), text("Yêu cầu", "header"), text("Mức", "header"), ...villages.map((v) => text(v.name, "header"))]);
  const refs: VillageLayouts["refs"] = {};
  const raw: VillageLayouts["raw"] = {};
  const verdictAreas: Array<{ top: number; bottom: number }> = [];

  const block: GroupBlock = { input, rows, refs, raw, verdictAreas, width, at };
  for (const g of byVillage.villageRuleset.groups) groupBlock(block, g);

  const columns = [8, 48, 16, ...villages.map(() => 16)];
  const wrapped = new Set<StyleName>(["wrap", "summary", "header", "bold", "center"]);
  const summary: SheetLayout = {
    key: VILLAGES_KEY,
    name: sheetNames.summary,
    rows,
    columns,
    merges: [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: Math.max(width, 3) })),
    rowHeights: estimateRowHeights(rows, columns, wrapped).map((h, i) => (i < 3 ? undefined : h)),
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 4, last: 4 } },
    freezeRows: 4,
    conditionalFormats: verdictAreas.flatMap((a) =>
      (Object.keys(VERDICT_STYLE) as Verdict[]).map((v) => ({
        top: a.top,
        left: 3,
        bottom: a.bottom,
        right: width,
        equals: VERDICT_TEXT[v],
        style: VERDICT_STYLE[v],
      })),
    ),
    visibility: "visible",
  };
  return { layouts: [...details, summary], refs, raw };
}
