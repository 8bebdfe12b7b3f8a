import type { Proposal } from "../../src/core/mapping/propose";
import type { Mapping } from "../../src/core/mapping/schema";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { documentLine, filterNames, mappingProgress, mappingRows, nameOptions, programmeGroups, selectableRef, withDetails, withSlot } from "../../src/taskpane/state/view";
import { catalog, PHU_THO } from "./fixtures";

const phuTho = () => catalog().rulesets.get(PHU_THO)!;

describe("what a source or problem reference selects in Excel", () => {
  test.each([
    ["co_dttm ('Số liệu'!B7)", "'Số liệu'!B7"],
    ["'Số liệu'!B7", "'Số liệu'!B7"],
    ["'Số liệu'!$B$7:$C$9", "'Số liệu'!$B$7:$C$9"],
    ["Data!dan_so", "Data!dan_so"],
    ["dan_so", "dan_so"],
    ["'Số liệu'!ten (Số liệu!B3)", "Số liệu!B3"],
  ])("%s → %s", (source, expected) => expect(selectableRef(source)).toBe(expected));

  test.each([["B7"], ["danh sách Phụ lục 03"], ["ánh xạ: indicators.1.1"]])("%s selects nothing", (source) => expect(selectableRef(source)).toBeUndefined());
});

describe("programmes", () => {
  test("are grouped by province in Vietnamese order, each with its issuing document", () => {
    const groups = programmeGroups(catalog().rulesets.values());
    expect(groups.map((g) => g.province)).toEqual(["Hà Nam", "Hà Tĩnh", "Phú Thọ", "Thanh Hóa"]);
    expect(groups.flatMap((g) => g.options)).toHaveLength(8);
    expect(groups.find((g) => g.province === "Phú Thọ")!.options[0]!.document).toBe("/HD-STTTT, tháng 10/2024 — Sở Thông tin và Truyền thông tỉnh Phú Thọ");
  });

  test("a document dated to the day, month or year reads as such", () => {
    const r = phuTho();
    expect(documentLine({ ...r, document: { ...r.document, date: "2024-05-10" } })).toContain("ngày 10/05/2024");
    expect(documentLine({ ...r, document: { ...r.document, date: "2023" } })).toContain("năm 2023");
  });
});

describe("the workbook's names as the pickers offer them", () => {
  const wb = new MemoryWorkbook({
    sheets: [{ name: "Số liệu" }, { name: "Data" }],
    names: [
      { name: "dan_so", formula: "'Số liệu'!$B$2" },
      { name: "rieng", scope: "Số liệu", formula: "'Số liệu'!$B$3" },
      { name: "hong", formula: "#REF!" },
      { name: "an", formula: "Data!$A$1", hidden: true },
      { name: "Điện_thoại", formula: "Data!$B$1" },
    ],
  });

  test("hidden names are left out; sheet-scoped ones are written with their sheet; #REF! says so", async () => {
    const options = nameOptions((await wb.snapshot()).names);
    expect(options).toEqual([
      { ref: "'Số liệu'!rieng", where: "'Số liệu'!$B$3" },
      { ref: "dan_so", where: "'Số liệu'!$B$2" },
      { ref: "Điện_thoại", where: "Data!$B$1" },
      { ref: "hong", where: "#REF! (ô đã bị xóa)" },
    ]);
  });

  test("search ignores case, marks and underscores, and looks at where a name points", async () => {
    const options = nameOptions((await wb.snapshot()).names);
    expect(filterNames(options, "DIEN THOAI").map((o) => o.ref)).toEqual(["Điện_thoại"]);
    expect(filterNames(options, "số liệu b2").map((o) => o.ref)).toEqual(["dan_so"]);
    expect(filterNames(options, "")).toHaveLength(4);
    expect(filterNames(options, "khong_co")).toEqual([]);
  });
});

describe("the mapping table's rows", () => {
  const proposal: Proposal = { code: "1.1.1", slot: "denominator", ref: "ds", reason: "Nhãn …", score: 0.9 };

  test("each indicator's inputs, proposals only where nothing is mapped, stand-in inputs only when used", () => {
    const mapping: Mapping = { ruleset: PHU_THO, indicators: { "1.1.1": { numerator: "a" }, "1.1.2": { value: "ty_le" } } };
    const groups = mappingRows(phuTho(), mapping, [proposal, { ...proposal, slot: "numerator", ref: "b" }]);
    const first = groups[0]!.indicators[0]!;
    expect(first.slots.map((s) => [s.slot, s.ref ?? null, s.proposal?.ref ?? null])).toEqual([
      ["numerator", "a", null],
      ["denominator", null, "ds"],
    ]);
    expect(groups[0]!.indicators[1]!.slots.map((s) => s.slot)).toEqual(["numerator", "denominator", "value"]);
    expect(mappingProgress(groups)).toEqual({ mapped: 1, total: 18, proposed: 1 });
  });

  test("setting, replacing and clearing an input; the report's commune and date", () => {
    const m0: Mapping = { ruleset: PHU_THO, indicators: {}, commune: "cũ" };
    const m1 = withSlot(m0, "1.2.2", "value", "  mot_cua ");
    expect(m1.indicators).toEqual({ "1.2.2": { value: "mot_cua" } });
    expect(m0.indicators).toEqual({});
    expect(withSlot(m1, "1.2.2", "value", "").indicators).toEqual({});
    expect(withDetails(m1, " Xã Minh Tân ", "2024-09-30")).toEqual({ ruleset: PHU_THO, indicators: { "1.2.2": { value: "mot_cua" } }, commune: "Xã Minh Tân", asOf: "2024-09-30" });
    expect(withDetails(m1, "", "")).toEqual({ ruleset: PHU_THO, indicators: { "1.2.2": { value: "mot_cua" } } });
  });
});
