/*
 * `chitieu check FILE.xlsx [--mapping M.json] [--json R.json]`, run in-process on generated files:
 * exit 0 when nothing is lỗi, 3 when something is, 2 when the file cannot be read, 1 for wrong usage.
 */
import { randomBytes } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { CHECK_EXIT, checkCommand, defaultCheckDeps, type CheckJson } from "../../src/cli/check-command";
import { cleanThanhHoa, HA_TAN_LINES, reportSheet, withFigures, xlsxBook } from "./builders";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-check-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], deps = defaultCheckDeps) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, deps);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function file(name: string, spec: Parameters<typeof xlsxBook>[0]): Promise<string> {
  const built = await xlsxBook(spec);
  const p = path.join(dir, name);
  writeFileSync(p, built.bytes!);
  return p;
}

const TH = "thanh-hoa-cds-xa-2024";

test("a clean workbook: exit 0, the report says it can be sent, the JSON report has no lỗi", async () => {
  const f = await file("sach.xlsx", { ruleset: TH, figures: cleanThanhHoa(), withStatus: true });
  const json = path.join(dir, "sach.json");
  const r = await run([f, "--json", json]);
  expect(r.code).toBe(CHECK_EXIT.ok);
  expect(r.out).toMatch(/Kết quả: không có lỗi — có thể gửi\./);
  const report = JSON.parse(readFileSync(json, "utf8")) as CheckJson;
  expect(report).toMatchObject({ file: f, ruleset: TH, asOf: "2024-06-30", counts: { loi: 0, canhBao: 0 }, problems: [] });
  expect(report.sheets).toContain("Trạng thái chỉ tiêu");
});

test("the Hà Tân report: exit 3, each lỗi listed with its cell, the JSON report with ids and severities", async () => {
  const f = await file("ha-tan.xlsx", {
    ruleset: TH,
    figures: withFigures(cleanThanhHoa(), { "2.3.numerator": 0 }),
    sheets: [reportSheet("Báo cáo", HA_TAN_LINES)],
  });
  const json = path.join(dir, "ha-tan.json");
  const r = await run([f, "--json", json]);
  expect(r.code).toBe(CHECK_EXIT.problems);
  expect(r.out).toMatch(/^Lỗi \(7\):$/m);
  expect(r.out).toMatch(/\['Báo cáo'!A5\] Ô 'Báo cáo'!A5 ghi 11\/11/);
  expect(r.out).toMatch(/Kết quả: 7 lỗi, 0 cảnh báo — cần sửa các lỗi trước khi gửi\./);
  const report = JSON.parse(readFileSync(json, "utf8")) as CheckJson;
  expect(report.counts).toEqual({ loi: 7, canhBao: 0 });
  expect(new Set(report.problems.map((p) => p.checkId))).toEqual(
    new Set(["summary-total-mismatch", "summary-contradiction", "typed-share-over-100", "typed-percent-rounding"]),
  );
});

test("cảnh báo alone still exits 0", async () => {
  const f = await file("canh-bao.xlsx", { ruleset: TH, figures: cleanThanhHoa(), sheets: [{ name: "Ghi chú", rows: [["Haø Noäi"]] }] });
  const r = await run([f]);
  expect(r.code).toBe(CHECK_EXIT.ok);
  expect(r.out).toMatch(/Cảnh báo \(1\):[\s\S]*Kết quả: không có lỗi, 1 cảnh báo nên xem — có thể gửi\./);
});

test("a mapping given with --mapping is used when the workbook stores none", async () => {
  const f = await file("khong-anh-xa.xlsx", { ruleset: TH, figures: cleanThanhHoa(), mapping: false });
  expect((await run([f])).code).toBe(CHECK_EXIT.problems);
  const indicators: Record<string, Record<string, string>> = {};
  for (const [code, slots] of Object.entries(cleanThanhHoa()))
    for (const slot of Object.keys(slots))
      (indicators[code] ??= {})[slot] =
        `ct_${code.replace(/\./g, "_")}_${{ numerator: "tu_so", denominator: "mau_so", value: "gia_tri" }[slot]}`;
  const m = path.join(dir, "anh-xa.json");
  writeFileSync(m, JSON.stringify({ ruleset: TH, asOf: "2024-06-30", indicators }));
  const r = await run([f, "--mapping", m]);
  expect(r.err).toBe("");
  expect(r.code).toBe(CHECK_EXIT.ok);
});

test.each([
  ["random bytes named .xlsx", () => randomBytes(2048), /không phải sổ tính \.xlsx/],
  ["an empty file", () => new Uint8Array(), /Tệp rỗng/],
])("a file that is not a workbook (%s): exit 2 with one Vietnamese line", async (_, bytes, vietnamese) => {
  const f = path.join(dir, "hong.xlsx");
  writeFileSync(f, bytes());
  const r = await run([f]);
  expect(r.code).toBe(CHECK_EXIT.unreadable);
  expect(r.err).toMatch(vietnamese);
  expect(r.err.split("\n")).toHaveLength(1);
});

test("a file that does not exist, or a --mapping that does not: exit 2", async () => {
  expect((await run([path.join(dir, "khong-co.xlsx")])).code).toBe(CHECK_EXIT.unreadable);
  const f = await file("x.xlsx", { ruleset: TH, figures: cleanThanhHoa() });
  const r = await run([f, "--mapping", path.join(dir, "khong-co.json")]);
  expect(r.code).toBe(CHECK_EXIT.unreadable);
  expect(r.err).toMatch(/Không tìm thấy tệp/);
});

test.each([
  ["no file", []],
  ["two files", ["a.xlsx", "b.xlsx"]],
  ["an unknown option", ["a.xlsx", "--out", "b.xlsx"]],
  ["a bad date", ["a.xlsx", "--as-of", "30/06/2024"]],
])("wrong usage (%s): exit 1 with the usage", async (_, args) => {
  const r = await run(args);
  expect(r.code).toBe(CHECK_EXIT.usage);
  expect(r.err).toMatch(/chitieu check FILE\.xlsx/);
});

test("a broken rule file is reported on stderr and the check runs without it", async () => {
  const f = await file("quy-tac.xlsx", { ruleset: TH, figures: cleanThanhHoa() });
  const r = await run([f], {
    ...defaultCheckDeps,
    loadCheckRules: () => ({ problems: [{ message: "rulesets/checks/thanh-hoa-cds-xa-2024.json: rules[0].operator: sai", ref: "x" }] }),
  });
  expect(r.code).toBe(CHECK_EXIT.ok);
  expect(r.err).toMatch(
    /^Cảnh báo: tệp quy tắc kiểm tra không hợp lệ, bỏ qua — rulesets\/checks\/thanh-hoa-cds-xa-2024\.json: rules\[0\]\.operator/,
  );
});
