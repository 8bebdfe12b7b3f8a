import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { makeLists, type ListsProgress } from "../../src/app/lists";
import { listsForEvaluation } from "../../src/app/lists-build";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { evaluate } from "../../src/core/evaluate/evaluate";
import { parseMappingText } from "../../src/core/mapping/schema";
import { cellRef } from "../../src/core/ref/a1";
import type { RawCell } from "../../src/core/text/cell";
import { listsCommand } from "../../src/cli/lists-command";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeSampleCommune, rosterFigures } from "../../src/sample/commune";
import { makeBusinesses, makeCooperatives, makeOfficials, makeResidents, parseIsoDate } from "../../src/sample/people";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const rulesets = loadRulesetDir().rulesets;
const RULESET = "phu-tho-xa-thong-minh-2024";

/** Rows from A1 as the memory workbook's cells. */
function cells(rows: RawCell[][]): Record<string, RawCell> {
  const out: Record<string, RawCell> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) out[cellRef(r + 1, c + 1)] = v;
    }),
  );
  return out;
}

const RESIDENTS: RawCell[][] = [
  ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"],
  [1, "Nguyễn Văn An", new Date(Date.UTC(1980, 2, 12)), "Nam", "Thôn Đông", "Có", "Có"],
  [2, "=1+1", new Date(Date.UTC(1985, 5, 1)), "Nữ", "Thôn Đông", "Có", "Không"],
  [3, "Lê Thị Bình", new Date(Date.UTC(2010, 0, 1)), "Nữ", "Thôn Đoài", "Có", "Không"],
  [4, "Trần Văn Cường", new Date(Date.UTC(1964, 2, 15)), "Nam", "Thôn Đoài", "Không", "Có"],
];

function smallWorkbook(extra: Array<{ name: string; cells?: Record<string, RawCell> }> = []): MemoryWorkbook {
  return new MemoryWorkbook({ sheets: [{ name: "Dân cư", cells: cells(RESIDENTS) }, ...extra] });
}

describe("makeLists on the in-memory port", () => {
  test("writes the lists it can make, stores the proposed rosters in the mapping, in a constant number of round trips", async () => {
    const port = smallWorkbook();
    const steps: ListsProgress[] = [];
    const out = await makeLists(port, {
      rulesets,
      asOf: "2025-06-14",
      only: ["PL03", "PL05"],
      write: true,
      progress: (s) => steps.push(s),
    });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
    expect(out.lists.map((l) => [l.id, l.count, l.population])).toEqual([
      ["PL03", 3, 4], // at the ruleset's adult age, 15, the girl born 01/01/2010 is an adult on 14/06/2025; Trần Văn Cường has no smartphone
      ["PL05", 2, 4], // the girl is a full 15; on 14/06/2025 the man born 15/03/1964 is still in working age (61y3m on 15/06/2025)
    ]);
    expect(port.roundTrips).toBe(3); // snapshot, the one sheet, the write (no mapped figures to read)
    expect(port.sheets.map((s) => s.name)).toEqual(["Dân cư", "Phụ lục 03", "Phụ lục 05", "ChiTieuXa_AnhXa"]);
    expect(steps.map((s) => s.step)).toEqual(["reading", "building", "checking", "writing", "done"]);
    const stored = parseMappingText("x", (await port.snapshot()).mappingText!);
    expect(stored.ok && stored.mapping.lists).toMatchObject({
      rosters: { residents: { sheet: "Dân cư", columns: { name: "Họ và tên" } } },
    });
    expect(stored.ok && stored.mapping).toMatchObject({ ruleset: RULESET, asOf: "2025-06-14" });
  });

  test("a day later the same man has reached the retirement age and leaves Phụ lục 05", async () => {
    const out = await makeLists(smallWorkbook(), { rulesets, asOf: "2025-06-15", only: ["PL05"] });
    expect(out.ok && out.lists[0]).toMatchObject({ count: 1, population: 3 });
  });

  test("a re-run replaces our sheets; a clerk's sheet with the wanted name is never touched", async () => {
    const port = smallWorkbook([{ name: "Phụ lục 03", cells: { A1: "bản nháp của chị Hoa" } }]);
    await makeLists(port, { rulesets, asOf: "2024-09-30", only: ["PL03"], write: true });
    const again = await makeLists(port, { rulesets, asOf: "2024-09-30", only: ["PL03"], write: true });
    expect(again.ok && again.written?.written.map((w) => [w.name, w.replaced])).toEqual([
      ["Phụ lục 03 (2)", true],
      ["ChiTieuXa_AnhXa", true],
    ]);
    expect(port.sheets.map((s) => s.name)).toEqual(["Dân cư", "Phụ lục 03", "Phụ lục 03 (2)", "ChiTieuXa_AnhXa"]);
    expect(port.cell("Phụ lục 03", "A1")).toBe("bản nháp của chị Hoa");
  });

  test("with the rosters stored, only their sheets are read", async () => {
    const port = smallWorkbook([{ name: "Ghi chép", cells: { A1: "x" } }]);
    await makeLists(port, { rulesets, asOf: "2024-09-30", only: ["PL03"], write: true });
    port.roundTrips = 0;
    await makeLists(port, { rulesets, only: ["PL03"] });
    expect(port.roundTrips).toBe(2); // snapshot and "Dân cư"; "Ghi chép" is not read again
  });

  test("the report date is required: ages are never counted to today's clock", async () => {
    const out = await makeLists(smallWorkbook(), { rulesets });
    expect(out.ok).toBe(false);
    // The pane has a Ngày báo cáo field: the message names it, never a command-line option.
    if (!out.ok) expect(out.problems[0]!.message).toMatch(/^Chưa có ngày báo cáo.*hãy nhập Ngày báo cáo/);
    if (!out.ok) expect(out.problems[0]!.message).not.toContain("--");
  });

  test("a ruleset without lists is said plainly", async () => {
    const out = await makeLists(smallWorkbook(), { rulesets, rulesetId: "thanh-hoa-cds-xa-2024", asOf: "2024-09-30" });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]!.message).toContain("không có phụ lục danh sách");
  });
});

