import { z } from "zod";
import { issuesToProblems, type ConfigProblem as Problem } from "../ruleset/problems";
import type { Ruleset } from "../ruleset/schema";

/*
 * The wording of a programme's report, as data beside its ruleset: rulesets/reports/<ruleset-id>.json.
 * A province's own template is a new file, not code. Text may hold the placeholders below, filled from
 * the commune's details and the evaluation.
 */

export const PLACEHOLDERS = ["xa", "Xa", "nam", "ngay"] as const;
const PLACEHOLDER = /\{([^{}]*)\}/g;

const Text = z
  .string()
  .trim()
  .min(1)
  .superRefine((s, ctx) => {
    for (const m of s.matchAll(PLACEHOLDER)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        ctx.addIssue({
          code: "custom",
          message: `"{${m[1]}}" không phải chỗ điền được; dùng ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`,
        });
      }
    }
  });

/** A part only a person can write (công tác triển khai, ưu điểm, khó khăn): a heading and what to write, left as a marked place. */
const WriteSection = z.object({ kind: z.literal("write"), heading: Text, prompts: z.array(Text).min(1) }).strict();

/**
 * The results, group by group. "phu-luc-02": one paragraph per indicator (requirement, result,
 * verdict, shortfall), as seed 001's Phụ lục 02 asks; "abc": "a) Yêu cầu tiêu chí b) Kết quả c) Tự đánh
 * giá" per indicator with the group's "đạt k/n" at its head, as seed 003 writes it.
 */
const ResultsSection = z.object({ kind: z.literal("results"), heading: Text, style: z.enum(["phu-luc-02", "abc"]) }).strict();

/** The self-assessment from the verdicts; `passed` / `failed` is the closing sentence for the overall verdict. */
const SelfAssessmentSection = z
  .object({ kind: z.literal("self-assessment"), heading: Text, passed: Text, failed: Text, incomplete: Text })
  .strict();

/** The appendix lists (Phụ lục 03–07) named as attached, with their totals. */
const AppendicesSection = z.object({ kind: z.literal("appendices"), heading: Text, intro: Text }).strict();

export const ReportSection = z.discriminatedUnion("kind", [WriteSection, ResultsSection, SelfAssessmentSection, AppendicesSection]);
export type ReportSection = z.infer<typeof ReportSection>;

export const ReportWording = z
  .object({
    $schema: z.string().optional(),
    ruleset: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Where the wording was taken from (a seed and its section), or "chung" for the generic one. */
    source: Text,
    /** The trích yếu under "BÁO CÁO". */
    subject: Text,
    /** "Căn cứ …" lines before the opening. */
    basis: z.array(Text).default([]),
    opening: Text,
    sections: z.array(ReportSection).min(1),
    /** The sentence before the end, where the template has one. */
    closing: Text.optional(),
    /** The "Nơi nhận:" lines; "Lưu: VT" comes last by convention and is the file's to write. */
    recipients: z.array(Text).min(1),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (!w.sections.some((s) => s.kind === "results"))
      ctx.addIssue({ code: "custom", path: ["sections"], message: "cần một mục kết quả (kind: results)" });
  });
export type ReportWording = z.infer<typeof ReportWording>;

const vietnamese = z.locales.vi().localeError;

export type WordingParse = { ok: true; wording: ReportWording } | { ok: false; problems: Problem[] };

/** Parses rulesets/reports/<id>.json; every error names the file and the path inside it. */
export function parseReportWordingText(file: string, text: string, ruleset?: Ruleset): WordingParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ ref: file, message: `${file}: không phải JSON hợp lệ (invalid JSON): ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  const parsed = ReportWording.safeParse(data, { error: vietnamese });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(file, parsed.error.issues) };
  const expected = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
  if (parsed.data.ruleset !== expected) {
    return {
      ok: false,
      problems: [{ ref: `${file}: ruleset`, message: `${file}: ruleset "${parsed.data.ruleset}" phải trùng tên tệp "${expected}"` }],
    };
  }
  if (ruleset && ruleset.id !== parsed.data.ruleset) {
    return {
      ok: false,
      problems: [{ ref: `${file}: ruleset`, message: `${file}: lời văn dành cho "${parsed.data.ruleset}", không phải "${ruleset.id}"` }],
    };
  }
  return { ok: true, wording: parsed.data };
}

/** Fills {xa}, {Xa}, {nam}, {ngay}. */
export function fillPlaceholders(text: string, values: Readonly<Record<(typeof PLACEHOLDERS)[number], string>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => (key in values ? values[key as (typeof PLACEHOLDERS)[number]] : whole));
}
