import { acceptProposals, proposeForWorkbook } from "../../src/app/propose";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import type { Proposal } from "../../src/core/mapping/propose";
import { mappingToText } from "../../src/core/mapping/schema";
import { formatRange } from "../../src/core/ref/a1";
import { loadRulesetDir } from "../../src/node/rulesets";
import { ADULT_AGE, makeSampleCommune, SAMPLE_RULESET, type SampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { withoutMapping } from "../support/without-mapping";

const rulesets = loadRulesetDir().rulesets;
const ruleset = rulesets.get(SAMPLE_RULESET)!;
const SLOTS = 18;

/** Slot → the cell the sample's own mapping reads ('Số liệu'!B7), from the sample's names. */
async function answerCells(sample: SampleCommune): Promise<Map<string, string>> {
  const names = (await (await XlsxWorkbook.open(sample.bytes)).snapshot()).names;
  const out = new Map<string, string>();
  for (const [code, slots] of Object.entries(sample.mapping.indicators)) {
    for (const [slot, name] of Object.entries(slots)) {
      const n = names.find((x) => x.name === name);
      if (n?.target.kind === "range") out.set(`${code}|${slot}`, formatRange(n.target.range));
    }
  }
  return out;
}

function score(proposals: readonly Proposal[], answers: ReadonlyMap<string, string>): { right: number; wrong: string[] } {
  let right = 0;
  const wrong: string[] = [];
  for (const p of proposals) {
    if (answers.get(`${p.code}|${p.slot}`) === p.cell) right++;
    else wrong.push(`${p.code} ${p.slot} ← ${p.cell} ("${p.label}")`);
  }
  return { right, wrong };
}

describe("proposals on the Phú Thọ sample, from names and from labels", () => {
  let sample: SampleCommune;
  let answers: Map<string, string>;
  beforeAll(async () => {
    sample = await makeSampleCommune();
    answers = await answerCells(sample);
    expect(answers.size).toBe(SLOTS);
  }, 60_000);

  test("with the stored mapping removed: at least 16 of 18 proposed right, each showing its label and cell", async () => {
    const port = await XlsxWorkbook.open(await withoutMapping(sample.bytes, false));
    expect((await port.snapshot()).mappingText).toBeUndefined();
    const proposals = await proposeForWorkbook(port, ruleset);
    const { right, wrong } = score(proposals, answers);
    expect(right).toBeGreaterThanOrEqual(16);
    expect(wrong).toEqual([]);
    for (const p of proposals)
      expect(p).toMatchObject({
        label: expect.any(String),
        labelCell: expect.stringMatching(/^'Số liệu'!A\d+$/),
        cell: expect.stringMatching(/^'Số liệu'!B\d+$/),
      });
    // The names are there: the mapping refers to them, nothing is to be created.
    expect(proposals.every((p) => p.newName === undefined && !p.ref.includes("!"))).toBe(true);
  });

  test("on a copy whose names are deleted (labels only): at least 16 of 18, and accepting them names the cells; the evaluation then matches the sample's", async () => {
    const port = await XlsxWorkbook.open(await withoutMapping(sample.bytes, true));
    expect((await port.snapshot()).names).toEqual([]);
    const proposals = await proposeForWorkbook(port, ruleset);
    const { right, wrong } = score(proposals, answers);
    expect(right).toBeGreaterThanOrEqual(16);
    expect(wrong).toEqual([]);
    for (const p of proposals)
      expect(p).toMatchObject({
        label: expect.any(String),
        labelCell: expect.any(String),
        cell: expect.any(String),
        newName: expect.stringMatching(/^[a-z][a-z0-9_]*$/),
      });
    expect(proposals.find((p) => p.code === "1.1.1" && p.slot === "denominator")?.newName).toBe(`dan_so_tu_${ADULT_AGE}_tuoi_tro_len`);

    const mapping = await acceptProposals(port, { ruleset: ruleset.id, asOf: "2024-09-30", indicators: {} }, proposals);
    const names = (await port.snapshot()).names;
    expect(names).toHaveLength(new Set(proposals.map((p) => p.cell)).size);
    for (const slots of Object.values(mapping.indicators))
      for (const ref of Object.values(slots)) expect(names.some((n) => n.name === ref)).toBe(true);

    const reopened = await XlsxWorkbook.open(await port.save());
    const outcome = await evaluateWorkbook(reopened, { rulesets, mapping: { text: mappingToText(mapping), source: "đề xuất" } });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    const verdicts = Object.fromEntries(outcome.evaluation.indicators.map((i) => [i.code, i.verdict]));
    expect(verdicts).toEqual(sample.expected);
  });

  test("accepting a proposal whose name the workbook has meanwhile taken is refused in words, and nothing is mapped", async () => {
    const port = await XlsxWorkbook.open(await withoutMapping(sample.bytes, true));
    const [first] = await proposeForWorkbook(port, ruleset);
    await port.addName!(first!.newName!, "'Số liệu'!C1");
    await expect(acceptProposals(port, { ruleset: ruleset.id, indicators: {} }, [first!])).rejects.toThrow(
      `Sổ tính đã có tên "${first!.newName}"`,
    );
  });
});
