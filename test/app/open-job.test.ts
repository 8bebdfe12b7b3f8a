import { openJob, readJobInputs, STORED_MAPPING_SOURCE } from "../../src/app/open-job";
import type { RulesetCatalog } from "../../src/app/catalog";
import type { RawCell } from "../../src/core/text/cell";
import type { RangeAddress } from "../../src/core/ref/a1";
import type { WorkbookPort, WorkbookSnapshot } from "../../src/workbook/port";
import { makeRuleset, yesNo } from "../builders";

const ruleset = makeRuleset({ id: "thu-nghiem", items: [yesNo("1.1")] });
const other = makeRuleset({ id: "bo-khac", items: [yesNo("2.1")] });
const rulesets: RulesetCatalog = new Map([
  [ruleset.id, ruleset],
  [other.id, other],
]);

/** A workbook of one sheet "Data" (B1 the report date, B2 the answer) with `snap`'s stored mapping; counts round trips. */
function port(snap: Partial<WorkbookSnapshot>): WorkbookPort & { trips: number } {
  const cells: Record<string, RawCell> = { "1,2": new Date(Date.UTC(2024, 8, 30)), "2,2": "Có" };
  const p = {
    trips: 0,
    async snapshot(): Promise<WorkbookSnapshot> {
      p.trips++;
      return { sheets: [{ name: "Data", visibility: "visible" }], names: [], ...snap };
    },
    async readRanges(ranges: readonly RangeAddress[]) {
      p.trips++;
      return ranges.map((r) => [[cells[`${r.top},${r.left}`] ?? null]]);
    },
    async readSheet(): Promise<RawCell[][]> {
      throw new Error("not read");
    },
    async writeSheets(): Promise<never> {
      throw new Error("not written");
    },
  };
  return p;
}

const stored = (m: object) => ({ mappingText: JSON.stringify(m) });
const MAPPING = {
  ruleset: "thu-nghiem",
  asOf: "2023-12-31",
  asOfRef: "Data!B1",
  indicators: { "1.1": { value: "Data!B2" } },
};

describe("openJob: one way to open a job for evaluate, lists, check and the pane", () => {
  test("the stored mapping, its ruleset, then the cells and the report date cell in one more round trip", async () => {
    const wb = port(stored(MAPPING));
    const job = await openJob(wb, { rulesets });
    if (!job.ok) throw new Error(job.refusal.reason);
    expect(job).toMatchObject({ source: STORED_MAPPING_SOURCE, mapped: true, mappingProblems: [] });
    expect(job.ruleset.id).toBe("thu-nghiem");
    const read = await readJobInputs(wb, job, {});
    expect(read.mapping.asOf).toBe("2024-09-30"); // the cell wins over the stored date
    expect(read.read.inputs["1.1"]?.["value"]).toMatchObject({ kind: "bool", value: true });
    expect(wb.trips).toBe(2);
  });

  test("--as-of and --ruleset override the mapping; --as-of also wins over the date cell", async () => {
    const wb = port(stored({ ...MAPPING, ruleset: "bo-khac", indicators: {} }));
    const job = await openJob(wb, { rulesets, rulesetId: "thu-nghiem", asOf: "2025-01-01" });
    if (!job.ok) throw new Error(job.refusal.reason);
    expect(job.mapping).toMatchObject({ ruleset: "thu-nghiem", asOf: "2025-01-01" });
    expect((await readJobInputs(wb, job, { asOf: "2025-01-01" })).mapping.asOf).toBe("2025-01-01");
  });

  test("a snapshot already taken is used, not taken again", async () => {
    const wb = port(stored(MAPPING));
    const snap = await wb.snapshot();
    await openJob(wb, { rulesets }, { snapshot: snap });
    expect(wb.trips).toBe(1);
  });

  test("a mapping given from outside wins over the stored one and names its source", async () => {
    const job = await openJob(port(stored({ ruleset: "khong-co" })), {
      rulesets,
      mapping: { text: JSON.stringify(MAPPING), source: "anh-xa.json" },
    });
    expect(job).toMatchObject({ ok: true, source: "anh-xa.json" });
  });

  test("refusals say why: damaged, not a mapping, no mapping, unknown ruleset", async () => {
    const damaged = await openJob(port({ mappingDamaged: "checksum" }), { rulesets });
    expect(damaged).toMatchObject({ ok: false, refusal: { reason: "damaged-mapping" } });
    const invalid = await openJob(port({ mappingText: "{ not json" }), { rulesets });
    expect(invalid).toMatchObject({ ok: false, refusal: { reason: "invalid-mapping" } });
    expect(await openJob(port({}), { rulesets })).toMatchObject({ ok: false, refusal: { reason: "no-mapping" } });
    const unknown = await openJob(port(stored({ ...MAPPING, ruleset: "bo-cu-da-xoa" })), { rulesets });
    expect(unknown).toMatchObject({ ok: false, refusal: { reason: "unknown-ruleset", rulesetId: "bo-cu-da-xoa" } });
    if (!unknown.ok) expect(unknown.refusal.problems[0]?.message).toContain("bo-cu-da-xoa");
  });

  test("without a mapping, --ruleset (or the caller's choice) gives an empty one; a code the ruleset lacks is a mapping problem, not a refusal", async () => {
    const empty = await openJob(port({}), { rulesets, rulesetId: "bo-khac" });
    expect(empty).toMatchObject({ ok: true, mapped: false, mapping: { ruleset: "bo-khac", indicators: {} } });
    const chosen = await openJob(port({}), { rulesets }, { noMapping: () => "thu-nghiem" });
    expect(chosen).toMatchObject({ ok: true, mapping: { ruleset: "thu-nghiem" } });
    const stray = await openJob(port(stored({ ...MAPPING, indicators: { "9.9": { value: "Data!B2" } } })), {
      rulesets,
    });
    if (!stray.ok) throw new Error(stray.refusal.reason);
    expect(stray.mappingProblems.map((p) => p.message).join(" ")).toContain("9.9");
  });

  test("a lists job whose figures are not mapped reads nothing; a report date cell that is not a date is said", async () => {
    const wb = port(stored({ ruleset: "thu-nghiem", indicators: { "1.1": { value: "Data!B2" } } }));
    const job = await openJob(wb, { rulesets });
    if (!job.ok) throw new Error(job.refusal.reason);
    wb.trips = 0;
    await readJobInputs(wb, job, {}, { codes: new Set(["2.1"]) });
    expect(wb.trips).toBe(0);
    const bad = port(stored({ ...MAPPING, asOfRef: "Data!B2" }));
    const badJob = await openJob(bad, { rulesets });
    if (!badJob.ok) throw new Error(badJob.refusal.reason);
    const read = await readJobInputs(bad, badJob, {});
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toContain("Ngày báo cáo");
    expect(read.mapping.asOf).toBe("2023-12-31");
  });
});
