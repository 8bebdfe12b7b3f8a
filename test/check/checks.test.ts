/*
 * The check families one by one, on plain values: small rulesets from the shared builders, grids
 * typed here. The corpus runs them together over workbooks; these pin the edges.
 */
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { Inputs } from "../../src/core/evaluate/inputs";
import type { FigureContext, SheetGrid } from "../../src/core/check/context";
import { checkPersonalData } from "../../src/core/check/personal";
import { checkPopulations } from "../../src/core/check/population";
import { checkDisplayThreshold, checkShares } from "../../src/core/check/shares";
import { checkStatusSheet } from "../../src/core/check/status";
import { checkSummaries } from "../../src/core/check/summaries";
import { checkTypedRatios } from "../../src/core/check/typed-ratios";
import { countProblems, orderProblems, type CheckProblem } from "../../src/core/check/types";
import { checkView, selectTarget } from "../../src/core/check/view";
import type { Ruleset } from "../../src/core/ruleset/schema";
import type { RawCell } from "../../src/core/text/cell";
import {
  STATUS_COLUMN,
  STATUS_COLUMNS,
  STATUS_FIRST_ROW,
  STATUS_HEADER_ROW,
  type StatusColumnKey,
} from "../../src/core/layout/status-columns";
import { makeRuleset, missing, num, ratio, yesNo } from "../builders";

function figures(ruleset: Ruleset, inputs: Inputs, extra: Partial<FigureContext> = {}): FigureContext {
  const mapping = { ruleset: ruleset.id, asOf: "2024-06-30", indicators: {} };
  return { ruleset, mapping, inputs, raw: {}, cells: {}, evaluation: evaluate(ruleset, inputs, { asOf: "2024-06-30" }), ...extra };
}

const grid = (name: string, rows: RawCell[][], visibility: SheetGrid["visibility"] = "visible"): SheetGrid => ({ name, visibility, rows });
const ids = (ps: CheckProblem[]) => ps.map((p) => p.checkId);

describe("shares", () => {
  const ruleset = makeRuleset({
    items: [
      ratio("1", 80),
      ratio("2", 50, { share: false, name: "Máy tính trên cán bộ" }),
      {
        kind: "all-of",
        code: "3",
        name: "Nước sạch",
        parts: [
          {
            id: "a",
            name: "Nước sạch",
            measure: {
              kind: "ratio",
              requirement: { comparator: ">=", percent: 45 },
              numeratorLabel: "Hộ dùng nước sạch",
              denominatorLabel: "Tổng số hộ",
              unit: "hộ",
            },
          },
          {
            id: "b",
            name: "Nước tập trung",
            measure: {
              kind: "ratio",
              requirement: { comparator: ">=", percent: 20 },
              numeratorLabel: "Hộ dùng nước tập trung",
              denominatorLabel: "Tổng số hộ",
              unit: "hộ",
            },
          },
        ],
      },
    ],
  });

  test("a numerator above its denominator is lỗi for a share, in a two-part indicator's part too, never for a ratio that is not a share", () => {
    const ps = checkShares(
      figures(ruleset, {
        "1": { numerator: num(90), denominator: num(80) },
        "2": { numerator: num(30), denominator: num(17) },
        "3": { "a.numerator": num(50), "a.denominator": num(100), "b.numerator": num(120), "b.denominator": num(100) },
      }),
    );
    expect(ps.map((p) => [p.checkId, p.code, /chỉ tiêu 3 b\)/.test(p.message) || p.code === "1"])).toEqual([
      ["numerator-exceeds-denominator", "1", true],
      ["numerator-exceeds-denominator", "3", true],
    ]);
  });

  test("a rounded display on the wrong side of the threshold is a cảnh báo either way", () => {
    const strict = makeRuleset({ items: [ratio("1", 85, { requirement: { comparator: ">", percent: 85 } })] });
    // 85,04% passes "> 85%" but shows 85,0%.
    const [p] = checkDisplayThreshold(figures(strict, { "1": { numerator: num(8504), denominator: num(10000) } }));
    expect(p).toMatchObject({ checkId: "display-threshold", severity: "canh-bao" });
    expect(p!.message).toMatch(/hiển thị 85,0%.*85,0400%.*vẫn đạt/);
    // 84,94% shows 84,9%: no doubt, no problem.
    expect(checkDisplayThreshold(figures(strict, { "1": { numerator: num(8494), denominator: num(10000) } }))).toEqual([]);
  });
});

