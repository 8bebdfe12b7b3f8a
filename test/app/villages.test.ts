/*
 * Groups judged village by village (issue 10, "per village"), on the template as a clerk fills it:
 * village names typed in row 3 of "Số liệu theo thôn", each village's answers in its column, no
 * mapping JSON touched; evaluated as `chitieu evaluate` does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/app/check";
import { reportFile } from "../../src/app/rollup";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { main } from "../../src/cli/main";
import { jsonReport } from "../../src/app/report";
import { parseMappingText } from "../../src/core/mapping/schema";
import { parseRangeRef } from "../../src/core/ref/a1";
import type { Evaluation } from "../../src/core/evaluate/result";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, TEMPLATE_SHEET } from "../../src/workbook/xlsx/template";
import { VILLAGE_TEMPLATE_SHEET } from "../../src/workbook/xlsx/template-villages";
import { editWorkbook, type TypedCell } from "../e2e/scenarios";
import { CHI_PHUC, fillVillages, HA_NINH, type VillageColumn } from "../support/villages";

const { rulesets } = loadRulesetDir();
const KIEU_MAU = "thanh-hoa-xa-ntm-kieu-mau-2023";
const THON = "ha-nam-thon-thong-minh-2022";

type Column = VillageColumn;

/** The template with village columns typed in (column i of the village sheet is village i), evaluated and written. */
async function villageWorkbook(rulesetId: string, columns: Column[], commune: Record<string, TypedCell> = {}) {
  const template = await makeTemplate(rulesets.get(rulesetId)!);
  let { bytes } = await fillVillages(template, columns);
  if (Object.keys(commune).length > 0) bytes = await editWorkbook(bytes, TEMPLATE_SHEET, commune);
  const port = await XlsxWorkbook.open(bytes);
  const outcome = await evaluateWorkbook(port, { rulesets, write: true });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return { outcome, ev: outcome.evaluation, port, bytes };
}

const group = (ev: Evaluation, code: string) => ev.groups.find((g) => g.code === code)!;

