/*
 * chitieu rollup over a corpus with every mistake and bad-file kind: the rows each gets, the province
 * ratios against the sums of the communes' own figures, the fingerprint's findings, the exit codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { toExactString } from "../../src/core/evaluate/rational";
import type { RawCell } from "../../src/core/text/cell";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { runCli } from "../cli/helpers";
import { writeCorpus, type CorpusDir } from "./corpus-dir";
import { STATUS_COLUMN, STATUS_FIRST_ROW } from "../../src/core/layout/status-columns";

jest.setTimeout(600_000);

type Json = {
  programmes: Array<{
    ruleset: string;
    communes: Array<{
      commune: string;
      file: string;
      reportDate: string | null;
      status: { state: string; detail?: string };
      check: { loi: number; canhBao: number; errors: Array<{ message: string; ref?: string; code?: string }> };
      indicators: Array<{ code: string; verdict: string; numerator?: string; denominator?: string }>;
    }>;
    superseded: Array<{ file: string; reason: string }>;
    indicators: Array<{
      code: string;
      counts: Record<string, number>;
      numerator?: string;
      denominator?: string;
      ratio?: string | null;
      summed?: number;
    }>;
  }>;
  badFiles: Array<{ file: string; why: string; message: string }>;
  otherProgramme: Array<{ file: string; ruleset: string }>;
};

let corpus: CorpusDir;
let out: string;
let run: Awaited<ReturnType<typeof runCli>>;
let json: Json;
const fileOf = (kind: string) => corpus.files.find((f) => f.kind === kind)!;

async function sheet(file: string, name: string): Promise<RawCell[][]> {
  return (await XlsxWorkbook.open(readFileSync(file))).readSheet(name);
}

beforeAll(async () => {
  corpus = await writeCorpus(7);
  out = mkdtempSync(path.join(os.tmpdir(), "chitieu-rollup-out-"));
  run = await runCli("rollup", corpus.dir, "--out", path.join(out, "tong-hop.xlsx"), "--json", path.join(out, "r.json"), "--quiet");
  json = JSON.parse(readFileSync(path.join(out, "r.json"), "utf8")) as Json;
});

afterAll(() => {
  rmSync(corpus.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

test("the roll-up is written (exit 0) whatever the files hold", () => {
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
  expect(run.out).toContain("Đã ghi");
});

test("every bad file is a row saying why, none stops the roll-up", () => {
  const why = Object.fromEntries(json.badFiles.map((b) => [path.basename(b.file), b.why]));
  expect(why).toEqual({
    "bao-cao-cu.xls": "not-xlsx",
    "ghi-chu.xlsx": "not-xlsx",
    "xa-chua-anh-xa.xlsx": "unmapped",
    "xa-co-mat-khau.xlsx": "protected",
    "xa-hong-tep.xlsx": "corrupt",
  });
  for (const b of json.badFiles) expect(b.message).toMatch(/—|hãy/);
  expect(json.badFiles.find((b) => b.why === "protected")!.message).toContain("mật khẩu");
});

test("each commune once, the later report date kept and the older version flagged", () => {
  const p = json.programmes.find((x) => x.ruleset === "phu-tho-xa-thong-minh-2024")!;
  expect(p.communes).toHaveLength(7);
  const older = fileOf("older-version");
  const kept = p.communes.find((c) => c.commune === older.commune)!;
  expect(kept.reportDate).toBe("2025-06-30");
  expect(path.basename(kept.file)).not.toBe(older.name);
  expect(p.superseded.map((s) => path.basename(s.file))).toEqual([older.name]);
  expect(p.superseded[0]!.reason).toContain("Bản cũ");
});

test("another programme gets its own sheet group; with --ruleset it is listed apart", async () => {
  expect(json.programmes.map((p) => p.ruleset)).toEqual(["phu-tho-xa-thong-minh-2024", "thanh-hoa-cds-xa-2024"]);
  const snap = await (await XlsxWorkbook.open(readFileSync(path.join(out, "tong-hop.xlsx")))).snapshot();
  expect(snap.sheets.map((s) => s.name)).toEqual([
    "Tổng hợp theo xã",
    "Theo chỉ tiêu",
    "Cần gửi lại",
    "Tổng hợp theo xã (2)",
    "Theo chỉ tiêu (2)",
    "Cần gửi lại (2)",
  ]);
  const only = await runCli(
    "rollup",
    corpus.dir,
    "--ruleset",
    "phu-tho-xa-thong-minh-2024",
    "--out",
    path.join(out, "only.xlsx"),
    "--json",
    path.join(out, "only.json"),
    "--quiet",
  );
  expect(only.code).toBe(0);
  const j = JSON.parse(readFileSync(path.join(out, "only.json"), "utf8")) as Json;
  expect(j.programmes.map((p) => p.ruleset)).toEqual(["phu-tho-xa-thong-minh-2024"]);
  expect(j.otherProgramme.map((o) => [path.basename(o.file), o.ruleset])).toEqual([["xa-bo-tieu-chi-khac.xlsx", "thanh-hoa-cds-xa-2024"]]);
  const rows = await sheet(path.join(out, "only.xlsx"), "Tổng hợp theo xã");
  expect(rows.some((r) => r[2] === fileOf("other-programme").path && r[4] === "Khác bộ tiêu chí")).toBe(true);
});

test("province ratios are the sums of the communes' numerators and denominators, exactly", async () => {
  const p = json.programmes[0]!;
  const rows = await sheet(path.join(out, "tong-hop.xlsx"), "Theo chỉ tiêu");
  let checked = 0;
  for (const t of p.indicators.filter((x) => x.numerator !== undefined)) {
    let n = 0n;
    let d = 0n;
    let summed = 0;
    for (const c of p.communes) {
      const e = c.indicators.find((i) => i.code === t.code)!;
      if (e.numerator === undefined || !["dat", "khong-dat"].includes(e.verdict)) continue;
      n += BigInt(e.numerator);
      d += BigInt(e.denominator!);
      summed++;
    }
    expect([t.numerator, t.denominator, t.summed]).toEqual([String(n), String(d), summed]);
    const g = (a: bigint, b: bigint): bigint => (b === 0n ? a : g(b, a % b));
    expect(t.ratio).toBe(toExactString({ n: n / g(n, d), d: d / g(n, d) }));
    const row = rows.find((r) => r[0] === t.code)!;
    expect([row[8], row[9]]).toEqual([Number(n), Number(d)]);
    expect(row[10]).toBeCloseTo(Number(n) / Number(d), 12);
    checked++;
  }
  expect(checked).toBe(5);
  // A commune whose figure is lỗi is not summed: the count-as-text commune leaves 1.2.1 one short.
  expect(p.indicators.find((x) => x.code === "1.2.1")!.summed).toBe(p.communes.length - 1);
});

test("the commune sheet counts each verdict as the communes got it", async () => {
  const p = json.programmes[0]!;
  const rows = await sheet(path.join(out, "tong-hop.xlsx"), "Theo chỉ tiêu");
  const header = rows.findIndex((r) => r[0] === "Mã");
  for (const t of p.indicators) {
    const row = rows.slice(header).find((r) => r[0] === t.code)!;
    expect(row.slice(2, 8)).toEqual([
      t.counts["dat"],
      t.counts["khong-dat"],
      t.counts["thieu-so-lieu"],
      t.counts["loi-so-lieu"],
      t.counts["tam-dung"],
      p.communes.length,
    ]);
  }
});

test("a figure changed after the status sheet and a typed-over verdict are reported with their cells", async () => {
  const p = json.programmes[0]!;
  const changed = p.communes.find((c) => c.commune === fileOf("changed-after-status").commune)!;
  expect(changed.status.state).toBe("stale");
  const msg = changed.check.errors.find((e) => /đổi từ \d+ thành \d+ sau khi ghi trang trạng thái/.test(e.message))!;
  expect(msg.ref).toMatch(/^'Số liệu'!B\d+$/);
  const typed = p.communes.find((c) => c.commune === fileOf("typed-over-verdict").commune)!;
  expect(typed.status.state).toBe("typed-over");
  const t = typed.check.errors.find((e) => e.message.includes("gõ tay"))!;
  // The corpus types over the first indicator's verdict (src/sample/corpus.ts).
  const typedCell = STATUS_COLUMN.verdict.cell(STATUS_FIRST_ROW + 1);
  expect(t.ref).toBe(`'Trạng thái chỉ tiêu'!${typedCell}`);
  expect(t.message).toContain('"Đạt"');
  const clean = p.communes.find((c) => c.commune === corpus.files[0]!.commune)!;
  expect(clean.status.state).toBe("current");
  // The resend sheet splits the reference into sheet and cell.
  const resend = await sheet(path.join(out, "tong-hop.xlsx"), "Cần gửi lại");
  expect(resend.some((r) => r[1] === typed.commune && r[3] === "Trạng thái chỉ tiêu" && r[4] === typedCell)).toBe(true);
  expect(resend.some((r) => r[1] === changed.commune && r[3] === "Số liệu" && /đổi từ/.test(String(r[6])))).toBe(true);
});

test("Cần gửi lại lists every lỗi of every commune and every bad file", async () => {
  const resend = await sheet(path.join(out, "tong-hop.xlsx"), "Cần gửi lại");
  const p = json.programmes[0]!;
  const loi = p.communes.reduce((a, c) => a + c.check.errors.length, 0);
  expect(resend.filter((r) => typeof r[0] === "number")).toHaveLength(loi + json.badFiles.length);
  expect(
    p.communes.find((c) => c.commune === fileOf("numerator-over-denominator").commune)!.check.errors.some((e) => e.code === "1.1.2"),
  ).toBe(true);
  expect(p.communes.find((c) => c.commune === fileOf("blank-input").commune)!.check.errors.some((e) => e.code === "1.1.1")).toBe(true);
});

test("a re-run gives the same workbook content", async () => {
  const again = await runCli("rollup", corpus.dir, "--out", path.join(out, "again.xlsx"), "--quiet");
  expect(again.code).toBe(0);
  for (const name of ["Tổng hợp theo xã", "Theo chỉ tiêu", "Cần gửi lại"]) {
    expect(await sheet(path.join(out, "again.xlsx"), name)).toEqual(await sheet(path.join(out, "tong-hop.xlsx"), name));
  }
});

test("exit 2 when nothing can be rolled up, 1 on wrong usage, messages in Vietnamese", async () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), "chitieu-empty-"));
  writeFileSync(path.join(empty, "ghi-chu.txt"), "x");
  const none = await runCli("rollup", empty, "--out", path.join(empty, "t.xlsx"));
  expect(none.code).toBe(2);
  expect(none.err).toContain("Không có tệp .xlsx nào");
  const unknown = await runCli("rollup", corpus.dir, "--ruleset", "khong-co", "--out", path.join(empty, "t.xlsx"));
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('Không có bộ tiêu chí "khong-co"');
  const usage = await runCli("rollup", corpus.dir);
  expect(usage.code).toBe(1);
  expect(usage.err).toContain("cần --out");
  const missing = await runCli("rollup", path.join(empty, "khong-co.xlsx"), "--out", path.join(empty, "t.xlsx"), "--quiet");
  expect(missing.code).toBe(0);
  expect(missing.out).toContain("Không tìm thấy");
  rmSync(empty, { recursive: true, force: true });
});

test("worker threads and a single thread give the same report, in the same order", async () => {
  const one = await runCli(
    "rollup",
    corpus.dir,
    "--jobs",
    "1",
    "--out",
    path.join(out, "j1.xlsx"),
    "--json",
    path.join(out, "j1.json"),
    "--quiet",
  );
  const three = await runCli(
    "rollup",
    corpus.dir,
    "--jobs",
    "3",
    "--out",
    path.join(out, "j3.xlsx"),
    "--json",
    path.join(out, "j3.json"),
    "--quiet",
  );
  expect([one.code, three.code]).toEqual([0, 0]);
  expect(readFileSync(path.join(out, "j3.json"), "utf8")).toBe(readFileSync(path.join(out, "j1.json"), "utf8"));
  const bad = await runCli("rollup", corpus.dir, "--jobs", "0", "--out", path.join(out, "j0.xlsx"));
  expect(bad.code).toBe(1);
  expect(bad.err).toContain("--jobs");
});

test("an existing --out is replaced only when it is a roll-up we wrote; a commune's workbook is refused", async () => {
  const target = path.join(out, "xa.xlsx");
  const original = readFileSync(corpus.files[0]!.path);
  writeFileSync(target, original);
  const refused = await runCli("rollup", corpus.files[1]!.path, "--out", target, "--quiet");
  expect(refused.code).toBe(2);
  expect(refused.err).toContain("không phải bảng tổng hợp");
  expect(readFileSync(target).equals(original)).toBe(true);
  const rerun = await runCli("rollup", corpus.files[1]!.path, "--out", path.join(out, "tong-hop.xlsx"), "--quiet");
  expect(rerun.code).toBe(0);
});
