/*
 * The whole list job on values already read: which rosters (the mapping's, or proposed from the sheets'
 * headers), each roster read once, ages computed once, the lists the ruleset names, their layouts and
 * the figures they give. Pure: the app reads the sheets and writes the layouts.
 */
import type { Ymd } from "../age/retirement";
import type { Finding } from "../evaluate/result";
import { chooseSheetName, type SheetLayout } from "../layout/sheet";
import type { Ruleset } from "../ruleset/schema";
import type { RawCell } from "../text/cell";
import { proposeRoster, ROSTER_TEXT, type ProposedRoster } from "./columns";
import type { ListId, RosterKind } from "./ids";
import { listFigures, listIndicators, type ListFigures, type WrittenList } from "./figures";
import { listSheetKey, listSheetLayout, listSheetPlaces } from "./layout";
import { withProposals, type ListsMapping } from "./mapping";
import { readRoster, resolveRoster, type Roster } from "./roster";
import { residentAges, selectList, type AgeRules, type BuiltList, type ResidentAges } from "./select";
import { LIST_TEMPLATES } from "./templates";

/** The headers a roster of each kind is recognised by, for the message when none is found. */
const HEADER_HINT: Record<RosterKind, string> = {
  residents: '"Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"',
  officials: '"Họ và tên", "Chức vụ", "Thôn", "Có điện thoại thông minh"',
  businesses: '"Tên cơ sở", "Thôn", "Có ĐKKD", "Thanh toán trực tuyến"',
  cooperatives: '"Tên HTX / cơ sở sản xuất", "Thôn", "Ứng dụng công nghệ số"',
};

/** Civil Code adult age, used when a ruleset names a list of adults but no adultAge (said to the clerk). */
const DEFAULT_ADULT_AGE = 18;
const DEFAULT_WORKING_FROM = 15;

/** The age rules of a ruleset on a report date, with a problem when a parameter had to be defaulted. */
export function ageRulesOf(ruleset: Ruleset, asOf: Ymd): { rules: AgeRules; problems: Finding[] } {
  const problems: Finding[] = [];
  const adult = ruleset.parameters["adultAge"];
  const working = ruleset.parameters["workingAgeFrom"];
  if (!adult && listIndicators(ruleset).some((l) => l.list === "PL03")) {
    problems.push({
      message: `Bộ tiêu chí ${ruleset.id} không ghi độ tuổi trưởng thành (parameters.adultAge): dùng ${DEFAULT_ADULT_AGE} tuổi theo Bộ luật Dân sự 2015, Điều 20`,
      severity: "canh-bao",
    });
  }
  const rules: AgeRules = { asOf, adultAge: adult?.value ?? DEFAULT_ADULT_AGE, workingAgeFrom: working?.value ?? DEFAULT_WORKING_FROM };
  const source = adult ? shortSource(adult.source) : "Bộ luật Dân sự 2015, Điều 20";
  return { rules: source ? { ...rules, adultAgeSource: source } : rules, problems };
}

/** The law a parameter's source cites, short enough for a printed line: "Bộ luật Dân sự 2015, Điều 20". */
function shortSource(source: string): string | undefined {
  const m = /((?:Bộ luật|Luật|Nghị định|Thông tư|Quyết định)[^;()]*?,\s*Điều\s*\d+)/.exec(source);
  return m?.[1];
}

/** The lists a ruleset names, narrowed to `only` when given. */
export function listsToMake(ruleset: Ruleset, only?: readonly ListId[]): ListId[] {
  const named = new Set(listIndicators(ruleset).map((l) => l.list));
  return (Object.keys(LIST_TEMPLATES) as ListId[]).filter((id) => named.has(id) && (!only || only.includes(id)));
}

/** The roster kinds the lists need. */
export function rostersNeeded(ids: readonly ListId[]): RosterKind[] {
  return [...new Set(ids.map((id) => LIST_TEMPLATES[id].roster))];
}

