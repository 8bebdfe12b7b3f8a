import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  appendToElementEdit,
  applyEdits,
  attributes,
  canonical,
  decodeEntities,
  elements,
  markups,
  setAttributeEdit,
  type Tag,
} from "../../src/workbook/xlsx/xml-tokens";

const PART = "xl/test.xml";
const tags = (xml: string) => [...markups(xml, PART)].map((m) => ("name" in m ? `${m.kind}:${m.name}` : m.kind));

describe("the XML tokenizer of the parts we edit", () => {
  test("comments, CDATA, instructions and a DOCTYPE hide the tags they contain", () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x>">]><a><!-- </a><b> --><![CDATA[</a><c>]]><?pi </a>?><d/></a>';
    expect(tags(xml)).toEqual(["pi", "doctype", "open:a", "comment", "cdata", "pi", "empty:d", "close:a"]);
  });

  test("a quoted '>' or '/>' stays inside its attribute, in either quote", () => {
    const xml = `<a f="[>=1000]0" g='x/>y'/><b h="'>'" >t</b >`;
    expect(tags(xml)).toEqual(["empty:a", "open:b", "close:b"]);
    const a = [...markups(xml, PART)][0] as Tag;
    expect(attributes(xml, a).map((x) => [x.name, x.value])).toEqual([
      ["f", "[>=1000]0"],
      ["g", "x/>y"],
    ]);
  });

  test("attributes: spaces around '=', entities decoded, namespace prefixes kept and split", () => {
    const xml = '<x:a  r:id = "rId&amp;1"\n\tname="&lt;&#65;&#x42;&quot;&apos;"/>';
    const tag = [...markups(xml, PART)][0] as Tag;
    expect(tag.local).toBe("a");
    expect(attributes(xml, tag).map((x) => [x.name, x.local, x.value])).toEqual([
      ["r:id", "id", "rId&1"],
      ["name", "name", "<AB\"'"],
    ]);
    expect(decodeEntities("&unknown; &amp")).toBe("&unknown; &amp");
  });

  test("elements know their path, so a look-alike in an extension list is not the real one", () => {
    const xml = '<workbook><extLst><sheets/></extLst><sheets ><sheet name="A"/></sheets ></workbook>';
    const els = elements(xml, PART);
    expect(els.filter((e) => e.path === "workbook/sheets")).toHaveLength(1);
    expect(els.map((e) => e.path)).toContain("workbook/extLst/sheets");
  });

  test("appending and setting attributes keep every other byte as written", () => {
    const xml = "<r><s a='1' ></s ><t x=\"1\" /></r>";
    const els = elements(xml, PART);
    const s = els.find((e) => e.path === "r/s")!;
    const t = els.find((e) => e.path === "r/t")!;
    const out = applyEdits(xml, [
      appendToElementEdit(xml, s, "<n/>"),
      setAttributeEdit(xml, s.tag, "a", "2"),
      appendToElementEdit(xml, t, "<m/>"),
      setAttributeEdit(xml, t.tag, "y", "3"),
    ]);
    expect(out).toBe('<r><s a="2" ><n/></s ><t x="1" y="3" ><m/></t></r>');
  });

  test("canonical forms ignore attribute order, quotes, prefixes and layout whitespace", () => {
    const a = '<x:font>\n  <x:b/><x:sz val="12"/></x:font>';
    const b = "<font><b></b><sz val='12' /></font>";
    expect(canonical(a, PART, 0, a.length)).toBe(canonical(b, PART, 0, b.length));
    const c = '<font><b/><sz val="14"/></font>';
    expect(canonical(c, PART, 0, c.length)).not.toBe(canonical(b, PART, 0, b.length));
  });

  test.each([
    ["an unclosed comment", "<a><!-- x</a>"],
    ["an unclosed attribute", '<a b="x></a>'],
    ["a mismatched end tag", "<a><b></a></b>"],
    ["an element never closed", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["no root", "<!-- only a comment -->"],
  ])("%s is a corrupt part named in Vietnamese", (_label, xml) => {
    expect(() => elements(xml, PART)).toThrow(/Tệp \.xlsx bị hỏng: xl\/test\.xml/);
  });
});

describe("no regular expression over markup in src/workbook/xlsx/", () => {
  const dir = join(__dirname, "..", "..", "src", "workbook", "xlsx");
  /** Regular expression literals and constructors in a source text, comments left out. */
  const regexesIn = (source: string): string[] => {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const literals = [
      ...code.matchAll(/(?<=[=(,:!&|?;{}[]\s*|\breturn\s+|^\s*)\/(?![/*])((?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n[])+)\/[dgimsuy]*/gm),
    ].map((m) => m[1]!);
    const constructed = [...code.matchAll(/new RegExp\(/g)].map(() => "new RegExp(…)");
    return [...literals, ...constructed];
  };
  // A pattern of the single character "<" or ">" escapes text; anything longer with one of them reads markup.
  const overMarkup = (re: string) => re === "new RegExp(…)" || (re.length > 1 && (re.includes("<") || re.includes(">")));

  test("the check finds a markup pattern where there is one", () => {
    expect(regexesIn("const m = /<(\\w+:)?sheets>/.exec(xml);").filter(overMarkup)).toHaveLength(1);
    expect(regexesIn("const r = new RegExp(`</${p}sheets>`);").filter(overMarkup)).toHaveLength(1);
    expect(regexesIn("if (/^\\d+$/.test(local)) x();").filter(overMarkup)).toHaveLength(0);
    expect(regexesIn('s.replace(/</g, "&lt;").replace(/>/g, "&gt;")').filter(overMarkup)).toHaveLength(0);
    expect(regexesIn("const attrs = /<c [^>]*>/;").filter(overMarkup)).toHaveLength(1);
  });

  /**
   * The one exception: plain-cell.ts recognises a single spelling of a cell, anchored where the scanner
   * stands, and leaves every other spelling to the scanner (test/workbook/plain-cell.test.ts proves they
   * read the same). It never decides where markup ends: no comment, quote or entity can be inside a match.
   */
  const RECOGNISER = "plain-cell.ts";

  test.each(readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== RECOGNISER))("%s has none", (file) => {
    expect(regexesIn(readFileSync(join(dir, file), "utf8")).filter(overMarkup)).toEqual([]);
  });

  test("the recogniser holds exactly one, anchored (sticky) and without a quantifier that could cross a tag", () => {
    const found = regexesIn(readFileSync(join(dir, RECOGNISER), "utf8")).filter(overMarkup);
    expect(found).toHaveLength(1);
    expect(readFileSync(join(dir, RECOGNISER), "utf8")).toMatch(/\/y;\n/);
    // The only open-ended part is the value, which excludes "<" and "&".
    expect(found[0]!.match(/\*|\+/g)).toEqual(["*"]);
    expect(found[0]).toContain("[^<&]*");
  });
});
