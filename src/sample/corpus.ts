/*
 * A corpus of FICTITIOUS communes' workbooks for the roll-up's tests and benchmark: N distinct
 * communes of 2 000 to 20 000 residents (the sample commune's generator, another seed each), each
 * evaluated with its status sheet written as a commune would send it; some with a mistake of a kind
 * the check knows; and, when asked, one file of every kind the roll-up must not stop on.
 */
import ExcelJS from "exceljs";
import { evaluateWorkbook, type RulesetCatalog } from "../app/evaluate-workbook";
import { XlsxWorkbook } from "../workbook/xlsx/adapter";
import { makeTemplate } from "../workbook/xlsx/template";
import { DATA_SHEET, makeSampleCommune, SAMPLE_RULESET } from "./commune";
import { mulberry32 } from "./people";
import { setCells } from "./set-cells";

export type CorpusOptions = {
  communes: number;
  seed?: number;
  minResidents?: number;
  maxResidents?: number;
  asOf?: string;
  /** Give some communes a mistake (default true). */
  mistakes?: boolean;
  /** Add one file of each bad kind, an older version and another programme's workbook (default true). */
  extras?: boolean;
};

/** What a file is, for the tests' expectations. */
export type CorpusKind =
  | "clean"
  | "blank-input"
  | "numerator-over-denominator"
  | "count-as-text"
  | "changed-after-status"
  | "typed-over-verdict"
  | "older-version"
  | "corrupt"
  | "not-xlsx"
  | "old-xls"
  | "protected"
  | "unmapped"
  | "other-programme";

export type CorpusFile = { name: string; bytes: Uint8Array; kind: CorpusKind; commune?: string; residents?: number };

const FIRST = [
  "An",
  "Bình",
  "Cẩm",
  "Đông",
  "Hòa",
  "Hưng",
  "Kim",
  "Lạc",
  "Minh",
  "Phú",
  "Quang",
  "Tân",
  "Thanh",
  "Thượng",
  "Trung",
  "Vĩnh",
  "Xuân",
  "Yên",
  "Đại",
  "Hồng",
];
const SECOND = [
  "Lộc",
  "Phong",
  "Sơn",
  "Thịnh",
  "Hà",
  "Tiến",
  "Nghĩa",
  "Đức",
  "Hải",
  "Long",
  "Phúc",
  "Thành",
  "Lâm",
  "Khê",
  "Hòa",
  "Cường",
  "Quý",
  "Mỹ",
  "Tường",
  "Vân",
];

/** N distinct commune names in a seeded order; past 400 a number is added. */
export function communeNames(n: number, seed: number): string[] {
  const rng = mulberry32(seed);
  const all = FIRST.flatMap((a) => SECOND.filter((b) => b !== a).map((b) => `Xã ${a} ${b}`));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return Array.from({ length: n }, (_, i) => (i < all.length ? all[i]! : `${all[i % all.length]!} ${Math.floor(i / all.length) + 1}`));
}

/** File names without diacritics or spaces: "Xã Tân Lộc" → "xa-tan-loc". */
export function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const MISTAKES: ReadonlyArray<
  Exclude<CorpusKind, "clean" | "older-version" | "corrupt" | "not-xlsx" | "old-xls" | "protected" | "unmapped" | "other-programme">
> = ["blank-input", "numerator-over-denominator", "count-as-text", "changed-after-status", "typed-over-verdict"];

/** The data-sheet cell a name of the sample points to ("B8"). */
async function cellOf(bytes: Uint8Array, name: string): Promise<{ cell: string; value: number }> {
  const port = await XlsxWorkbook.open(bytes);
  const n = (await port.snapshot()).names.find((x) => x.name === name);
  if (!n || n.target.kind !== "range") throw new Error(`sample has no name ${name}`);
  const r = n.target.range;
  const v = (await port.readRanges([r]))[0]?.[0]?.[0];
  return { cell: `${String.fromCharCode(64 + r.left)}${r.top}`, value: typeof v === "number" ? v : 0 };
}

