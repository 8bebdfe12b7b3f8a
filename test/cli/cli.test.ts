/*
 * The command line, line by line against the issue text: rulesets, template, evaluate; each exit
 * code; one Vietnamese line (English in parentheses) per fatal problem; nothing written on failure.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { z } from "zod";
import { EXIT } from "../../src/cli/main";
import { slotsOf } from "../../src/core/evaluate/slots";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { templateName, TEMPLATE_SHEET } from "../../src/workbook/xlsx/template";
import * as h from "./helpers";

/* ---------------------------------------------------------------- the --json report, as the issue promises it */

const Verdict = z.enum(["dat", "khong-dat", "thieu-so-lieu", "loi-so-lieu", "tam-dung"]);
const ProblemJson = z.object({ message: z.string().min(1), ref: z.string().min(1).optional() }).strict();
/** "58,6%", "1.234,5%": Vietnamese style, one decimal, comma for the decimal point. */
const PERCENT_VI = /^-?\d{1,3}(?:\.\d{3})*,\d%$/;
const IndicatorJson = z.looseObject({
  code: z.string().min(1),
  name: z.string().min(1),
  verdict: Verdict,
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  value: z.union([z.number(), z.boolean()]).optional(),
  display: z.string().min(1).optional(),
  shortfall: z.number().optional(),
  sources: z.array(z.string()),
  problems: z.array(ProblemJson),
});
const GroupJson = z.looseObject({
  code: z.string().min(1),
  name: z.string().min(1),
  passed: z.number().int().nonnegative(),
  counted: z.number().int().nonnegative(),
});
const ReportJson = z.looseObject({
  ruleset: z.string().min(1),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  indicators: z.array(IndicatorJson).min(1),
  groups: z.array(GroupJson).min(1),
  problems: z.array(ProblemJson),
});
type ReportJson = z.infer<typeof ReportJson>;

function readReport(file: string): ReportJson {
  const parsed = ReportJson.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`report ${file} does not match the promised shape: ${JSON.stringify(parsed.error.issues, null, 2)}`);
  return parsed.data;
}

const byCode = (report: ReportJson) => new Map(report.indicators.map((i) => [i.code, i]));

/* ---------------------------------------------------------------- checks shared by the failure cases */

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/iu;

/** A fatal input problem: exit 2, nothing on stdout, one "Lỗi: …" line per problem, each Vietnamese; `what` tells which problem it is. */
function expectFatal(r: h.CliRun, english?: RegExp): void {
  expect({ code: r.code, out: r.out }).toEqual({ code: EXIT.input, out: "" });
  expect(r.errLines.length).toBeGreaterThanOrEqual(1);
  for (const line of r.errLines) {
    expect(line).toMatch(/^Lỗi: /);
    expect(line).toMatch(VIETNAMESE);
    expect(line).not.toMatch(h.STACK_LINE);
  }
  if (english) expect(r.err).toMatch(english);
}

/** A usage error: exit 1, a first line that says what is wrong, then the usage. */
function expectUsage(r: h.CliRun): void {
  expect(r.code).toBe(EXIT.usage);
  expect(r.err).toMatch(/^Lỗi/);
  expect(r.err).toContain("chitieu evaluate FILE.xlsx");
  expect(r.err).not.toMatch(h.STACK_LINE);
}

/* ---------------------------------------------------------------- fixtures */

