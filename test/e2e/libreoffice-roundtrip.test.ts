/**
 * The file survives LibreOffice: for every ruleset's template (evaluated once, so it holds our status
 * sheet and stored mapping) and the sample commune's output, LibreOffice Calc opens and saves the file
 * as .xlsx; `evaluate`, `lists` and `check` then work on the saved file without --mapping, give the
 * same verdicts, and rewrite our sheets in place (ownership survives). The same for a file re-saved by
 * ExcelJS, a stand-in for other writers.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import * as h from "../cli/helpers";
import { outputProblems } from "../corpus/verify-output";
import { recalculate, requireTool } from "../support/libreoffice";

jest.setTimeout(900_000);

type Report = { indicators: Array<{ code: string; verdict: string }>; overall: { verdict: string; text: string } };
type Check = { problems?: Array<{ code: string }>; items?: Array<{ code: string }> };

const ids = [...loadRulesetDir().rulesets.keys()];
const subjects = [...ids, "sample"];

let root: string;
/** Subject → the evaluated file before and after LibreOffice saved it. */
const files = new Map<string, { ours: string; saved: string }>();

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const verdicts = (json: string) => {
  const r = JSON.parse(readFileSync(json, "utf8")) as Report;
  return { overall: r.overall, indicators: Object.fromEntries(r.indicators.map((i) => [i.code, i.verdict])) };
};

async function sheetsOf(file: string) {
  return (await (await XlsxWorkbook.open(readFileSync(file))).snapshot()).sheets;
}

async function evaluateOk(file: string, out: string, json: string, extra: string[] = []) {
  const r = await h.runCli("evaluate", file, "--out", out, "--json", json, ...extra);
  if (r.code !== 0) throw new Error(`evaluate ${path.basename(file)}: ${r.err}`);
  return r;
}

beforeAll(async () => {
  requireTool("soffice");
  root = h.makeTmpDir("chitieu-roundtrip-");
  for (const id of subjects) {
    const dir = path.join(root, id);
    const ours = path.join(dir, "ket-qua.xlsx");
    mkdirSync(dir, { recursive: true });
    if (id === "sample") {
      const r = await h.runCli("sample", "--out-dir", dir, "--residents", "300");
      if (r.code !== 0) throw new Error(r.err);
      await copyFile(path.join(dir, "xa-minh-tan-ket-qua.xlsx"), ours);
    } else {
      const template = path.join(dir, "mau.xlsx");
      const t = await h.runCli("template", "--ruleset", id, "--out", template, "--commune", "Xã Khứ Hồi", "--as-of", "2024-06-30");
      if (t.code !== 0) throw new Error(t.err);
      await evaluateOk(template, ours, path.join(dir, "truoc.json"));
    }
    files.set(id, { ours, saved: "" });
  }
  // LibreOffice is slow and the machine small: two at a time.
  await pool(subjects, 2, async (id) => {
    const f = files.get(id)!;
    f.saved = await recalculate(f.ours, path.join(root, id, "libreoffice"), { recalc: false });
  });
}, 900_000);

afterAll(() => {
  if (root) h.removeDir(root);
});

describe.each(subjects)("%s saved by LibreOffice", (id) => {
  it("evaluate needs no --mapping, gives the same verdicts and rewrites our sheets in place", async () => {
    const { ours, saved } = files.get(id)!;
    const dir = path.join(root, id);
    const before = path.join(dir, "a.json");
    await evaluateOk(ours, path.join(dir, "a.xlsx"), before);
    const savedSheets = await sheetsOf(saved);
    // LibreOffice keeps our sheets and their owner names (else the rewrite below would add copies).
    expect(
      savedSheets
        .filter((s) => s.owner !== undefined)
        .map((s) => s.owner)
        .sort(),
    ).toEqual(
      (await sheetsOf(ours))
        .filter((s) => s.owner !== undefined)
        .map((s) => s.owner)
        .sort(),
    );
    const out = path.join(dir, "b.xlsx");
    const after = path.join(dir, "b.json");
    await evaluateOk(saved, out, after);
    expect(verdicts(after)).toEqual(verdicts(before));
    const rewritten = await sheetsOf(out);
    expect(rewritten.map((s) => s.name)).toEqual(savedSheets.map((s) => s.name));
    expect(rewritten.find((s) => s.owner === "mapping")?.visibility).toBe("veryHidden");
    expect(await outputProblems(readFileSync(out))).toEqual([]);
  });

  it("check reads the stored mapping and finds what it found before", async () => {
    const { ours, saved } = files.get(id)!;
    const dir = path.join(root, id);
    const codes = async (file: string, json: string) => {
      const r = await h.runCli("check", file, "--json", json);
      expect(r.err).not.toMatch(/Lỗi không mong đợi|ánh xạ lưu trong sổ tính/);
      expect([0, 3]).toContain(r.code);
      const report = JSON.parse(readFileSync(json, "utf8")) as Check;
      return (report.problems ?? report.items ?? []).map((p) => p.code).sort();
    };
    const before = await codes(ours, path.join(dir, "check-a.json"));
    expect(before).not.toContain("no-mapping");
    expect(await codes(saved, path.join(dir, "check-b.json"))).toEqual(before);
  });

  it("lists behaves as on our own file", async () => {
    const { ours, saved } = files.get(id)!;
    const dir = path.join(root, id);
    const a = await h.runCli("lists", ours, "--out", path.join(dir, "lists-a.xlsx"), "--as-of", "2024-06-30");
    const b = await h.runCli("lists", saved, "--out", path.join(dir, "lists-b.xlsx"), "--as-of", "2024-06-30");
    expect(b.err).not.toMatch(/Lỗi không mong đợi|ánh xạ lưu trong sổ tính/);
    expect(b.code).toBe(a.code);
    if (a.code === 0) {
      const owned = async (f: string) => (await sheetsOf(f)).filter((s) => s.owner !== undefined).map((s) => `${s.name}:${s.owner}`);
      expect(await owned(path.join(dir, "lists-b.xlsx"))).toEqual(await owned(path.join(dir, "lists-a.xlsx")));
    }
  });
});

describe("a file re-saved by ExcelJS (another writer)", () => {
  it.each(["sample", ids[0]!])("%s: the same verdicts, or a clear word on what was lost", async (id) => {
    const { ours } = files.get(id)!;
    const dir = path.join(root, id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(ours) as unknown as ExcelJS.Buffer);
    const resaved = h.writeBytes(dir, "exceljs.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await h.runCli("evaluate", resaved, "--out", path.join(dir, "exceljs-out.xlsx"), "--json", path.join(dir, "exceljs.json"));
    expect(r.err).not.toMatch(/Lỗi không mong đợi/);
    if (r.code === 0) {
      await evaluateOk(ours, path.join(dir, "c.xlsx"), path.join(dir, "c.json"));
      expect(verdicts(path.join(dir, "exceljs.json"))).toEqual(verdicts(path.join(dir, "c.json")));
      expect(await outputProblems(readFileSync(path.join(dir, "exceljs-out.xlsx")))).toEqual([]);
    } else {
      expect(r.errLines.length).toBeGreaterThan(0);
      expect(r.err).toMatch(/\([a-z][^)]*\)/);
    }
  });
});
