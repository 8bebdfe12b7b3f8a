/*
 * Each situation of issue 10 on a workbook filled as a clerk fills it: the template of the real
 * ruleset, answers typed in its cells (no mapping JSON touched), evaluated as the command line does.
 */
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { jsonReport } from "../../src/app/report";
import type { Evaluation, IndicatorResult } from "../../src/core/evaluate/result";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { ADULT_AGE_NAME, makeTemplate, REPORT_DATE_NAME, TEMPLATE_SHEET, templateName } from "../../src/workbook/xlsx/template";
import { editWorkbook, type TypedCell } from "../e2e/scenarios";

const { rulesets } = loadRulesetDir();

/** The template of a ruleset with cells typed by their template name; evaluated with the mapping stored in it. */
async function clerk(
  rulesetId: string,
  typed: Record<string, TypedCell>,
  opts: { asOf?: string } = {},
): Promise<{ ev: Evaluation; bytes: Uint8Array; cells: Map<string, string> }> {
  const ruleset = rulesets.get(rulesetId)!;
  const template = await makeTemplate(ruleset, opts.asOf ? { asOf: opts.asOf } : {});
  const snap = await (await XlsxWorkbook.open(template)).snapshot();
  const cells = new Map<string, string>();
  for (const n of snap.names) {
    if (n.target.kind === "range" && n.target.range.sheet === TEMPLATE_SHEET)
      cells.set(n.name, `${String.fromCharCode(64 + n.target.range.left)}${n.target.range.top}`);
  }
  const edits: Record<string, TypedCell> = {};
  for (const [name, v] of Object.entries(typed)) {
    const at = cells.get(name);
    if (!at) throw new Error(`the template of ${rulesetId} has no cell named ${name}`);
    edits[at] = v;
  }
  const bytes = await editWorkbook(template, TEMPLATE_SHEET, edits);
  const outcome = await evaluateWorkbook(await XlsxWorkbook.open(bytes), { rulesets });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { ev: outcome.evaluation, bytes, cells };
}

const ind = (ev: Evaluation, code: string): IndicatorResult => ev.indicators.find((i) => i.code === code)!;
const crit = (ev: Evaluation, code: string) => ev.criteria.find((c) => c.code === code)!;
const t = templateName;

describe("Hà Tĩnh 7: the market question chooses the case (either-or)", () => {
  test("a commune with a market in its plan and a compliant market passes criterion 7 without a mini-market", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("7.1", "question")]: "Có", [t("7.1", "value")]: "Đạt" });
    expect(ind(ev, "7.1").verdict).toBe("dat");
    expect(ind(ev, "7.1").case).toMatchObject({ answer: true });
    expect(ind(ev, "7.2").verdict).toBe("khong-ap-dung");
    expect(ind(ev, "7.2").notApplicable?.reason).toMatch(/Xã có chợ nông thôn trong quy hoạch/);
    expect(crit(ev, "7")).toMatchObject({ verdict: "dat", passed: 1, counted: 1 });
  });

  test("a commune without a market is judged on its mini-market only, and fails when that fails", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("7.1", "question")]: "Không", [t("7.2", "value")]: "Chưa đạt" });
    expect(ind(ev, "7.1").verdict).toBe("khong-ap-dung");
    expect(ind(ev, "7.2").verdict).toBe("khong-dat");
    expect(crit(ev, "7")).toMatchObject({ verdict: "khong-dat", passed: 0, counted: 1 });
  });

  test("the two cases read one answer cell: the template has no second question for 7.2", async () => {
    const ruleset = rulesets.get("ha-tinh-xa-ntm-2022")!;
    const snap = await (await XlsxWorkbook.open(await makeTemplate(ruleset))).snapshot();
    expect(snap.names.map((n) => n.name)).toContain(t("7.1", "question"));
    expect(snap.names.map((n) => n.name)).not.toContain(t("7.2", "question"));
    const mapping = JSON.parse(snap.mappingText!);
    expect(mapping.indicators["7.2"].question).toBe(t("7.1", "question"));
  });

  test("an answer that is no answer is lỗi số liệu naming its cell", async () => {
    const { ev, cells } = await clerk("ha-tinh-xa-ntm-2022", { [t("7.1", "question")]: "có lẽ", [t("7.1", "value")]: "Đạt" });
    expect(ind(ev, "7.1").verdict).toBe("loi-so-lieu");
    expect(ind(ev, "7.1").problems[0]!.message).toContain(cells.get(t("7.1", "question"))!);
  });
});

