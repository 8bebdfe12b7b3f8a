/*
 * Issue 16, point 3: the pre-submission check knows everything the other views know. On generated
 * samples, every finding of the Phụ lục view (makeLists) and of the evaluation is among the check's,
 * word for word and at the same place; with mistakes planted in the rosters, the check finds them.
 */
import { checkWorkbook, type CheckReport } from "../../src/app/check";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { makeLists } from "../../src/app/lists";
import type { Finding } from "../../src/core/evaluate/result";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { RESIDENTS_SHEET, makeSampleCommune } from "../../src/sample/commune";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const rulesets = loadRulesetDir().rulesets;

type Said = { message: string; ref?: string | undefined };
const key = (p: Said) => `${p.ref ?? ""} | ${p.message}`;

/** What the check, the Phụ lục view and the evaluation say about the same workbook. */
async function views(port: WorkbookPort): Promise<{ check: CheckReport; lists: Finding[]; evaluation: Finding[] }> {
  const lists = await makeLists(port, { rulesets });
  if (!lists.ok) throw new Error(lists.problems.map((p) => p.message).join("\n"));
  const evaluated = await evaluateWorkbook(port, { rulesets, lists: true });
  if (!evaluated.ok) throw new Error(evaluated.problems.map((p) => p.message).join("\n"));
  const check = await checkWorkbook(port, { rulesets });
  return { check, lists: lists.problems, evaluation: evaluated.evaluation.problems };
}

/** The findings of `view` the check does not have (empty when the check knows them all). */
function unknownToCheck(check: CheckReport, view: readonly Said[]): string[] {
  const known = new Set(check.problems.map(key));
  return view.map(key).filter((k) => !known.has(k));
}

/** The port with the residents' roster changed as `plant` says: a clerk's mistakes, made on purpose. */
function planted(port: WorkbookPort, plant: (rows: RawCell[][]) => RawCell[][]): WorkbookPort {
  return {
    snapshot: () => port.snapshot(),
    readRanges: (ranges) => port.readRanges(ranges),
    writeSheets: (sheets, text) => port.writeSheets(sheets, text),
    readSheet: async (name) => (name === RESIDENTS_SHEET ? plant((await port.readSheet(name)).map((r) => [...r])) : port.readSheet(name)),
  };
}

/** A person entered twice, and an adult's smartphone answer changed so Phụ lục 03 and 1.1.1's figure disagree. */
function twiceAndChanged(rows: RawCell[][]): RawCell[][] {
  const phone = rows[0]!.findIndex((h) => typeof h === "string" && /điện thoại/i.test(h));
  const owner = rows.findIndex((r, i) => i > 0 && r[phone] === "Có");
  rows[owner]![phone] = "Không";
  rows.push([...rows[1]!]);
  return rows;
}

const SIZES = [1_000, 20_000];

describe("the check knows every finding of the lists and of the evaluation", () => {
  test.each(SIZES)("a generated sample of %i residents checks clean but for the blank planted on purpose", async (residents) => {
    const sample = await makeSampleCommune({ residents });
    const { check, lists, evaluation } = await views(await XlsxWorkbook.open(sample.bytes));
    expect(lists).toEqual([]);
    expect(evaluation).toEqual([]);
    expect(check.problems.map((p) => p.checkId)).toEqual(["mapping-blank"]);
  });

  test.each(SIZES)(
    "%i residents with a person entered twice and a smartphone answer changed: the check says all the Phụ lục view and the evaluation say",
    async (residents) => {
      const sample = await makeSampleCommune({ residents });
      const { check, lists, evaluation } = await views(planted(await XlsxWorkbook.open(sample.bytes), twiceAndChanged));
      expect(lists.filter((p) => /^Trùng/.test(p.message))).toHaveLength(1);
      expect(lists.filter((p) => /^Chỉ tiêu 1\.1\.1/.test(p.message))).toHaveLength(1);
      expect(evaluation.length).toBeGreaterThanOrEqual(2);
      expect(unknownToCheck(check, lists)).toEqual([]);
      expect(unknownToCheck(check, evaluation)).toEqual([]);
    },
  );

  // The size issue 16 found the gap on: one sample, clean and then planted, in one test (about two minutes here).
  test("50 000 residents: clean but for the planted blank, and with the mistakes planted the check says all the other views say", async () => {
    const sample = await makeSampleCommune({ residents: 50_000 });
    const clean = await views(await XlsxWorkbook.open(sample.bytes));
    expect(clean.lists).toEqual([]);
    expect(clean.evaluation).toEqual([]);
    expect(clean.check.problems.map((p) => p.checkId)).toEqual(["mapping-blank"]);
    const { check, lists, evaluation } = await views(planted(await XlsxWorkbook.open(sample.bytes), twiceAndChanged));
    expect(lists.filter((p) => /^Trùng/.test(p.message))).toHaveLength(1);
    expect(unknownToCheck(check, lists)).toEqual([]);
    expect(unknownToCheck(check, evaluation)).toEqual([]);
  }, 400_000);

  test("a list-backed figure left unmapped is judged from the list by the check, as by evaluate", async () => {
    const sample = await makeSampleCommune({ residents: 1_000 });
    const port = await XlsxWorkbook.open(sample.bytes);
    const stored = JSON.parse((await port.snapshot()).mappingText!) as {
      indicators: Record<string, Record<string, string>>;
    };
    delete stored.indicators["1.1.1"]!["numerator"];
    const mapping = { text: JSON.stringify(stored), source: "m.json" };
    const evaluated = await evaluateWorkbook(port, { rulesets, mapping, lists: true });
    if (!evaluated.ok) throw new Error("evaluate failed");
    const check = await checkWorkbook(port, { rulesets, mapping });
    const mapped = await evaluateWorkbook(port, { rulesets, lists: true });
    if (!mapped.ok) throw new Error("evaluate failed");
    const verdict = (e: typeof mapped) => (e.ok ? e.evaluation.indicators.find((i) => i.code === "1.1.1")?.verdict : undefined);
    // The list gives the figure the clerk had typed: the same verdict, not "chưa có số liệu".
    expect(verdict(evaluated)).toBe(verdict(mapped));
    expect(verdict(evaluated)).not.toBe("thieu-so-lieu");
    expect(check.problems.filter((p) => p.code === "1.1.1")).toEqual([]);
    expect(check.problems.map((p) => p.checkId)).toEqual(["mapping-blank"]);
  });

  test("the planted roster mistakes reach the check only through the lists' findings (no other check sees them)", async () => {
    const sample = await makeSampleCommune({ residents: 1_000 });
    const { check } = await views(planted(await XlsxWorkbook.open(sample.bytes), twiceAndChanged));
    const fromLists = check.problems.filter((p) => p.checkId === "appendix-list");
    expect(fromLists.length).toBeGreaterThanOrEqual(2);
    expect(check.problems.filter((p) => p.checkId !== "appendix-list").map((p) => p.checkId)).toEqual(["mapping-blank"]);
  });
});
