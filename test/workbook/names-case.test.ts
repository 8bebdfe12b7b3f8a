/* Issue 17 T: names differing only by case are one name to Excel; a clash is reported with both cells. */
import * as h from "../cli/helpers";
import { resolveReference } from "../../src/workbook/names";
import type { DefinedName } from "../../src/workbook/port";

const named = (name: string, formula: string, scope: string | null = null): DefinedName => ({
  name,
  scope,
  formula,
  target: { kind: "formula" },
  hidden: false,
});

describe("two names that differ only by case", () => {
  test("pointing to different cells: neither is taken, both named with their cells", () => {
    const names = [named("CO_DTTM", "'Số liệu'!$B$3"), named("co_dttm", "'Số liệu'!$B$7")];
    for (const ref of ["co_dttm", "CO_DTTM", "Co_Dttm", "'Số liệu'!co_dttm"]) {
      const r = resolveReference(names, ref);
      expect(r.kind).toBe("unknown");
      expect(r.kind === "unknown" && r.message).toMatch(
        /"CO_DTTM" \('Số liệu'!\$B\$3\) và "co_dttm" \('Số liệu'!\$B\$7\)|"co_dttm" \('Số liệu'!\$B\$7\) và "CO_DTTM" \('Số liệu'!\$B\$3\)/,
      );
      expect(r.kind === "unknown" && r.message).toMatch(/chỉ khác nhau chữ hoa\/chữ thường — Excel coi là một tên; hãy xoá hoặc đổi tên/);
    }
  });

  test("pointing to the same cell: one name, no complaint", () => {
    const names = [named("CO_DTTM", "'Số liệu'!$B$3"), named("co_dttm", "'Số liệu'!B3")];
    expect(resolveReference(names, "co_dttm")).toMatchObject({ kind: "name", name: { name: "CO_DTTM" } });
  });

  test("in different scopes: Excel's shadowing, not a clash", () => {
    const names = [named("CO_DTTM", "'Số liệu'!$B$3"), named("co_dttm", "'Khác'!$B$7", "Khác")];
    expect(resolveReference(names, "co_dttm")).toMatchObject({ kind: "name", name: { formula: "'Số liệu'!$B$3" } });
    expect(resolveReference(names, "co_dttm", "Khác")).toMatchObject({ kind: "name", name: { formula: "'Khác'!$B$7" } });
  });

  test("through the command line: the mapping entry is refused naming both cells, not a silent first pick", async () => {
    const dir = h.makeTmpDir("chitieu-t-");
    try {
      const bytes = await h.addDefinedNames(await h.buildCustomWorkbook(), ["<definedName name=\"TONG_DN\">'Số liệu'!$B$3</definedName>"]);
      const file = h.writeBytes(dir, "hai-ten.xlsx", bytes);
      const r = await h.runCli("evaluate", file, "--mapping", h.writeMapping(dir, h.customMapping()));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /^Lỗi: 2\.4 — Tổng số doanh nghiệp, tổ chức: có 2 tên "tong_dn" \('Số liệu'!\$B\$8\) và "TONG_DN" \('Số liệu'!\$B\$3\) trong sổ tính chỉ khác nhau chữ hoa\/chữ thường/,
      );
    } finally {
      h.removeDir(dir);
    }
  });
});
