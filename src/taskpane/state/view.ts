/*
 * What the components show, shaped from the core's data: no verdicts or thresholds are decided
 * here — only grouping, labels and the bookkeeping of which input is mapped to what.
 */
import type { ListsProgress, ListSummary } from "../../app/lists";
import type { CheckReport } from "../../app/check";
import { checkView, type CheckViewItem, type SelectTarget } from "../../core/check/view";
import type { Finding as CoreProblem, Severity } from "../../core/evaluate/result";
import { slotsOf } from "../../core/evaluate/slots";
import type { Proposal } from "../../core/mapping/propose";
import type { Mapping } from "../../core/mapping/schema";
import { parseArea, quoteSheet, splitSheet } from "../../core/ref/a1";
import type { Ruleset } from "../../core/ruleset/schema";
import { indicatorsOf } from "../../core/ruleset/walk";
import { formatInteger } from "../../core/text/format";
import { listIndicators } from "../../core/lists/figures";
import { T } from "../strings";
import { documentNumberShown } from "../../core/ruleset/document-number";
import { checkRef, type NameOption } from "./picker";

export { filterNames, nameOptions, type NameOption } from "./picker";

export type ProgrammeOption = { id: string; title: string; province: string; document: string };
export type ProgrammeGroup = { province: string; options: ProgrammeOption[] };

/** "Số /HD-STTTT, tháng 10/2024 — Sở Thông tin và Truyền thông tỉnh Phú Thọ". */
export function documentLine(r: Ruleset): string {
  const [y, m, d] = r.document.date.split("-");
  const date = d ? `ngày ${Number(d)}/${m}/${y}` : m ? `tháng ${m}/${y}` : `năm ${y}`;
  return `${documentNumberShown(r.document.number)}, ${date} — ${r.document.issuer}`;
}

/** The programmes grouped by province, provinces and titles in Vietnamese order. */
export function programmeGroups(rulesets: Iterable<Ruleset>): ProgrammeGroup[] {
  const by = new Map<string, ProgrammeOption[]>();
  for (const r of rulesets) {
    const list = by.get(r.province) ?? [];
    list.push({ id: r.id, title: r.title, province: r.province, document: documentLine(r) });
    by.set(r.province, list);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "vi"))
    .map(([province, options]) => ({ province, options: options.sort((a, b) => a.title.localeCompare(b.title, "vi")) }));
}

export type SlotRow = {
  code: string;
  slot: string;
  label: string;
  ref?: string;
  proposal?: Proposal;
  /** A stand-in input (a ratio typed directly): shown only when mapped. */
  alternative: boolean;
  /** The reference is not a name in the workbook nor a cell address: not counted as mapped. */
  invalid?: boolean;
  /** The yes/no question that chooses the case (either-or, "nếu có"): slots with one key share one answer. */
  questionKey?: string;
};
export type IndicatorRow = {
  code: string;
  name: string;
  requirement?: string;
  /** The clerk's reason for tạm dừng (the mapping's), or the ruleset's own suspension. */
  suspended?: string;
  /** Suspended by the ruleset itself: the clerk cannot lift it. */
  suspendedByRuleset?: boolean;
  slots: SlotRow[];
};
export type GroupRows = { code: string; name: string; indicators: IndicatorRow[] };

/**
 * Every indicator's inputs, with what each is mapped to or proposed for; given the workbook's names,
 * a reference that is neither one of them nor a cell address is marked invalid.
 */
