import { z } from "zod";
import { LIST_IDS } from "../lists/ids";

/*
 * The ruleset schema is the single source of the ruleset types (z.infer below).
 * A ruleset is a programme's criteria set as one province's document states it:
 * groups (nhóm / phần / yêu cầu) hold criteria (tiêu chí) or indicators (chỉ tiêu);
 * criteria hold indicators. Three levels cover every source document we have.
 */

const Text = z.string().trim().min(1);

export const Comparator = z.enum([">=", ">", "<=", "<", "="]);
export type Comparator = z.infer<typeof Comparator>;

/** Document numbering: "1.1.1", "3.2", "17.1", "TC1", "YC3". */
export const Code = z.string().regex(/^[0-9A-Za-zĐđ]+(\.[0-9A-Za-z]+)*$/, "mã phải dạng 1.1.1 hoặc 17.1");

/**
 * A share threshold: a percentage (85 means 85%) or a fraction of the whole ("2/3").
 * Exactly one of the two; JSON numbers are read as the decimal written, never as a float.
 */
export const ShareRequirement = z
  .object({
    comparator: Comparator,
    percent: z.number().min(0).optional(),
    fraction: z
      .string()
      .regex(/^\d+\/[1-9]\d*$/, "phân số dạng 2/3")
      .optional(),
  })
  .strict()
  .refine((r) => (r.percent === undefined) !== (r.fraction === undefined), {
    message: "cần đúng một trong hai: percent hoặc fraction",
  });
export type ShareRequirement = z.infer<typeof ShareRequirement>;

export const QuantityRequirement = z.object({ comparator: Comparator, value: z.number() }).strict();
export type QuantityRequirement = z.infer<typeof QuantityRequirement>;

/**
 * When an indicator or a part applies: the document's "(nếu có)", or one of two either-or cases
 * (Hà Tĩnh 7: a commune with a market in its plan / one without). The clerk answers the question in
 * a yes/no cell; indicators sharing `key` share that cell, so two cases read one answer.
 */
export const AppliesIf = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/, "key dạng cho-nong-thon"),
    /** The yes/no question, in the clerk's words. */
    question: Text,
    /** The answer under which this applies: false for "Trường hợp xã không có chợ". */
    answer: z.boolean().default(true),
    /** Shown as "Không áp dụng — <reason>" when it does not apply. */
    reason: Text,
    /** How the document counts it when it does not apply: left out of its criterion, or not met. */
    otherwise: z.enum(["excused", "not-met"]).default("excused"),
    /** The document's own words that make it conditional, quoted. */
    source: Text,
  })
  .strict();
export type AppliesIf = z.infer<typeof AppliesIf>;

/** What a share of none means where the document says so: "100% sản phẩm OCOP" with no OCOP product. */
export const WhenNone = z
  .object({
    reason: Text,
    source: Text,
    /** How the document counts a share of none: not applicable (left out), or not met (the Hà Tân report judges 2.3 "Chưa đạt" with no OCOP product). */
    counts: z.enum(["excused", "not-met"]).default("excused"),
  })
  .strict();

/** A ratio of two counts against a percentage: "Tỷ lệ người dân ... ≥ 85%". */
export const RatioMeasure = z
  .object({
    kind: z.literal("ratio"),
    requirement: ShareRequirement,
    numeratorLabel: Text,
    denominatorLabel: Text,
    /** What the counts count, for the shortfall: "người", "hồ sơ", "hộ". */
    unit: Text,
    /** A share cannot exceed its whole; false for ratios such as computers per official. */
    share: z.boolean().default(true),
    /**
     * Names the population the denominator counts ("dan-so-tu-15-tuoi"), so that two
     * indicators over the same population can be checked for the same figure.
     */
    population: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /** "measure": lengths, areas, masses in the document's unit (km, ha, tấn), decimals allowed. */
    amount: z.enum(["count", "measure"]).default("count"),
    /** 0/0 is not applicable (with this reason) instead of lỗi số liệu. */
    whenNone: WhenNone.optional(),
  })
  .strict();

/** A figure with a unit against a threshold: income ≥ 45 triệu đồng/người, ≥ 1 điểm. */
export const QuantityMeasure = z
  .object({
    kind: z.literal("quantity"),
    requirement: QuantityRequirement,
    unit: Text,
    valueLabel: Text,
    /** When the figure is a quotient of two inputs (m² per person): their labels. */
    perCapita: z.object({ numeratorLabel: Text, denominatorLabel: Text }).strict().optional(),
  })
  .strict();

