import fc from "fast-check";
import { decodeStoredMapping } from "../../src/core/layout/mapping-codec";
import { fromBase64, toBase64 } from "../../src/core/text/base64";
import { crc32Hex } from "../../src/core/text/crc32";
import { utf8Decode, utf8Encode } from "../../src/core/text/utf8";
import { damagedMappingMessage, mappingSheetLayout, mappingTextFromColumn } from "../../src/core/layout/mapping-sheet";
import type { RawCell } from "../../src/core/text/cell";

const column = (json: string): RawCell[] => mappingSheetLayout(json).rows.map((r) => (r[0]?.value ?? null) as RawCell);

describe("the stored mapping", () => {
  it("base64 matches the platform's and reads back (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = toBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString("base64"));
        expect(fromBase64(b64)).toEqual(bytes);
      }),
    );
  });

  it("crc32 is the zip CRC", () => {
    expect(crc32Hex(new TextEncoder().encode("123456789"))).toBe("cbf43926");
  });

  it("holds only characters no spreadsheet rewrites, and reads back the JSON exactly", () => {
    const json =
      JSON.stringify({ ruleset: "r", indicators: { "1.1": { value: "can_bo_xa_thon" } }, commune: "Xã Minh Tân\n" }) + "x".repeat(20000);
    const col = column(json);
    expect(col.length).toBeGreaterThan(4);
    for (const c of col.slice(2)) expect(c).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(mappingTextFromColumn(col)).toEqual({ ok: true, text: json });
  });

  it("says a changed, cut or edited mapping is damaged", () => {
    const col = column('{"ruleset":"r","indicators":{}}');
    const flipped = [...col];
    flipped[2] = String(flipped[2]).replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(mappingTextFromColumn(flipped)).toMatchObject({ ok: false, why: expect.stringContaining("mã kiểm tra") });
    expect(mappingTextFromColumn([...col.slice(0, 2), String(col[2]).slice(0, 8)])).toMatchObject({
      ok: false,
      why: expect.stringContaining("bị cắt"),
    });
    expect(mappingTextFromColumn([...col.slice(0, 2), `${String(col[2])}\n_x`])).toMatchObject({
      ok: false,
      why: expect.stringContaining("ký tự lạ"),
    });
    expect(decodeStoredMapping("chitieuxa-anhxa/base64 x", [])).toMatchObject({ ok: false });
    expect(damagedMappingMessage("mã kiểm tra không khớp")).toMatch(/bị hỏng: mã kiểm tra không khớp\. Hãy chọn lại bộ tiêu chí/);
    // The pane shows it: no command line in it (the CLI appends its own, src/cli/hints.ts).
    expect(damagedMappingMessage("mã kiểm tra không khớp")).not.toMatch(/chitieu|--/);
  });

  it("still reads a workbook written before the base64 format", () => {
    expect(mappingTextFromColumn(["tiêu đề", '{"ruleset":', '"r"}'])).toEqual({ ok: true, text: '{"ruleset":"r"}' });
    expect(mappingTextFromColumn(["tiêu đề"])).toBeUndefined();
  });
});

describe("UTF-8 without the platform's encoder", () => {
  it("encodes and decodes as TextEncoder / TextDecoder do (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const mine = utf8Encode(s);
        expect(mine).toEqual(new Uint8Array(new TextEncoder().encode(s)));
        expect(utf8Decode(mine)).toBe(new TextDecoder().decode(mine));
      }),
    );
  });

  it("refuses bytes that are not UTF-8", () => {
    for (const bad of [[0xff], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0x80]])
      expect(utf8Decode(Uint8Array.from(bad))).toBeUndefined();
  });
});
