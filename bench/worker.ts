/*
 * One measured job in a fresh process, so each figure's peak memory is its own:
 *   node -r tsx/cjs bench/worker.ts MODE FILE [OUT]
 * Prints {"ms": wall time of the job, "rssMB": the process's peak resident memory}.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { evaluateWorkbook } from "../src/app/evaluate-workbook";
import { makeLists } from "../src/app/lists";
import { reportForWorkbook } from "../src/app/report-document";
import { loadReportWording } from "../src/node/report-wordings";
import { reportToDocx } from "../src/report/docx";
import { loadRulesetDir } from "../src/node/rulesets";
import { XlsxWorkbook } from "../src/workbook/xlsx/adapter";

type Job = (file: string, out: string | undefined) => Promise<unknown>;

const JOBS: Record<string, Job> = {
  /** Phụ lục 03–07 from the rosters, written into the workbook and saved (issue 5). */
  lists: async (file, out) => {
    const port = await XlsxWorkbook.open(readFileSync(file));
    const outcome = await makeLists(port, { rulesets: loadRulesetDir().rulesets, write: true });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    writeFileSync(out ?? `${file}.lists.xlsx`, await port.save());
    return outcome.lists.length;
  },
  /** The baseline: ExcelJS's streaming reader over every row of every sheet, nothing else. */
  "exceljs-stream": async (file) => {
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
      entries: "emit",
    });
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    return rows;
  },
  evaluate: async (file) => {
    const port = await XlsxWorkbook.open(readFileSync(file));
    const outcome = await evaluateWorkbook(port, { rulesets: loadRulesetDir().rulesets });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    return outcome.evaluation.overall.text;
  },
  /** The Word report (issue 13): evaluated with the lists, as `chitieu report` does, drafted and written as .docx. */
  report: async (file, out) => {
    const port = await XlsxWorkbook.open(readFileSync(file));
    const outcome = await reportForWorkbook(port, { rulesets: loadRulesetDir().rulesets, wording: (r) => loadReportWording(r) });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    writeFileSync(`${out ?? file}.docx`, await reportToDocx(outcome.document));
    return outcome.document.blocks.length;
  },
  "evaluate-out": async (file, out) => {
    const port = await XlsxWorkbook.open(readFileSync(file));
    const outcome = await evaluateWorkbook(port, { rulesets: loadRulesetDir().rulesets, write: true });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    writeFileSync(out ?? `${file}.out.xlsx`, await port.save());
    return outcome.statusSheet;
  },
};

async function run(): Promise<void> {
  const [mode, file, out] = process.argv.slice(2);
  const job = mode ? JOBS[mode] : undefined;
  if (!job || !file) throw new Error(`usage: worker.ts ${Object.keys(JOBS).join("|")} FILE [OUT]`);
  const start = performance.now();
  await job(file, out);
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
