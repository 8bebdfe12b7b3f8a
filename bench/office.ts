/*
 * Office.js: syncs and largest payload per action. The sample commune (src/sample/commune.ts) is
 * loaded into the recording fake of Excel (test/workbook/office-fake.ts), which counts round trips
 * and measures every request and response as JSON, and each action of the task pane runs through
 * the Office.js adapter: evaluate, evaluate + write, lists, check. These are counts, not timings:
 * the same on every machine, recorded in BENCHMARKS.md.
 *   npx tsx bench/office.ts            (BENCH_OFFICE_SIZES=1000,20000,100000 by default)
 */
import { checkWorkbook } from "../src/app/check";
import { evaluateWorkbook } from "../src/app/evaluate-workbook";
import { makeLists } from "../src/app/lists";
import { loadCheckRuleFile } from "../src/cli/check-command";
import { loadRulesetDir } from "../src/node/rulesets";
import { cellRef } from "../src/core/ref/a1";
import type { RawCell } from "../src/core/text/cell";
import { makeSampleCommune } from "../src/sample/commune";
import { OfficeWorkbook } from "../src/workbook/office/adapter";
import { OWNER_NAME } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsx/adapter";
import { FakeExcel, type FakeInit } from "../test/workbook/office-fake";

export type OfficeFigure = { action: string; syncs: number; maxRequestMB: number; maxResponseMB: number };

/** The sample workbook as the fake holds it: every sheet's cells, every name, our markers. */
async function fakeOf(residents: number): Promise<FakeExcel> {
  const { bytes } = await makeSampleCommune({ residents });
  const file = await XlsxWorkbook.open(bytes);
  const snap = await file.snapshot();
  const sheets: Array<FakeInit["sheets"][number]> = [];
  for (const s of snap.sheets) {
    const rows = await file.readSheet(s.name);
    const cells: Record<string, RawCell> = {};
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (cells[cellRef(r + 1, c + 1)] = v)));
    sheets.push({ name: s.name, cells, visibility: s.visibility });
  }
  const names: Array<NonNullable<FakeInit["names"]>[number]> = snap.names.map((n) => ({
    name: n.name,
    scope: n.scope,
    formula: n.formula,
    hidden: n.hidden,
  }));
  for (const s of snap.sheets) if (s.owner) names.push({ name: OWNER_NAME, scope: s.name, formula: `"${s.owner}"`, hidden: true });
  return new FakeExcel({ sheets, names });
}

const MB = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;

export async function officeFigures(residents: number): Promise<OfficeFigure[]> {
  const { rulesets } = loadRulesetDir();
  const excel = await fakeOf(residents);
  const port = () => new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
  const out: OfficeFigure[] = [];
  const measure = async (action: string, job: () => Promise<unknown>) => {
    excel.resetLog();
    await job();
    out.push({ action, syncs: excel.syncCount, maxRequestMB: MB(excel.maxRequestBytes), maxResponseMB: MB(excel.maxResponseBytes) });
  };
  const ok = (o: { ok: boolean; problems?: ReadonlyArray<{ message: string }> }) => {
    if (!o.ok) throw new Error((o.problems ?? []).map((p) => p.message).join("\n"));
  };
  await measure("evaluate", async () => ok(await evaluateWorkbook(port(), { rulesets })));
  await measure("evaluate + write", async () => ok(await evaluateWorkbook(port(), { rulesets, write: true })));
  await measure("lists", async () => ok(await makeLists(port(), { rulesets, write: true })));
  await measure("check", async () => checkWorkbook(port(), { rulesets, checkRules: (r) => loadCheckRuleFile(r).rules }));
  return out;
}

export async function printOfficeFigures(sizes: readonly number[]): Promise<void> {
  console.log("\nOffice.js: syncs and largest payload per action (recording fake; Excel on the web refuses over 5 MB)");
  console.log("  residents  action              syncs  largest request (MB)  largest response (MB)");
  for (const residents of sizes) {
    for (const f of await officeFigures(residents)) {
      console.log(
        `  ${residents.toString().padStart(9)}  ${f.action.padEnd(18)} ${f.syncs.toString().padStart(6)}  ${f.maxRequestMB.toFixed(2).padStart(20)}  ${f.maxResponseMB.toFixed(2).padStart(21)}`,
      );
    }
  }
}

if (require.main === module) {
  printOfficeFigures((process.env.BENCH_OFFICE_SIZES ?? "1000,20000,100000").split(",").map(Number)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
