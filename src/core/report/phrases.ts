import { toNumber } from "../evaluate/rational";
import type { IndicatorResult, MeasureResult, SummaryResult } from "../evaluate/result";
import type { CountLabels } from "../kinds/module";
import { measureOf } from "../kinds/measures";
import { kindOf } from "../kinds/registry";
import type { Indicator } from "../ruleset/schema";
import { formatInteger } from "../text/format";
import type { Run } from "./model";

/*
 * How one indicator's outcome is said in the report. Every count and ratio is the engine's own
 * (numerator, denominator, display); a figure that is missing, impossible or suspended is said in
 * words, never as a number.
 */

const count = (r: NonNullable<MeasureResult["numerator"]>): string =>
  r.d === 1n ? formatInteger(r.n) : String(toNumber(r)).replace(".", ",");

const lowerFirst = (s: string): string => (s === "" ? s : s[0]!.toLowerCase() + s.slice(1));

/** The reason of a suspended indicator, from its note "Tạm dừng: …". */
function suspendedReason(r: MeasureResult): string | undefined {
  const note = r.notes.find((n) => n.startsWith("Tạm dừng: "));
  return note?.slice("Tạm dừng: ".length);
}

function measureResult(r: MeasureResult, labels?: CountLabels): Run[] {
  if (r.verdict === "tam-dung") return [{ text: `tạm dừng: ${suspendedReason(r) ?? "không áp dụng"}` }];
  if (r.verdict === "khong-ap-dung") return [{ text: `không áp dụng${r.notApplicable?.reason ? `: ${r.notApplicable.reason}` : ""}` }];
  if (r.verdict === "thieu-so-lieu")
    return [
      { text: "chưa có số liệu" },
      { text: ` (cần bổ sung: ${r.problems.map((p) => p.message).join("; ") || "số liệu của chỉ tiêu"})`, toFill: true },
    ];
  if (r.verdict === "loi-so-lieu")
    return [
      { text: "số liệu chưa hợp lệ, chưa đánh giá được" },
      { text: ` (cần sửa: ${r.problems.map((p) => p.message).join("; ")})`, toFill: true },
    ];
  if (r.numerator && r.denominator && labels) {
    return [
      {
        text: `${count(r.numerator)}/${count(r.denominator)} ${labels.unit} (${lowerFirst(labels.numerator)} / ${lowerFirst(labels.denominator)}), đạt tỷ lệ ${r.display ?? ""}`,
      },
    ];
  }
  if (r.numerator && r.denominator) return [{ text: `${count(r.numerator)}/${count(r.denominator)}, đạt ${r.display ?? ""}` }];
  return [{ text: r.display ?? "chưa có số liệu" }];
}

/** "b) Kết quả": the figures in words, for any kind of indicator. */
export function resultRuns(r: IndicatorResult, item: Indicator | undefined): Run[] {
  if (r.parts && r.parts.length > 0 && r.verdict !== "tam-dung" && r.verdict !== "khong-ap-dung") {
    const runs: Run[] = [];
    r.parts.forEach((part, i) => {
      const m = item
        ? kindOf(item)
            .partRows(item)
            .find((p) => p.id === part.id)?.measure
        : undefined;
      runs.push({ text: `${i > 0 ? "; " : ""}${part.name}: ` });
      runs.push(...measureResult(part, m ? measureOf(m).reportCounts(m) : undefined));
    });
    return runs;
  }
  const labels = item ? kindOf(item).reportCounts(item) : undefined;
  return measureResult(r, labels);
}

/** "c) Tự đánh giá": the verdict, with what is still missing where it is not met. */
export function verdictText(r: IndicatorResult): string {
  switch (r.verdict) {
    case "dat":
      return "Đạt";
    case "khong-dat":
      return r.shortfall ? `Không đạt (${lowerFirst(r.shortfall.text)})` : "Không đạt";
    case "thieu-so-lieu":
      return "Chưa đánh giá được (chưa có số liệu)";
    case "loi-so-lieu":
      return "Chưa đánh giá được (số liệu chưa hợp lệ)";
    case "tam-dung":
      return `Tạm dừng${suspendedReason(r) ? ` (${suspendedReason(r)})` : ""}`;
    case "khong-ap-dung":
      return `Không áp dụng${r.notApplicable?.reason ? ` (${r.notApplicable.reason})` : ""}`;
  }
}

/** "- Chỉ tiêu đạt: 5/12 chỉ tiêu (41,7%)" and the counts of the rest, from the engine's summary. */
export function summaryLines(s: SummaryResult, members: readonly IndicatorResult[], unitName: string): string[] {
  const by = (v: IndicatorResult["verdict"]) => members.filter((m) => m.verdict === v).length;
  const lines = [s.counted === 0 ? `- Không có ${unitName} nào áp dụng` : `- ${upperFirst(unitName)} đạt: ${s.text.replace(/^đạt /, "")}`];
  const rest: string[] = [];
  if (by("khong-dat") > 0) rest.push(`không đạt: ${by("khong-dat")}`);
  if (by("thieu-so-lieu") > 0) rest.push(`chưa có số liệu: ${by("thieu-so-lieu")}`);
  if (by("loi-so-lieu") > 0) rest.push(`số liệu chưa hợp lệ: ${by("loi-so-lieu")}`);
  if (by("tam-dung") > 0) rest.push(`tạm dừng: ${by("tam-dung")}`);
  if (by("khong-ap-dung") > 0) rest.push(`không áp dụng: ${by("khong-ap-dung")}`);
  if (rest.length > 0) lines.push(`- Số chỉ tiêu ${rest.join("; ")}`);
  return lines;
}

export function upperFirst(s: string): string {
  return s === "" ? s : s[0]!.toUpperCase() + s.slice(1);
}