describe("Thanh Hóa model commune, YC3 “có ít nhất một mô hình thôn thông minh”", () => {
  test("seed 002's thôn Chí Phúc comes out 2/6 with one suspended, not met; alone, the commune fails YC3 (0/1 thôn)", async () => {
    const { ev } = await villageWorkbook(KIEU_MAU, [CHI_PHUC]);
    const units = ev.units!.find((u) => u.groupCode === "YC3")!;
    const chiPhuc = units.villages[0]!;
    expect(chiPhuc).toMatchObject({ name: "Thôn Chí Phúc", verdict: "khong-dat", passed: 2, counted: 6, text: "đạt 2/6 yêu cầu (33,3%)" });
    expect(chiPhuc.indicators.find((i) => i.code === "YC3.6")!.verdict).toBe("tam-dung");
    expect(units).toMatchObject({ verdict: "khong-dat", passed: 0, counted: 1, rule: "ít nhất 1 thôn đạt" });
    expect(group(ev, "YC3")).toMatchObject({ verdict: "khong-dat", text: "đạt 0/1 thôn (0,0%)" });
  });

  test("with a second village meeting every requirement, the commune meets YC3 (1/2 thôn)", async () => {
    const { ev } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const units = ev.units!.find((u) => u.groupCode === "YC3")!;
    expect(units.villages.map((v) => [v.name, v.verdict, v.text])).toEqual([
      ["Thôn Chí Phúc", "khong-dat", "đạt 2/6 yêu cầu (33,3%)"],
      ["Thôn Hà Ninh", "dat", "đạt 5/6 yêu cầu (83,3%)"],
    ]);
    expect(units).toMatchObject({ verdict: "dat", passed: 1, counted: 2 });
    expect(group(ev, "YC3")).toMatchObject({ verdict: "dat", text: "đạt 1/2 thôn (50,0%)" });
    // The other requirements keep their own rows: YC4 is not judged per village.
    expect(ev.units!.map((u) => u.groupCode)).toEqual(["YC3"]);
    expect(ev.indicators.filter((i) => i.groupCode === "YC3").map((i) => [i.code, i.verdict])).toEqual([
      ["YC3.T1", "khong-dat"],
      ["YC3.T2", "dat"],
    ]);
    const row = ev.indicators.find((i) => i.code === "YC3.T1")!;
    expect(row.notes.join(" ")).toContain("Kết quả của Thôn Chí Phúc ở nhóm YC3 (đạt khi đạt tất cả yêu cầu)");
    expect(row.problems).toEqual([]);
  });

  test("a village with figures still missing leaves the commune thiếu số liệu, not không đạt", async () => {
    const partial: Column = { name: "Thôn Hà Ninh", typed: { "YC3.1": { value: "Có" }, "YC3.2": { value: "Có" } } };
    const { ev } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, partial]);
    expect(group(ev, "YC3").verdict).toBe("thieu-so-lieu");
  });

  test("the status sheet shows one row per village under YC3, and “Theo thôn” one column per village with the commune's result", async () => {
    const { outcome, port } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const saved = await XlsxWorkbook.open(await port.save());
    const snap = await saved.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Chi tiết Thôn Chí Phúc", "Chi tiết Thôn Hà Ninh", "Theo thôn", outcome.statusSheet!]),
    );
    const status = await saved.readSheet(outcome.statusSheet!);
    const yc3 = status.find((r) => r[0] === "YC3")!;
    expect([yc3[5], yc3[6]]).toEqual(["đạt 1/2 thôn (50,0%)", "Đạt"]);
    expect(status.find((r) => r[0] === "YC3.T1")?.[1]).toContain("Thôn Chí Phúc");
    const byVillage = await saved.readSheet("Theo thôn");
    expect(byVillage[3]!.slice(3, 5)).toEqual(["Thôn Chí Phúc", "Thôn Hà Ninh"]);
    expect(byVillage.find((r) => r[0] === "YC3.3")!.slice(3, 5)).toEqual(["Không đạt", "Đạt"]);
    const commune = byVillage.find((r) => r[0] === "YC3" && String(r[1]).startsWith("Kết quả của xã"))!;
    expect([commune[2], commune[3]]).toEqual(["Đạt", "đạt 1/2 thôn (50,0%)"]);
    const detail = await saved.readSheet("Chi tiết Thôn Chí Phúc");
    expect(detail[2]![5]).toBe("đạt 2/6 yêu cầu (33,3%)");
  });

  test("--json reports per-unit results next to the existing fields", async () => {
    const { ev } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const json = jsonReport(ev);
    expect(json.units).toEqual([
      expect.objectContaining({
        group: "YC3",
        rule: "ít nhất 1 thôn đạt",
        verdict: "dat",
        text: "đạt 1/2 thôn (50,0%)",
        villages: [
          expect.objectContaining({ name: "Thôn Chí Phúc", verdict: "khong-dat", passed: 2, counted: 6 }),
          expect.objectContaining({ name: "Thôn Hà Ninh", verdict: "dat" }),
        ],
      }),
    ]);
    const yc33 = json.units![0]!.villages[0]!.indicators.find((i) => i.code === "YC3.3")!;
    expect(yc33).toMatchObject({ verdict: "khong-dat", numerator: 450, denominator: 1000 });
  });

  test("left blank, the village sheet changes nothing: one unit as before, no units in the report", async () => {
    const { ev } = await villageWorkbook(KIEU_MAU, []);
    expect(ev.units).toBeUndefined();
    expect(ev.indicators.map((i) => i.code)).toContain("YC3.1");
    expect(jsonReport(ev).units).toBeUndefined();
  });

  test("figures in a column without a village name are kept under the cell's address and the name is asked for", async () => {
    const { ev } = await villageWorkbook(KIEU_MAU, [{ ...HA_NINH, name: null }]);
    expect(ev.units![0]!.villages[0]!.name).toMatch(/^Thôn chưa có tên \(.*E\$?3\)$/);
    expect(ev.problems.map((p) => p.message).join("\n")).toMatch(/chưa có tên thôn — hãy gõ tên thôn vào ô .*E\$?3/);
  });

  test("a figure typed on the commune sheet for a per-village indicator is said to be unused", async () => {
    const template = await makeTemplate(rulesets.get(KIEU_MAU)!);
    const snap = await (await XlsxWorkbook.open(template)).snapshot();
    const name = snap.names.find((n) => n.name.startsWith("YC3_1") || n.name.includes("YC3_1"));
    if (!name || name.target.kind !== "range") throw new Error("no YC3.1 cell on the commune sheet");
    const cell = `${String.fromCharCode(64 + name.target.range.left)}${name.target.range.top}`;
    const { ev } = await villageWorkbook(KIEU_MAU, [CHI_PHUC], { [cell]: "Có" });
    expect(ev.problems.find((p) => p.severity === "canh-bao" && p.message.includes("được đánh giá theo từng thôn"))).toBeDefined();
  });
});

