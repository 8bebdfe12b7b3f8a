/*
 * The DEFLATE module the built command line gives JSZip (src/node/native-inflate.ts): it must read
 * every part exactly as JSZip's own pako inflate does, and fail on a damaged part instead of handing
 * back part of it.
 */
import { randomBytes } from "crypto";
import JSZip from "jszip";
import flate from "jszip/lib/flate";
import { deflateRawSync } from "zlib";
import { uncompressWorker } from "../../src/node/native-inflate";
import { buildCustomWorkbook } from "../cli/helpers";

type Chunk = { data: Uint8Array; meta: unknown };

/** Feeds `chunks` through a fresh worker the way JSZip does; resolves to what it pushed, or rejects with its error. */
function run(chunks: Uint8Array[]): Promise<Uint8Array> {
  const worker = uncompressWorker() as unknown as {
    on(ev: string, f: (x: unknown) => void): void;
    processChunk(c: Chunk): void;
    end(): void;
    isPaused: boolean;
  };
  return new Promise((resolve, reject) => {
    const out: Uint8Array[] = [];
    worker.on("data", (c) => out.push((c as Chunk).data));
    worker.on("error", (e) => reject(e as Error));
    worker.on("end", () => resolve(Buffer.concat(out)));
    worker.isPaused = false;
    for (const data of chunks) worker.processChunk({ data, meta: { percent: 0 } });
    worker.end();
  });
}

describe("native inflate for JSZip", () => {
  const text = Buffer.from(`<sheetData>${'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000)}</sheetData> Tiếng Việt có dấu`);
  const compressed = deflateRawSync(text, { level: 1 });

  it("gives back the bytes, whether the compressed part comes in one chunk or many", async () => {
    expect(Buffer.from(await run([compressed]))).toEqual(text);
    const pieces = [compressed.subarray(0, 7), compressed.subarray(7, 1000), compressed.subarray(1000)];
    expect(Buffer.from(await run(pieces))).toEqual(text);
  });

  it("hands JSZip a plain Uint8Array (a Buffer would be copied byte by byte)", async () => {
    const worker = uncompressWorker() as unknown as {
      on(ev: string, f: (c: Chunk) => void): void;
      processChunk(c: Chunk): void;
      end(): void;
      isPaused: boolean;
    };
    let pushed: Uint8Array | undefined;
    worker.on("data", (c) => (pushed = c.data));
    worker.isPaused = false;
    worker.processChunk({ data: compressed, meta: {} });
    worker.end();
    expect(pushed).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(pushed)).toBe(false);
  });

  it("a damaged stream is an error, not a shorter part", async () => {
    const damaged = Buffer.from(compressed);
    damaged[0] = 0xff; // a block of the reserved type
    await expect(run([damaged])).rejects.toThrow();
    await expect(run([compressed.subarray(0, compressed.length >> 1)])).rejects.toThrow();
    await expect(run([randomBytes(64)])).rejects.toThrow();
  });

  it("reads every part of a real workbook exactly as JSZip's pako inflate", async () => {
    const bytes = await buildCustomWorkbook({ richSheet: true, userStatusSheet: true });
    const read = async () => {
      const zip = await JSZip.loadAsync(bytes);
      const parts: Record<string, Buffer> = {};
      for (const f of Object.values(zip.files)) if (!f.dir) parts[f.name] = Buffer.from(await f.async("uint8array"));
      return parts;
    };
    const withPako = await read();
    const original = flate.uncompressWorker;
    // JSZip looks its DEFLATE module up on each read, so swapping the export is what the bundle's build does.
    let used = 0;
    (flate as { uncompressWorker: typeof original }).uncompressWorker = () => {
      used++;
      return uncompressWorker();
    };
    try {
      expect(await read()).toEqual(withPako);
      expect(used).toBeGreaterThan(8);
    } finally {
      (flate as { uncompressWorker: typeof original }).uncompressWorker = original;
    }
    expect(Object.keys(withPako).length).toBeGreaterThan(8);
  });
});
