import { applyProposals, proposeMapping, templateName } from "../../src/core/mapping/propose";
import { makeRuleset, ratio, yesNo } from "../builders";

const rs = makeRuleset({
  items: [
    ratio("3.2", 80, {
      numeratorLabel: "Số người từ 15 tuổi trở lên có tài khoản thanh toán điện tử",
      denominatorLabel: "Dân số từ 15 tuổi trở lên",
    }),
    ratio("3.4", 70, {
      numeratorLabel: "Số người từ 15 tuổi trở lên có điện thoại thông minh",
      denominatorLabel: "Dân số từ 15 tuổi trở lên",
    }),
    yesNo("1.2", { valueLabel: "Có hệ thống thông tin một cửa điện tử" }),
  ],
});

describe("proposing a mapping", () => {
  test("a name of the template's pattern is proposed with certainty", () => {
    const p = proposeMapping(rs, [{ ref: "ct_3_2_tu_so", name: "ct_3_2_tu_so" }]);
    expect(p).toEqual([
      {
        code: "3.2",
        slot: "numerator",
        slotLabel: "Số người từ 15 tuổi trở lên có tài khoản thanh toán điện tử",
        ref: "ct_3_2_tu_so",
        score: 1,
        reason: expect.stringContaining("theo mẫu"),
      },
    ]);
  });

  test("the label beside a named cell proposes it, folded for case and tone marks, with the reason naming the cell", () => {
    const p = proposeMapping(rs, [{ ref: "ds15", name: "ds15", label: "DÂN SỐ TỪ 15 TUỔI TRỞ LÊN", labelCell: "'Số liệu'!A3" }]);
    expect(p.map((x) => [x.code, x.slot])).toEqual([
      ["3.2", "denominator"],
      ["3.4", "denominator"],
    ]);
    expect(p[0]!.reason).toMatch(/Nhãn "DÂN SỐ TỪ 15 TUỔI TRỞ LÊN" \(ô 'Số liệu'!A3\)/);
  });

  test("each slot gets its best match: the smartphone label goes to 3.4, the payment label to 3.2", () => {
    const p = proposeMapping(rs, [
      { ref: "a", name: "a", label: "Số người từ 15 tuổi trở lên có điện thoại thông minh" },
      { ref: "b", name: "b", label: "Số người từ 15 tuổi trở lên có tài khoản thanh toán điện tử" },
    ]);
    const numerators = Object.fromEntries(p.filter((x) => x.slot === "numerator").map((x) => [x.code, x.ref]));
    expect(numerators).toEqual({ "3.2": "b", "3.4": "a" });
  });

  test("an unrelated label proposes nothing", () => {
    expect(proposeMapping(rs, [{ ref: "x", name: "x", label: "Diện tích đất trồng lúa" }])).toEqual([]);
  });

  test("a slot the clerk already mapped is never proposed over", () => {
    const existing = { ruleset: rs.id, indicators: { "3.2": { denominator: "cua_toi" } } };
    const p = proposeMapping(rs, [{ ref: "ds", name: "ds", label: "Dân số từ 15 tuổi trở lên" }], existing);
    expect(p.map((x) => x.code)).toEqual(["3.4"]);
    expect(applyProposals(existing, p).indicators).toEqual({ "3.2": { denominator: "cua_toi" }, "3.4": { denominator: "ds" } });
  });

  test("abbreviations a clerk writes are spelled out: CNS, TTHC, ĐKKD, and 'từ 18 tuổi trở lên' is the adult age", () => {
    const phuTho = makeRuleset({
      items: [
        ratio("1.1.1", 85, {
          numeratorLabel: "Số người ở độ tuổi trưởng thành có sử dụng điện thoại thông minh",
          denominatorLabel: "Dân số ở độ tuổi trưởng thành",
        }),
        yesNo("1.4.2", { valueLabel: "Có ứng dụng công nghệ số trong hoạt động chăm sóc sức khỏe" }),
      ],
    });
    const p = proposeMapping(phuTho, [
      { ref: "'Số liệu'!B6", cell: "'Số liệu'!B6", label: "Dân số từ 18 tuổi trở lên", labelCell: "'Số liệu'!A6", holds: "number" },
      {
        ref: "'Số liệu'!B7",
        cell: "'Số liệu'!B7",
        label: "Số người từ 18 tuổi trở lên có ĐTTM",
        labelCell: "'Số liệu'!A7",
        holds: "number",
      },
      {
        ref: "'Số liệu'!B9",
        cell: "'Số liệu'!B9",
        label: "Ứng dụng CNS trong chăm sóc sức khỏe",
        labelCell: "'Số liệu'!A9",
        holds: "blank",
      },
    ]);
    expect(p.map((x) => [x.code, x.slot, x.cell, x.label]).sort()).toEqual([
      ["1.1.1", "denominator", "'Số liệu'!B6", "Dân số từ 18 tuổi trở lên"],
      ["1.1.1", "numerator", "'Số liệu'!B7", "Số người từ 18 tuổi trở lên có ĐTTM"],
      ["1.4.2", "value", "'Số liệu'!B9", "Ứng dụng CNS trong chăm sóc sức khỏe"],
    ]);
  });

  test("a cell holding a number is never proposed for a yes/no answer, nor a 'Có' for a count", () => {
    const p = proposeMapping(rs, [
      { ref: "a", name: "a", label: "Có hệ thống thông tin một cửa điện tử", holds: "number" },
      { ref: "b", name: "b", label: "Dân số từ 15 tuổi trở lên", holds: "yes-no" },
    ]);
    expect(p).toEqual([]);
  });

  test("one cell feeds one figure: a label close to two different slots goes to the closer one only", () => {
    const p = proposeMapping(rs, [{ ref: "x", name: "x", label: "Số người từ 15 tuổi trở lên có điện thoại thông minh" }]);
    expect(p.map((x) => [x.code, x.slot])).toEqual([["3.4", "numerator"]]);
  });

  test("template names follow the code and slot", () => {
    expect(templateName("17.1", "a.numerator")).toBe("ct_17_1_a_tu_so");
    expect(templateName("1.2", "value")).toBe("ct_1_2_gia_tri");
  });
});
