/*
 * The roll-up over bytes handed over one at a time (what the page's Web Worker runs): the steps it
 * reports, each bad file a row, a file that cannot even be read a row too, and the worker's job
 * (File objects in, messages out) from start to the workbook or the failure.
 */
import { rollupSources, type RollupStep } from "../../src/app/rollup-sources";
import { skippedName } from "../../src/app/rollup-file-names";
import { loadCheckRuleFile } from "../../src/cli/check-command";
import { ROLLUP_SHEETS } from "../../src/core/rollup/layout";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeCorpus, type CorpusFile } from "../../src/sample/corpus";
import type { RollupMessage } from "../../src/taskpane/rollup/messages";
import { runRollup } from "../../src/taskpane/rollup/run";
import { catalogFrom, type Catalog } from "../../src/taskpane/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { checkFiles, rulesetFiles } from "../taskpane/fixtures";

jest.setTimeout(300_000);

const rulesets = loadRulesetDir().rulesets;
let corpus: CorpusFile[];
let catalog: Catalog;

beforeAll(async () => {
  corpus = [];
  for await (const f of makeCorpus(rulesets, { communes: 2, minResidents: 300, maxResidents: 500 })) corpus.push(f);
  catalog = catalogFrom(rulesetFiles(), checkFiles());
});

const sourceOf = (f: CorpusFile) => ({ name: f.name, read: () => Promise.resolve(f.bytes) });

test("every file a report or a row saying why, with a step before each and the writing last", async () => {
  const steps: RollupStep[] = [];
  const out = await rollupSources(corpus.map(sourceOf), { rulesets, checkRules: (r) => loadCheckRuleFile(r).rules }, (s) => steps.push(s));
  expect(out.outcomes.map((o) => o.file)).toEqual(corpus.map((f) => f.name));
  const why = Object.fromEntries(out.outcomes.flatMap((o) => (o.kind === "bad" ? [[o.file, o.why]] : [])));
  expect(why).toEqual({
    "xa-hong-tep.xlsx": "corrupt",
    "ghi-chu.xlsx": "not-xlsx",
    "bao-cao-cu.xls": "not-xlsx",
    "xa-co-mat-khau.xlsx": "protected",
    "xa-chua-anh-xa.xlsx": "unmapped",
  });
  expect(steps.slice(0, corpus.length)).toEqual(corpus.map((f, i) => ({ kind: "file", done: i, total: corpus.length, file: f.name })));
  expect(steps.slice(corpus.length)).toEqual([
    { kind: "file", done: corpus.length, total: corpus.length, file: corpus[corpus.length - 1]!.name },
    { kind: "writing", total: corpus.length },
  ]);
  expect(out.rollup.programmes.map((p) => p.communes.length)).toEqual([2, 1]);
  const snap = await (await XlsxWorkbook.open(out.bytes)).snapshot();
  expect(snap.sheets.map((s) => s.name).slice(0, 3)).toEqual(Object.values(ROLLUP_SHEETS));
});

test("a file whose bytes cannot be read is a row, and the others are still rolled up", async () => {
  const broken = { name: "o-mang.xlsx", read: () => Promise.reject(new Error("NotReadableError")) };
  const out = await rollupSources([broken, sourceOf(corpus[0]!)], { rulesets });
  expect(out.outcomes[0]).toMatchObject({ kind: "bad", file: "o-mang.xlsx", why: "unreadable" });
  expect(out.outcomes[0]!.kind === "bad" && out.outcomes[0]!.message).toMatch(/Không đọc được tệp \(NotReadableError\) — hãy/);
  expect(out.outcomes[1]).toMatchObject({ kind: "commune", commune: corpus[0]!.commune });
  expect(out.bytes.length).toBeGreaterThan(0);
});

test("no file at all still gives a roll-up workbook (an empty one)", async () => {
  const out = await rollupSources([], { rulesets });
  expect(out.outcomes).toEqual([]);
  expect((await (await XlsxWorkbook.open(out.bytes)).snapshot()).sheets.length).toBe(3);
});

test("lock and hidden files are not communes' workbooks", () => {
  expect(["~$xa-an-loc.xlsx", ".DS_Store", "thu-muc/~$x.xlsx", "C:\\so\\.an.xlsx"].map(skippedName)).toEqual([true, true, true, true]);
  expect(["xa-an-loc.xlsx", "a~$b.xlsx", "thu-muc/xa.xlsx"].map(skippedName)).toEqual([false, false, false]);
});

describe("the worker's job", () => {
  const files = () => corpus.map((f) => new File([f.bytes as BlobPart], f.name));

  test("Files in: progress for each, writing, then the workbook and a summary of what was set aside", async () => {
    const messages: RollupMessage[] = [];
    const lock = new File([new Uint8Array(10)], "~$xa-an-loc.xlsx");
    await runRollup({ type: "start", files: [...files(), lock] }, catalog, (m) => messages.push(m));
    const kinds = messages.map((m) => m.type);
    expect(kinds.filter((k) => k === "progress")).toHaveLength(corpus.length + 1);
    expect(kinds.slice(-2)).toEqual(["writing", "done"]);
    const done = messages[messages.length - 1]!;
    if (done.type !== "done") throw new Error("no result");
    expect(done.summary.files).toBe(corpus.length);
    expect(done.summary.programmes.map((p) => [p.ruleset, p.communes])).toEqual([
      ["phu-tho-xa-thong-minh-2024", 2],
      ["thanh-hoa-cds-xa-2024", 1],
    ]);
    expect(done.summary.programmes[0]!.title).toBe(catalog.rulesets.get("phu-tho-xa-thong-minh-2024")!.title);
    expect(done.summary.apart.map((a) => a.why).sort()).toEqual(["corrupt", "not-xlsx", "not-xlsx", "protected", "superseded", "unmapped"]);
    expect(done.summary.apart.find((a) => a.why === "protected")!.text).toBe("Có mật khẩu");
    expect((await (await XlsxWorkbook.open(done.bytes)).snapshot()).sheets.every((s) => s.owner?.startsWith("rollup-"))).toBe(true);
  });

  test("with a programme chosen, another programme's commune is listed apart", async () => {
    const messages: RollupMessage[] = [];
    await runRollup({ type: "start", files: files(), ruleset: "phu-tho-xa-thong-minh-2024" }, catalog, (m) => messages.push(m));
    const done = messages[messages.length - 1]!;
    expect(done.type === "done" && done.summary.apart.filter((a) => a.why === "other-programme").map((a) => a.file)).toEqual([
      "xa-bo-tieu-chi-khac.xlsx",
    ]);
  });

  test("a failure to write the roll-up is one Vietnamese message, never a throw", async () => {
    const broken = {
      ...catalog,
      get rulesets(): Catalog["rulesets"] {
        throw new Error("bộ tiêu chí hỏng");
      },
    };
    const messages: RollupMessage[] = [];
    await expect(runRollup({ type: "start", files: files().slice(0, 1) }, broken, (m) => messages.push(m))).resolves.toBeUndefined();
    expect(messages).toEqual([{ type: "failed", message: expect.stringMatching(/^Không ghi được bảng tổng hợp: bộ tiêu chí hỏng — hãy/) }]);
  });
});
