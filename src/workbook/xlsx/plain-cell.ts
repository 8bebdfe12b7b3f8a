/*
 * A cell as nearly every producer writes it, recognised by one sticky regular expression: `<c r="B2"
 * s="8" t="str"><v>…</v></c>`, attributes in that order, no entity or markup in the value. V8 compiles
 * a regular expression to machine code on its first use, while the scanner's own loop over a tag runs
 * unoptimised until the engine has watched it a while: a command reads a roster once, and the tag
 * scan was the largest part of it. The expression only says yes or no (test() makes no match object
 * or strings); the scanner then reads the recognised cell in place with its own readers, so both
 * give the same value. Anything the expression does not recognise is left to the scanner.
 */
export const PLAIN_CELL = /<c r="[A-Z]{1,3}[1-9]\d{0,6}"(?: s="\d{1,9}")?(?: t="(?:s|str|n|b|e)")?(?:\/>|>(?:<v>[^<&]*<\/v>)?<\/c>)/y;

/** Whether the cell at `lt` is spelt as PLAIN_CELL says; its end is then at PLAIN_CELL.lastIndex. */
export function isPlainCellAt(xml: string, lt: number): boolean {
  PLAIN_CELL.lastIndex = lt;
  return PLAIN_CELL.test(xml);
}
