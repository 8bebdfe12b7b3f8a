import { sheetStateEdit } from "../../src/workbook/xlsx/sheet-state";
import { applyEdits, elements } from "../../src/workbook/xlsx/xml-tokens";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function withState(xml: string, rId: string, visibility: "visible" | "hidden" | "veryHidden"): string {
  const edit = sheetStateEdit(xml, elements(xml, "xl/workbook.xml"), rId, visibility);
  return edit ? applyEdits(xml, [edit]) : xml;
}

describe("setting one sheet's state in workbook.xml", () => {
  const xml = `<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="hidden" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId20"/></sheets></workbook>`;

  it("makes a hidden sheet very hidden, touching no other element", () => {
    expect(withState(xml, "rId2", "veryHidden")).toBe(xml.replace('state="hidden"', 'state="veryHidden"'));
  });

  it("adds a state to a visible sheet and removes it for visible, by exact relationship id", () => {
    expect(withState(xml, "rId2", "visible")).toContain('<sheet name="B" sheetId="2" r:id="rId2"/>');
    expect(withState(xml, "rId20", "hidden")).toContain('<sheet name="C" sheetId="3" r:id="rId20" state="hidden"/>');
    expect(withState(xml, "rId20", "hidden")).toContain('<sheet name="A" sheetId="1" r:id="rId1"/>');
  });

  it("works with a prefix, ignores look-alikes in comments, and leaves the text alone when no element matches", () => {
    const x = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><!-- <x:sheet r:id="rId1"/> --><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"></x:sheet></x:sheets></x:workbook>`;
    expect(withState(x, "rId1", "veryHidden")).toContain('<x:sheet name="A" sheetId="1" r:id="rId1" state="veryHidden"></x:sheet>');
    expect(withState(x, "rId1", "veryHidden")).toContain('<!-- <x:sheet r:id="rId1"/> -->');
    expect(withState(xml, "rId9", "veryHidden")).toBe(xml);
  });
});