describe("populations", () => {
  const ruleset = makeRuleset({
    items: [
      ratio("1", 50, { population: "dan-so" }),
      ratio("2", 50, { population: "dan-so" }),
      ratio("3", 50, { population: "dan-so" }),
      ratio("4", 50, { population: "ho" }),
    ],
  });

  test("the value most indicators agree on is taken as meant; the odd one is the problem, at its own cell", () => {
    const ps = checkPopulations(
      figures(
        ruleset,
        {
          "1": { numerator: num(1), denominator: num(3986) },
          "2": { numerator: num(1), denominator: num(3968) },
          "3": { numerator: num(1), denominator: num(3986) },
          "4": { numerator: num(1), denominator: num(12) },
        },
        { cells: { "2": { denominator: { ref: "'Số liệu'!C9", label: "'Số liệu'!C9" } } } },
      ),
    );
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ checkId: "population-mismatch", code: "2", ref: "'Số liệu'!C9" });
    expect(ps[0]!.message).toMatch(/3\.968.*chỉ tiêu 1, 3 ghi 3\.986/);
  });

  test("a missing denominator is not a disagreement", () => {
    expect(
      checkPopulations(figures(ruleset, { "1": { numerator: num(1), denominator: num(3986) }, "2": { denominator: missing } })),
    ).toEqual([]);
  });
});

describe("typed summaries", () => {
  const ruleset = makeRuleset({
    groups: [
      { code: "1", name: "Chính quyền số", unitName: "chỉ tiêu", items: [yesNo("1.1"), yesNo("1.2"), yesNo("1.3")] },
      { code: "2", name: "Kinh tế số", unitName: "chỉ tiêu", items: [yesNo("2.1"), yesNo("2.2")] },
    ],
  });
  const sheet = (lines: string[]) => ({
    sheets: [
      grid(
        "Báo cáo",
        lines.map((l) => [l]),
      ),
    ],
  });

  test("while some items lack figures, any count between the sure and the possible passes is accepted", () => {
    const ctx = figures(ruleset, {
      "1.1": { value: { kind: "bool", value: true } },
      "1.2": { value: missing },
      "1.3": { value: { kind: "bool", value: false } },
    });
    expect(checkSummaries(ctx, sheet(["1. Chính quyền số", "- Chỉ tiêu đạt: 2/3 chỉ tiêu"]))).toEqual([]);
    expect(ids(checkSummaries(ctx, sheet(["1. Chính quyền số", "- Chỉ tiêu đạt: 3/3 chỉ tiêu"])))).toEqual(["summary-passed-mismatch"]);
  });

  test("a summary far below its heading, or under a heading numbered otherwise, belongs to no group", () => {
    const ctx = figures(ruleset, {});
    const far = ["1. Chính quyền số", "a", "b", "c", "d", "e", "f", "- Chỉ tiêu đạt: 9/9 chỉ tiêu"];
    expect(checkSummaries(ctx, sheet(far))).toEqual([]);
    expect(checkSummaries(ctx, sheet(["4. Chính quyền số", "- Chỉ tiêu đạt: 9/9 chỉ tiêu"]))).toEqual([]);
  });

  test("fractions that are not summaries are left alone", () => {
    const ctx = figures(ruleset, {});
    expect(checkSummaries(ctx, sheet(["1. Chính quyền số", "17/17 cán bộ có máy tính", "Ngày 13/06/2024", "2/2 trường"]))).toEqual([]);
  });
});

