/*
 * "Đạt" typed over a verdict formula of the status sheet is found by the check on every adapter
 * that can tell formulas from values — now in Excel (Office.js, over its recording fake) and the
 * in-memory workbook as in the .xlsx file: the same workbook, written by evaluate, then typed over.
 */
import { checkWorkbook } from "../../src/app/check";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { loadRulesetDir } from "../../src/node/rulesets";
import { MemoryWorkbook, type MemoryWorkbookInit } from "../../src/workbook/memory";
import { OfficeWorkbook } from "../../src/workbook/office/adapter";
import type { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel } from "../workbook/office-fake";

const { rulesets } = loadRulesetDir();
const RULESET = "phu-tho-xa-thong-minh-2024";

/** 1.1.1 of Phú Thọ: 700 of 1000 adults (không đạt), under its template names. */
const INIT: MemoryWorkbookInit = {
  sheets: [{ name: "Số liệu", cells: { A1: "Có điện thoại thông minh", B1: 700, A2: "Dân số từ 18 tuổi", B2: 1000 } }],
  names: [
    { name: "ct_1_1_1_tu_so", formula: "'Số liệu'!$B$1" },
    { name: "ct_1_1_1_mau_so", formula: "'Số liệu'!$B$2" },
  ],
};
const MAPPING = {
  text: JSON.stringify({
    ruleset: RULESET,
    asOf: "2025-06-30",
    indicators: { "1.1.1": { numerator: "ct_1_1_1_tu_so", denominator: "ct_1_1_1_mau_so" } },
  }),
  source: "thử",
};

type Host = { label: string; make: () => { port: WorkbookPort; type: (sheet: string, a1: string, v: string) => Promise<void> } };

const HOSTS: Host[] = [
  {
    label: "in-memory workbook",
    make: () => {
      const wb = new MemoryWorkbook(INIT);
      return { port: wb, type: async (s, a1, v) => wb.type(s, a1, v) };
    },
  },
  {
    label: "Office.js adapter (recording fake)",
    make: () => {
      const excel = new FakeExcel(INIT);
      return {
        port: new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }),
        type: async (s, a1, v) =>
          excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItem(s).getRange(a1).values = [[v]];
            await ctx.sync();
          }),
      };
    },
  },
];

describe.each(HOSTS)("$label", ({ make }) => {
  async function written() {
    const host = make();
    const out = await evaluateWorkbook(host.port, { rulesets, mapping: MAPPING, write: true });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
    return { ...host, statusSheet: out.statusSheet! };
  }
  const typedOver = async (port: WorkbookPort) =>
    (await checkWorkbook(port, { rulesets })).problems.filter((p) => p.checkId === "typed-over-verdict");

  test("the status sheet as written: no verdict typed over", async () => {
    const { port } = await written();
    expect(await typedOver(port)).toEqual([]);
  });

  test("“Đạt” typed over 1.1.1's verdict formula is a lỗi naming the cell and the value", async () => {
    const { port, type, statusSheet } = await written();
    const rows = await port.readSheet(statusSheet);
    const row = rows.findIndex((r) => r[0] === "1.1.1") + 1;
    const verdictColumn = "G";
    expect(row).toBeGreaterThan(0);
    await type(statusSheet, `${verdictColumn}${row}`, "Đạt");
    const found = await typedOver(port);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "loi", code: "1.1.1", ref: `'${statusSheet}'!${verdictColumn}${row}` });
    expect(found[0]!.message).toContain('"Đạt"');
  });
});