describe("(nếu có): Hà Tĩnh 13.4 for a commune with no craft village", () => {
  test("answering Không to the question makes 13.4 not applicable, and criterion 13 is judged on the rest", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", {
      [t("13.1", "value")]: "Đạt",
      [t("13.2", "value")]: "Đạt",
      [t("13.3", "a.value")]: "Đạt",
      [t("13.3", "b.value")]: "Đạt",
      [t("13.4", "question")]: "Không",
      [t("13.5", "value")]: "Đạt",
    });
    expect(ind(ev, "13.4").verdict).toBe("khong-ap-dung");
    expect(crit(ev, "13")).toMatchObject({ verdict: "dat", passed: 4, counted: 4 });
  });

  test.each(["Không áp dụng", "KAD", "không có", "—", "Không áp dụng: xã không có làng nghề"])(
    "typing %p in the answer cell says the same",
    async (word) => {
      const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("13.4", "value")]: word });
      expect(ind(ev, "13.4").verdict).toBe("khong-ap-dung");
      if (word.includes(":")) expect(ind(ev, "13.4").notApplicable?.reason).toBe("xã không có làng nghề");
    },
  );

  test("'Không áp dụng' where the document gives no such case is lỗi số liệu with its cell", async () => {
    const { ev, cells } = await clerk("ha-tinh-xa-ntm-2022", { [t("13.5", "value")]: "Không áp dụng" });
    expect(ind(ev, "13.5").verdict).toBe("loi-so-lieu");
    const message = ind(ev, "13.5").problems[0]!.message;
    expect(message).toMatch(/^Ô .*ghi "không áp dụng" nhưng văn bản không có trường hợp không áp dụng cho chỉ tiêu này — hãy nhập số liệu/);
    expect(message.replace(/\$/g, "")).toContain(cells.get(t("13.5", "value"))!);
  });

  test("'Không áp dụng' against a question answered Có is a contradiction to fix", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("13.4", "question")]: "Có", [t("13.4", "value")]: "KAD" });
    expect(ind(ev, "13.4").verdict).toBe("loi-so-lieu");
    expect(ind(ev, "13.4").problems[0]!.message).toMatch(/trả lời Có, nên chỉ tiêu này áp dụng/);
  });

  test("other text is still an error with its cell", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("13.4", "value")]: "chưa biết" });
    expect(ind(ev, "13.4").verdict).toBe("loi-so-lieu");
  });
});

describe("0/0 where the document means none: Hà Nam nâng cao 8.4 a4 (no OCOP product)", () => {
  const rest = {
    [t("8.4", "a1.numerator")]: 60,
    [t("8.4", "a1.denominator")]: 100,
    [t("8.4", "a2.numerator")]: 20,
    [t("8.4", "a2.denominator")]: 20,
    [t("8.4", "a3.numerator")]: 80,
    [t("8.4", "a3.denominator")]: 100,
    [t("8.4", "a5.numerator")]: 500,
    [t("8.4", "a5.denominator")]: 500,
    [t("8.4", "b.value")]: "Có",
  };

  test("0 of 0 OCOP products is not applicable, with the reason, and 8.4 passes on its other parts", async () => {
    const { ev } = await clerk("ha-nam-tttt-xa-ntm-nang-cao-2022", {
      ...rest,
      [t("8.4", "a4.numerator")]: 0,
      [t("8.4", "a4.denominator")]: 0,
    });
    const r = ind(ev, "8.4");
    const a4 = r.parts!.find((p) => p.id === "a4")!;
    expect(a4.verdict).toBe("khong-ap-dung");
    expect(a4.notApplicable?.reason).toBe("Xã không có sản phẩm OCOP");
    expect(r.verdict).toBe("dat");
    const json = jsonReport(ev).indicators.find((i) => i.code === "8.4")!;
    expect(json.parts!.find((p) => p.id === "a4")).toMatchObject({ applicable: false, notApplicableReason: "Xã không có sản phẩm OCOP" });
  });

  test("0 of 3 products is a real failure, and 0/0 elsewhere stays lỗi số liệu", async () => {
    const { ev } = await clerk("ha-nam-tttt-xa-ntm-nang-cao-2022", {
      ...rest,
      [t("8.4", "a4.numerator")]: 0,
      [t("8.4", "a4.denominator")]: 3,
      [t("8.4", "a1.numerator")]: 0,
      [t("8.4", "a1.denominator")]: 0,
    });
    const parts = ind(ev, "8.4").parts!;
    expect(parts.find((p) => p.id === "a4")!.verdict).toBe("khong-dat");
    expect(parts.find((p) => p.id === "a1")!.verdict).toBe("loi-so-lieu");
  });
});