describe("typed ratios", () => {
  const run = (text: string) => checkTypedRatios({ sheets: [grid("B", [[text]])] });
  test.each([
    ["2865/3986 người, đạt tỷ lệ 71.8%", ["typed-percent-rounding"]],
    ["2865/3986 người, đạt tỷ lệ 71,9%", []],
    ["2.865/3.986 người, đạt tỷ lệ 71,88%", []],
    ["2.865/3.986 người, đạt tỷ lệ 71,87%", ["typed-percent-rounding"]],
    ["Số thuê bao 1920/3986 (đạt tỷ lệ 50%)", ["typed-percent-rounding"]],
    ["44956/5022 người đạt 898.7%", ["typed-share-over-100"]],
    ["2335/3986 người, yêu cầu 80%", []],
    ["ngày 13/06/2024, 06/01/2022", []],
  ])("%s", (text, expected) => {
    expect(ids(run(text))).toEqual(expected);
  });

  test("a rounding problem suggests the right percentage", () => {
    expect(run("5/12 tiêu chí đạt 41.6%")[0]).toMatchObject({ suggestion: "41,7%", ref: "B!A1" });
  });
});

describe("personal identifiers", () => {
  test("phone numbers, yes/no account columns, birth dates and STT are not identifiers", () => {
    const rows: RawCell[][] = [["STT", "Họ và tên", "Điện thoại", "Có tài khoản ngân hàng", "Ngày sinh"]];
    for (let i = 1; i <= 10; i++)
      rows.push([i, "Nguyễn Văn An", `09${String(12345670 + i)}`, i % 2 ? "Có" : "Không", new Date(Date.UTC(1990, 0, i))]);
    expect(checkPersonalData({ sheets: [grid("Dân cư", rows)] })).toEqual([]);
  });

  test("old 9-digit CMND numbers under a header are identifiers", () => {
    const rows: RawCell[][] = [
      ["Họ và tên", "Số CMND"],
      ["Lê Văn Cường", "172345678"],
    ];
    const [p] = checkPersonalData({ sheets: [grid("DS", rows)] });
    expect(p).toMatchObject({ checkId: "personal-id-column", severity: "loi", ref: "DS!B1" });
  });
});

describe("the status sheet", () => {
  const ruleset = makeRuleset({ items: [ratio("1", 80)] });
  /** A row laid out as the column model says, from what each column holds. */
  const statusRow = (cells: Partial<Record<StatusColumnKey, RawCell>>): RawCell[] =>
    STATUS_COLUMNS.filter((c) => c.header !== undefined).map((c) => cells[c.key] ?? "");
  const status = (figure: RawCell, base: RawCell, verdict = "Không đạt") =>
    grid("Trạng thái chỉ tiêu", [
      ["TRẠNG THÁI CHỈ TIÊU — BỘ TIÊU CHÍ THỬ NGHIỆM"],
      ["Xã: X · Ngày báo cáo: 30/06/2024 · Căn cứ: 01/HD"],
      [],
      [],
      STATUS_COLUMNS.flatMap((c) => (c.header === undefined ? [] : [c.header])),
      statusRow({ code: "1", name: "Nhóm 1", parent: "o", role: "group" }),
      statusRow({
        code: "1",
        name: "Chỉ tiêu 1",
        requirement: "≥ 80%",
        figure,
        base,
        result: 0.5,
        verdict,
        shortfall: 1,
        unit: "người",
        parent: "g:1",
        role: "ind",
      }),
    ]);
  const firstIndicatorRow = STATUS_FIRST_ROW + 1;
  const ctx = (raw: Record<string, RawCell>) =>
    figures(
      ruleset,
      {
        "1": {
          numerator: num(Number(String(raw.numerator).replace(".", ""))),
          denominator: num(Number(String(raw.denominator).replace(".", ""))),
        },
      },
      {
        raw: { "1": raw },
        mapping: { ruleset: ruleset.id, asOf: "2024-06-30", indicators: { "1": { numerator: "a", denominator: "b" } } },
      },
    );

  test('a count typed "3.986" and its cached 3986 are the same figure', () => {
    expect(checkStatusSheet(ctx({ numerator: 1993, denominator: "3.986" }), status(1993, 3986))).toEqual([]);
  });

  test("a changed figure points at the status cell that shows the old one", () => {
    const ps = checkStatusSheet(ctx({ numerator: 1993, denominator: 3990 }), status(1993, 3986));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({
      checkId: "stale-status",
      ref: `'Trạng thái chỉ tiêu'!${STATUS_COLUMN.base.cell(firstIndicatorRow)}`,
      code: "1",
    });
  });

  test("columns are found by their headers where a clerk moved them, so the stale figure is still found", () => {
    const moved = status(1993, 3986);
    // The figure and base columns swapped, headers and all.
    const swap = (row: RawCell[]) => {
      const [f, b] = [STATUS_COLUMN.figure.index - 1, STATUS_COLUMN.base.index - 1];
      [row[f], row[b]] = [row[b] ?? null, row[f] ?? null];
    };
    moved.rows.slice(STATUS_HEADER_ROW - 1).forEach(swap);
    const ps = checkStatusSheet(ctx({ numerator: 1993, denominator: 3990 }), moved);
    expect(ps.map((p) => p.ref)).toEqual([`'Trạng thái chỉ tiêu'!${STATUS_COLUMN.figure.cell(firstIndicatorRow)}`]);
  });

  test("a typed-over verdict that disagrees with the figures now is stale, at the verdict cell", () => {
    const ps = checkStatusSheet(ctx({ numerator: 1993, denominator: 3986 }), status(1993, 3986, "Đạt"));
    expect(ps).toEqual([
      expect.objectContaining({ checkId: "stale-status", ref: `'Trạng thái chỉ tiêu'!${STATUS_COLUMN.verdict.cell(firstIndicatorRow)}` }),
    ]);
  });

  test("a status sheet of another ruleset is one problem at its title", () => {
    const other = status(1, 2);
    other.rows[0] = ["TRẠNG THÁI CHỈ TIÊU — MÔ HÌNH KHÁC"];
    expect(checkStatusSheet(ctx({ numerator: 1, denominator: 2 }), other)).toEqual([
      expect.objectContaining({ checkId: "stale-status", ref: "'Trạng thái chỉ tiêu'!A1" }),
    ]);
  });
});

