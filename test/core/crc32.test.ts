import { randomBytes } from "crypto";
import * as zlib from "zlib";
import { crc32, crc32Hex } from "../../src/core/text/crc32";

describe("crc32 (eight bytes a step)", () => {
  it("agrees with zlib's CRC-32 at every length around the eight-byte steps", () => {
    const zlibCrc = (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32;
    for (let n = 0; n <= 40; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(crc32(bytes)).toBe(zlibCrc(bytes));
    }
    const large = new Uint8Array(randomBytes(100_003));
    expect(crc32(large)).toBe(zlibCrc(large));
  });

  it("gives the check value of the standard and tells one changed byte", () => {
    const text = new TextEncoder().encode("123456789");
    expect(crc32Hex(text)).toBe("cbf43926");
    text[4] = text[4]! ^ 1;
    expect(crc32Hex(text)).not.toBe("cbf43926");
  });
});