/** A condition that holds or not: "Có hệ thống một cửa điện tử". */
export const YesNoMeasure = z
  .object({
    kind: z.literal("yes-no"),
    /** The answer that passes: true for "Có"/"Đạt", false where the document requires "Không". */
    expected: z.boolean().default(true),
    valueLabel: Text.optional(),
  })
  .strict();

/** A threshold that depends on the report year (income 2021–2025). */
export const ByYearMeasure = z
  .object({
    kind: z.literal("by-year"),
    measure: z.enum(["quantity", "ratio"]),
    comparator: Comparator,
    /** Year → threshold (a percentage for a ratio, a value in `unit` for a quantity). */
    byYear: z.record(z.string().regex(/^\d{4}$/), z.number()),
    /**
     * Where the document gives a rule rather than a figure for other years ("cao hơn ít nhất 10% so
     * với…"): the threshold is percentOfReference % of a reference figure the clerk types.
     * Without it a year not listed has no threshold; another year's is never borrowed.
     */
    rule: z.object({ text: Text, percentOfReference: z.number().positive(), referenceLabel: Text }).strict().optional(),
    unit: Text,
    valueLabel: Text.optional(),
    numeratorLabel: Text.optional(),
    denominatorLabel: Text.optional(),
  })
  .strict();

/** A ratio whose threshold is chosen by a condition: more than 3 schools → ≥ 70%, otherwise ≥ 50%. */
export const ConditionalMeasure = z
  .object({
    kind: z.literal("conditional"),
    condition: z
      .object({
        label: Text,
        comparator: Comparator,
        value: z.number(),
        /** The population the condition counts (the number of schools), so the check can compare it with the denominators that count it too. */
        population: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
      })
      .strict(),
    then: ShareRequirement,
    otherwise: ShareRequirement,
    numeratorLabel: Text,
    denominatorLabel: Text,
    unit: Text,
    share: z.boolean().default(true),
    /** The population the denominator counts, as on ratios. */
    population: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  })
  .strict();

const Part = z.discriminatedUnion("kind", [RatioMeasure, QuantityMeasure, YesNoMeasure]);

/** Two or more parts that must all hold: clean water ≥ 45%, of which ≥ 20% piped. */
export const AllOfMeasure = z
  .object({
    kind: z.literal("all-of"),
    parts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9]*$/),
            name: Text,
            requirementText: Text.optional(),
            appliesIf: AppliesIf.optional(),
            measure: Part,
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

const indicatorFields = {
  code: Code,
  /** The indicator's wording exactly as in the document. */
  name: Text,
  /** The requirement exactly as the document writes it ("≥85%", "Đạt", "100%"). */
  requirementText: Text.optional(),
  /** Cơ quan chủ trì / đơn vị phụ trách, where the document names one. */
  department: Text.optional(),
  notes: z.array(Text).default([]),
  /** Tạm dừng / không áp dụng, as the document (not the clerk) states it. */
  suspended: z.object({ reason: Text }).strict().optional(),
  /** Applies only in one situation of the commune ("nếu có", either-or cases). */
  appliesIf: AppliesIf.optional(),
  /** The appendix list that backs this indicator (seed 001, Phụ lục 03–07). */
  list: z.enum(LIST_IDS).optional(),
};

const KINDS = "ratio, quantity, yes-no, by-year, conditional, all-of";

export const Indicator = z.discriminatedUnion(
  "kind",
  [
    RatioMeasure.extend(indicatorFields),
    QuantityMeasure.extend(indicatorFields),
    YesNoMeasure.extend(indicatorFields),
    ByYearMeasure.extend(indicatorFields),
    ConditionalMeasure.extend(indicatorFields),
    AllOfMeasure.extend(indicatorFields),
  ],
  { error: `"kind" của chỉ tiêu phải là một trong: ${KINDS}` },
);
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorKind = Indicator["kind"];
export type Measure = z.infer<typeof Part>;

/** How a set of items passes: all of them, or at least n of them. */
export const PassRule = z.union([z.object({ all: z.literal(true) }).strict(), z.object({ atLeast: z.number().int().min(1) }).strict()]);
export type PassRule = z.infer<typeof PassRule>;