export function mappingRows(
  ruleset: Ruleset,
  mapping: Mapping,
  proposals: readonly Proposal[],
  names?: readonly NameOption[],
): GroupRows[] {
  const proposed = new Map(proposals.map((p) => [`${p.code}|${p.slot}`, p]));
  const groups = new Map<string, GroupRows>();
  for (const { item, group } of indicatorsOf(ruleset)) {
    const g = groups.get(group.code) ?? { code: group.code, name: group.name, indicators: [] };
    groups.set(group.code, g);
    const mapped = mapping.indicators[item.code] ?? {};
    const slots: SlotRow[] = slotsOf(item)
      .filter((s) => !s.alternative || mapped[s.slot] !== undefined)
      .map((s) => {
        const ref = mapped[s.slot];
        const proposal = ref === undefined ? proposed.get(`${item.code}|${s.slot}`) : undefined;
        const invalid = ref !== undefined && names !== undefined && !checkRef(names, ref).ok;
        return {
          code: item.code,
          slot: s.slot,
          label: s.label,
          alternative: s.alternative === true,
          ...(ref !== undefined ? { ref } : {}),
          ...(proposal ? { proposal } : {}),
          ...(invalid ? { invalid } : {}),
          ...(s.questionKey !== undefined ? { questionKey: s.questionKey } : {}),
        };
      });
    const suspended = mapping.suspended?.[item.code] ?? item.suspended?.reason;
    g.indicators.push({
      code: item.code,
      name: item.name,
      slots,
      ...(item.requirementText !== undefined ? { requirement: item.requirementText } : {}),
      ...(suspended !== undefined ? { suspended } : {}),
      ...(item.suspended !== undefined ? { suspendedByRuleset: true } : {}),
    });
  }
  return [...groups.values()];
}

export function mappingProgress(groups: readonly GroupRows[]): { mapped: number; total: number; proposed: number } {
  let mapped = 0;
  let total = 0;
  let proposed = 0;
  for (const g of groups) {
    for (const i of g.indicators) {
      for (const s of i.slots) {
        if (s.alternative) continue;
        total++;
        if (s.ref !== undefined && !s.invalid) mapped++;
        else if (s.proposal) proposed++;
      }
    }
  }
  return { mapped, total, proposed };
}

/** The mapping with one input set to a reference, or removed when the reference is empty. */
export function withSlot(mapping: Mapping, code: string, slot: string, ref: string): Mapping {
  const indicators: Mapping["indicators"] = Object.fromEntries(Object.entries(mapping.indicators).map(([k, v]) => [k, { ...v }]));
  const value = ref.trim();
  if (value === "") {
    const slots = indicators[code];
    if (slots) {
      delete slots[slot];
      if (Object.keys(slots).length === 0) delete indicators[code];
    }
  } else {
    (indicators[code] ??= {})[slot] = value;
  }
  return { ...mapping, indicators };
}

/** The mapping with the report's commune and date as the clerk typed them (blank removes). */
export function withDetails(mapping: Mapping, commune: string, asOf: string): Mapping {
  const { commune: _c, asOf: _a, ...rest } = mapping;
  return { ...rest, ...(commune.trim() ? { commune: commune.trim() } : {}), ...(asOf ? { asOf } : {}) };
}

/**
 * What to select in Excel for a source or problem reference: "co_dttm ('Số liệu'!B7)" → the cell in
 * parentheses; "'Số liệu'!B7" or a bare name as it is; anything else (a list, a JSON path) nothing.
 */
export function selectableRef(source: string): string | undefined {
  const inner = /\(([^()]+![^()]+)\)\s*$/.exec(source);
  if (inner) return inner[1]!.trim();
  const { sheet, rest } = splitSheet(source);
  if (sheet !== undefined && (parseArea(rest) || /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(rest))) return source.trim();
  if (sheet === undefined && /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(source.trim()) && !parseArea(source.trim())) return source.trim();
  return undefined;
}

/**
 * A problem as the pane lists it: the message, where it is (`ref`), and what a click selects — given
 * by `target` when the caller knows it (null: nothing to select), else worked out from `ref`.
 */
export type ProblemItem = {
  message: string;
  ref?: string | undefined;
  target?: string | null | undefined;
  title?: string | undefined;
  suggestion?: string | undefined;
};

/** What a problem item selects in Excel, if anything. */
export function problemTarget(p: ProblemItem): string | undefined {
  if (p.target === null) return undefined;
  return p.target ?? (p.ref !== undefined ? selectableRef(p.ref) : undefined);
}