/** The best sheet for each roster kind among the sheets given; a second candidate is said, not used. */
export function proposeRosters(sheets: ReadonlyMap<string, readonly (readonly RawCell[])[]>): {
  proposals: ProposedRoster[];
  problems: Finding[];
} {
  const best = new Map<RosterKind, ProposedRoster>();
  const problems: Finding[] = [];
  for (const [sheet, rows] of sheets) {
    const p = proposeRoster(sheet, rows);
    if (!p) continue;
    const current = best.get(p.kind);
    if (!current || p.score > current.score) {
      if (current) problems.push(otherCandidate(current, p));
      best.set(p.kind, p);
    } else problems.push(otherCandidate(p, current));
  }
  return { proposals: [...best.values()], problems };
}

function otherCandidate(skipped: ProposedRoster, chosen: ProposedRoster): Finding {
  return {
    message: `Trang "${skipped.sheet}" cũng giống ${ROSTER_TEXT[skipped.kind]}; đã chọn trang "${chosen.sheet}" — nếu sai, sửa lists.rosters.${skipped.kind} trong ánh xạ`,
    severity: "canh-bao",
  };
}

export type ListsBuildInput = {
  ruleset: Ruleset;
  asOf: Ymd;
  /** The mapping's `lists` value, validated (parseListsMapping); rosters it lacks are proposed. */
  lists: ListsMapping;
  /** Sheets read, by name: the mapped rosters' sheets, and every clerk's sheet when something is to be proposed. */
  sheets: ReadonlyMap<string, readonly (readonly RawCell[])[]>;
  /** The workbook's sheets, to name ours without taking a clerk's sheet. */
  existing: ReadonlyArray<{ name: string; owner?: string | undefined }>;
  only?: readonly ListId[] | undefined;
  commune?: string | undefined;
  /** Overrides lists.groupByVillage. */
  groupByVillage?: boolean | undefined;
  /**
   * false when no list sheet will be written (evaluate, check, the roll-up read the figures only):
   * members are then not sorted for print, and the lists come without layouts. Their counts, totals'
   * cells and count formulas are the same, since sorting moves rows without adding any.
   */
  layouts?: boolean | undefined;
};

export type MadeList = WrittenList & { layout: SheetLayout; count: number };

/** A list whose figures were wanted, not its sheet (layouts: false): no layout to write by mistake. */
export type CountedList = WrittenList & { count: number };

export type ListsBuild = {
  lists: MadeList[];
  /** With layouts: false, the lists built (figures and counts) in place of `lists`, which is empty. */
  counted?: CountedList[];
  /** The lists mapping with proposed rosters filled in, to store with the indicator mapping. */
  mapping: ListsMapping;
  figures: ListFigures;
  rosters: Roster[];
  problems: Finding[];
};

/** Reads each roster the lists need from its mapped sheet; what cannot be read is a problem (pushed on `problems`). */
function readRosters(
  sheets: ListsBuildInput["sheets"],
  mapping: ListsMapping,
  ids: readonly ListId[],
  problems: Finding[],
): Map<RosterKind, Roster> {
  const kinds = rostersNeeded(ids);
  const rosters = new Map<RosterKind, Roster>();
  for (const kind of kinds) {
    const m = mapping.rosters[kind];
    if (!m) {
      const wanted = ids.filter((id) => LIST_TEMPLATES[id].roster === kind).map((id) => LIST_TEMPLATES[id].appendix);
      problems.push({
        message: `Không tìm thấy ${ROSTER_TEXT[kind]} trong sổ tính — ${wanted.join(", ")} không lập được; hãy thêm trang có dòng tiêu đề (${HEADER_HINT[kind]}) hoặc gán trong ánh xạ lists.rosters.${kind}`,
        severity: "loi",
      });
      continue;
    }
    const rows = sheetRows(sheets, m.sheet);
    if (!rows) {
      problems.push({
        message: `Không có trang "${m.sheet}" (${ROSTER_TEXT[kind]}, ánh xạ lists.rosters.${kind}) trong sổ tính`,
        severity: "loi",
      });
      continue;
    }
    const resolved = resolveRoster(kind, m, rows);
    if (!resolved.ok) {
      problems.push(...resolved.problems);
      continue;
    }
    const roster = readRoster(kind, m.sheet, rows, resolved.headerRow, resolved.columns);
    problems.push(...roster.problems);
    rosters.set(kind, roster);
  }
  return rosters;
}

