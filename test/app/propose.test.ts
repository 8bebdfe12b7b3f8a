import { proposeForWorkbook } from "../../src/app/propose";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { loadRulesetFile } from "../rulesets/golden";

const rs = loadRulesetFile("thanh-hoa-cds-xa-2024");

describe("proposals from a workbook's names and labels", () => {
  const wb = () =>
    new MemoryWorkbook({
      sheets: [
        {
          name: "Số liệu",
          cells: { A1: "Dân số từ 15 tuổi trở lên", B1: 3986, A2: "Ghi chú", B2: 5, B3: "Dân số từ 15 tuổi trở lên", B4: 3986 },
        },
      ],
      names: [
        { name: "ds", formula: "'Số liệu'!$B$1" },
        { name: "khac", formula: "'Số liệu'!$B$2" },
        { name: "duoi", formula: "'Số liệu'!$B$4" },
        { name: "an", formula: "'Số liệu'!$B$1", hidden: true },
      ],
    });

  test("reads the label left of each named cell in one round trip after the names", async () => {
    const port = wb();
    const p = await proposeForWorkbook(port, rs);
    expect(port.roundTrips).toBe(2);
    expect(p.filter((x) => x.slot === "denominator" && x.code === "3.2")[0]).toMatchObject({
      ref: "ds",
      reason: expect.stringContaining("'Số liệu'!A1"),
    });
  });

  test("falls back to the label above a cell with nothing on its left", async () => {
    const p = await proposeForWorkbook(wb(), rs);
    const refs = new Set(p.map((x) => x.ref));
    expect(refs.has("khac")).toBe(false);
    expect(refs.has("an")).toBe(false);
  });
});
