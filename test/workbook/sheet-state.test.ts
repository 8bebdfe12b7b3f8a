import { withSheetState } from "../../src/workbook/xlsx/sheet-state";

describe("setting one sheet's state in workbook.xml", () => {
  const xml = '<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="hidden" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId20"/></sheets>';

  it("makes a hidden sheet very hidden, touching no other element", () => {
    expect(withSheetState(xml, "", "rId2", "veryHidden")).toBe(xml.replace('<sheet name="B" sheetId="2" state="hidden" r:id="rId2"/>', '<sheet name="B" sheetId="2" r:id="rId2" state="veryHidden"/>'));
  });

  it("adds a state to a visible sheet and removes it for visible, by exact relationship id", () => {
    expect(withSheetState(xml, "", "rId2", "visible")).toContain('<sheet name="B" sheetId="2" r:id="rId2"/>');
    expect(withSheetState(xml, "", "rId20", "hidden")).toContain('<sheet name="C" sheetId="3" r:id="rId20" state="hidden"/>');
    expect(withSheetState(xml, "", "rId20", "hidden")).toContain('<sheet name="A" sheetId="1" r:id="rId1"/>');
  });

  it("works with a prefix and leaves the text alone when no element matches", () => {
    const x = '<x:sheet name="A" sheetId="1" r:id="rId1"></x:sheet>';
    expect(withSheetState(x, "x:", "rId1", "veryHidden")).toBe('<x:sheet name="A" sheetId="1" r:id="rId1" state="veryHidden"></x:sheet>');
    expect(withSheetState(xml, "", "rId9", "veryHidden")).toBe(xml);
  });
});
