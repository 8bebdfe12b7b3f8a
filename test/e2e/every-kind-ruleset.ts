/* Rulesets for paths the published rulesets do not take: every kind of indicator, and the traps. */
import { Ruleset, type Comparator, type ShareRequirement } from "../../src/core/ruleset/schema";
import { templateName } from "../../src/workbook/xlsx/template";
import type { TypedCell } from "./scenario-plan";

const ratio = (code: string, name: string, requirement: ShareRequirement, extra: Record<string, unknown> = {}) => ({
  kind: "ratio",
  code,
  name,
  requirement,
  numeratorLabel: `Tử số ${code}`,
  denominatorLabel: `Mẫu số ${code}`,
  unit: "người",
  ...extra,
});
const yesNo = (code: string, name: string, extra: Record<string, unknown> = {}) => ({ kind: "yes-no", code, name, ...extra });
const quantity = (
  code: string,
  name: string,
  comparator: Comparator,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
) => ({
  kind: "quantity",
  code,
  name,
  requirement: { comparator, value },
  unit,
  valueLabel: name,
  ...extra,
});
const conditional = (
  code: string,
  condition: { label: string; comparator: Comparator; value: number },
  then: ShareRequirement,
  otherwise: ShareRequirement,
) => ({
  kind: "conditional",
  code,
  name: `Tỷ lệ theo điều kiện ${code}`,
  condition,
  then,
  otherwise,
  numeratorLabel: `Tử số ${code}`,
  denominatorLabel: `Mẫu số ${code}`,
  unit: "đơn vị",
});