describe("chitieu check on a commune judged per village", () => {
  test("a village's wrong figure is a problem naming the village and its cell; the commune cells of YC3 are not asked for; nothing 'changed' since evaluate", async () => {
    const wrong: Column = { ...HA_NINH, typed: { ...HA_NINH.typed, "YC3.3": { numerator: 1200, denominator: 1000 } } };
    const { port } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, wrong]);
    const report = await checkWorkbook(await XlsxWorkbook.open(await port.save()), { rulesets });
    const messages = report.problems.map((p) => `${p.checkId} ${p.code ?? ""} ${p.message}`);
    expect(messages.filter((m) => m.includes("Thôn Hà Ninh, chỉ tiêu YC3.3: Tử số 1.200 lớn hơn mẫu số 1.000"))).toHaveLength(1);
    expect(report.problems.find((p) => p.message.includes("Thôn Hà Ninh, chỉ tiêu YC3.3"))?.ref).toMatch(
      /^'Số liệu theo thôn'!\$?F\$?\d+$/,
    );
    expect(messages.filter((m) => /YC3\.\d/.test(m) && !m.includes("Thôn Hà Ninh, chỉ tiêu"))).toEqual([]);
    expect(report.problems.filter((p) => p.checkId === "status-changed")).toEqual([]);
  });

  test("a village figure changed after the status sheet was written is said, with its cell", async () => {
    const { port } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const saved = await port.save();
    const stored = parseMappingText("t", (await (await XlsxWorkbook.open(saved)).snapshot()).mappingText!);
    if (!stored.ok) throw new Error("mapping");
    const r = parseRangeRef(stored.mapping.villages![1]!.indicators["YC3.5"]!["value"]!)!;
    const cell = `${String.fromCharCode(64 + r.left)}${r.top}`;
    const edited = await editWorkbook(saved, VILLAGE_TEMPLATE_SHEET, { [cell]: "Không" });
    const report = await checkWorkbook(await XlsxWorkbook.open(edited), { rulesets });
    const changed = report.problems.filter((p) => p.checkId === "status-changed");
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toContain(cell);
    expect(changed[0]!.message).toContain("Thôn Hà Ninh");
  });
});

describe("round trips", () => {
  /** Evaluates with every readRanges call counted (one call is one sync in Excel). */
  async function reads(columns: Column[]): Promise<number> {
    const { port } = await villageWorkbook(KIEU_MAU, columns);
    const inner = await XlsxWorkbook.open(await port.save());
    let count = 0;
    const counting = {
      snapshot: () => inner.snapshot(),
      readSheet: (s: string) => inner.readSheet(s),
      writeSheets: (l: Parameters<typeof inner.writeSheets>[0], m?: string) => inner.writeSheets(l, m),
      readRanges: (r: Parameters<typeof inner.readRanges>[0]) => {
        count++;
        return inner.readRanges(r);
      },
    };
    const out = await evaluateWorkbook(counting, { rulesets });
    if (!out.ok) throw new Error("refused");
    return count;
  }

  test("the villages' cells are read in one request, however many villages there are", async () => {
    const one = await reads([CHI_PHUC]);
    const three = await reads([CHI_PHUC, HA_NINH, { ...HA_NINH, name: "Thôn Yên" }]);
    expect(three).toBe(one);
    expect(one).toBe(2); // the commune sheet's cells, then every village's
  });
});

