/*
 * Every case of the corpus through the whole check (the app over a workbook port): the problems it
 * must produce are there, where they must point, and nothing else is.
 */
import { checkWorkbook } from "../../src/app/check";
import { loadCheckRuleFile } from "../../src/cli/check-command";
import { CASES, type Case, type Expectation } from "./corpus";
import { RULESETS } from "./builders";
import type { CheckProblem } from "../../src/core/check/types";

function matches(p: CheckProblem, e: Expectation, cells: Record<string, string>): boolean {
  if (p.checkId !== e.id) return false;
  if (e.code !== undefined && p.code !== e.code) return false;
  if (e.ref !== undefined) {
    const want = typeof e.ref === "function" ? e.ref(cells) : e.ref;
    if (typeof want === "string" ? p.ref !== want : !want.test(p.ref ?? "")) return false;
  }
  if (e.says !== undefined && !e.says.test(p.message)) return false;
  return true;
}

const show = (ps: CheckProblem[]) => ps.map((p) => `  ${p.severity} ${p.checkId} [${p.ref ?? ""}] ${p.message}`).join("\n");

describe("the corpus of bad workbooks", () => {
  test("holds at least 30 cases, at least 10 of them real .xlsx files", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((c) => c.xlsx).length).toBeGreaterThanOrEqual(10);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  test.each(CASES.map((c) => [c.name, c] as [string, Case]))("%s", async (_, c) => {
    const built = await c.build();
    const report = await checkWorkbook(built.port, { rulesets: RULESETS, checkRules: (r) => loadCheckRuleFile(r).rules, ...c.request });
    const found = report.problems;
    for (const e of c.expect) {
      const hits = found.filter((p) => matches(p, e, built.cells));
      if (e.count !== undefined ? hits.length !== e.count : hits.length === 0) {
        throw new Error(
          `expected ${e.count ?? "≥1"} × ${e.id}${e.code ? ` (${e.code})` : ""}${e.ref ? ` at ${typeof e.ref === "function" ? e.ref(built.cells) : e.ref}` : ""}${e.says ? ` saying ${e.says}` : ""}, found ${hits.length}; all problems:\n${show(found)}`,
        );
      }
    }
    const allowed = new Set<string>([...c.expect.map((e) => e.id), ...(c.alsoAllowed ?? [])]);
    const unexpected = found.filter((p) => !allowed.has(p.checkId));
    if (unexpected.length > 0) throw new Error(`unexpected problems:\n${show(unexpected)}`);
    // Every problem says what to do in Vietnamese, and lỗi decide the count.
    for (const p of found) expect(p.message).toMatch(/hãy|Hãy|đừng/);
    expect(report.counts.loi).toBe(found.filter((p) => p.severity === "loi").length);
  });
});