/** Builds every list the ruleset names (or `only` those) from the sheets given. */
export function buildLists(input: ListsBuildInput): ListsBuild {
  const { ruleset, asOf } = input;
  const ids = listsToMake(input.ruleset, input.only);
  const problems: Finding[] = [];
  if (ids.length === 0) {
    problems.push({
      message: `Bộ tiêu chí ${ruleset.id} không có phụ lục danh sách nào${input.only ? ` trong ${input.only.join(", ")}` : ""}`,
      severity: "loi",
    });
    return { lists: [], mapping: input.lists, figures: {}, rosters: [], problems };
  }
  const { rules, problems: ruleProblems } = ageRulesOf(ruleset, asOf);
  problems.push(...ruleProblems);
  const kinds = rostersNeeded(ids);
  let mapping = input.lists;
  if (kinds.some((k) => mapping.rosters[k] === undefined)) {
    const mappedSheets = new Set(Object.values(mapping.rosters).map((r) => r?.sheet.toLocaleLowerCase("vi")));
    const candidates = new Map([...input.sheets].filter(([name]) => !mappedSheets.has(name.toLocaleLowerCase("vi"))));
    const proposed = proposeRosters(candidates);
    problems.push(...proposed.problems);
    mapping = withProposals(mapping, proposed.proposals);
  }

  const rosters = readRosters(input.sheets, mapping, ids, problems);

  const residents = rosters.get("residents");
  let ages: ResidentAges | undefined;
  if (residents && ids.some((id) => LIST_TEMPLATES[id].roster === "residents")) {
    ages = residentAges(residents, rules);
    problems.push(...ages.problems);
  }

  const taken: Array<{ name: string; owner?: string | undefined }> = [...input.existing];
  const made: MadeList[] = [];
  const counted: CountedList[] = [];
  const group = input.groupByVillage ?? mapping.groupByVillage ?? false;
  // Grouped by village, the rows depend on the order (a heading per run of one village): sorted then.
  const printOrder = input.layouts !== false || group;
  for (const id of ids) {
    const roster = rosters.get(LIST_TEMPLATES[id].roster);
    if (!roster) continue;
    const list: BuiltList = selectList(id, roster, rules, roster.kind === "residents" ? ages : undefined, printOrder);
    problems.push(...list.problems);
    const key = listSheetKey(id);
    const { name } = chooseSheetName(list.template.appendix, key, taken);
    taken.push({ name, owner: key });
    const notes = roster.kind === "residents" && ages && ages.assumed > 0 ? [assumptionNote()] : [];
    const layoutInput = { list, sheetName: name, commune: input.commune, asOf, groupByVillage: group, notes };
    if (input.layouts === false) {
      // Only where the list's total and count would be: a 20 000-row layout nobody writes is not built.
      const { totalRef, countFormula, count } = listSheetPlaces(layoutInput);
      counted.push({ list, totalRef, sheetName: name, count, countFormula });
      continue;
    }
    const laid = listSheetLayout(layoutInput);
    made.push({ list, layout: laid.layout, totalRef: laid.totalRef, countFormula: laid.countFormula, sheetName: name, count: laid.count });
  }
  if (input.layouts === false) {
    return { lists: [], counted, mapping, figures: listFigures(ruleset, counted), rosters: [...rosters.values()], problems };
  }
  return { lists: made, mapping, figures: listFigures(ruleset, made), rosters: [...rosters.values()], problems };
}

function assumptionNote(): string {
  return "Người chỉ ghi năm sinh được coi như sinh ngày 01/01 của năm đó (Nghị định 135/2020/NĐ-CP, Điều\u00a03 khoản\u00a03).";
}

function sheetRows(
  sheets: ReadonlyMap<string, readonly (readonly RawCell[])[]>,
  name: string,
): readonly (readonly RawCell[])[] | undefined {
  const exact = sheets.get(name);
  if (exact) return exact;
  const key = name.toLocaleLowerCase("vi");
  for (const [n, rows] of sheets) if (n.toLocaleLowerCase("vi") === key) return rows;
  return undefined;
}