describe("re-runs", () => {
  test("evaluating again reuses our sheets; a village removed leaves its old sheet marked unused, the clerk's sheets untouched", async () => {
    const { port, outcome } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const first = await port.save();
    const again = await XlsxWorkbook.open(first);
    const second = await evaluateWorkbook(again, { rulesets, write: true });
    if (!second.ok) throw new Error("refused");
    const names = (await again.snapshot()).sheets.map((s) => s.name);
    expect(names).toEqual((await (await XlsxWorkbook.open(first)).snapshot()).sheets.map((s) => s.name));
    expect(second.evaluation.units).toEqual(outcome.evaluation.units);
    // The clerk clears Hà Ninh's column (name and figures).
    const stored = parseMappingText("t", (await again.snapshot()).mappingText!);
    if (!stored.ok) throw new Error("mapping");
    const cellAt = (ref: string) => {
      const r = parseRangeRef(ref)!;
      return `${String.fromCharCode(64 + r.left)}${r.top}`;
    };
    const v = stored.mapping.villages![1]!;
    const cleared: Record<string, TypedCell> = { [cellAt(v.nameRef!)]: null };
    for (const slots of Object.values(v.indicators)) for (const ref of Object.values(slots)) cleared[cellAt(ref)] = null;
    const third = await XlsxWorkbook.open(await editWorkbook(await again.save(), VILLAGE_TEMPLATE_SHEET, cleared));
    const out = await evaluateWorkbook(third, { rulesets, write: true });
    if (!out.ok) throw new Error("refused");
    expect(out.evaluation.units![0]!.villages.map((x) => x.name)).toEqual(["Thôn Chí Phúc"]);
    const saved = await XlsxWorkbook.open(await third.save());
    expect(String((await saved.readSheet("Chi tiết Thôn Hà Ninh"))[0]![0])).toContain("không còn được dùng");
    expect((await saved.readSheet("Theo thôn"))[3]!.slice(3)).toEqual(["Thôn Chí Phúc"]);
    expect((await saved.readSheet(TEMPLATE_SHEET)).length).toBeGreaterThan(10);
  });
});