describe("the sample commune through the .xlsx port", () => {
  let sample: Awaited<ReturnType<typeof makeSampleCommune>>;
  beforeAll(async () => {
    sample = await makeSampleCommune({ residents: 600 });
  });

  test("counts agree with the figures typed from the same roster", async () => {
    const port = await XlsxWorkbook.open(sample.bytes);
    const out = await makeLists(port, { rulesets, write: true });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
    const asOf = parseIsoDate("2024-09-30");
    const f = rosterFigures(
      {
        residents: makeResidents(600, 2024, "2024-09-30"),
        officials: makeOfficials(2024),
        businesses: makeBusinesses(2024),
        cooperatives: makeCooperatives(2024),
      },
      asOf,
    );
    const pl03 = out.lists.find((l) => l.id === "PL03")!;
    expect([pl03.count, pl03.population]).toEqual([f.co_dttm, f.dan_so_truong_thanh]);
    expect(out.problems.filter((p) => p.message.includes("hai nơi phải khớp"))).toEqual([]);
    const reopened = await XlsxWorkbook.open(await port.save());
    const snap = await reopened.snapshot();
    expect(snap.sheets.filter((s) => s.owner?.startsWith("PL")).map((s) => s.name)).toEqual([
      "Phụ lục 03",
      "Phụ lục 04",
      "Phụ lục 05",
      "Phụ lục 06",
      "Phụ lục 07",
    ]);
  });

  test("evaluate with lists writes them with the status sheet; the sample's figures agree with its lists", async () => {
    const port = await XlsxWorkbook.open(sample.bytes);
    const out = await evaluateWorkbook(port, { rulesets, write: true, lists: true });
    expect(out.ok && out.written?.written.map((w) => w.key)).toEqual(["status", "PL03", "PL04", "PL05", "PL06", "PL07", "mapping"]);
    expect(out.ok && out.evaluation.problems).toEqual([]);
  });

  test("evaluate without lists reads no roster", async () => {
    const port = await XlsxWorkbook.open(sample.bytes);
    const out = await evaluateWorkbook(port, { rulesets, write: true });
    expect(out.ok && out.written?.written.map((w) => w.key)).toEqual(["status", "mapping"]);
  });
});

