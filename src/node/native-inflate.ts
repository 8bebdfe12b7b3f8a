/*
 * JSZip's DEFLATE module with Node's own zlib for reading, put in place of jszip/lib/flate.js when
 * scripts/build-cli.mjs bundles the command line (the page keeps JSZip as it is). JSZip inflates with
 * pako, in JavaScript: on a 20 000-resident workbook that was a fifth of `chitieu evaluate`'s time.
 * Writing keeps pako's deflate, so the parts we add are the same bytes whoever writes them.
 */
import GenericWorker from "jszip/lib/stream/GenericWorker";
import { compressWorker, magic } from "jszip/lib/flate";
import { crc32 as zlibCrc32, inflateRawSync } from "zlib";

type Chunk = { data: Uint8Array; meta: unknown };

/** Collects a part's compressed chunks and inflates them in one call when the last one is in. */
class NativeInflateWorker extends GenericWorker {
  private chunks: Uint8Array[] = [];
  private meta: unknown = {};

  constructor() {
    super("NativeInflateWorker");
  }

  override processChunk(chunk: Chunk): void {
    this.meta = chunk.meta;
    this.chunks.push(chunk.data);
  }

  override flush(): void {
    super.flush();
    let data: Uint8Array;
    try {
      data = inflateSync(this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks));
    } catch (e) {
      // A damaged part: the reader's error, as when pako's reading of it fails (a part never half-read).
      this.error(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.chunks = [];
    this.push({ data, meta: this.meta });
  }

  override cleanUp(): void {
    super.cleanUp();
    this.chunks = [];
  }
}

export { magic, compressWorker };

/** The largest output buffer allocated up front: a larger part is inflated in pieces of this size. */
const MAX_CHUNK = 64 << 20;

/**
 * A part's raw DEFLATE bytes inflated in one call, for src/workbook/xlsx/package.ts, which finds it on
 * the entry's compression (this module, in the bundle) and then skips JSZip's chunked pipeline.
 */
export function inflateSync(compressed: Uint8Array, expectedSize?: number): Uint8Array {
  // zlib's output in one buffer when the recorded size is right (by default 16 kB pieces, then a copy
  // of them all: a 6 MB roster is 400 calls); a little room over so that the end of the data is seen
  // before the buffer is full, and a bound, since the size comes from the file.
  const chunkSize = expectedSize === undefined ? undefined : Math.min(Math.max(expectedSize + 1024, 1024), MAX_CHUNK);
  const inflated = chunkSize === undefined ? inflateRawSync(compressed) : inflateRawSync(compressed, { chunkSize });
  // A plain Uint8Array view: JSZip copies a Buffer into a Uint8Array one byte at a time.
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
}

/** Node's CRC-32 (zlib's, from Node 20.15), for package.ts's check of every part read; undefined before. */
export const crc32: ((bytes: Uint8Array) => number) | undefined =
  typeof zlibCrc32 === "function" ? (bytes) => zlibCrc32(bytes) >>> 0 : undefined;

export function uncompressWorker(): GenericWorker {
  return new NativeInflateWorker();
}
