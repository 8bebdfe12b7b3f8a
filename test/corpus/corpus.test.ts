/**
 * The adversarial corpus (cases.ts) through `chitieu evaluate`, in this process: each case gives its
 * verdicts or its message, never "Lỗi không mong đợi", never a corrupt output, and a failed run leaves
 * the input as it was and writes nothing. The structural cases' outputs (and a tenth of the value
 * cases') are evaluated again without --mapping (the stored mapping) into the same output name: the
 * same verdicts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as h from "../cli/helpers";
import { corpusCases, type CorpusCase } from "./cases";
import { exceljsReads, outputProblems } from "./verify-output";

jest.setTimeout(120_000);

type Report = { indicators: Array<{ code: string; verdict: string; problems: unknown[] }> };

const verdictsOf = (file: string): Record<string, { verdict: string; problems: string }> =>
  Object.fromEntries(
    (JSON.parse(readFileSync(file, "utf8")) as Report).indicators.map((i) => [
      i.code,
      { verdict: i.verdict, problems: JSON.stringify(i.problems) },
    ]),
  );

let cases: CorpusCase[];
let root: string;
const tally = { cases: 0, ok: 0, refused: 0, unexpected: 0, corrupt: 0 };

beforeAll(async () => {
  cases = await corpusCases();
  root = h.makeTmpDir("chitieu-corpus-");
});
afterAll(() => {
  h.removeDir(root);
  // The count for the closing note of issue 15.
  console.log(`corpus: ${JSON.stringify(tally)}`);
});

it("has at least 150 cases, with distinct names", () => {
  expect(cases.length).toBeGreaterThanOrEqual(150);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

it("every case gives its verdict or its message, and every output is sound", async () => {
  const failures: string[] = [];
  for (const [i, c] of cases.entries()) {
    tally.cases++;
    const dir = path.join(root, String(i));
    mkdirSync(dir);
    const input = h.writeBytes(dir, "xa.xlsx", c.bytes);
    const mapping = h.writeMapping(dir, c.mapping ?? h.customMapping());
    const out = c.out === "input" ? input : path.join(dir, c.out ?? "ket-qua.xlsx");
    const json = path.join(dir, "ket-qua.json");
    const before = h.fileHash(input);
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", out, "--json", json);
    const fail = (why: string) => failures.push(`${c.id}: ${why}\n    exit ${r.code}; ${r.err.slice(0, 300)}`);
    if (/Lỗi không mong đợi/.test(r.err)) {
      tally.unexpected++;
      fail("unexpected error");
      continue;
    }
    if (r.code !== 0) {
      tally.refused++;
      if ("ok" in c.expect && c.expect.ok) fail("refused, expected verdicts");
      if ("ok" in c.expect && !c.expect.ok && !c.expect.message.test(r.err)) fail(`message does not match ${c.expect.message}`);
      if (r.errLines.length === 0 || r.err.includes("    at ")) fail("no message, or a stack trace");
      if (c.out !== "input" && existsSync(out) && out !== dir) fail("an output was written by a failed run");
      if (h.fileHash(input) !== before) fail("the input changed");
      continue;
    }
    tally.ok++;
    if ("ok" in c.expect && !c.expect.ok) fail(`succeeded, expected ${c.expect.message}`);
    // ExcelJS cannot read some valid files (prefixed namespaces): its refusal counts only when it read the input.
    let problems = await outputProblems(readFileSync(out));
    const exceljs = !problems.includes("ExcelJS cannot open it") || (await exceljsReads(c.bytes));
    if (!exceljs) problems = problems.filter((p) => p !== "ExcelJS cannot open it");
    if (problems.length > 0) {
      tally.corrupt++;
      fail(`corrupt output: ${problems.join("; ")}`);
      continue;
    }
    const got = verdictsOf(json);
    if ("ok" in c.expect && c.expect.ok) {
      for (const [code, verdict] of Object.entries(c.expect.verdicts)) {
        if (got[code]?.verdict !== verdict) fail(`${code} is ${got[code]?.verdict}, expected ${verdict}`);
        if (c.expect.problemMentions && !got[code]?.problems.includes(c.expect.problemMentions))
          fail(`${code}'s problems do not name ${c.expect.problemMentions}: ${got[code]?.problems}`);
      }
    }
    // Again on our own output, with the mapping it stored, into the same name: the same verdicts.
    if (!c.rerun) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const again = await h.runCli("evaluate", out, "--out", out, "--json", json);
    if (again.code !== 0) fail(`the output does not evaluate again: ${again.err.slice(0, 200)}`);
    else if (JSON.stringify(verdictsOf(json)) !== JSON.stringify(got)) fail("a second run gives other verdicts");
    else if ((await outputProblems(readFileSync(out), { exceljs })).length > 0) fail("the second output is corrupt");
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures).toEqual([]);
});