test("Thanh Hóa 2.3 with no OCOP product (0 of 0) is Chưa đạt, as the Hà Tân report judges it, with the reason", async () => {
  const { ev } = await clerk("thanh-hoa-cds-xa-2024", { [t("2.3", "numerator")]: 0, [t("2.3", "denominator")]: 0 });
  expect(ind(ev, "2.3")).toMatchObject({
    verdict: "khong-dat",
    notApplicable: { reason: "Xã chưa có sản phẩm OCOP, sản phẩm có lợi thế" },
  });
  expect(ind(ev, "2.3").notes.join(" ")).toMatch(/Văn bản tính trường hợp này là không đạt: Báo cáo: “Xã chưa có sản phẩm OCCOP.”/);
});

describe("by year: Thanh Hóa YC2.1 never borrows 2023's threshold", () => {
  test("2023 uses the document's 63,8 triệu", async () => {
    const { ev } = await clerk("thanh-hoa-xa-ntm-kieu-mau-2023", { [t("YC2.1", "value")]: 62 }, { asOf: "2023-12-31" });
    expect(ind(ev, "YC2.1").verdict).toBe("khong-dat");
    expect(jsonReport(ev).indicators.find((i) => i.code === "YC2.1")!.threshold).toMatchObject({ value: 63.8 });
  });

  test("2022 without the NTM nâng cao level: thiếu mức yêu cầu cho năm 2022, not không đạt", async () => {
    const { ev } = await clerk("thanh-hoa-xa-ntm-kieu-mau-2023", { [t("YC2.1", "value")]: 62 }, { asOf: "2022-12-31" });
    expect(ind(ev, "YC2.1").verdict).toBe("thieu-so-lieu");
    expect(ind(ev, "YC2.1").problems[0]!.message).toMatch(/^Thiếu mức yêu cầu cho năm 2022: văn bản chỉ ghi mức cho năm 2023/);
  });

  test("2022 with the level typed (52 triệu): 110% is 57,2 and 62 triệu passes", async () => {
    const { ev } = await clerk(
      "thanh-hoa-xa-ntm-kieu-mau-2023",
      { [t("YC2.1", "value")]: 62, [t("YC2.1", "reference")]: 52 },
      { asOf: "2022-12-31" },
    );
    expect(ind(ev, "YC2.1").verdict).toBe("dat");
    expect(ind(ev, "YC2.1").threshold).toEqual({ n: 286n, d: 5n });
  });
});

describe("the template's Ngày báo cáo cell", () => {
  test.each<[TypedCell, string]>([
    ["30/06/2024", "2024-06-30"],
    [45473, "2024-06-30"],
    ["2024-06-30", "2024-06-30"],
  ])("%p typed there is the report date", async (typed, iso) => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [REPORT_DATE_NAME]: typed, [t("10.1", "value")]: 46 });
    expect(ev.asOf).toBe(iso);
    expect(ind(ev, "10.1").verdict).toBe("dat");
  });

  test("a date that does not exist is reported with its cell; --as-of still overrides the cell", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [REPORT_DATE_NAME]: "31/02/2024" });
    expect(ev.asOf).toBeUndefined();
    expect(ev.problems.map((p) => p.message).join("\n")).toMatch(/Ô Ngày báo cáo .*D\$?2.*không phải ngày có thật/);
    const { bytes } = await clerk("ha-tinh-xa-ntm-2022", { [REPORT_DATE_NAME]: "30/06/2024" });
    const outcome = await evaluateWorkbook(await XlsxWorkbook.open(bytes), { rulesets, asOf: "2023-06-30" });
    expect(outcome.ok && outcome.evaluation.asOf).toBe("2023-06-30");
  });
});

