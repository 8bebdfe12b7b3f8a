/**
 * One verdict everywhere: every kind of answer a clerk types (the vocabulary of src/core/text/
 * vocabulary.ts in every case, spacing and Unicode form, numbers as text with comma or dot decimals,
 * percents, no-break and zero-width spaces, full-width digits, and strings fast-check makes from the
 * same letters) is typed into each input kind — yes/no, a count, a ratio, a quantity — one indicator
 * each, in ONE workbook; LibreOffice recalculates our formulas once, and every row's Đánh giá must be
 * the engine's verdict.
 */
import fc from "fast-check";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { VERDICT_TEXT } from "../../src/core/evaluate/result";
import { mappingToText } from "../../src/core/mapping/schema";
import { Ruleset } from "../../src/core/ruleset/schema";
import type { RawCell } from "../../src/core/text/cell";
import { NO_WORDS, NOT_APPLICABLE_WORDS, YES_WORDS } from "../../src/core/text/vocabulary";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { templateName } from "../../src/workbook/xlsx/template";
import { recalculate, requireTool } from "../support/libreoffice";
import { buildFilledWorkbook, type TypedCell } from "./scenarios";

jest.setTimeout(600_000);

const NBSP = "\u00a0";
const ZWSP = "\u200b";
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const WORDS = [
  ...YES_WORDS,
  ...NO_WORDS,
  ...NOT_APPLICABLE_WORDS,
  "Có",
  "CÓ",
  "Yes",
  "Đạt",
  "ĐẠT",
  "Đã đạt",
  "Không",
  "KHÔNG",
  "Chưa Đạt",
  "True",
  "X",
  "Co",
  "Khong",
  "có lẽ",
  "2",
  "-1",
  "1.0",
  "01",
];
const NUMBERS = [
  "\t",
  "\n",
  " \u00a0 ",
  "\u3000",
  "\u202f",
  "\u2003",
  "\ufeff",
  "có\u3000",
  "có\t",
  "rôì",
  "3\u202f189",
  "3189\t",
  "+5%",
  "00",
  "0 189",
  "3189",
  "3.189",
  "3,189",
  "3 189",
  `3${NBSP}189`,
  "3189,0",
  "3189.0",
  "80%",
  "80,5%",
  "80.5%",
  "58,6 %",
  "0,8",
  "0.8",
  "0,85",
  "45,5",
  "45.5",
  "45",
  "1.234.567",
  "1,234,567",
  "1.234,5",
  "1,234.5",
  "−5",
  "-5",
  "+5",
  "0",
  "0,0",
  "100%",
  "12 34",
  "3.98",
  ".5",
  "5.",
  "1e3",
  "3189 người",
];

/** Each text as typed, in the ways a keyboard, a copy from the web or a font can change it. */
function variants(s: string): string[] {
  return [s, s.toUpperCase(), s.normalize("NFD"), `${s}${NBSP}`, `  ${s}  `, `${s}${ZWSP}`, fullWidth(s)];
}

const generated = fc.sample(
  fc.string({
    unit: fc.constantFrom(
      "C",
      "c",
      "ó",
      "o",
      "\u0301",
      "x",
      "1",
      "0",
      "3",
      "8",
      ",",
      ".",
      " ",
      NBSP,
      "%",
      "Đ",
      "đ",
      "ạ",
      "t",
      "K",
      "h",
      "n",
      "g",
      "ô",
      "✓",
    ),
    minLength: 1,
    maxLength: 6,
  }),
  { numRuns: 120, seed: 15 },
);

/** Control characters, written as the file stores them (_xHHHH_): a cell of them alone, and after a word. */
const ESCAPED = ["_x0001_", "có_x0001_", "3189_x001F_"];

const TEXTS = [...new Set([...WORDS.flatMap(variants), ...NUMBERS.flatMap(variants), ...generated, ...ESCAPED])].filter(
  (t) => t.trim() !== "" || t.length > 0,
);

