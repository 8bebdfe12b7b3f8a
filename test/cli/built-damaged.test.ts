/*
 * The built command line reads a part's bytes its own way (Node's zlib in one call, Node's CRC-32:
 * src/node/native-inflate.ts and readDirect in src/workbook/xlsx/package.ts); the sources under jest
 * read through JSZip's pipeline and pako. A damaged part must read the same words either way.
 */
import { cut, flippedByte, partNames, stored, wrongCrc, wrongSize } from "../corpus/damage";
import * as h from "./helpers";

let dir: string;
let real: Uint8Array;
let plain: Uint8Array;
beforeAll(async () => {
  dir = h.makeTmpDir("chitieu-damaged-");
  real = await h.buildCustomWorkbook();
  plain = await stored(real);
  // The damage is put in a part the check reads.
  expect(partNames(real)).toContain(sheet1);
});
afterAll(() => h.removeDir(dir));

const sheet1 = "xl/worksheets/sheet1.xml";

describe("a damaged part reads the same words in the built command line as in the sources", () => {
  it.each<[string, () => Uint8Array]>([
    ["undamaged", () => real],
    ["undamaged, stored without compression", () => plain],
    ["a deflated part longer than recorded", () => wrongSize(real, sheet1)],
    ["a deflated part shorter than recorded", () => wrongSize(real, sheet1, -5)],
    ["a stored part of another size than recorded", () => wrongSize(plain, sheet1)],
    ["a stored part with a byte changed", () => flippedByte(plain, sheet1)],
    ["a deflated part with a byte changed", () => flippedByte(real, sheet1, 0.3)],
    ["a recorded CRC-32 that does not match", () => wrongCrc(real, sheet1)],
    ["a zip cut short", () => cut(real, 0.7)],
  ])("%s", async (label, make) => {
    const file = h.writeBytes(dir, `${label.replace(/\W+/g, "-")}.xlsx`, make());
    const inProcess = await h.runCli("check", file);
    const built = h.spawnCli(["check", file]);
    expect(built.stderr.trim()).toBe(inProcess.err.trim());
    expect(built.stdout.trim()).toBe(inProcess.out.trim());
    expect(built.code).toBe(inProcess.code);
    if (label.startsWith("undamaged")) expect(inProcess.err).not.toMatch(/hỏng/);
    else expect(`${inProcess.err}${inProcess.out}`).toMatch(/Tệp bị hỏng hoặc chưa tải hết/);
  });
});
