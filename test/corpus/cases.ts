/*
 * The adversarial corpus: ≥ 150 inputs a commune office could hand the tool — broken zips, files
 * that are not workbooks, odd XML, huge and tiny values, names that point nowhere — each with what
 * must come out: a verdict, or a message that says what is wrong (never "Lỗi không mong đợi").
 */
import JSZip from "jszip";
import { buildCustomWorkbook, customMapping } from "../cli/helpers";
import { compoundFile, cut, flippedByte, partNames, stored, withPart, wrongCrc, wrongSize } from "./damage";

type Verdict = "dat" | "khong-dat" | "thieu-so-lieu" | "loi-so-lieu";

export type Expectation =
  /** The run succeeds and these indicators have these verdicts (a problem naming `cell` when loi). */
  | { ok: true; verdicts: Record<string, Verdict>; problemMentions?: string }
  /** The run stops with one message matching this, and writes nothing. */
  | { ok: false; message: RegExp }
  /** Odd but legitimate structure: either a verdict or a clear message is right; never a crash or a corrupt file. */
  | { either: true };

export type CorpusCase = {
  id: string;
  bytes: Uint8Array;
  /** The mapping given with --mapping (the custom one by default). */
  mapping?: unknown;
  /** Where the output goes, relative to the case's folder; "input" writes over the input itself. */
  out?: string;
  expect: Expectation;
  /** Also run again on its own output (stored mapping, same output name); the structural cases, for time. */
  rerun?: boolean;
};

const DAMAGED = /bị hỏng/;