/** The mapping with the rosters the lists found (its `lists` key), as stored by the last write. */
export function withLists(mapping: Mapping, lists: Mapping["lists"]): Mapping {
  const { lists: _l, ...rest } = mapping;
  return lists === undefined ? rest : { ...rest, lists };
}

/** Does the programme have appendix lists (an indicator with a "list")? Then the pane offers "Tạo phụ lục". */
export function hasLists(ruleset: Ruleset): boolean {
  return listIndicators(ruleset).length > 0;
}

/** The progress bar's label and fill for a step of "Tạo phụ lục"; reading the rosters takes most of the time. */
export function listsProgressView(p: ListsProgress): { label: string; value: number } {
  switch (p.step) {
    case "reading":
      return { label: T.listsReading(p.sheet, p.index + 1, p.of), value: 0.05 + 0.55 * (p.index / Math.max(1, p.of)) };
    case "building":
      return { label: T.listsBuilding, value: 0.65 };
    case "checking":
      return { label: T.listsChecking, value: 0.75 };
    case "writing":
      return { label: T.listsWriting(p.sheets), value: 0.85 };
    case "done":
      return { label: T.listsDone, value: 1 };
  }
}

export type ListRow = {
  id: string;
  appendix: string;
  title: string;
  sheetName: string;
  sheetRef: string;
  count: string;
  population: string;
};

/** Each list written: "Phụ lục 03 — Thống kê số lượng người … có sử dụng điện thoại thông minh: 710 người, trong số 873 người từ đủ 18 tuổi của trang “Dân cư”". */
export function listRows(lists: readonly ListSummary[]): ListRow[] {
  return lists.map((l) => ({
    id: l.id,
    appendix: l.appendix,
    title: l.title ?? l.sheetName,
    sheetName: l.sheetName,
    sheetRef: `${quoteSheet(l.sheetName)}!A1`,
    count: `${formatInteger(l.count)} ${l.unit}`,
    population: `trong số ${formatInteger(l.population)} ${l.populationText} của trang “${l.rosterSheet}”`,
  }));
}

/** Problems split as the core marks them: lỗi (to fix before sending) and cảnh báo (to look at). */
export function bySeverity(problems: readonly CoreProblem[]): { mustFix: ProblemItem[]; shouldSee: ProblemItem[] } {
  const item = (p: CoreProblem): ProblemItem => ({ message: p.message, ...(p.ref !== undefined ? { ref: p.ref } : {}) });
  return {
    mustFix: problems.filter((p) => p.severity === "loi").map(item),
    shouldSee: problems.filter((p) => p.severity !== "loi").map(item),
  };
}

function targetText(t: SelectTarget | undefined): string | null {
  if (!t) return null;
  return t.kind === "range" ? t.address : t.name;
}

function checkItem(i: CheckViewItem): ProblemItem {
  return { title: i.title, message: i.message, ref: i.where, target: targetText(i.target), suggestion: i.suggestion };
}

export type CheckPanelView = {
  summary: string;
  canSend: boolean;
  sections: Array<{ severity: Severity; title: string; items: ProblemItem[] }>;
  sheets: string[];
};

/** The pre-submission report as the core's checkView lays it out (lỗi first), each item with what a click selects. */
export function checkPanelView(report: CheckReport): CheckPanelView {
  const view = checkView(report.problems);
  return {
    summary: view.summary,
    canSend: view.canSend,
    sections: view.sections.map((s) => ({ severity: s.severity, title: s.title, items: s.items.map(checkItem) })),
    sheets: report.sheets,
  };
}

/**
 * A summary's count beside its verdict badge: "Số đạt: 0/4 nội dung", not "đạt 0/4" — after the
 * badge "Không đạt" that would read "Không đạt đạt 0/4".
 */
export function summaryCount(text: string): string {
  const m = /^đạt\s+(.*)$/u.exec(text.trim());
  return m ? `${T.passedCount}: ${m[1]}` : text;
}