describe("quantities measured in the document's unit take decimals", () => {
  test("Hà Tĩnh 3.1 irrigated area in ha: 12,5 of 15,2 ha typed with a decimal comma", async () => {
    const { ev } = await clerk("ha-tinh-xa-ntm-2022", { [t("3.1", "a.numerator")]: "12,5", [t("3.1", "a.denominator")]: "15,2" });
    const a = ind(ev, "3.1").parts!.find((p) => p.id === "a")!;
    expect(a.problems).toEqual([]);
    expect(a.value).toEqual({ n: 125n, d: 152n });
  });
});

test("every formula of every ruleset's status sheet stays within Excel's 8 192 characters", async () => {
  const { sheetFormulas } = await import("../e2e/scenarios");
  const longest: Array<[string, number]> = [];
  for (const [id, ruleset] of rulesets) {
    const port = await XlsxWorkbook.open(await makeTemplate(ruleset, { asOf: "2024-06-30" }));
    const outcome = await evaluateWorkbook(port, { rulesets, write: true });
    if (!outcome.ok) throw new Error(id);
    const formulas = await sheetFormulas(await port.save(), outcome.statusSheet!);
    longest.push([id, Math.max(...[...formulas.values()].map((f) => f.length))]);
  }
  expect(longest.filter(([, n]) => n > 8192)).toEqual([]);
  expect(longest.length).toBe(rulesets.size);
});

describe("the adult age where the document leaves it open (Phú Thọ 'độ tuổi trưởng thành')", () => {
  test.each([
    [18, "the clerk switches to 18"],
    [15, "the clerk keeps the ruleset's 15"],
  ])(
    "the template offers it in a cell with the ruleset's default (15) and its source; typed %i (%s), the status sheet prints the age used",
    async (age) => {
      const ruleset = rulesets.get("phu-tho-xa-thong-minh-2024")!;
      expect(ruleset.parameters["adultAge"]!.value).toBe(15);
      const { bytes } = await clerk("phu-tho-xa-thong-minh-2024", { [ADULT_AGE_NAME]: age });
      const port = await XlsxWorkbook.open(bytes);
      const outcome = await evaluateWorkbook(port, { rulesets, write: true });
      if (!outcome.ok) throw new Error("refused");
      expect(outcome.mapping.adultAge).toBe(age);
      const [rows] = await (
        await XlsxWorkbook.open(await port.save())
      ).readRanges([{ sheet: outcome.statusSheet!, top: 2, left: 1, bottom: 2, right: 1 }]);
      expect(String(rows?.[0]?.[0])).toContain(`Độ tuổi trưởng thành: từ đủ ${age} tuổi`);
    },
  );

  test("left as the template has it, the ruleset's age is used; a text that is no age is reported with its cell", async () => {
    const { ev } = await clerk("phu-tho-xa-thong-minh-2024", { [ADULT_AGE_NAME]: "mười lăm" });
    expect(ev.problems.map((p) => p.message).join("\n")).toMatch(/Ô Độ tuổi trưởng thành .*D\$?3.*không phải số tuổi/);
    const { ev: plain } = await clerk("phu-tho-xa-thong-minh-2024", {});
    expect(plain.problems.filter((p) => /Độ tuổi trưởng thành/.test(p.message))).toEqual([]);
  });
});

test("the template shows every requirement: parts' thresholds, each year's level, conditions and when it applies", async () => {
  const port = await XlsxWorkbook.open(await makeTemplate(rulesets.get("ha-tinh-xa-ntm-2022")!));
  const rows = await port.readSheet(TEMPLATE_SHEET);
  const requirementOf = (code: string) => String(rows.find((r) => r[0] === code)?.[4] ?? "");
  expect(requirementOf("6.1")).toContain("a) tối thiểu 2.500m2 (≥ 2.500 m²)");
  expect(requirementOf("6.1")).toContain("c) tối thiểu 13.000m2 (≥ 13.000 m²)");
  expect(requirementOf("10.1")).toContain("năm 2025: ≥ 48 triệu đồng/người");
  expect(requirementOf("5.2")).toContain("Nếu Số trường học các cấp của xã > 3: ≥ 70%; nếu không: ≥ 50%.");
  expect(requirementOf("13.4")).toMatch(/Chỉ áp dụng khi "Xã có nghề truyền thống, làng nghề, làng nghề truyền thống\?" là Có/);
  expect(requirementOf("1.1")).toContain("Chú thích 1 của văn bản");
  expect(rows[1]?.[2]).toBe("Ngày báo cáo (ngày/tháng/năm):");
});
