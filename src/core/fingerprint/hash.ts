/**
 * FNV-1a, 64 bits, over the UTF-16 code units of a text: enough to tell that a ruleset's content
 * changed (not a defence against anyone forging one), and pure, so the browser computes the same.
 */
export function contentHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, "0");
}
