/**
 * A stored mapping that was altered (a character changed, a piece lost) is reported as damaged with
 * the way out, by evaluate, check and lists alike; propose still works on the file.
 */
import JSZip from "jszip";
import path from "node:path";
import { readFileSync } from "node:fs";
import * as h from "./helpers";

let dir: string;
let good: string;

/** Our output with the mapping sheet's text edited. */
async function withMappingSheet(edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(good));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const part = h.sheetParts(wb, rels).find((s) => s.name === h.MAPPING_SHEET_NAME)!.part;
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return h.writeBytes(dir, `hong-${Math.random().toString(36).slice(2)}.xlsx`, await zip.generateAsync({ type: "uint8array" }));
}

beforeAll(async () => {
  dir = h.makeTmpDir();
  const input = await h.writeCustom(dir, "xa.xlsx");
  good = path.join(dir, "ket-qua.xlsx");
  const r = await h.runCli("evaluate", input, "--mapping", h.writeMapping(dir, h.customMapping()), "--out", good);
  expect(r.code).toBe(0);
});
afterAll(() => h.removeDir(dir));

describe("a damaged stored mapping", () => {
  it("the undamaged output evaluates without --mapping (the test below fails for the damage only)", async () => {
    expect((await h.runCli("evaluate", good)).code).toBe(0);
  });

  it.each<[string, (xml: string) => string, RegExp]>([
    [
      "a character changed",
      (x) => x.replace(/(<c r="A3"[^>]*><is><t[^>]*>)(.)/, (_m, a: string, c: string) => a + (c === "A" ? "B" : "A")),
      /mã kiểm tra không khớp/,
    ],
    ["a piece cut", (x) => x.replace(/(<c r="A3"[^>]*><is><t[^>]*>)([^<]{10})[^<]*/, "$1$2"), /bị cắt hoặc thừa/],
    ["edited by hand into text", (x) => x.replace(/(<c r="A3"[^>]*><is><t[^>]*>)/, "$1sửa tay "), /ký tự lạ/],
  ])("%s: evaluate, check and lists say so and how to propose again", async (_label, edit, why) => {
    const file = await withMappingSheet(edit);
    const e = await h.runCli("evaluate", file, "--out", path.join(dir, "o.xlsx"));
    expect(e.code).not.toBe(0);
    expect(e.err).toMatch(/Ánh xạ lưu trong sổ tính .* bị hỏng/);
    expect(e.err).toMatch(why);
    expect(e.err).toMatch(/chitieu propose .*--mapping anh-xa\.json\)$/m);
    expect(e.err).not.toMatch(/Lỗi không mong đợi|JSON hợp lệ/);
    const c = await h.runCli("check", file);
    expect(c.out + c.err).toMatch(/bị hỏng/);
    const l = await h.runCli("lists", file, "--out", path.join(dir, "l.xlsx"), "--as-of", "2024-06-30");
    expect(l.err).toMatch(/bị hỏng/);
    const p = await h.runCli("propose", file, "--ruleset", h.RULESET);
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/đề xuất/);
  });
});
