import { rat } from "../../src/core/evaluate/rational";
import type { Verdict } from "../../src/core/evaluate/result";
import { rollUp } from "../../src/core/rollup/aggregate";
import type { CommuneReport } from "../../src/core/rollup/types";

const report = (
  file: string,
  commune: string,
  reportDate: string | undefined,
  ratio: [number, number, Verdict] = [5, 10, "dat"],
  ruleset = "r1",
): CommuneReport => ({
  kind: "commune",
  file,
  commune,
  ruleset,
  ...(reportDate ? { reportDate } : {}),
  overall: { verdict: "dat", text: "đạt 1/1 chỉ tiêu", passed: 1, counted: 1 },
  indicators: [{ code: "1", verdict: ratio[2], numerator: rat(ratio[0]), denominator: rat(ratio[1]) }],
  check: { loi: 0, canhBao: 0, errors: [] },
  status: { state: "current" },
});
const codes = () => ["1"];

test("the later report date is kept whatever the order; a missing date is the oldest", () => {
  for (const order of [0, 1]) {
    const a = report("a.xlsx", "Xã Tân Lộc", "2025-06-30");
    const b = report("b.xlsx", "xã  tân lộc", "2025-03-31");
    const c = report("c.xlsx", "Xã Tân Lộc", undefined);
    const r = rollUp(order ? [a, b, c] : [c, b, a], codes);
    expect(r.programmes[0]!.communes.map((x) => x.file)).toEqual(["a.xlsx"]);
    expect(r.programmes[0]!.superseded.map((x) => x.report.file).sort()).toEqual(["b.xlsx", "c.xlsx"]);
  }
});

test("the same date keeps the file named later; Tân and Tấn are two communes", () => {
  const r = rollUp(
    [report("b.xlsx", "Xã Tân", "2025-06-30"), report("a.xlsx", "Xã Tân", "2025-06-30"), report("c.xlsx", "Xã Tấn", "2025-06-30")],
    codes,
  );
  expect(r.programmes[0]!.communes.map((x) => x.file)).toEqual(["b.xlsx", "c.xlsx"]);
});

test("province ratio: exact sums over the communes with valid figures only", () => {
  const r = rollUp(
    [
      report("a", "A", "2025-06-30", [1, 3, "khong-dat"]),
      report("b", "B", "2025-06-30", [1, 6, "khong-dat"]),
      report("c", "C", "2025-06-30", [9, 3, "loi-so-lieu"]),
    ],
    codes,
  );
  const t = r.programmes[0]!.tallies[0]!;
  expect([t.numerator, t.denominator, t.ratio, t.summed]).toEqual([rat(2), rat(9), rat(2, 9), 2]);
  expect(t.counts).toEqual({ dat: 0, "khong-dat": 2, "thieu-so-lieu": 0, "loi-so-lieu": 1, "tam-dung": 0, "khong-ap-dung": 0 });
});

test("another programme than --ruleset is set apart, not counted", () => {
  const r = rollUp([report("a", "A", "2025-06-30"), report("b", "B", "2025-06-30", undefined, "r2")], codes, "r1");
  expect(r.programmes.map((p) => [p.ruleset, p.communes.length])).toEqual([["r1", 1]]);
  expect(r.otherProgramme.map((o) => o.report.file)).toEqual(["b"]);
});