/** The custom workbook's 'Số liệu' cell `ref` replaced by raw cell XML (its inner part and attributes). */
async function withCell(base: Uint8Array, ref: string, attrs: string, inner: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const re = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  zip.file(part, xml.replace(re, `<c r="${ref}"${attrs}>${inner}</c>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const inline = (s: string) => [' t="inlineStr"', `<is><t xml:space="preserve">${xmlText(s)}</t></is>`] as const;
const num = (n: string) => [' s="2"', `<v>${n}</v>`] as const;

/** 3.2 is tk_thanh_toan ('Số liệu'!B4) / dan_so_15 (3986) ≥ 80 %: 3189 passes, 3188 does not, above 3986 is impossible. */
const B4: Array<[string, readonly [string, string], Verdict]> = [
  ["number 3189", num("3189"), "dat"],
  ["number 3188", num("3188"), "khong-dat"],
  ["number 3986 (all)", num("3986"), "dat"],
  ["number 3987 (more than the whole)", num("3987"), "loi-so-lieu"],
  ["number 0", num("0"), "khong-dat"],
  ["number -1", num("-1"), "loi-so-lieu"],
  ["number 3189.5", num("3189.5"), "loi-so-lieu"],
  ["number 1e308", num("1E+308"), "loi-so-lieu"],
  ["number 5e-324", num("4.9406564584124654E-324"), "loi-so-lieu"],
  ["number 3189.0000000001", num("3189.0000000001"), "loi-so-lieu"],
  ["text 3189", inline("3189"), "dat"],
  ["text 3.189 (Vietnamese grouping)", inline("3.189"), "dat"],
  ["text 3 189", inline("3 189"), "dat"],
  ["text 3\u00a0189 (no-break space)", inline("3\u00a0189"), "dat"],
  ["text ' 3189 ' (spaces around)", inline(" 3189 "), "dat"],
  ["text 3,189 (ambiguous)", inline("3,189"), "loi-so-lieu"],
  ["text 31.89", inline("31.89"), "loi-so-lieu"],
  ["text Không áp dụng", inline("Không áp dụng"), "loi-so-lieu"],
  ["text KAD", inline("KAD"), "loi-so-lieu"],
  ["text =3189", inline("=3189"), "loi-so-lieu"],
  ["text full-width ３１８９", inline("３１８９"), "loi-so-lieu"],
  ["text with zero-width space", inline("3189\u200b"), "loi-so-lieu"],
  ["text 1e3", inline("1e3"), "loi-so-lieu"],
  ["text 0x10", inline("0x10"), "loi-so-lieu"],
  ["text NaN", inline("NaN"), "loi-so-lieu"],
  ["text Infinity", inline("Infinity"), "loi-so-lieu"],
  ["text ∞", inline("∞"), "loi-so-lieu"],
  ["text 80% (a ratio for a count)", inline("80%"), "loi-so-lieu"],
  ["text of 40 000 characters", inline("9".repeat(40_000)), "loi-so-lieu"],
  ["text can_bo_xa_thon", inline("can_bo_xa_thon"), "loi-so-lieu"],
  ["text _x0033_189 (an escape Excel decodes to 3189)", [' t="inlineStr"', "<is><t>_x0033_189</t></is>"], "dat"],
  ["text with a control character", [' t="inlineStr"', "<is><t>31_x0001_89</t></is>"], "loi-so-lieu"],
  ["text empty", inline(""), "thieu-so-lieu"],
  ["text spaces only", inline("   "), "thieu-so-lieu"],
  ["blank cell", ["", ""], "thieu-so-lieu"],
  ["boolean TRUE", [' t="b"', "<v>1</v>"], "loi-so-lieu"],
  ["error #REF!", [' t="e"', "<v>#REF!</v>"], "loi-so-lieu"],
  ["error #DIV/0!", [' t="e"', "<v>#DIV/0!</v>"], "loi-so-lieu"],
  ["formula without a cached value", [' s="2"', "<f>1+1</f>"], "loi-so-lieu"],
  ["ISO date cell", [' t="d"', "<v>2024-06-30T00:00:00Z</v>"], "loi-so-lieu"],
  ["number as 3189 in a str formula result", [' t="str"', '<f>"3189"</f><v>3189</v>'], "dat"],
];

/** 1.1 is co_ke_hoach ('Số liệu'!B6), required Có. */
const B6: Array<[string, readonly [string, string], Verdict]> = [
  ...[
    "Có",
    "có",
    "CÓ",
    "x",
    "X",
    "✓",
    "✔",
    "yes",
    "YES",
    "Đạt",
    "đạt",
    "đã đạt",
    "Đã có",
    "rồi",
    "TRUE",
    "1",
    " có ",
    "có".normalize("NFD"),
    "Có\u00a0",
  ].map((w): [string, readonly [string, string], Verdict] => [`text ${JSON.stringify(w)}`, inline(w), "dat"]),
  ...["Không", "không", "Chưa", "chưa có", "Chưa đạt", "Không đạt", "no", "FALSE", "0"].map(
    (w): [string, readonly [string, string], Verdict] => [`text ${JSON.stringify(w)}`, inline(w), "khong-dat"],
  ),
  ...["Co", "Khong", "2", "ｘ", "có\u200b", "Không áp dụng", "có.", "-", "?", "1.0", "Có/Không"].map(
    (w): [string, readonly [string, string], Verdict] => [`text ${JSON.stringify(w)}`, inline(w), "loi-so-lieu"],
  ),
  ["number 1", num("1"), "dat"],
  ["number 0", num("0"), "khong-dat"],
  ["number 2", num("2"), "loi-so-lieu"],
  ["boolean TRUE", [' t="b"', "<v>1</v>"], "dat"],
  ["boolean FALSE", [' t="b"', "<v>0</v>"], "khong-dat"],
  ["error #N/A", [' t="e"', "<v>#N/A</v>"], "loi-so-lieu"],
  ["blank", ["", ""], "thieu-so-lieu"],
];

async function brokenCases(real: Uint8Array): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  const damaged = { ok: false as const, message: DAMAGED };
  for (let i = 1; i <= 19; i++) out.push({ id: `cut at ${i * 5}%`, bytes: cut(real, i / 20), expect: damaged });
  const parts = partNames(real).filter((n) => !n.endsWith("/"));
  const plain = await stored(real);
  for (const part of parts) {
    out.push({ id: `wrong CRC of ${part}`, bytes: wrongCrc(real, part), expect: damaged });
    out.push({ id: `wrong size of ${part}`, bytes: wrongSize(real, part), expect: damaged });
    out.push({ id: `a byte changed in ${part}`, bytes: flippedByte(plain, part), expect: damaged });
    // Without a part: the file may still be readable (docProps, theme), or it says which part is missing.
    out.push({ id: `without ${part}`, bytes: await withPart(real, part, undefined), expect: { either: true } });
    out.push({ id: `${part} not XML`, bytes: await withPart(real, part, "this is < not & xml"), expect: { either: true } });
  }
  const notXlsx: Array<[string, Uint8Array, RegExp]> = [
    ["empty", new Uint8Array(), /Tệp rỗng/],
    [".xls", compoundFile("Workbook"), /Excel 97–2003 \(\.xls\)/],
    ["password-protected", compoundFile("EncryptionInfo"), /mật khẩu/],
    ["HTML", new TextEncoder().encode("<html><body><table><tr><td>3189</td></tr></table></body></html>"), /trang web \(HTML\)/],
    [
      "XML 2003",
      new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
      /văn bản XML/,
    ],
    ["CSV UTF-8", new TextEncoder().encode("Mã;Số\n3.2;2336\n"), /văn bản \(CSV hoặc tương tự\)/],
    ["CSV Windows-1258", new Uint8Array([0x4d, 0xe3, 0x2c, 0x31, 0x0a]), /văn bản \(CSV hoặc tương tự\)/],
    ["random bytes", new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)), /không phải sổ tính \.xlsx/],
  ];
  for (const [id, bytes, message] of notXlsx) out.push({ id: `not a workbook: ${id}`, bytes, expect: { ok: false, message } });
  const zipOf = async (files: Record<string, string>) => {
    const z = new JSZip();
    for (const [k, v] of Object.entries(files)) z.file(k, v);
    return z.generateAsync({ type: "uint8array" });
  };
  out.push({
    id: "an .ods renamed",
    bytes: await zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }),
    expect: { ok: false, message: /OpenDocument \(\.ods\)/ },
  });
  out.push({
    id: "a .docx renamed",
    bytes: await zipOf({ "word/document.xml": "<x/>", "_rels/x": "" }),
    expect: { ok: false, message: /văn bản Word/ },
  });
  out.push({ id: "an empty zip", bytes: await zipOf({}), expect: { ok: false, message: /không phải sổ tính \.xlsx/ } });
  return out;
}

async function valueCases(real: Uint8Array): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  for (const [id, [attrs, inner], verdict] of B4) {
    out.push({
      id: `tk_thanh_toan: ${id}`,
      bytes: await withCell(real, "B4", attrs, inner),
      expect: { ok: true, verdicts: { "3.2": verdict }, ...(verdict === "loi-so-lieu" ? { problemMentions: "B4" } : {}) },
    });
  }
  for (const [id, [attrs, inner], verdict] of B6) {
    out.push({
      id: `co_ke_hoach: ${id}`,
      bytes: await withCell(real, "B6", attrs, inner),
      expect: { ok: true, verdicts: { "1.1": verdict }, ...(verdict === "loi-so-lieu" ? { problemMentions: "B6" } : {}) },
    });
  }
  return out;
}

async function withWorkbookXml(base: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  zip.file("xl/workbook.xml", edit(await zip.file("xl/workbook.xml")!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function structureCases(real: Uint8Array): Promise<CorpusCase[]> {
  return [...(await definedNameCases(real)), ...(await workbookShapeCases(real)), ...(await sheetXmlCases(real))];
}

/** Workbook names pointing somewhere odd: another workbook, #REF!, a column, a range, a constant, a formula, duplicates. */
async function definedNameCases(real: Uint8Array): Promise<CorpusCase[]> {
  const name = (n: string, target: string) => (xml: string) =>
    xml.replace(new RegExp(`<definedName name="${n}">[^<]*</definedName>`), `<definedName name="${n}">${target}</definedName>`);
  return [
    {
      id: "name to another workbook",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "[1]Sheet1!$B$4")),
      expect: { either: true },
    },
    { id: "name to #REF!", bytes: await withWorkbookXml(real, name("tk_thanh_toan", "#REF!")), expect: { either: true } },
    {
      id: "name to 'Số liệu'!#REF!",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "&apos;Số liệu&apos;!#REF!")),
      expect: { either: true },
    },
    {
      id: "name to a whole column",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "&apos;Số liệu&apos;!$B:$B")),
      expect: { either: true },
    },
    {
      id: "name to a range of two cells",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "&apos;Số liệu&apos;!$B$4:$B$5")),
      expect: { either: true },
    },
    {
      id: "name to a missing sheet",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "&apos;Không có&apos;!$B$4")),
      expect: { either: true },
    },
    { id: "name as a constant", bytes: await withWorkbookXml(real, name("tk_thanh_toan", "3189")), expect: { either: true } },
    {
      id: "name as a formula",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "SUM(&apos;Số liệu&apos;!$B$4:$B$5)")),
      expect: { either: true },
    },
    {
      id: "name to the last cell of the sheet",
      bytes: await withWorkbookXml(real, name("tk_thanh_toan", "&apos;Số liệu&apos;!$XFD$1048576")),
      expect: { ok: true, verdicts: { "3.2": "thieu-so-lieu" } },
    },
    {
      id: "duplicate names differing by case",
      bytes: await withWorkbookXml(real, (x) =>
        x.replace("</definedNames>", '<definedName name="TK_THANH_TOAN">&apos;Số liệu&apos;!$B$5</definedName></definedNames>'),
      ),
      expect: { either: true },
    },
    {
      id: "a sheet-scoped name shadowing nothing",
      bytes: await withWorkbookXml(real, (x) =>
        x.replace(
          "</definedNames>",
          '<definedName name="tk_thanh_toan" localSheetId="0">&apos;Số liệu&apos;!$B$5</definedName></definedNames>',
        ),
      ),
      expect: { either: true },
    },
  ];
}

/** Hidden sheets, odd encodings, clerk's sheets beside ours, the output over the input, bad mappings. */
async function workbookShapeCases(real: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      id: "the data sheet hidden",
      bytes: await withWorkbookXml(real, (x) => x.replace('state="visible"', 'state="hidden"')),
      expect: { ok: true, verdicts: { "3.2": "khong-dat", "1.1": "dat" } },
    },
    {
      id: "the data sheet very hidden",
      bytes: await withWorkbookXml(real, (x) => x.replace('state="visible"', 'state="veryHidden"')),
      expect: { ok: true, verdicts: { "3.2": "khong-dat" } },
    },
    {
      id: "a workbook with a BOM and CRLF",
      bytes: await withWorkbookXml(real, (x) => `\ufeff${x.replace(/></g, ">\r\n<")}`),
      expect: { ok: true, verdicts: { "3.2": "khong-dat" } },
    },
    {
      id: "a sheet name with _x0041_ in it",
      bytes: await withWorkbookXml(real, (x) => x.replace(/Số liệu/g, "Số_x0041_liệu")),
      expect: { ok: true, verdicts: { "3.2": "khong-dat" } },
    },
    {
      id: "status sheet name taken by the clerk",
      bytes: await buildCustomWorkbook({ userStatusSheet: true }),
      expect: { ok: true, verdicts: { "3.2": "khong-dat" } },
    },
    {
      id: "rich clerk's sheets",
      bytes: await buildCustomWorkbook({ richSheet: true, hiddenSheet: true }),
      expect: { ok: true, verdicts: { "3.2": "khong-dat", "1.1": "dat" } },
    },
    {
      id: "sheets named like ours",
      bytes: await buildCustomWorkbook({ extraSheets: ["ChiTieuXa_AnhXa", "Trạng thái chỉ tiêu (2)", "Phụ lục 03"] }),
      expect: { either: true },
    },
    { id: "output over the input", bytes: real, out: "input", expect: { ok: true, verdicts: { "3.2": "khong-dat" } } },
    // The output path itself (a missing folder, a folder, a read-only one) is issue 17's, tested there.
    {
      id: "mapping to a name that does not exist",
      bytes: real,
      mapping: customMapping({ indicators: { "3.2": { numerator: "khong_co", denominator: "dan_so_15" } } }),
      expect: { ok: false, message: /khong_co/ },
    },
    { id: "mapping not JSON", bytes: real, mapping: "{ruleset: thanh-hoa", expect: { ok: false, message: /JSON/ } },
  ];
}

/** Edits inside the data sheet's XML: merged cells, prefixed elements, a bad shared-string index, an error cell. */
async function sheetXmlCases(real: Uint8Array): Promise<CorpusCase[]> {
  const loi = (cell: string) => ({ ok: true as const, verdicts: { "3.2": "loi-so-lieu" as const }, problemMentions: cell });
  const out: CorpusCase[] = [];
  // A merged cell over the mapped range: only its top-left cell holds a value.
  const merged = await JSZip.loadAsync(real);
  const sheet = await merged.file("xl/worksheets/sheet1.xml")!.async("string");
  merged.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A4:B5"/></mergeCells>'),
  );
  out.push({ id: "merged cells over a mapped cell", bytes: await merged.generateAsync({ type: "uint8array" }), expect: { either: true } });
  // A prefixed namespace, as some producers write.
  const prefixed = sheet.replace(/<(\/?)(\w)/g, "<$1x:$2").replace("<x:worksheet xmlns=", "<x:worksheet xmlns:x=");
  out.push({
    id: "worksheet with x: prefixes",
    bytes: await withPart(real, "xl/worksheets/sheet1.xml", prefixed),
    expect: { ok: true, verdicts: { "3.2": "khong-dat" } },
  });
  out.push({
    id: "shared string index out of range",
    bytes: await withCell(real, "B4", ' t="s"', "<v>99999</v>"),
    expect: { ok: false, message: DAMAGED },
  });
  out.push({ id: "tk_thanh_toan #REF! error", bytes: await withCell(real, "B4", ' t="e"', "<v>#REF!</v>"), expect: loi("B4") });
  return out;
}

export async function corpusCases(): Promise<CorpusCase[]> {
  const real = await buildCustomWorkbook();
  const values = await valueCases(real);
  // Every tenth value case is run twice as well: enough to see the stored mapping and the rewrite work.
  values.forEach((c, i) => (c.rerun = i % 10 === 0));
  const structure = (await structureCases(real)).map((c) => ({ ...c, rerun: true }));
  return [...(await brokenCases(real)), ...values, ...structure];
}
