import { applyProposals, proposeMapping, templateName } from "../../src/core/mapping/propose";
import { makeRuleset, ratio, yesNo } from "../builders";

const rs = makeRuleset({
  items: [
    ratio("3.2", 80, { numeratorLabel: "Số người từ 15 tuổi trở lên có tài khoản thanh toán điện tử", denominatorLabel: "Dân số từ 15 tuổi trở lên" }),
    ratio("3.4", 70, { numeratorLabel: "Số người từ 15 tuổi trở lên có điện thoại thông minh", denominatorLabel: "Dân số từ 15 tuổi trở lên" }),
    yesNo("1.2", { valueLabel: "Có hệ thống thông tin một cửa điện tử" }),
  ],
});

describe("proposing a mapping", () => {
  test("a name of the template's pattern is proposed with certainty", () => {
    const p = proposeMapping(rs, [{ ref: "ct_3_2_tu_so", name: "ct_3_2_tu_so" }]);
    expect(p).toEqual([{ code: "3.2", slot: "numerator", ref: "ct_3_2_tu_so", score: 1, reason: expect.stringContaining("theo mẫu") }]);
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

  test("template names follow the code and slot", () => {
    expect(templateName("17.1", "a.numerator")).toBe("ct_17_1_a_tu_so");
    expect(templateName("1.2", "value")).toBe("ct_1_2_gia_tri");
  });
});
