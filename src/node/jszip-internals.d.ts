// The two modules of JSZip 3.10 that src/node/native-inflate.ts builds on; JSZip ships no types for them.
declare module "jszip/lib/stream/GenericWorker" {
  type Chunk = { data: Uint8Array; meta: unknown };
  class GenericWorker {
    constructor(name: string);
    push(chunk: Chunk): void;
    processChunk(chunk: Chunk): void;
    flush(): void;
    error(e: Error): boolean;
    cleanUp(): void;
  }
  export = GenericWorker;
}

declare module "jszip/lib/flate" {
  import type GenericWorker from "jszip/lib/stream/GenericWorker";
  export const magic: string;
  export function compressWorker(options: { level?: number }): GenericWorker;
  export function uncompressWorker(): GenericWorker;
}