/** The every-kind ruleset as written: data, parsed by everyKindRuleset so defaults are filled as for a file. */
const EVERY_KIND = {
  id: "e2e-moi-loai",
  title: "Bộ tiêu chí thử nghiệm đủ mọi loại chỉ tiêu",
  province: "Tỉnh thử nghiệm",
  level: "xa",
  document: { number: "99/HD-TN", date: "2024-10", issuer: "Sở thử nghiệm" },
  source: { seed: "001_7d4820e14f3ca244.txt", section: "thử nghiệm" },
  overall: { unitName: "nhóm", counts: "groups", passRule: { atLeast: 2 } },
  groups: [
    {
      code: "A",
      name: "Các tỷ lệ",
      unitName: "chỉ tiêu",
      items: [
        ratio("A.1", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", { comparator: ">=", percent: 85 }),
        ratio("A.2", "Tỷ lệ hồ sơ trực tuyến", { comparator: ">", percent: 70 }),
        ratio("A.3", "Tỷ lệ hộ nghèo", { comparator: "<=", percent: 10 }),
        ratio("A.4", "Tỷ lệ hộ nghèo đa chiều", { comparator: "<", percent: 5 }),
        ratio("A.5", "Tỷ lệ cán bộ có thư công vụ", { comparator: "=", percent: 100 }),
        ratio("A.6", "Tỷ lệ thôn có nhà văn hóa", { comparator: ">=", fraction: "2/3" }),
        ratio("A.7", "Số máy tính trên mỗi cán bộ", { comparator: ">=", percent: 100 }, { share: false, unit: "máy" }),
        ratio("A.8", "Tỷ lệ lao động qua đào tạo", { comparator: ">=", percent: 72.5 }),
      ],
    },
    {
      code: "B",
      name: "Số lượng và điều kiện",
      unitName: "chỉ tiêu",
      passRule: { atLeast: 3 },
      items: [
        quantity("B.1", "Thu nhập bình quân đầu người", ">=", 45, "triệu đồng/người"),
        quantity("B.2", "Số vụ vi phạm môi trường", "<=", 2, "vụ"),
        quantity("B.3", "Diện tích đất thể thao bình quân", ">=", 2, "m²/người", {
          perCapita: { numeratorLabel: "Diện tích đất thể thao (m²)", denominatorLabel: "Dân số (người)" },
        }),
        yesNo("B.4", "Có hệ thống một cửa điện tử"),
        yesNo("B.5", "Có điểm tập kết rác tự phát", { expected: false }),
        quantity("B.6", "Số điểm bưu chính", ">", 0, "điểm"),
        quantity("B.7", "Diện tích bình quân tối đa", "<", 2.5, "ha/hộ", {
          perCapita: { numeratorLabel: "Diện tích (ha)", denominatorLabel: "Số hộ" },
        }),
        quantity("B.8", "Diện tích cây xanh bình quân", ">", 0.75, "m²/người", {
          perCapita: { numeratorLabel: "Diện tích cây xanh (m²)", denominatorLabel: "Dân số" },
        }),
        quantity("B.9", "Lượng nước thải bình quân", "<=", 1.2, "m³/người", {
          perCapita: { numeratorLabel: "Lượng nước thải (m³)", denominatorLabel: "Dân số" },
        }),
      ],
    },
    {
      code: "C",
      name: "Các tiêu chí",
      unitName: "tiêu chí",
      items: [
        {
          kind: "criterion",
          code: "C1",
          name: "Giáo dục và thu nhập",
          passRule: { atLeast: 2 },
          indicators: [
            {
              kind: "conditional",
              code: "C1.1",
              name: "Tỷ lệ trường đạt chuẩn quốc gia",
              condition: { label: "Số trường học", comparator: ">", value: 3 },
              then: { comparator: ">=", percent: 70 },
              otherwise: { comparator: ">=", percent: 50 },
              numeratorLabel: "Số trường đạt chuẩn",
              denominatorLabel: "Số trường",
              unit: "trường",
            },
            conditional(
              "C1.4",
              { label: "Số thôn", comparator: ">=", value: 5 },
              { comparator: ">=", fraction: "2/3" },
              { comparator: ">=", percent: 60 },
            ),
            conditional(
              "C1.5",
              { label: "Số chợ", comparator: "<", value: 2 },
              { comparator: ">", percent: 40 },
              { comparator: ">=", percent: 75 },
            ),
            conditional(
              "C1.6",
              { label: "Có trạm y tế riêng (1/0)", comparator: "=", value: 1 },
              { comparator: "<=", percent: 20 },
              { comparator: "<", percent: 30 },
            ),
            {
              kind: "by-year",
              code: "C1.2",
              name: "Tỷ lệ người dân có tài khoản thanh toán",
              measure: "ratio",
              comparator: ">=",
              byYear: { "2023": 60, "2024": 65, "2025": 70 },
              unit: "người",
              numeratorLabel: "Số người có tài khoản",
              denominatorLabel: "Dân số từ 15 tuổi",
            },
            {
              kind: "by-year",
              code: "C1.3",
              name: "Thu nhập bình quân đầu người của xã",
              measure: "quantity",
              comparator: ">=",
              byYear: { "2021": 40, "2022": 42, "2023": 45.5, "2024": 50, "2025": 55.25 },
              unit: "triệu đồng/người/năm",
            },
          ],
        },
        {
          kind: "criterion",
          code: "C2",
          name: "Nước sạch và môi trường",
          indicators: [
            {
              kind: "all-of",
              code: "C2.1",
              name: "Tỷ lệ hộ dùng nước sạch",
              parts: [
                {
                  id: "a",
                  name: "Tỷ lệ hộ dùng nước sạch",
                  measure: {
                    kind: "ratio",
                    requirement: { comparator: ">=", percent: 45 },
                    numeratorLabel: "Số hộ dùng nước sạch",
                    denominatorLabel: "Số hộ",
                    unit: "hộ",
                  },
                },
                {
                  id: "b",
                  name: "Trong đó nước máy",
                  measure: {
                    kind: "ratio",
                    requirement: { comparator: ">=", percent: 20 },
                    numeratorLabel: "Số hộ dùng nước máy",
                    denominatorLabel: "Số hộ",
                    unit: "hộ",
                  },
                },
                { id: "c", name: "Có tổ quản lý nước", measure: { kind: "yes-no" } },
              ],
            },
            {
              kind: "all-of",
              code: "C2.2",
              name: "Đất cây xanh và rác thải",
              parts: [
                {
                  id: "a",
                  name: "Đất cây xanh bình quân",
                  measure: {
                    kind: "quantity",
                    requirement: { comparator: ">=", value: 2 },
                    unit: "m²/người",
                    valueLabel: "Đất cây xanh",
                    perCapita: { numeratorLabel: "Diện tích cây xanh (m²)", denominatorLabel: "Dân số" },
                  },
                },
                { id: "b", name: "Còn bãi rác tự phát", measure: { kind: "yes-no", expected: false } },
                {
                  id: "c",
                  name: "Lượng rác thu gom",
                  measure: {
                    kind: "quantity",
                    requirement: { comparator: ">=", value: 90 },
                    unit: "tấn",
                    valueLabel: "Lượng rác thu gom (tấn)",
                  },
                },
              ],
            },
          ],
        },
        {
          kind: "criterion",
          code: "C3",
          name: "Tiêu chí đang tạm dừng",
          suspended: { reason: "văn bản tạm dừng tiêu chí này (thử nghiệm)" },
          indicators: [yesNo("C3.1", "Có mô hình thí điểm")],
        },
      ],
    },
    {
      code: "D",
      name: "Nhóm có chỉ tiêu tạm dừng",
      unitName: "chỉ tiêu",
      suspendedInTotal: true,
      passRule: { atLeast: 1 },
      items: [
        yesNo("D.1", "Có bản đồ số", { suspended: { reason: "đang tạm dừng" } }),
        ratio("D.2", "Tỷ lệ nhà được gắn mã địa chỉ", { comparator: ">=", percent: 50 }),
      ],
    },
  ],
};

/** Every indicator kind, comparator and summary rule the schema allows, in one small ruleset. */
export function everyKindRuleset(): Ruleset {
  return Ruleset.parse(EVERY_KIND);
}

export type Trap = {
  /** Also the indicator's name on the sheet. */
  title: string;
  indicator: Record<string, unknown>;
  /** Slot → what is typed; a slot absent here is not mapped. */
  values: Record<string, TypedCell>;
};

const trapRatio = {
  kind: "ratio",
  requirement: { comparator: ">=", percent: 50 },
  numeratorLabel: "Tử số",
  denominatorLabel: "Mẫu số",
  unit: "người",
};
const trapQuantity = { kind: "quantity", requirement: { comparator: ">=", value: 45 }, unit: "triệu đồng/người", valueLabel: "Thu nhập" };
const trapYesNo = { kind: "yes-no" };
const trapConditional = {
  kind: "conditional",
  condition: { label: "Số trường học", comparator: ">", value: 3 },
  then: { comparator: ">=", percent: 70 },
  otherwise: { comparator: ">=", percent: 50 },
  numeratorLabel: "Số trường đạt chuẩn",
  denominatorLabel: "Số trường",
  unit: "trường",
};

/** Each trap is one indicator of its own, so rows do not interfere. */
export const TRAPS: readonly Trap[] = [
  {
    title: 'a count typed as text with a decimal point, "12.5", is lỗi số liệu',
    indicator: trapRatio,
    values: { numerator: "12.5", denominator: 3986 },
  },
  {
    title: 'a count typed as text with a decimal point, "2000.0", is lỗi số liệu: a count has no decimals',
    indicator: trapRatio,
    values: { numerator: "2000.0", denominator: 3986 },
  },
  {
    title: 'a count typed as text with a comma, "3,986", is ambiguous: lỗi số liệu',
    indicator: trapRatio,
    values: { numerator: 2500, denominator: "3,986" },
  },
  { title: 'a count typed as plain text "2500" is the count 2500', indicator: trapRatio, values: { numerator: "2500", denominator: 3986 } },
  {
    title: 'a count typed with a no-break space, "2 500", is the count 2500',
    indicator: trapRatio,
    values: { numerator: "2\u00a0500", denominator: 3986 },
  },
  // TRUE in a count cell is lỗi số liệu for the engine and for Excel's formula (ISLOGICAL); LibreOffice stores
  // TRUE as the number 1 with a boolean format, so its recalculation cannot tell them apart: not a trap here.
  {
    title: "an error value (#DIV/0!) in a count cell is lỗi số liệu",
    indicator: trapRatio,
    values: { numerator: { error: "#DIV/0!" }, denominator: 3986 },
  },
  { title: 'a ratio typed as text "58,6%" is 0,586', indicator: trapRatio, values: { value: "58,6%" } },
  { title: 'a ratio typed as text "0,75" is 0,75', indicator: trapRatio, values: { value: "0,75" } },
  {
    title: "a ratio typed directly while its counts are mapped but blank is thiếu số liệu: mapped counts come first",
    indicator: trapRatio,
    values: { numerator: null, denominator: null, value: 0.9 },
  },
  { title: 'a quantity typed as text "45,5" is 45,5', indicator: trapQuantity, values: { value: "45,5" } },
  { title: 'a condition typed as text "5" is 5', indicator: trapConditional, values: { condition: "5", numerator: 4, denominator: 5 } },
  {
    title: 'a condition that holds picks the "then" threshold even when that threshold is "= 100%"',
    indicator: { ...trapConditional, then: { comparator: "=", percent: 100 } },
    values: { condition: 5, numerator: 60, denominator: 100 },
  },
  { title: '"Có" typed in decomposed Unicode (NFD) is Có', indicator: trapYesNo, values: { value: "Có".normalize("NFD") } },
  { title: '"có" followed by a no-break space is Có', indicator: trapYesNo, values: { value: "có\u00a0" } },
  { title: "an error value (#N/A) in a yes/no cell is lỗi số liệu", indicator: trapYesNo, values: { value: { error: "#N/A" } } },
];

/** The ruleset of the traps: indicator T.1 … T.n, one per trap. */
export function trapRuleset(): Ruleset {
  return Ruleset.parse({
    id: "e2e-bay",
    title: "Bộ tiêu chí thử nghiệm các bẫy nhập liệu",
    province: "Tỉnh thử nghiệm",
    level: "xa",
    document: { number: "98/HD-TN", date: "2024-10", issuer: "Sở thử nghiệm" },
    source: { seed: "001_7d4820e14f3ca244.txt", section: "thử nghiệm" },
    overall: { unitName: "chỉ tiêu", counts: "indicators" },
    groups: [
      {
        code: "T",
        name: "Bẫy nhập liệu",
        unitName: "chỉ tiêu",
        items: TRAPS.map((t, i) => ({ ...t.indicator, code: `T.${i + 1}`, name: t.title })),
      },
    ],
  });
}

/** The template names and values of every trap. */
export function trapValues(): Record<string, TypedCell> {
  const out: Record<string, TypedCell> = {};
  TRAPS.forEach((t, i) => {
    for (const [slot, v] of Object.entries(t.values)) out[templateName(`T.${i + 1}`, slot)] = v;
  });
  return out;
}