const { rulesets: CATALOG } = loadRulesetDir();
const RULESET_FILE_IDS = readdirSync(path.join(h.REPO, "rulesets"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => (JSON.parse(readFileSync(path.join(h.REPO, "rulesets", f), "utf8")) as { id: string }).id)
  .sort();

let dir: string;
let custom: string;
let customMap: string;

beforeAll(async () => {
  dir = h.makeTmpDir();
  custom = await h.writeCustom(dir, "xa-thu-nghiem.xlsx", { richSheet: true });
  customMap = h.writeMapping(dir, h.customMapping());
});

afterAll(() => h.removeDir(dir));

/** A fresh folder per test that writes, so "nothing else was written" can be checked by listing it. */
function freshDir(): string {
  return h.makeTmpDir("case-", dir);
}

/* ================================================================ chitieu rulesets */

describe("chitieu rulesets [--json]", () => {
  it("prints every ruleset with its id, title, province and document", async () => {
    const r = await h.runCli("rulesets");
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe("");
    for (const id of RULESET_FILE_IDS) {
      const rs = CATALOG.get(id)!;
      expect(r.out).toContain(id);
      expect(r.out).toContain(rs.title);
      expect(r.out).toContain(rs.province);
      expect(r.out).toContain(rs.document.issuer);
    }
  });

  it("--json lists exactly the ids of the files in rulesets/, with title, province and document", async () => {
    const r = await h.runCli("rulesets", "--json");
    expect(r.code).toBe(EXIT.ok);
    const list = z
      .array(
        z.looseObject({
          id: z.string(),
          title: z.string().min(1),
          province: z.string().min(1),
          document: z.looseObject({ number: z.string(), issuer: z.string().min(1), date: z.string().min(1) }),
        }),
      )
      .parse(JSON.parse(r.out));
    expect(list.map((x) => x.id).sort()).toEqual(RULESET_FILE_IDS);
    expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    // The eight sets the issue names; more may be added, none may disappear.
    expect(list.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        "ha-nam-thon-thong-minh-2022",
        "ha-nam-tttt-xa-ntm-2022",
        "ha-nam-tttt-xa-ntm-nang-cao-2022",
        "ha-nam-xa-thong-minh-2022",
        "ha-tinh-xa-ntm-2022",
        "phu-tho-xa-thong-minh-2024",
        "thanh-hoa-cds-xa-2024",
        "thanh-hoa-xa-ntm-kieu-mau-2023",
      ]),
    );
  });

  it("an unknown option or an extra argument is a usage error (exit 1)", async () => {
    expectUsage(await h.runCli("rulesets", "--bogus"));
    expectUsage(await h.runCli("rulesets", "thua"));
  });
});

/* ================================================================ chitieu template */

describe("chitieu template --ruleset ID --out FILE.xlsx", () => {
  let tpl: string;
  beforeAll(async () => {
    tpl = path.join(dir, "mau.xlsx");
    const r = await h.runCli("template", "--ruleset", h.RULESET, "--out", tpl);
    expect(r).toMatchObject({ code: EXIT.ok, err: "" });
  });

  it("writes a workbook ExcelJS and our adapter both open", async () => {
    const wb = await h.loadExcelJs(tpl);
    expect(wb.getWorksheet(TEMPLATE_SHEET)).toBeDefined();
    const sheets = await h.adapterSheets(tpl);
    expect(sheets.map((s) => s.name)).toContain(TEMPLATE_SHEET);
  });

  it("has one labelled, named cell per input, and stores the mapping to those names", async () => {
    const ruleset = CATALOG.get(h.RULESET)!;
    const port = await XlsxWorkbook.open(readFileSync(tpl));
    const snap = await port.snapshot();
    const wb = await h.loadExcelJs(tpl);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const mapping = JSON.parse(snap.mappingText ?? "null") as h.MappingJson;
    expect(mapping.ruleset).toBe(h.RULESET);

    const rows = new Set<number>();
    let inputs = 0;
    for (const { item } of indicatorsOf(ruleset)) {
      for (const slot of slotsOf(item).filter((s) => !s.alternative)) {
        inputs++;
        const name = templateName(item.code, slot.slot);
        const found = snap.names.filter((n) => n.name === name);
        expect(found).toHaveLength(1);
        const target = found[0]!.target;
        if (target.kind !== "range") throw new Error(`${name} is not a cell`);
        expect(target.range).toMatchObject({ sheet: TEMPLATE_SHEET, left: 4, right: 4 });
        expect(target.range.top).toBe(target.range.bottom);
        rows.add(target.range.top);
        // Labelled: the row says what to type, and the cell is blank until the clerk types.
        expect(ws.getCell(target.range.top, 3).value).toBe(slot.label);
        expect(ws.getCell(target.range.top, 4).value).toBeNull();
        expect(mapping.indicators[item.code]?.[slot.slot]).toBe(name);
      }
    }
    expect(rows.size).toBe(inputs);
  });

  it.each(RULESET_FILE_IDS)("template then evaluate gives every indicator thiếu số liệu (blank is missing, not zero): %s", async (id) => {
    const d = freshDir();
    const file = path.join(d, "mau.xlsx");
    const json = path.join(d, "bao-cao.json");
    expect((await h.runCli("template", "--ruleset", id, "--out", file)).code).toBe(EXIT.ok);
    const r = await h.runCli("evaluate", file, "--json", json);
    expect(r.code).toBe(EXIT.ok);
    const report = readReport(json);
    expect(report.ruleset).toBe(id);
    const ruleset = CATALOG.get(id)!;
    for (const { item, criterion } of indicatorsOf(ruleset)) {
      const got = byCode(report).get(item.code)!;
      // Only what the ruleset itself suspends is not "missing".
      const expected = item.suspended || criterion?.suspended ? "tam-dung" : "thieu-so-lieu";
      expect({ code: item.code, verdict: got.verdict }).toEqual({ code: item.code, verdict: expected });
      expect(got.shortfall).toBeUndefined();
    }
  });

  it("without --out (or --ruleset) is a usage error, and nothing is written", async () => {
    const d = freshDir();
    expectUsage(await h.runCli("template", "--ruleset", h.RULESET));
    expectUsage(await h.runCli("template", "--out", path.join(d, "x.xlsx")));
    expect(h.listDir(d)).toEqual([]);
  });

  it("an unknown ruleset exits 2 with one line, and no file is written", async () => {
    const d = freshDir();
    const r = await h.runCli("template", "--ruleset", "khong-co-bo-nay", "--out", path.join(d, "x.xlsx"));
    expectFatal(r, /Không có bộ tiêu chí/);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain("khong-co-bo-nay");
    expect(h.listDir(d)).toEqual([]);
  });
});

