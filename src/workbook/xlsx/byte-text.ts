/*
 * A worksheet read as bytes. Node turns bytes into a string of one character per byte (Latin-1) five
 * times faster than it decodes UTF-8 (a 20 000-row roster: 3 ms against 15), and the string is half
 * the size. The markup the scanner reads is ASCII, so tags, positions and names read the same; each
 * value is decoded from UTF-8 as it is taken out (utf8Text), exactly as TextDecoder decodes the part.
 */

/** Node's Buffer where there is one (the command line, its threads, jest); the page has none. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

const BOM = "\xEF\xBB\xBF";

/**
 * The bytes as a byte string, or undefined where the platform has no fast way to make one (the page
 * then decodes UTF-8 as before). A leading byte-order mark is dropped, as TextDecoder drops it.
 */
export function byteString(bytes: Uint8Array): string | undefined {
  if (!NodeBuffer) return undefined;
  const s = NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  return s.startsWith(BOM) ? s.slice(BOM.length) : s;
}

/** What is not well-formed UTF-8 is decoded by the platform, with its replacement characters (a BOM inside a text is kept). */
const platform = new TextDecoder("utf-8", { ignoreBOM: true });

const LONG = 4096;

/**
 * A byte string's text decoded from UTF-8, as TextDecoder decodes it. ASCII (numbers, references,
 * most words) is returned as it is; well-formed sequences are decoded here; anything else is left to
 * TextDecoder, whose replacement of malformed bytes is then the same as for the whole part (a value
 * starts and ends beside ASCII markup, where the decoder's state is clean).
 */
export function utf8Text(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s;
  // A long text (up to 32 767 characters in a cell) is decoded whole: an argument per unit is for short ones.
  if (s.length > LONG) return platformText(s);
  // A plain array per text, given to fromCharCode at once: twice as fast as a shared typed array's view.
  const units: number[] = [];
  for (let k = 0; k < i; k++) units.push(s.charCodeAt(k));
  while (i < s.length) {
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      units.push(b);
      i++;
      continue;
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0 || i + more >= s.length || !wellFormed(s, i, b, more)) return platformText(s);
    let cp = b & (0x3f >> more);
    for (let k = 1; k <= more; k++) cp = (cp << 6) | (s.charCodeAt(i + k) & 0x3f);
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += more + 1;
  }
  return String.fromCharCode.apply(null, units);
}

/** Whether the n continuation bytes after lead byte b at i are allowed (no overlong form, surrogate or code point past U+10FFFF). */
function wellFormed(s: string, i: number, b: number, n: number): boolean {
  const second = s.charCodeAt(i + 1);
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return false;
  for (let k = 2; k <= n; k++) {
    const c = s.charCodeAt(i + k);
    if (c < 0x80 || c > 0xbf) return false;
  }
  return true;
}

function platformText(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) bytes[k] = s.charCodeAt(k);
  return platform.decode(bytes);
}