const KINDS = {
  "yes-no": { indicator: { kind: "yes-no" }, values: (t: string): Record<string, TypedCell> => ({ value: t }) },
  count: {
    indicator: {
      kind: "ratio",
      requirement: { comparator: ">=", percent: 80 },
      numeratorLabel: "Tử số",
      denominatorLabel: "Mẫu số",
      unit: "người",
    },
    values: (t: string): Record<string, TypedCell> => ({ numerator: t, denominator: 3986 }),
  },
  ratio: {
    indicator: {
      kind: "ratio",
      requirement: { comparator: ">=", percent: 80 },
      numeratorLabel: "Tử số",
      denominatorLabel: "Mẫu số",
      unit: "người",
    },
    values: (t: string): Record<string, TypedCell> => ({ value: t }),
  },
  quantity: {
    indicator: { kind: "quantity", requirement: { comparator: ">=", value: 45 }, unit: "triệu đồng/người", valueLabel: "Thu nhập" },
    values: (t: string): Record<string, TypedCell> => ({ value: t }),
  },
} as const;

type Case = { code: string; kind: keyof typeof KINDS; typed: string };

const cases: Case[] = (Object.keys(KINDS) as Array<keyof typeof KINDS>).flatMap((kind) =>
  TEXTS.map((typed) => ({ kind, typed, code: "" })),
);
cases.forEach((c, i) => (c.code = `V.${i + 1}`));

const ruleset = Ruleset.parse({
  id: "e2e-tu-vung",
  title: "Bộ tiêu chí thử nghiệm từ vựng nhập liệu",
  province: "Tỉnh thử nghiệm",
  level: "xa",
  document: { number: "97/HD-TN", date: "2024-10", issuer: "Sở thử nghiệm" },
  source: { seed: "001_7d4820e14f3ca244.txt", section: "thử nghiệm" },
  overall: { unitName: "chỉ tiêu", counts: "indicators" },
  groups: [
    {
      code: "V",
      name: "Từ vựng",
      unitName: "chỉ tiêu",
      items: cases.map((c) => ({ ...KINDS[c.kind].indicator, code: c.code, name: `${c.kind} ${JSON.stringify(c.typed)}` })),
    },
  ],
});

const show = (s: string) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

let dir: string;
let engine: Map<string, string>;
let sheet: Map<string, RawCell>;

beforeAll(async () => {
  requireTool("soffice");
  dir = await mkdtemp(path.join(tmpdir(), "chitieu-vocab-"));
  const values: Record<string, TypedCell> = {};
  for (const c of cases) for (const [slot, v] of Object.entries(KINDS[c.kind].values(c.typed))) values[templateName(c.code, slot)] = v;
  const filled = await buildFilledWorkbook(ruleset, { asOf: "2024-06-30", commune: "Từ vựng", suspended: {}, values });
  const port = await XlsxWorkbook.open(filled.bytes);
  const out = await evaluateWorkbook(port, {
    rulesets: new Map([[ruleset.id, ruleset]]),
    mapping: { text: mappingToText(filled.mapping), source: "e2e" },
    write: true,
  });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
  engine = new Map(out.evaluation.indicators.map((r) => [r.code, VERDICT_TEXT[r.verdict]]));
  const file = path.join(dir, "tu-vung.xlsx");
  await writeFile(file, await port.save());
  const recalculated = await recalculate(file, path.join(dir, "recalc"));
  const rows = await (await XlsxWorkbook.open(new Uint8Array(await readFile(recalculated)))).readSheet(out.statusSheet!);
  sheet = new Map();
  for (const row of rows) if (typeof row[0] === "string" && !sheet.has(row[0])) sheet.set(row[0], row[6] ?? null);
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it(`covers the vocabulary in every input kind (${cases.length} typed answers)`, () => {
  expect(TEXTS.length).toBeGreaterThan(400);
  for (const w of [...YES_WORDS, ...NO_WORDS]) expect(TEXTS).toContain(w);
  expect(engine.size).toBe(cases.length);
});

it("LibreOffice's recalculation of our formulas gives the engine's verdict for every typed answer", () => {
  const disagreements = cases
    .filter((c) => sheet.get(c.code) !== engine.get(c.code))
    .map((c) => `${c.code} ${c.kind} ${show(c.typed)}: engine ${engine.get(c.code)}, LibreOffice ${String(sheet.get(c.code))}`);
  expect(disagreements).toEqual([]);
});
