import type { Proposal } from "../../src/core/mapping/propose";
import type { Mapping } from "../../src/core/mapping/schema";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CheckReport } from "../../src/app/check";
import type { ListsProgress } from "../../src/app/lists";
import { problem } from "../../src/core/check/types";
import {
  bySeverity,
  checkPanelView,
  documentLine,
  filterNames,
  hasLists,
  listRows,
  listsProgressView,
  mappingProgress,
  mappingRows,
  nameOptions,
  problemTarget,
  programmeGroups,
  selectableRef,
  withDetails,
  withLists,
  withSlot,
} from "../../src/taskpane/state/view";
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

  test.each([["B7"], ["danh sách Phụ lục 03"], ["ánh xạ: indicators.1.1"]])("%s selects nothing", (source) =>
    expect(selectableRef(source)).toBeUndefined(),
  );
});

describe("programmes", () => {
  test("are grouped by province in Vietnamese order, each with its issuing document", () => {
    const groups = programmeGroups(catalog().rulesets.values());
    expect(groups.map((g) => g.province)).toEqual(["Hà Nam", "Hà Tĩnh", "Phú Thọ", "Thanh Hóa"]);
    expect(groups.flatMap((g) => g.options)).toHaveLength(8);
    expect(groups.find((g) => g.province === "Phú Thọ")!.options[0]!.document).toBe(
      "…/HD-STTTT (văn bản gốc để trống số), tháng 10/2024 — Sở Thông tin và Truyền thông tỉnh Phú Thọ",
    );
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
    expect(withDetails(m1, " Xã Minh Tân ", "2024-09-30")).toEqual({
      ruleset: PHU_THO,
      indicators: { "1.2.2": { value: "mot_cua" } },
      commune: "Xã Minh Tân",
      asOf: "2024-09-30",
    });
    expect(withDetails(m1, "", "")).toEqual({ ruleset: PHU_THO, indicators: { "1.2.2": { value: "mot_cua" } } });
  });
});

describe("Tạo phụ lục: what the view shows", () => {
  test("only programmes whose indicators name a list offer it", () => {
    expect(hasLists(phuTho())).toBe(true);
    expect(hasLists(catalog().rulesets.get("thanh-hoa-cds-xa-2024")!)).toBe(false);
  });

  test("progress moves forward step by step, reading the rosters sheet by sheet, and ends full", () => {
    const steps: ListsProgress[] = [
      { step: "reading", sheet: "Số liệu", index: 0, of: 3 },
      { step: "reading", sheet: "Dân cư", index: 1, of: 3 },
      { step: "reading", sheet: "Cán bộ", index: 2, of: 3 },
      { step: "building" },
      { step: "checking" },
      { step: "writing", sheets: 6 },
      { step: "done" },
    ];
    const shown = steps.map(listsProgressView);
    expect(shown.map((s) => s.label)).toEqual([
      "Đang đọc trang “Số liệu” (1/3)…",
      "Đang đọc trang “Dân cư” (2/3)…",
      "Đang đọc trang “Cán bộ” (3/3)…",
      "Đang lập danh sách và tính tuổi…",
      "Đang đối chiếu số đếm với số liệu đã ánh xạ…",
      "Đang ghi 6 trang vào sổ tính…",
      "Đã lập xong.",
    ]);
    const values = shown.map((s) => s.value);
    expect(values.every((v, i) => i === 0 || v > values[i - 1]!)).toBe(true);
    expect(values[0]).toBeGreaterThan(0);
    expect(values.at(-1)).toBe(1);
  });

  test("each list: what it is, count with its unit in Vietnamese digits, the population it is drawn from, its sheet to select", () => {
    expect(
      listRows([
        {
          id: "PL03",
          appendix: "Phụ lục 03",
          title: "Thống kê số lượng người",
          sheetName: "Phụ lục 03 (2)",
          count: 2865,
          population: 3986,
          populationText: "người từ đủ 18 tuổi",
          rosterSheet: "Dân cư",
          unit: "người",
        },
      ]),
    ).toEqual([
      {
        id: "PL03",
        appendix: "Phụ lục 03",
        title: "Thống kê số lượng người",
        sheetName: "Phụ lục 03 (2)",
        sheetRef: "'Phụ lục 03 (2)'!A1",
        count: "2.865 người",
        population: "trong số 3.986 người từ đủ 18 tuổi của trang “Dân cư”",
      },
    ]);
  });

  test("roster problems split into lỗi and cảnh báo, each keeping its cell", () => {
    const split = bySeverity([
      { message: "Cột số CCCD", ref: "'Dân cư'!G1", severity: "canh-bao" },
      { message: "Trùng", ref: "'Dân cư'!B3", severity: "loi" },
      { message: "Không tìm thấy danh sách cán bộ", severity: "loi" },
    ]);
    expect(split.mustFix).toEqual([{ message: "Trùng", ref: "'Dân cư'!B3" }, { message: "Không tìm thấy danh sách cán bộ" }]);
    expect(split.shouldSee.map(problemTarget)).toEqual(["'Dân cư'!G1"]);
  });

  test("the rosters found replace the mapping's lists; none leaves it without", () => {
    const m: Mapping = { ruleset: PHU_THO, indicators: {}, lists: { rosters: {} } };
    expect(withLists(m, { rosters: { residents: { sheet: "Dân cư" } } }).lists).toEqual({ rosters: { residents: { sheet: "Dân cư" } } });
    expect(withLists(m, undefined)).toEqual({ ruleset: PHU_THO, indicators: {} });
  });
});

describe("Kiểm tra trước khi gửi: what the view shows", () => {
  const report = (problems: CheckReport["problems"]): CheckReport => ({ problems, counts: { loi: 0, canhBao: 0 }, sheets: ["Số liệu"] });

  test("lỗi first; a cell or a name is selectable, a path into the mapping is not", () => {
    const view = checkPanelView(
      report([
        problem("legacy-encoding", "Chữ TCVN3", { ref: "'Số liệu'!A6", suggestion: "Danh sách" }),
        problem("missing-input", "Chỉ tiêu 1.2.1 chưa có số liệu", { ref: "indicators.1.2.1.numerator", code: "1.2.1" }),
        problem("numerator-exceeds-denominator", "tử số lớn hơn mẫu số", { ref: "'Số liệu'!B1", code: "1.1.1" }),
        problem("mapping-blank", "để trống", { ref: "co_cns_y_te", code: "1.4.2" }),
      ]),
    );
    expect(view.canSend).toBe(false);
    expect(view.summary).toBe("Có 3 lỗi cần sửa trước khi gửi, 1 cảnh báo nên xem.");
    expect(view.sections.map((s) => [s.severity, s.title])).toEqual([
      ["loi", "Lỗi (3)"],
      ["canh-bao", "Cảnh báo (1)"],
    ]);
    expect(view.sections[0]!.items.map((i) => [i.title, problemTarget(i) ?? null])).toEqual([
      ["Chỉ tiêu 1.2.1", null],
      ["Chỉ tiêu 1.1.1", "'Số liệu'!B1"],
      ["Chỉ tiêu 1.4.2", "co_cns_y_te"],
    ]);
    expect(view.sections[1]!.items[0]).toMatchObject({ title: "Cảnh báo", target: "'Số liệu'!A6", suggestion: "Danh sách" });
  });

  test("nothing found says so plainly", () => {
    expect(checkPanelView(report([]))).toEqual({ summary: "Không có lỗi — có thể gửi.", canSend: true, sections: [], sheets: ["Số liệu"] });
  });
});