export const Criterion = z
  .object({
    kind: z.literal("criterion"),
    code: Code,
    name: Text,
    requirementText: Text.optional(),
    department: Text.optional(),
    notes: z.array(Text).default([]),
    suspended: z.object({ reason: Text }).strict().optional(),
    passRule: PassRule.default({ all: true }),
    indicators: z.array(Indicator).min(1),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const Item = z.discriminatedUnion("kind", [Criterion, Indicator], {
  error: `"kind" phải là criterion hoặc một loại chỉ tiêu: ${KINDS}`,
});
export type Item = z.infer<typeof Item>;

/** Whether a suspended item stays in a summary's total: the documents differ (seed 002 writes 2/6 with one suspended). */
const Summary = {
  /** The word the document counts in: "chỉ tiêu", "tiêu chí", "yêu cầu". */
  unitName: Text,
  passRule: PassRule.default({ all: true }),
  suspendedInTotal: z.boolean().default(false),
};

/**
 * A group judged village by village (thôn thông minh): each village the clerk names is evaluated on
 * the group's items, and the commune by a rule over the villages ("có ít nhất một mô hình thôn thông
 * minh" is { atLeast: 1 }, every village { all: true }). Used only when the workbook names villages;
 * otherwise the group is one unit, as before.
 */
export const VillageUnits = z
  .object({
    unit: z.literal("village"),
    /** How many villages must pass for the commune. */
    communeRule: PassRule,
    /** The word the commune's count is in: "thôn". */
    unitName: Text.default("thôn"),
    /** The document's own words that make it per village, quoted. */
    source: Text,
    notes: z.array(Text).default([]),
  })
  .strict();
export type VillageUnits = z.infer<typeof VillageUnits>;

export const Group = z
  .object({
    code: Code,
    name: Text,
    requirementText: Text.optional(),
    notes: z.array(Text).default([]),
    ...Summary,
    /** Judged per village, with the commune-level rule (see VillageUnits). */
    units: VillageUnits.optional(),
    items: z.array(Item).min(1),
  })
  .strict();
export type Group = z.infer<typeof Group>;

export const Parameter = z
  .object({
    value: z.number(),
    unit: Text.optional(),
    /** Where the value comes from, cited for the clerk. */
    source: Text,
  })
  .strict();
export type Parameter = z.infer<typeof Parameter>;

export const Ruleset = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: Text,
    province: Text,
    level: z.enum(["xa", "thon", "huyen"]),
    document: z
      .object({
        number: Text,
        /** YYYY, YYYY-MM or YYYY-MM-DD: some documents give only the month. */
        date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
        issuer: Text,
        title: Text.optional(),
      })
      .strict(),
    source: z
      .object({
        /** The file in shared/seeds the wording was taken from. */
        seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
        section: Text,
      })
      .strict(),
    /** adultAge (15 or 18), and any other value the document fixes, with its source. */
    parameters: z.record(z.string(), Parameter).default({}),
    notes: z.array(Text).default([]),
    /** The overall summary: what it counts and how the whole model passes. */
    overall: z
      .object({
        ...Summary,
        counts: z.enum(["groups", "items", "indicators"]),
      })
      .strict(),
    groups: z.array(Group).min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    // One key is one answer cell: its question must read the same wherever it is asked.
    const questions = new Map<string, string>();
    r.groups.forEach((g, gi) =>
      g.items.forEach((item, ii) => {
        const inds = item.kind === "criterion" ? item.indicators.map((ind, k) => [ind, ["indicators", k]] as const) : [[item, []] as const];
        for (const [ind, sub] of inds) {
          const specs = [
            [ind.appliesIf, ["appliesIf"]] as const,
            ...(ind.kind === "all-of" ? ind.parts.map((p, pi) => [p.appliesIf, ["parts", pi, "appliesIf"]] as const) : []),
          ];
          for (const [a, tail] of specs) {
            if (!a) continue;
            const prior = questions.get(a.key);
            if (prior !== undefined && prior !== a.question) {
              ctx.addIssue({
                code: "custom",
                path: ["groups", gi, "items", ii, ...sub, ...tail, "question"],
                message: `câu hỏi của key "${a.key}" phải giống nhau ở mọi nơi ("${prior}")`,
              });
            } else questions.set(a.key, a.question);
          }
        }
      }),
    );
    const seen = new Map<string, string>();
    r.groups.forEach((g, gi) => {
      g.items.forEach((item, ii) => {
        const codes: Array<[string, (string | number)[]]> = [[item.code, ["groups", gi, "items", ii, "code"]]];
        if (item.kind === "criterion") {
          item.indicators.forEach((ind, k) => codes.push([ind.code, ["groups", gi, "items", ii, "indicators", k, "code"]]));
        }
        for (const [code, path] of codes) {
          if (seen.has(code)) {
            ctx.addIssue({ code: "custom", path, message: `mã "${code}" bị trùng (đã có ở ${seen.get(code)})` });
          } else {
            seen.set(code, path.join("."));
          }
        }
      });
    });
  });
export type Ruleset = z.infer<typeof Ruleset>;