describe("lists feed the figures in an evaluation", () => {
  test("1.1.1 with nothing mapped is evaluated from Phụ lục 03 and the adults of the roster", async () => {
    const port = smallWorkbook();
    const ruleset = rulesets.get(RULESET)!;
    const snap = await port.snapshot();
    const out = await listsForEvaluation(port, {
      ruleset,
      mapping: { ruleset: RULESET, asOf: "2024-09-30", indicators: {} },
      sheets: snap.sheets,
      inputs: {},
      only: ["PL03"],
    });
    expect(out.raw["1.1.1"]).toEqual({ numerator: 2, denominator: 3 });
    const evaluation = evaluate(ruleset, out.inputs, { asOf: "2024-09-30" });
    const r = evaluation.indicators.find((i) => i.code === "1.1.1")!;
    expect(r.verdict).toBe("khong-dat"); // 2/3 < 85%
    expect(r.sources[0]).toMatch(/^'Phụ lục 03'!A\d+$/);
  });
});

describe("a name that looks like a formula is written as text", () => {
  test("the .xlsx cell is an inline string, never a formula", async () => {
    const port = await XlsxWorkbook.open(await xlsxOf(RESIDENTS));
    const out = await makeLists(port, { rulesets, asOf: "2024-09-30", only: ["PL03"], write: true });
    expect(out.ok && out.problems.some((p) => p.message.includes('"=1+1"'))).toBe(true);
    const bytes = await port.save();
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const ours = sheetXml.find((x) => x.includes("Phụ lục 03"))!;
    expect(ours).toContain('t="inlineStr"><is><t xml:space="preserve">=1+1</t>');
    expect(ours).not.toContain("<f>");
    const rows = await (await XlsxWorkbook.open(bytes)).readSheet("Phụ lục 03");
    expect(rows.some((r) => r[1] === "=1+1")).toBe(true);
  });
});

/** A workbook file with one residents sheet, written by ExcelJS as a clerk's Excel would. */
async function xlsxOf(rows: RawCell[][]): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dân cư");
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === null || v === undefined || (typeof v === "object" && !(v instanceof Date)) ? null : v)));
    row.getCell(3).numFmt = "dd/mm/yyyy";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("chitieu lists", () => {
  let dir: string;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
  };
  const deps = { rulesets: () => rulesets, usage: (m: string) => new Error(`USAGE ${m}`) };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chitieu-lists-"));
    writeFileSync(join(dir, "xa.xlsx"), await xlsxOf(RESIDENTS));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("writes the lists into OUT.xlsx and prints each count; exit 0", async () => {
    const { io: o, out, err } = io();
    const code = await listsCommand(
      [join(dir, "xa.xlsx"), "--as-of", "2024-09-30", "--only", "PL03,PL05", "--out", join(dir, "out.xlsx")],
      o,
      deps,
    );
    expect(code).toBe(0);
    expect(out[0]).toBe('Phụ lục 03 (trang "Phụ lục 03"): 2 người — trong số 3 người từ đủ 15 tuổi của trang "Dân cư"');
    expect(err.join("\n")).toContain("Cảnh báo:");
    const snap = await (await XlsxWorkbook.open(readFileSync(join(dir, "out.xlsx")))).snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Dân cư", "Phụ lục 03", "Phụ lục 05", "ChiTieuXa_AnhXa"]);
  });

  test("no report date: one-line Vietnamese error, exit 2, nothing written", async () => {
    const { io: o, err } = io();
    const code = await listsCommand([join(dir, "xa.xlsx"), "--out", join(dir, "none.xlsx")], o, deps);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Lỗi: Chưa có ngày báo cáo.*\(trên dòng lệnh: --as-of YYYY-MM-DD\)$/);
  });

  test.each([
    [["x.xlsx"], "--out"],
    [["x.xlsx", "--out", "o.xlsx", "--only", "PL09"], "PL09"],
    [["x.xlsx", "--out", "o.xlsx", "--bogus"], "bogus"],
  ])("wrong usage %j is main's usage error", async (args, word) => {
    await expect(listsCommand(args, io().io, deps)).rejects.toThrow(new RegExp(`^USAGE .*${word}`));
  });
});