describe("the task pane's view", () => {
  const problems: CheckProblem[] = [
    { checkId: "legacy-encoding", severity: "canh-bao", message: "b — hãy", ref: "'Dân cư'!B2", suggestion: "Nguyễn Văn An" },
    { checkId: "numerator-exceeds-denominator", severity: "loi", message: "a — hãy", ref: "'Số liệu'!C7", code: "3.4" },
    { checkId: "numerator-exceeds-denominator", severity: "loi", message: "a — hãy", ref: "'Số liệu'!C7", code: "3.4" },
    { checkId: "missing-input", severity: "loi", message: "c — hãy", ref: "indicators.3.12.numerator", code: "3.12" },
  ];

  test("lỗi come first and the same problem is kept once", () => {
    const ordered = orderProblems(problems);
    expect(ordered.map((p) => p.checkId)).toEqual(["numerator-exceeds-denominator", "missing-input", "legacy-encoding"]);
    expect(countProblems(ordered)).toEqual({ loi: 2, canhBao: 1 });
  });

  test("items select their cell; a JSON path selects nothing; the summary says whether the file can be sent", () => {
    const view = checkView(orderProblems(problems));
    expect(view.heading).toBe("Kiểm tra trước khi gửi");
    expect(view.canSend).toBe(false);
    expect(view.summary).toBe("Có 2 lỗi cần sửa trước khi gửi, 1 cảnh báo nên xem.");
    expect(view.sections.map((s) => s.title)).toEqual(["Lỗi (2)", "Cảnh báo (1)"]);
    expect(view.sections[0]!.items[0]!.target).toEqual({
      kind: "range",
      address: "'Số liệu'!C7",
      range: { sheet: "Số liệu", top: 7, left: 3, bottom: 7, right: 3 },
    });
    expect(view.sections[0]!.items[1]!.target).toBeUndefined();
    expect(view.sections[1]!.items[0]!.suggestion).toBe("Nguyễn Văn An");
    expect(checkView([]).summary).toBe("Không có lỗi — có thể gửi.");
  });

  test.each([
    ["dan_so", { kind: "name", name: "dan_so" }],
    ["asOf", undefined],
    [undefined, undefined],
  ])("selectTarget(%j)", (ref, target) => {
    expect(selectTarget(ref)).toEqual(target);
  });
});
