/**
 * A document number as a clerk should read it. Some source documents leave the number itself blank
 * ("Số:      /HD-STTTT", "Quyết định số: /2022/QĐ-UBND"); shown bare, "/HD-STTTT" reads as a cut
 * text, so the blank is shown as one and said.
 */
export function documentNumberShown(number: string): string {
  const n = number.trim();
  return n.startsWith("/") ? `…${n} (văn bản gốc để trống số)` : n;
}
