import type { SourceRef } from "./inputs";
import type { Rational } from "./rational";

export type Verdict = "dat" | "khong-dat" | "thieu-so-lieu" | "loi-so-lieu" | "tam-dung" | "khong-ap-dung";

export const VERDICT_TEXT: Record<Verdict, string> = {
  dat: "Đạt",
  "khong-dat": "Không đạt",
  "thieu-so-lieu": "Thiếu số liệu",
  "loi-so-lieu": "Lỗi số liệu",
  "tam-dung": "Tạm dừng",
  "khong-ap-dung": "Không áp dụng",
};

/** lỗi blocks sending upward; cảnh báo asks the clerk to look. */
export type Severity = "loi" | "canh-bao";

export type Finding = { message: string; ref?: SourceRef; severity: Severity };

/** How many more (or fewer) units pass it: "Còn thiếu 854 người". */
export type Shortfall = { amount: Rational; unit: string; direction: "more" | "fewer"; text: string };

/** The outcome of one measure (an indicator, or one part of a two-part indicator). */
export type MeasureResult = {
  verdict: Verdict;
  /** The requirement as shown to the clerk: "≥ 85%", "≥ 45 triệu đồng/người", "Có". */
  requirement: string;
  /** The exact share or quantity; shares are fractions of 1. */
  value?: Rational;
  /** Vietnamese display: "58,6%", "45,2 triệu đồng/người", "Có". */
  display?: string;
  numerator?: Rational;
  denominator?: Rational;
  shortfall?: Shortfall;
  notes: string[];
  problems: Finding[];
  sources: SourceRef[];
  /** Why it does not apply to this commune (the clerk's answer or the document's 0/0 rule). */
  notApplicable?: { reason: string };
  /** The threshold actually applied where it is not fixed by the ruleset alone (by year, by rule). */
  threshold?: Rational;
  /** The answer that chose this case or made it apply: the question and the clerk's answer. */
  case?: { question: string; answer: boolean; source?: SourceRef };
};

export type PartResult = MeasureResult & { id: string; name: string };

export type IndicatorResult = MeasureResult & {
  code: string;
  name: string;
  kind: string;
  groupCode: string;
  criterionCode?: string;
  parts?: PartResult[];
};

/** A criterion, group or the whole model: its verdict and the count the documents write ("đạt 5/12 chỉ tiêu (41,7%)"). */
export type SummaryResult = {
  code: string;
  name: string;
  verdict: Verdict;
  passed: number;
  counted: number;
  suspended: number;
  unitName: string;
  text: string;
};

/** One village of a group judged per village: its own verdict on the group and each of its indicators (units.ts). */
export type VillageResult = {
  name: string;
  nameSource?: string;
  verdict: Verdict;
  passed: number;
  counted: number;
  text: string;
  indicators: IndicatorResult[];
  criteria: SummaryResult[];
};

/** A group judged per village: the commune-level rule over its villages ("ít nhất 1 thôn đạt") and each village. */
export type UnitsResult = {
  groupCode: string;
  groupName: string;
  unitName: string;
  rule: string;
  source: string;
  verdict: Verdict;
  passed: number;
  counted: number;
  text: string;
  villages: VillageResult[];
};

export type Evaluation = {
  ruleset: string;
  asOf?: string;
  indicators: IndicatorResult[];
  criteria: SummaryResult[];
  groups: SummaryResult[];
  overall: SummaryResult;
  problems: Finding[];
  /** Groups judged village by village, when the workbook names villages (units.ts). */
  units?: UnitsResult[];
};
