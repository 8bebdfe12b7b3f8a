/*
 * The pre-submission check on the commune's situation, on templates filled as a clerk fills them:
 * a condition cell that restates a figure differently, "không áp dụng" against a figure, and what
 * is not asked where an indicator does not apply.
 */
import { checkWorkbook } from "../../src/app/check";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, REPORT_DATE_NAME, TEMPLATE_SHEET, templateName as t } from "../../src/workbook/xlsx/template";
import { editWorkbook, type TypedCell } from "../e2e/scenarios";

const { rulesets } = loadRulesetDir();

async function check(rulesetId: string, typed: Record<string, TypedCell>) {
  const template = await makeTemplate(rulesets.get(rulesetId)!);
  const snap = await (await XlsxWorkbook.open(template)).snapshot();
  const edits: Record<string, TypedCell> = {};
  for (const [name, v] of Object.entries(typed)) {
    const n = snap.names.find((x) => x.name === name);
    if (n?.target.kind !== "range") throw new Error(`no cell named ${name}`);
    edits[`${String.fromCharCode(64 + n.target.range.left)}${n.target.range.top}`] = v;
  }
  return checkWorkbook(await XlsxWorkbook.open(await editWorkbook(template, TEMPLATE_SHEET, edits)), { rulesets });
}

const HT = "ha-tinh-xa-ntm-2022";

describe("a condition cell against the figure it restates (Hà Tĩnh 5.2: number of schools)", () => {
  test("5 schools counted in 5.1 and 5.2 but 3 typed in the condition: lỗi naming both cells", async () => {
    const r = await check(HT, {
      [t("5.1", "numerator")]: 5,
      [t("5.1", "denominator")]: 5,
      [t("5.2", "numerator")]: 3,
      [t("5.2", "denominator")]: 5,
      [t("5.2", "condition")]: 3,
    });
    const found = r.problems.filter((p) => p.checkId === "condition-mismatch");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ severity: "loi", code: "5.2" });
    expect(found[0]!.message).toMatch(/"Số trường học các cấp của xã" ghi 3 .* nhưng mẫu số .* là 5/);
  });

  test("the same count everywhere: no warning", async () => {
    const r = await check(HT, {
      [t("5.1", "numerator")]: 5,
      [t("5.1", "denominator")]: 5,
      [t("5.2", "numerator")]: 4,
      [t("5.2", "denominator")]: 5,
      [t("5.2", "condition")]: 5,
    });
    expect(r.problems.filter((p) => p.checkId === "condition-mismatch" || p.code === "5.1" || p.code === "5.2")).toEqual([]);
  });

  test("the schools typed twice differently in 5.1 and 5.2 are also a population mismatch", async () => {
    const r = await check(HT, {
      [t("5.1", "numerator")]: 5,
      [t("5.1", "denominator")]: 5,
      [t("5.2", "numerator")]: 3,
      [t("5.2", "denominator")]: 4,
      [t("5.2", "condition")]: 5,
    });
    expect(r.problems.map((p) => p.checkId)).toEqual(expect.arrayContaining(["population-mismatch", "condition-mismatch"]));
  });
});

describe("not applicable against a figure", () => {
  test('"Không áp dụng" typed where the document has no such case (8.4 a4 counts products): an input to fix', async () => {
    const r = await check("ha-nam-tttt-xa-ntm-nang-cao-2022", {
      [t("8.4", "a4.numerator")]: "Không áp dụng: xã không có sản phẩm OCOP",
      [t("8.4", "a4.denominator")]: 3,
    });
    // The part has no question: typed "không áp dụng" where the document gives no such case is an input to fix.
    expect(r.problems.some((p) => p.checkId === "invalid-input" && p.code === "8.4")).toBe(true);
  });

  test("no craft village answered, yet the plan is marked Có: cảnh báo", async () => {
    const r = await check(HT, { [t("13.4", "question")]: "Không", [t("13.4", "value")]: "Có" });
    const found = r.problems.filter((p) => p.checkId === "not-applicable-contradiction");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "canh-bao", code: "13.4" });
    expect(found[0]!.message).toMatch(/không áp dụng \(Xã không có nghề truyền thống.*\) nhưng .* ghi Có/);
  });

  test("not applicable and nothing said against it: no missing input, no warning for 13.4 or 7.2", async () => {
    const r = await check(HT, { [t("13.4", "question")]: "Không", [t("7.1", "question")]: "Có", [t("7.1", "value")]: "Đạt" });
    expect(r.problems.filter((p) => p.code === "13.4" || p.code === "7.2" || p.code === "7.1")).toEqual([]);
  });

  test("0 of 0 OCOP products is no zero denominator to fix", async () => {
    const r = await check("ha-nam-tttt-xa-ntm-nang-cao-2022", {
      [t("8.4", "a4.numerator")]: 0,
      [t("8.4", "a4.denominator")]: 0,
      [t("8.4", "a1.numerator")]: 0,
      [t("8.4", "a1.denominator")]: 0,
    });
    const zero = r.problems.filter((p) => p.checkId === "zero-denominator");
    expect(zero).toHaveLength(1);
    expect(zero[0]!.message).toMatch(/8.4 a1\)/);
  });
});

test("the report date typed in the template is read by the check too", async () => {
  const r = await check(HT, { [REPORT_DATE_NAME]: "30/06/2024" });
  expect(r.asOf).toBe("2024-06-30");
  expect(r.problems.filter((p) => p.checkId === "as-of-missing")).toEqual([]);
  const none = await check(HT, {});
  expect(none.problems.filter((p) => p.checkId === "as-of-missing").length).toBeGreaterThan(0);
});

describe("the status sheet of a commune that answered a question (Hà Tĩnh 7.1/7.2: a market in the plan)", () => {
  test("written, then checked unchanged: the question's answer is not read as the figure, nothing is stale", async () => {
    const { evaluateWorkbook } = await import("../../src/app/evaluate-workbook");
    const template = await makeTemplate(rulesets.get(HT)!, { asOf: "2024-06-30" });
    const snap = await (await XlsxWorkbook.open(template)).snapshot();
    const at = (name: string) => {
      const n = snap.names.find((x) => x.name === name);
      if (n?.target.kind !== "range") throw new Error(`no cell named ${name}`);
      return `${String.fromCharCode(64 + n.target.range.left)}${n.target.range.top}`;
    };
    const filled = await editWorkbook(template, TEMPLATE_SHEET, { [at(t("7.1", "question"))]: "Có", [at(t("7.1", "value"))]: "Có" });
    const port = await XlsxWorkbook.open(filled);
    const written = await evaluateWorkbook(port, { rulesets, write: true });
    expect(written.ok).toBe(true);
    const r = await checkWorkbook(await XlsxWorkbook.open(await port.save()), { rulesets });
    expect(r.problems.filter((p) => p.checkId === "stale-status" && (p.code === "7.1" || p.code === "7.2"))).toEqual([]);
  });
});
