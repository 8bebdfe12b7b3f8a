/*
 * Surgery on zip bytes for the broken-file tests: the central directory and local headers are
 * patched in place, as a bad download, a full USB stick or a faulty copy would leave them.
 */
import JSZip from "jszip";

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Entry = { central: number; local: number; name: string; nameLength: number };

function entries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Entry[] = [];
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) !== CENTRAL) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.push({ central: at, local: view.getUint32(at + 42, true), name, nameLength });
  }
  return out;
}

function entry(bytes: Uint8Array, name: string): Entry {
  const e = entries(bytes).find((x) => x.name === name);
  if (!e)
    throw new Error(
      `no entry ${name} in ${entries(bytes)
        .map((x) => x.name)
        .join(", ")}`,
    );
  return e;
}

/** The names of the package's parts, in zip order. */
export function partNames(bytes: Uint8Array): string[] {
  return entries(bytes).map((e) => e.name);
}

/** The package re-zipped without compression, so a part's bytes can be changed where they lie. */
export async function stored(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** A copy whose central directory records a different CRC-32 for `name` (the data untouched). */
export function wrongCrc(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const e = entry(out, name);
  const view = new DataView(out.buffer);
  view.setUint32(e.central + 16, (view.getUint32(e.central + 16, true) ^ 0x5a5a5a5a) >>> 0, true);
  return out;
}

/** A copy whose central directory records a different uncompressed size for `name`. */
export function wrongSize(bytes: Uint8Array, name: string, delta = 7): Uint8Array {
  const out = bytes.slice();
  const e = entry(out, name);
  const view = new DataView(out.buffer);
  view.setUint32(e.central + 24, view.getUint32(e.central + 24, true) + delta, true);
  return out;
}

/** A copy of a STORED package with one byte of `name`'s data changed (a bit flipped on the way). */
export function flippedByte(bytes: Uint8Array, name: string, fraction = 0.5): Uint8Array {
  const out = bytes.slice();
  const e = entry(out, name);
  const view = new DataView(out.buffer);
  if (view.getUint32(e.local, true) !== LOCAL) throw new Error("no local header");
  const size = view.getUint32(e.central + 20, true);
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  let at = start + Math.floor(size * fraction);
  // A letter becomes another letter: the XML stays well-formed, only the CRC can tell.
  while (at < start + size && !/[a-z]/.test(String.fromCharCode(out[at]!))) at++;
  out[at] = out[at] === 0x61 ? 0x62 : 0x61;
  return out;
}

/** The first `fraction` of the bytes, as a download cut short leaves them. */
export function cut(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** A part replaced (or added) with the given text, or removed when text is undefined. */
export async function withPart(bytes: Uint8Array, name: string, text: string | Uint8Array | undefined): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  if (text === undefined) zip.remove(name);
  else zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A part's text. */
export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

/** An OLE compound file header followed by a stream name, as .xls and password-protected .xlsx files begin. */
export function compoundFile(streamName: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = [...streamName].flatMap((c) => [c.charCodeAt(0), 0]);
  const out = new Uint8Array(2048);
  out.set(head, 0);
  out.set(name, 1024);
  return out;
}
