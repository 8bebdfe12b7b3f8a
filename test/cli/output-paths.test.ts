/*
 * Issue 17 P/Q/R and issue 15 point 3: output paths checked before any work, --out and --json
 * written together or not at all, every .xlsx read back and verified before it replaces anything.
 */
import { mkdirSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import * as h from "./helpers";
import { writeOutputs } from "../../src/node/outputs";
import { EXCEL_LIMITS, verifyWrittenXlsx } from "../../src/workbook/xlsx/verify-output";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import type { SheetLayout } from "../../src/core/layout/sheet";

let dir: string;
let input: string;
let mapping: string;

beforeAll(async () => {
  dir = h.makeTmpDir("chitieu-paths-");
  input = h.writeBytes(dir, "so-lieu.xlsx", await h.buildCustomWorkbook());
  mapping = h.writeMapping(dir, h.customMapping());
});
afterAll(() => h.removeDir(dir));

/** Files in a folder, temporaries included (they start with a dot). */
const files = (d: string) => readdirSync(d).sort();

function expectClearRefusal(r: h.CliRun, words: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(words);
  expect(r.err).not.toMatch(/không mong đợi|ENOENT|ENOTDIR|EISDIR/);
  expect(r.err).not.toMatch(h.STACK_LINE);
}

describe("an output path that cannot be written is refused before any work", () => {
  test("P: --out in a folder that does not exist", async () => {
    const before = files(dir);
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", path.join(dir, "khong-co", "kq.xlsx"));
    expectClearRefusal(r, /Không ghi được --out ".*kq\.xlsx": thư mục ".*khong-co" không tồn tại — hãy tạo thư mục/);
    expect(r.out).toBe(""); // refused before the evaluation
    expect(files(dir)).toEqual(before);
  });

  test("Q: --out under a file", async () => {
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", path.join(input, "kq.xlsx"));
    expectClearRefusal(r, /Không ghi được --out .*: ".*so-lieu\.xlsx" là một tệp, không phải thư mục/);
  });

  test("R: --out equal to an existing folder, nothing left behind", async () => {
    const folder = path.join(dir, "thu-muc");
    mkdirSync(folder);
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", folder);
    expectClearRefusal(r, /Không ghi được --out ".*thu-muc": đó là một thư mục — hãy ghi tên tệp, ví dụ .*ket-qua\.xlsx/);
    expect(files(folder)).toEqual([]);
    expect(files(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("--json in a missing folder: exit 2 and the .xlsx is not written either", async () => {
    const out = path.join(dir, "kq-json-thieu.xlsx");
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", out, "--json", path.join(dir, "khong-co", "bc.json"));
    expectClearRefusal(r, /Không ghi được --json .*không tồn tại/);
    expect(h.existsSync(out)).toBe(false);
  });

  test("--out and --json naming one file", async () => {
    const same = path.join(dir, "mot-tep");
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", same, "--json", same);
    expectClearRefusal(r, /Không ghi được --json .*trùng với --out/);
  });

  test("lists, template and check refuse the same way", async () => {
    const missing = path.join(dir, "khong-co", "x.xlsx");
    expectClearRefusal(await h.runCli("lists", input, "--mapping", mapping, "--out", missing), /Không ghi được --out .*không tồn tại/);
    expectClearRefusal(await h.runCli("template", "--ruleset", h.RULESET, "--out", missing), /Không ghi được --out .*không tồn tại/);
    expectClearRefusal(
      await h.runCli("check", input, "--mapping", mapping, "--json", path.join(dir, "khong-co", "c.json")),
      /Không ghi được --json .*không tồn tại/,
    );
  });

  test("sample --out-dir naming a file, or under one", async () => {
    for (const outDir of [input, path.join(input, "mau")]) {
      expectClearRefusal(
        await h.runCli("sample", "--out-dir", outDir, "--residents", "50"),
        /Không tạo được thư mục --out-dir ".*": .*là một tệp, không phải thư mục/,
      );
    }
  });

  test("a folder the system will not let us write into is a clear message, not an unexpected error", async () => {
    // /sys refuses new files even to root; the message comes from the check or from the write itself.
    const r = await h.runCli("evaluate", input, "--mapping", mapping, "--out", "/sys/kq.xlsx");
    expectClearRefusal(r, /Không ghi được --out "\/sys\/kq\.xlsx": .*(quyền ghi|chỉ đọc)/);
  });
});

describe("both outputs written together", () => {
  test("--out and --json both written, no temporary left", async () => {
    const sub = path.join(dir, "ca-hai");
    mkdirSync(sub);
    const r = await h.runCli(
      "evaluate",
      input,
      "--mapping",
      mapping,
      "--out",
      path.join(sub, "kq.xlsx"),
      "--json",
      path.join(sub, "bc.json"),
    );
    expect(r.code).toBe(0);
    expect(files(sub)).toEqual(["bc.json", "kq.xlsx"]);
  });

  test("a verification failure removes every temporary and leaves the old files untouched", async () => {
    const sub = path.join(dir, "giu-nguyen");
    mkdirSync(sub);
    const old = path.join(sub, "kq.xlsx");
    const oldJson = path.join(sub, "bc.json");
    writeFileSync(old, "cũ");
    writeFileSync(oldJson, "cũ");
    const bad = async () => {
      throw new Error("hỏng");
    };
    await expect(
      writeOutputs([
        { flag: "--json", path: oldJson, data: "mới" },
        { flag: "--out", path: old, data: "mới", verify: bad },
      ]),
    ).rejects.toThrow("hỏng");
    expect(h.fileHash(old)).toBe(h.sha256("cũ"));
    expect(h.fileHash(oldJson)).toBe(h.sha256("cũ"));
    expect(files(sub)).toEqual(["bc.json", "kq.xlsx"]);
  });
});

describe("a written .xlsx is verified against Excel's limits", () => {
  const layout = (over: Partial<SheetLayout>): SheetLayout => ({
    key: "status",
    name: "Trạng thái",
    rows: [[{ value: "x" }]],
    columns: [10],
    merges: [],
    visibility: "visible",
    ...over,
  });
  const written = async (l: SheetLayout) => {
    const port = await XlsxWorkbook.open(await h.buildCustomWorkbook());
    await port.writeSheets([l]);
    return port.save();
  };

  test("our ordinary output passes", async () => {
    await expect(verifyWrittenXlsx(await written(layout({})))).resolves.toBeUndefined();
  });

  test("a text over 32 767 characters is cut with '…' and the rest kept in the following cells", async () => {
    const long = Array.from({ length: 40_231 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    const bytes = await written(layout({ rows: [[{ value: "x" }], [{ value: long, style: "text" }]] }));
    await expect(verifyWrittenXlsx(bytes)).resolves.toBeUndefined();
    const [cells] = await (await XlsxWorkbook.open(bytes)).readRanges([{ sheet: "Trạng thái", top: 2, left: 1, bottom: 2, right: 3 }]);
    const [a, b, c] = cells![0]! as string[];
    expect(a).toHaveLength(EXCEL_LIMITS.cellText);
    expect(a!.endsWith("…")).toBe(true);
    expect(a!.slice(0, -1) + b).toBe(long);
    expect(c).toBeNull();
  });

  test("a cell over 32 767 characters written by anything else is refused with its cell", async () => {
    const zip = await JSZip.loadAsync(await written(layout({ rows: [[{ value: "x" }], [{ value: "ngắn" }]] })));
    const part = Object.keys(zip.files)
      .filter((f) => f.startsWith("xl/worksheets/sheet"))
      .sort()
      .pop()!;
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace(">ngắn<", `>${"a".repeat(EXCEL_LIMITS.cellText + 1)}<`));
    await expect(verifyWrittenXlsx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(
      /Tệp kết quả không hợp lệ nên chưa ghi: ô Trạng thái!A2 có 32768 ký tự/,
    );
  });

  test("a formula over 8 192 characters is refused with its cell", async () => {
    const formula = `${"1+".repeat(4100)}1`;
    await expect(verifyWrittenXlsx(await written(layout({ rows: [[{ value: 1, formula }]] })))).rejects.toThrow(
      /công thức ở ô Trạng thái!A1 dài 8201 ký tự/,
    );
  });

  test("a sheet name over 31 characters is refused", async () => {
    await expect(verifyWrittenXlsx(await written(layout({ name: "Một tên trang tính dài hơn ba mươi mốt" })))).rejects.toThrow(
      /tên trang .* dài hơn 31 ký tự/,
    );
  });

  test("a malformed part we wrote is refused, naming it", async () => {
    const zip = await JSZip.loadAsync(await written(layout({})));
    zip.file("xl/workbook.xml", (await zip.file("xl/workbook.xml")!.async("string")).replace("</sheets>", ""));
    await expect(verifyWrittenXlsx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(
      /Tệp kết quả không hợp lệ nên chưa ghi: .*xl\/workbook\.xml/,
    );
  });
});