describe("Hà Nam thôn thông minh: every requirement village by village, “(nếu có)” per village", () => {
  const ALL_MET = {
    "1": { value: "Có" },
    "2": { value: "Có" },
    "3": { value: "Có" },
    "4.1": { numerator: 700, denominator: 1000 },
    "4.3": { value: "Có" },
    "4.4": { numerator: 250, denominator: 250 },
    "4.5": { "a.numerator": 200, "a.denominator": 250, "b.numerator": 225, "b.denominator": 250 },
    "5": { value: 2 },
  };

  test("a village without a special product answers Không: 4.2 is not applicable there and the village passes; the commune passes with it", async () => {
    const { ev } = await villageWorkbook(THON, [
      { name: "Thôn Đông", typed: { ...ALL_MET, "4.2": { question: "Không" } } },
      { name: "Thôn Đoài", typed: { ...ALL_MET, "4.2": { question: "Có", value: "Không" } } },
    ]);
    const [dong, doai] = ev.units![0]!.villages;
    expect(dong!.indicators.find((i) => i.code === "4.2")).toMatchObject({
      verdict: "khong-ap-dung",
      notApplicable: { reason: expect.stringContaining("không có sản phẩm") },
    });
    expect(dong!.verdict).toBe("dat");
    expect(doai!.verdict).toBe("khong-dat");
    expect(ev.units![0]).toMatchObject({ verdict: "dat", passed: 1, counted: 2 });
    // The programme is this one group: the overall is the commune-level rule over the villages.
    expect(ev.overall).toMatchObject({ verdict: "dat", text: "đạt 1/2 thôn (50,0%)" });
  });

  test("chitieu report drafts the report of a commune judged per village: one paragraph per village", async () => {
    const { port } = await villageWorkbook(THON, [{ name: "Thôn Đông", typed: { ...ALL_MET, "4.2": { question: "Không" } } }]);
    const dir = mkdtempSync(join(tmpdir(), "chitieu-villages-report-"));
    try {
      writeFileSync(join(dir, "xa.xlsx"), await port.save());
      const err: string[] = [];
      const code = await main(["report", join(dir, "xa.xlsx"), "--out", join(dir, "bc.docx")], {
        out: () => undefined,
        err: (s) => err.push(s),
      });
      expect({ code, err }).toEqual({ code: 0, err: [] });
      const xml = await (await JSZip.loadAsync(readFileSync(join(dir, "bc.docx")))).file("word/document.xml")!.async("string");
      expect(xml).toContain("Thôn Đông");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("no village passes: the commune does not meet “có mô hình thôn thông minh”", async () => {
    const { ev } = await villageWorkbook(THON, [{ name: "Thôn Đoài", typed: { ...ALL_MET, "5": { value: 0 } } }]);
    expect(ev.overall.verdict).toBe("khong-dat");
  });
});

describe("chitieu template --villages", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
  };
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "chitieu-villages-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("names the village columns; each is stored with its name cell and inputs", async () => {
    const file = join(dir, "mau.xlsx");
    expect(await main(["template", "--ruleset", KIEU_MAU, "--out", file, "--villages", "Thôn Chí Phúc, Thôn Hà Ninh"], io().io)).toBe(0);
    const port = await XlsxWorkbook.open(readFileSync(file));
    const stored = parseMappingText("t", (await port.snapshot()).mappingText!);
    expect(stored.ok && stored.mapping.villages?.length).toBe(2);
    const rows = await port.readSheet(VILLAGE_TEMPLATE_SHEET);
    expect(rows[2]!.slice(4, 6)).toEqual(["Thôn Chí Phúc", "Thôn Hà Ninh"]);
    expect(await main(["template", "--ruleset", KIEU_MAU, "--out", join(dir, "ba.xlsx"), "--villages", "3"], io().io)).toBe(0);
    const three = parseMappingText("t", (await (await XlsxWorkbook.open(readFileSync(join(dir, "ba.xlsx")))).snapshot()).mappingText!);
    expect(three.ok && three.mapping.villages?.length).toBe(3);
  });

  test("a ruleset with no per-village group gets no village sheet; a bad --villages is a usage error", async () => {
    const file = join(dir, "pt.xlsx");
    expect(await main(["template", "--ruleset", "phu-tho-xa-thong-minh-2024", "--out", file], io().io)).toBe(0);
    const snap = await (await XlsxWorkbook.open(readFileSync(file))).snapshot();
    expect(snap.sheets.map((s) => s.name)).not.toContain(VILLAGE_TEMPLATE_SHEET);
    const bad = io();
    expect(await main(["template", "--ruleset", KIEU_MAU, "--out", join(dir, "x.xlsx"), "--villages", "0"], bad.io)).toBe(1);
    expect(bad.err.join("\n")).toContain("--villages");
  });
});

describe("the roll-up of a commune judged per village", () => {
  test("each YC3 indicator says how many villages meet it, judged by “ít nhất 1 thôn”", async () => {
    const { port } = await villageWorkbook(KIEU_MAU, [CHI_PHUC, HA_NINH]);
    const outcome = await reportFile("kieu-mau.xlsx", await port.save(), { rulesets });
    if (outcome.kind !== "commune") throw new Error(outcome.message);
    const byCode = new Map(outcome.indicators.map((i) => [i.code, i]));
    // Chí Phúc has no CĐS model (YC3.5), Hà Ninh has: one of two villages, enough for the commune rule.
    expect(byCode.get("YC3.5")).toEqual({ code: "YC3.5", verdict: "dat", display: "1/2 thôn đạt" });
    expect(byCode.get("YC3.1")).toMatchObject({ verdict: "dat", display: "2/2 thôn đạt" });
    // Chí Phúc's skills 45% against 80%: met by Hà Ninh only.
    expect(byCode.get("YC3.3")).toMatchObject({ verdict: "dat", display: "1/2 thôn đạt" });
  });

  test("with one village failing an indicator, the roll-up says 0/1 and không đạt, not a blank", async () => {
    const { port } = await villageWorkbook(KIEU_MAU, [CHI_PHUC]);
    const outcome = await reportFile("kieu-mau.xlsx", await port.save(), { rulesets });
    if (outcome.kind !== "commune") throw new Error(outcome.message);
    expect(outcome.indicators.find((i) => i.code === "YC3.5")).toEqual({ code: "YC3.5", verdict: "khong-dat", display: "0/1 thôn đạt" });
  });
});