/** One commune as sent: figures, then (after any mistake in them) the status sheet written by evaluate. */
async function commune(
  rulesets: RulesetCatalog,
  name: string,
  residents: number,
  seed: number,
  asOf: string,
  kind: CorpusKind,
): Promise<Uint8Array> {
  const sample = await makeSampleCommune({ residents, seed, asOf });
  let bytes = sample.bytes;
  if (kind === "blank-input") bytes = await setCells(bytes, DATA_SHEET, { [(await cellOf(bytes, "co_dttm")).cell]: null });
  if (kind === "numerator-over-denominator") {
    const d = await cellOf(bytes, "can_bo_xa_thon");
    bytes = await setCells(bytes, DATA_SHEET, { [(await cellOf(bytes, "can_bo_co_dttm")).cell]: d.value + 3 });
  }
  if (kind === "count-as-text")
    bytes = await setCells(bytes, DATA_SHEET, { [(await cellOf(bytes, "ho_so_truc_tuyen")).cell]: "khoảng 1000" });
  const port = await XlsxWorkbook.open(bytes);
  const mapping = { text: JSON.stringify({ ...sample.mapping, commune: name }), source: "ánh xạ của xã mẫu" };
  const out = await evaluateWorkbook(port, { rulesets, mapping, write: true });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
  bytes = await port.save();
  if (kind === "changed-after-status") {
    const c = await cellOf(bytes, "ho_so_tthc");
    bytes = await setCells(bytes, DATA_SHEET, { [c.cell]: c.value + 11 });
  }
  // The first indicator's verdict (row 7 of the status sheet) typed over with the word the clerk wanted.
  if (kind === "typed-over-verdict") bytes = await setCells(bytes, out.statusSheet!, { G7: "Đạt" });
  return bytes;
}

/** A stand-in for a workbook saved with an opening password: the OLE container's signature and its EncryptedPackage stream name. */
function passwordProtectedStandIn(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(
    Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  return bytes;
}

/** The corpus, one file at a time (so a caller writing them to disk holds one workbook at once). */
export async function* makeCorpus(rulesets: RulesetCatalog, opts: CorpusOptions): AsyncGenerator<CorpusFile> {
  const seed = opts.seed ?? 7;
  const min = opts.minResidents ?? 2000;
  const max = opts.maxResidents ?? 20000;
  const asOf = opts.asOf ?? "2025-06-30";
  const rng = mulberry32(seed * 31 + 1);
  const names = communeNames(opts.communes, seed);
  for (let i = 0; i < names.length; i++) {
    const residents = min + Math.floor(rng() * (max - min + 1));
    // Every 12th commune from the second on carries a mistake, each kind in turn.
    const kind: CorpusKind = opts.mistakes !== false && i % 12 >= 1 && i % 12 <= MISTAKES.length ? MISTAKES[(i % 12) - 1]! : "clean";
    yield {
      name: `${slug(names[i]!)}.xlsx`,
      bytes: await commune(rulesets, names[i]!, residents, seed * 1000 + i, asOf, kind),
      kind,
      commune: names[i]!,
      residents,
    };
  }
  if (opts.extras === false || names.length === 0) return;
  const first = names[0]!;
  yield {
    name: `${slug(first)}-ban-cu.xlsx`,
    bytes: await commune(rulesets, first, min, seed * 1000 + 999, "2025-03-31", "clean"),
    kind: "older-version",
    commune: first,
    residents: min,
  };
  const whole = await commune(rulesets, "Xã Hỏng Tệp", min, seed * 1000 + 998, asOf, "clean");
  yield { name: "xa-hong-tep.xlsx", bytes: whole.slice(0, Math.floor(whole.length / 2)), kind: "corrupt" };
  yield { name: "ghi-chu.xlsx", bytes: new TextEncoder().encode("Đây là ghi chú, không phải sổ tính.\n"), kind: "not-xlsx" };
  const xls = passwordProtectedStandIn();
  xls.fill(0, 1024);
  yield { name: "bao-cao-cu.xls", bytes: xls, kind: "old-xls" };
  yield { name: "xa-co-mat-khau.xlsx", bytes: passwordProtectedStandIn(), kind: "protected" };
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("Số liệu").addRows([
    ["Chỉ tiêu", "Số liệu"],
    ["Dân số", 5120],
  ]);
  yield { name: "xa-chua-anh-xa.xlsx", bytes: new Uint8Array(await plain.xlsx.writeBuffer()), kind: "unmapped" };
  const other = rulesets.get("thanh-hoa-cds-xa-2024") ?? [...rulesets.values()].find((r) => r.id !== SAMPLE_RULESET);
  if (other)
    yield {
      name: "xa-bo-tieu-chi-khac.xlsx",
      bytes: await makeTemplate(other, { commune: "Xã Quảng Khác", asOf }),
      kind: "other-programme",
      commune: "Xã Quảng Khác",
    };
}