/* ================================================================ chitieu evaluate — success */

describe("chitieu evaluate FILE.xlsx — evaluates and exits 0 whatever the verdicts", () => {
  let d: string;
  let out: string;
  let json: string;
  let run: h.CliRun;
  let inputHash: string;

  beforeAll(async () => {
    d = freshDir();
    out = path.join(d, "ket-qua.xlsx");
    json = path.join(d, "ket-qua.json");
    inputHash = h.fileHash(custom);
    run = await h.runCli("evaluate", custom, "--mapping", customMap, "--out", out, "--json", json);
  });

  it("exits 0 although most indicators fail", () => {
    expect(run.code).toBe(EXIT.ok);
    expect(run.err).toBe("");
  });

  it("prints a readable table: a line per indicator with verdict, Vietnamese display, requirement and shortfall; group summaries", () => {
    const line = (code: string) => run.out.split("\n").find((l) => l.trimStart().startsWith(`${code} `));
    expect(line("3.2")).toMatch(/Không đạt\s+58,6%\s+yêu cầu ≥ 80%.*Còn thiếu 853/);
    expect(line("3.4")).toMatch(/Đạt\s+75,3%/);
    expect(line("1.1")).toMatch(/Đạt\s+Có/);
    expect(line("2.4")).toMatch(/Không đạt\s+60,0%\s+yêu cầu > 60%/);
    expect(line("1.2")).toMatch(/Thiếu số liệu/);
    expect(run.out).toMatch(/^3 Xã hội số: .*đạt 1\/12 chỉ tiêu/m);
    expect(run.out).toContain("Ngày báo cáo: 2024-06-30");
    expect(run.out).not.toMatch(h.STACK_LINE);
  });

  it("--json writes the report in the promised shape, with the expected verdicts and Vietnamese displays", () => {
    const report = readReport(json);
    expect(report.ruleset).toBe(h.RULESET);
    expect(report.asOf).toBe("2024-06-30");
    const got = byCode(report);
    for (const [code, expected] of Object.entries(h.CUSTOM_EXPECTED))
      expect({ code, ...got.get(code) }).toMatchObject({ code, ...expected });
    for (const ind of report.indicators) {
      if (ind.numerator !== undefined && ind.display !== undefined) expect(ind.display).toMatch(PERCENT_VI);
      if (ind.verdict === "thieu-so-lieu") expect(ind.problems.length).toBeGreaterThan(0);
    }
    expect(got.get("3.2")!.sources.join(" ")).toContain("tk_thanh_toan");
    expect(report.indicators).toHaveLength(indicatorsOf(CATALOG.get(h.RULESET)!).length);
    expect(report.groups.map((g) => g.code)).toEqual(CATALOG.get(h.RULESET)!.groups.map((g) => g.code));
    for (const g of report.groups) expect(g.passed).toBeLessThanOrEqual(g.counted);
    expect(report.groups.find((g) => g.code === "3")).toMatchObject({ name: "Xã hội số", passed: 1, counted: 12 });
  });

  it("--out writes a copy with the status sheet, readable by ExcelJS and by our adapter; the input is not modified", async () => {
    expect(h.fileHash(custom)).toBe(inputHash);
    const sheets = await h.adapterSheets(out);
    expect(sheets.find((s) => s.owner === "status")?.name).toBe(h.STATUS_NAME);
    expect(sheets.find((s) => s.owner === "mapping")).toMatchObject({ name: h.MAPPING_SHEET_NAME, visibility: "veryHidden" });
    const wb = await h.loadExcelJs(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Số liệu", "Ghi chú", h.STATUS_NAME]));
    const status = wb.getWorksheet(h.STATUS_NAME)!;
    const codes: unknown[] = [];
    status.eachRow((row) => codes.push(row.getCell(1).value));
    expect(codes).toEqual(expect.arrayContaining(["1.1", "3.2", "4.8"]));
    expect(run.out).toContain(`Đã ghi ${out}`);
    expect(h.listDir(d)).toEqual(["ket-qua.json", "ket-qua.xlsx"]);
  });

  it("stores the mapping in the output, so the output evaluates again with no --mapping and gives the same report", async () => {
    const again = path.join(d, "lan-2.json");
    const r = await h.runCli("evaluate", out, "--json", again);
    expect(r.code).toBe(EXIT.ok);
    expect(readReport(again)).toEqual(readReport(json));
    expect(JSON.parse((await h.storedMappingText(out))!)).toEqual(h.customMapping());
  });

  it("without --out and --json it only prints: nothing is written and the input is unchanged", async () => {
    const e = freshDir();
    const file = await h.writeCustom(e, "xa.xlsx");
    const before = h.fileHash(file);
    const r = await h.runCli("evaluate", file, "--mapping", customMap);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("58,6%");
    expect(h.listDir(e)).toEqual(["xa.xlsx"]);
    expect(h.fileHash(file)).toBe(before);
  });

  it("--json alone writes only the report (the workbook is never modified)", async () => {
    const e = freshDir();
    const file = await h.writeCustom(e, "xa.xlsx");
    const before = h.fileHash(file);
    const r = await h.runCli("evaluate", file, "--mapping", customMap, "--json", path.join(e, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(h.listDir(e)).toEqual(["r.json", "xa.xlsx"]);
    expect(h.fileHash(file)).toBe(before);
  });

  it("--out naming the input file itself is allowed: it gains the status sheet and keeps its data", async () => {
    const e = freshDir();
    const file = await h.writeCustom(e, "xa.xlsx", { richSheet: true });
    const wbBefore = await h.loadExcelJs(file);
    const digests = new Map(wbBefore.worksheets.map((w) => [w.name, h.exceljsSheetDigest(w)]));
    const r = await h.runCli("evaluate", file, "--mapping", customMap, "--out", file, "--json", path.join(e, "r1.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(h.listDir(e)).toEqual(["r1.json", "xa.xlsx"]);
    const wbAfter = await h.loadExcelJs(file);
    for (const [name, digest] of digests)
      expect({ name, digest: h.exceljsSheetDigest(wbAfter.getWorksheet(name)!) }).toEqual({ name, digest });
    expect((await h.adapterSheets(file)).filter((s) => s.owner === "status")).toHaveLength(1);
    // And again, in place, from the stored mapping: still one status sheet, same report.
    const r2 = await h.runCli("evaluate", file, "--out", file, "--json", path.join(e, "r2.json"));
    expect(r2.code).toBe(EXIT.ok);
    expect(readReport(path.join(e, "r2.json"))).toEqual(readReport(path.join(e, "r1.json")));
    expect((await h.adapterSheets(file)).filter((s) => s.owner === "status")).toHaveLength(1);
  });
});

describe("evaluate: ruleset and mapping default to those stored in the file, and the options override them", () => {
  it("a template evaluates with neither --ruleset nor --mapping", async () => {
    const d = freshDir();
    const file = path.join(d, "mau.xlsx");
    await h.runCli("template", "--ruleset", "phu-tho-xa-thong-minh-2024", "--out", file);
    const r = await h.runCli("evaluate", file, "--json", path.join(d, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(readReport(path.join(d, "r.json")).ruleset).toBe("phu-tho-xa-thong-minh-2024");
  });

  it("--mapping replaces the stored mapping for the run", async () => {
    const d = freshDir();
    const stored = path.join(d, "co-anh-xa.xlsx");
    expect((await h.runCli("evaluate", custom, "--mapping", customMap, "--out", stored)).code).toBe(EXIT.ok);
    const only32 = h.writeMapping(d, h.customMapping({ indicators: { "3.2": { numerator: "tk_thanh_toan", denominator: "dan_so_15" } } }));
    expect((await h.runCli("evaluate", stored, "--mapping", only32, "--json", path.join(d, "r.json"))).code).toBe(EXIT.ok);
    const got = byCode(readReport(path.join(d, "r.json")));
    expect(got.get("3.2")!.display).toBe("58,6%");
    expect(got.get("3.4")!.verdict).toBe("thieu-so-lieu");
  });

  it("--ruleset overrides the ruleset the mapping names (and the output stores the override)", async () => {
    const d = freshDir();
    const other = h.writeMapping(d, h.customMapping({ ruleset: "phu-tho-xa-thong-minh-2024" }));
    const out = path.join(d, "o.xlsx");
    const r = await h.runCli(
      "evaluate",
      custom,
      "--mapping",
      other,
      "--ruleset",
      h.RULESET,
      "--out",
      out,
      "--json",
      path.join(d, "r.json"),
    );
    expect(r.code).toBe(EXIT.ok);
    const report = readReport(path.join(d, "r.json"));
    expect(report.ruleset).toBe(h.RULESET);
    expect(byCode(report).get("3.2")!.display).toBe("58,6%");
    expect(JSON.parse((await h.storedMappingText(out))!).ruleset).toBe(h.RULESET);
  });

  it("--ruleset on a workbook with no mapping evaluates with nothing mapped: every indicator thiếu số liệu", async () => {
    const d = freshDir();
    const r = await h.runCli("evaluate", custom, "--ruleset", h.RULESET, "--json", path.join(d, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    const report = readReport(path.join(d, "r.json"));
    expect(new Set(report.indicators.map((i) => i.verdict))).toEqual(new Set(["thieu-so-lieu"]));
  });

  it("--as-of sets the report date", async () => {
    const d = freshDir();
    const r = await h.runCli("evaluate", custom, "--mapping", customMap, "--as-of", "2024-12-31", "--json", path.join(d, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(readReport(path.join(d, "r.json")).asOf).toBe("2024-12-31");
  });

  it("a mapping may point at cells by address as well as by name", async () => {
    const d = freshDir();
    const byCell = h.writeMapping(
      d,
      h.customMapping({ indicators: { "3.2": { numerator: "'Số liệu'!B4", denominator: "'Số liệu'!$B$3" } } }),
    );
    const r = await h.runCli("evaluate", custom, "--mapping", byCell, "--json", path.join(d, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(byCode(readReport(path.join(d, "r.json"))).get("3.2")).toMatchObject({ verdict: "khong-dat", display: "58,6%", shortfall: 853 });
  });
});

describe("evaluate: a name that points to #REF! is not fatal", () => {
  it("makes that indicator lỗi số liệu with a problem that says #REF!, and evaluates the rest", async () => {
    const d = freshDir();
    const bytes = await h.addDefinedNames(await h.buildCustomWorkbook(), [
      '<definedName name="ten_loi">#REF!</definedName>',
      "<definedName name=\"ten_loi_trang\">'Số liệu'!#REF!</definedName>",
    ]);
    const file = h.writeBytes(d, "ref.xlsx", bytes);
    const map = h.writeMapping(
      d,
      h.customMapping({
        indicators: {
          ...h.customMapping().indicators,
          "3.10": { numerator: "ten_loi", denominator: "dan_so_15" },
          "3.12": { numerator: "ten_loi_trang", denominator: "dan_so_15" },
        },
      }),
    );
    const out = path.join(d, "o.xlsx");
    const r = await h.runCli("evaluate", file, "--mapping", map, "--out", out, "--json", path.join(d, "r.json"));
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe("");
    const got = byCode(readReport(path.join(d, "r.json")));
    for (const code of ["3.10", "3.12"]) {
      const ind = got.get(code)!;
      expect(ind.verdict).toBe("loi-so-lieu");
      expect(ind.problems.map((p) => p.message).join("\n")).toContain("#REF!");
    }
    for (const [code, expected] of Object.entries(h.CUSTOM_EXPECTED))
      expect({ code, ...got.get(code) }).toMatchObject({ code, ...expected });
    expect(r.out).toMatch(/3\.10\s+Lỗi số liệu/);
    expect(existsSync(out)).toBe(true);
  });
});

/* ================================================================ chitieu evaluate — failures */

type FailCase = {
  label: string;
  /** Builds the arguments after "evaluate"; the --out and --json paths are added by the test. */
  args: (d: string) => Promise<string[]>;
  english: RegExp;
  /** Text the message must contain (the JSON path, the missing name…). */
  contains?: Array<string | RegExp>;
  lines?: number;
};

async function withMapping(d: string, mapping: unknown): Promise<string[]> {
  return [custom, "--mapping", h.writeMapping(d, mapping)];
}

const FAIL_CASES: FailCase[] = [
  {
    label: "a missing file",
    args: async (d) => [path.join(d, "khong-co.xlsx")],
    english: /\(file not found\)/,
    contains: ["khong-co.xlsx"],
  },
  { label: "a folder instead of a file", args: async (d) => [d], english: /\(is a directory\)/ },
  {
    label: "an unknown ruleset (--ruleset)",
    args: async () => [custom, "--mapping", customMap, "--ruleset", "khong-co-bo-nay"],
    english: /Không có bộ tiêu chí/,
    contains: ["khong-co-bo-nay"],
    lines: 1,
  },
  {
    label: "an unknown ruleset (in the mapping)",
    args: (d) => withMapping(d, h.customMapping({ ruleset: "bo-cu-da-xoa" })),
    english: /Không có bộ tiêu chí/,
    contains: ["bo-cu-da-xoa"],
    lines: 1,
  },
  {
    label: "mapping JSON with a syntax error",
    args: (d) => withMapping(d, '{ "ruleset": "thanh-hoa-cds-xa-2024", indicators: {} }'),
    english: /không phải JSON hợp lệ/,
    contains: ["anh-xa.json"],
    lines: 1,
  },
  {
    label: "a misspelt slot (indicators.3.2.numeratr)",
    args: (d) => withMapping(d, h.customMapping({ indicators: { "3.2": { numeratr: "tk_thanh_toan", denominator: "dan_so_15" } } })),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ['"numeratr"', "anh-xa.json"],
    lines: 1,
  },
  {
    label: "an unknown indicator code",
    args: (d) => withMapping(d, h.customMapping({ indicators: { "9.9": { numerator: "tk_thanh_toan" } } })),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ['mã "9.9"'],
    lines: 1,
  },
  {
    label: "an unknown top-level key",
    args: (d) => withMapping(d, { ...h.customMapping(), rulset: "x" }),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ["rulset"],
    lines: 1,
  },
  {
    label: "a slot that is not a string",
    args: (d) => withMapping(d, { ...h.customMapping(), indicators: { "3.2": { numerator: 2336 } } }),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ["indicators.3.2.numerator"],
    lines: 1,
  },
  {
    label: "an empty reference",
    args: (d) => withMapping(d, { ...h.customMapping(), indicators: { "3.2": { numerator: " " } } }),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ["indicators.3.2.numerator"],
    lines: 1,
  },
  {
    label: "mapping JSON that is an array",
    args: (d) => withMapping(d, "[]"),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    lines: 1,
  },
  {
    label: "a bad asOf in the mapping",
    args: (d) => withMapping(d, h.customMapping({ asOf: "30/06/2024" })),
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: ["asOf"],
    lines: 1,
  },
  {
    label: "a missing mapping file",
    args: async (d) => [custom, "--mapping", path.join(d, "khong-co.json")],
    english: /\(file not found\)/,
    contains: ["khong-co.json"],
    lines: 1,
  },
  {
    label: "a mapping naming a name the workbook lacks",
    args: (d) => withMapping(d, h.customMapping({ indicators: { "3.2": { numerator: "tai_khoan_khong_co", denominator: "dan_so_15" } } })),
    english: /không tìm thấy tên "tai_khoan_khong_co"/,
    contains: ["tai_khoan_khong_co", "3.2 — "],
    lines: 1,
  },
  {
    label: "two missing names, one line each",
    args: (d) => withMapping(d, h.customMapping({ indicators: { "3.2": { numerator: "mot", denominator: "hai" } } })),
    english: /không tìm thấy tên "mot"/,
    contains: [/không tìm thấy tên "hai"/],
    lines: 2,
  },
  {
    label: "a sheet-qualified name on a sheet that does not have it",
    args: (d) => withMapping(d, h.customMapping({ indicators: { "3.2": { numerator: "'Ghi chú'!khong_co", denominator: "dan_so_15" } } })),
    english: /không tìm thấy tên "khong_co" trên trang "Ghi chú"/,
    lines: 1,
  },
  {
    label: "a workbook with no stored mapping and no --ruleset",
    args: async () => [custom],
    english: /Sổ tính chưa có ánh xạ chỉ tiêu/,
    lines: 1,
  },
  {
    label: "--as-of 30/06/2024",
    args: async () => [custom, "--mapping", customMap, "--as-of", "30/06/2024"],
    english: /\(bad date\)/,
    lines: 1,
  },
  {
    label: "--as-of 2024-6-30",
    args: async () => [custom, "--mapping", customMap, "--as-of", "2024-6-30"],
    english: /\(bad date\)/,
    lines: 1,
  },
  { label: "--as-of hôm nay", args: async () => [custom, "--mapping", customMap, "--as-of", "hôm nay"], english: /\(bad date\)/, lines: 1 },
  {
    label: "--ruleset whose indicators the stored mapping does not fit",
    args: async (d) => {
      const tpl = path.join(d, "..", `mau-${path.basename(d)}.xlsx`);
      await h.runCli("template", "--ruleset", "ha-nam-tttt-xa-ntm-2022", "--out", tpl);
      return [tpl, "--ruleset", h.RULESET];
    },
    english: /(anh-xa\.json|ánh xạ lưu trong sổ tính): /,
    contains: [/mã "8\.1"/],
  },
];

describe("evaluate refuses, with exit 2, one line per problem and nothing written", () => {
  it.each(FAIL_CASES.map((c) => [c.label, c] as const))("%s", async (_label, c) => {
    const d = freshDir();
    const args = await c.args(d);
    const before = h.listDir(d);
    const input = args[0]!;
    const inputHash = existsSync(input) && !input.endsWith(path.sep) && readdirSafe(input) === undefined ? h.fileHash(input) : undefined;
    const r = await h.runCli("evaluate", ...args, "--out", path.join(d, "ket-qua.xlsx"), "--json", path.join(d, "ket-qua.json"));
    expectFatal(r, c.english);
    for (const want of c.contains ?? []) expect(r.err).toMatch(typeof want === "string" ? new RegExp(escapeRegExp(want)) : want);
    if (c.lines !== undefined) expect(r.errLines).toHaveLength(c.lines);
    expect(h.listDir(d)).toEqual(before);
    if (inputHash !== undefined) expect(h.fileHash(input)).toBe(inputHash);
  });

  it("a missing, corrupt or non-xlsx file: one line saying so, nothing written", async () => {
    const d = freshDir();
    const cases = await h.brokenFiles(d);
    const before = h.listDir(d);
    for (const c of cases) {
      const hash = h.fileHash(c.file);
      const r = await h.runCli("evaluate", c.file, "--out", path.join(d, "o.xlsx"), "--json", path.join(d, "o.json"));
      expectFatal(r, c.english);
      expect({ label: c.label, lines: r.errLines.length }).toEqual({ label: c.label, lines: 1 });
      expect(h.fileHash(c.file)).toBe(hash);
    }
    expect(h.listDir(d)).toEqual(before);
  });

  it("--out naming the input itself: a failure leaves the input byte for byte", async () => {
    const d = freshDir();
    const file = await h.writeCustom(d, "xa.xlsx");
    const hash = h.fileHash(file);
    const bad = h.writeMapping(d, h.customMapping({ indicators: { "3.2": { numerator: "khong_co", denominator: "dan_so_15" } } }));
    const r = await h.runCli("evaluate", file, "--mapping", bad, "--out", file);
    expectFatal(r, /không tìm thấy tên "khong_co"/);
    expect(h.fileHash(file)).toBe(hash);
    expect(h.listDir(d)).toEqual(["anh-xa.json", "xa.xlsx"]);
  });

  // The shape \d{4}-\d{2}-\d{2} is not enough: the date must exist.
  it.each(["2024-13-45", "2024-02-30"])("--as-of %s (a date that does not exist) is refused", async (asOf) => {
    const d = freshDir();
    const r = await h.runCli("evaluate", custom, "--mapping", customMap, "--as-of", asOf, "--json", path.join(d, "r.json"));
    expectFatal(r, /\(bad date\)/);
    expect(h.listDir(d)).toEqual([]);
  });
});

function readdirSafe(p: string): string[] | undefined {
  try {
    return readdirSync(p);
  } catch {
    return undefined;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* ================================================================ usage */

describe("wrong usage: exit 1 with the usage", () => {
  it.each([
    ["an unknown command", ["danh-gia", "x.xlsx"]],
    ["an unknown option", ["evaluate", "x.xlsx", "--bogus"]],
    ["an unknown option before the file", ["evaluate", "--rulesett", "x", "x.xlsx"]],
    ["evaluate without a file", ["evaluate"]],
    ["evaluate with two files", ["evaluate", "a.xlsx", "b.xlsx"]],
    ["--out without a value", ["evaluate", "x.xlsx", "--out"]],
    ["--json given as a flag on evaluate", ["evaluate", "x.xlsx", "--json"]],
  ])("%s", async (_label, argv) => {
    const d = freshDir();
    const r = await h.runCli(...argv);
    expectUsage(r);
    expect(r.out).toBe("");
    expect(h.listDir(d)).toEqual([]);
  });

  it("an unknown command is named, in Vietnamese with English in parentheses", async () => {
    const r = await h.runCli("danh-gia");
    expect(r.errLines[0]).toBe('Lỗi: không có lệnh "danh-gia" (unknown command)');
  });

  it("no command at all prints the usage and exits 1; --help exits 0", async () => {
    const none = await h.runCli();
    expect(none.code).toBe(EXIT.usage);
    expect(none.out).toContain("chitieu evaluate FILE.xlsx");
    const help = await h.runCli("--help");
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain("chitieu template --ruleset ID --out FILE.xlsx");
  });
});

/* ================================================================ the real executable */

describe("node bin/chitieu.js (end to end)", () => {
  it("rulesets --json: exit 0, JSON on stdout, nothing on stderr", () => {
    const r = h.spawnCli(["rulesets", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id).sort()).toEqual(RULESET_FILE_IDS);
  });

  it("evaluate a real workbook: exit 0, the table on stdout, the files written", () => {
    const d = freshDir();
    const out = path.join(d, "o.xlsx");
    const json = path.join(d, "o.json");
    const r = h.spawnCli(["evaluate", custom, "--mapping", customMap, "--out", out, "--json", json]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/3\.2\s+Không đạt\s+58,6%/);
    expect(r.stdout).not.toMatch(h.STACK_LINE);
    expect(readReport(json).ruleset).toBe(h.RULESET);
    expect(existsSync(out)).toBe(true);
  });

  it("a corrupt file: exit 2, one Vietnamese line on stderr, no stack trace, nothing written", async () => {
    const d = freshDir();
    const [random] = await h.brokenFiles(d);
    const before = h.listDir(d);
    const r = h.spawnCli(["evaluate", random!.file, "--out", path.join(d, "o.xlsx"), "--json", path.join(d, "o.json")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi: Tệp không phải sổ tính \.xlsx/);
    expect(r.stderr).not.toMatch(h.STACK_LINE);
    expect(h.listDir(d)).toEqual(before);
  });

  it("an unknown command: exit 1, usage, no stack trace", () => {
    const r = h.spawnCli(["danh-gia"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("(unknown command)");
    expect(r.stderr).not.toMatch(h.STACK_LINE);
  });
});
