import type { AppliesIf } from "../ruleset/schema";
import type { IndicatorInputs, Input } from "./inputs";
import type { MeasureResult, Finding as Problem } from "./result";

const MISSING: Input = { kind: "missing" };

function problem(message: string, ref: string | undefined): Problem {
  return ref === undefined ? { message, severity: "loi" } : { message, ref, severity: "loi" };
}

const cell = (i: Input) => (i.source ? `Ô ${i.source}` : "Ô nhập");
const answerText = (b: boolean) => (b ? "Có" : "Không");

/** The clerk's answer to the question: a "không có" / "không áp dụng" typed there is the answer Không. */
function answerOf(q: Input): { kind: "answer"; value: boolean } | { kind: "none" } | { kind: "bad"; problem: Problem } {
  switch (q.kind) {
    case "bool":
      return { kind: "answer", value: q.value };
    case "not-applicable":
      return { kind: "answer", value: false };
    case "missing":
      return { kind: "none" };
    case "invalid":
      return { kind: "bad", problem: problem(q.reason, q.source) };
    case "number":
      return { kind: "bad", problem: problem(`${cell(q)}: cần trả lời Có hoặc Không, nhận được một số`, q.source) };
  }
}

function sourcesOf(inputs: Input[]): string[] {
  return inputs.flatMap((i) => (i.source !== undefined ? [i.source] : []));
}

function notApplicable(
  spec: AppliesIf,
  reason: string,
  requirement: string,
  evidence: Input[],
  answer?: MeasureResult["case"],
): MeasureResult {
  const excused = spec.otherwise === "excused";
  return {
    verdict: excused ? "khong-ap-dung" : "khong-dat",
    requirement,
    notes: [
      `Không áp dụng — ${reason}.`,
      excused ? `Căn cứ văn bản: ${spec.source}` : `Văn bản tính trường hợp không áp dụng là không đạt: ${spec.source}`,
    ],
    problems: [],
    sources: sourcesOf(evidence),
    notApplicable: { reason },
    ...(answer ? { case: answer } : {}),
  };
}

/**
 * Whether an indicator (or one part) applies to this commune, before it is judged. The clerk says so
 * by answering the ruleset's question, or by typing "Không áp dụng" (KAD, "không có", a dash) in an
 * answer cell; where the document gives no such case, that answer is an error naming its cell.
 *
 * @param prefix  "" for an indicator, the part id for a part: where the question slot is.
 * @param slots   the answer slots that may carry a typed "Không áp dụng".
 */
export function judgeApplicability<T extends MeasureResult>(
  spec: AppliesIf | undefined,
  inputs: IndicatorInputs,
  prefix: string,
  slots: readonly string[],
  requirement: string,
  judge: () => T,
): T | MeasureResult {
  const typedNa = slots.map((s) => inputs[s]).filter((i): i is Extract<Input, { kind: "not-applicable" }> => i?.kind === "not-applicable");
  if (!spec) {
    if (typedNa.length === 0) return judge();
    return {
      verdict: "loi-so-lieu",
      requirement,
      notes: [],
      sources: sourcesOf(typedNa),
      problems: typedNa.map((i) =>
        problem(
          `${cell(i)} ghi "không áp dụng" nhưng văn bản không có trường hợp không áp dụng cho chỉ tiêu này — hãy nhập số liệu (để trống nếu chưa có)`,
          i.source,
        ),
      ),
    };
  }
  const q = inputs[prefix ? `${prefix}.question` : "question"] ?? MISSING;
  const a = answerOf(q);
  if (a.kind === "bad") return { verdict: "loi-so-lieu", requirement, notes: [], sources: sourcesOf([q]), problems: [a.problem] };
  if (a.kind === "none") {
    if (typedNa.length > 0) return notApplicable(spec, typedNa.find((i) => i.reason)?.reason ?? spec.reason, requirement, typedNa);
    const r = judge();
    if (r.verdict !== "thieu-so-lieu") return r;
    const ask = `Chưa trả lời câu hỏi "${spec.question}"${q.source ? ` (ô ${q.source})` : ""} — trả lời để biết chỉ tiêu này có áp dụng với xã không`;
    return { ...r, problems: [...r.problems, { message: ask, severity: "canh-bao", ...(q.source ? { ref: q.source } : {}) }] };
  }
  const answer = { question: spec.question, answer: a.value, ...(q.source ? { source: q.source } : {}) };
  if (a.value !== spec.answer) return notApplicable(spec, spec.reason, requirement, [q], answer);
  if (typedNa.length > 0) {
    return {
      verdict: "loi-so-lieu",
      requirement,
      notes: [],
      sources: sourcesOf([q, ...typedNa]),
      case: answer,
      problems: typedNa.map((i) =>
        problem(
          `${cell(i)} ghi "không áp dụng" nhưng câu hỏi "${spec.question}"${q.source ? ` (ô ${q.source})` : ""} trả lời ${answerText(a.value)}, nên chỉ tiêu này áp dụng — hãy sửa một trong hai ô`,
          i.source,
        ),
      ),
    };
  }
  const r = judge();
  return {
    ...r,
    case: answer,
    notes: [`${spec.question} ${answerText(a.value)} — áp dụng chỉ tiêu này.`, ...r.notes],
    sources: [...sourcesOf([q]), ...r.sources],
  };
}
