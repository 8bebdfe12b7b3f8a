import { parseIsoDay } from "../../src/core/age/retirement";
import type { CellSpec, SheetLayout } from "../../src/core/layout/sheet";
import { buildLists, type ListsBuild } from "../../src/core/lists/build";
import { sortForList } from "../../src/core/lists/collate";
import { mergeListFigures } from "../../src/core/lists/figures";
import { wrapWords } from "../../src/core/lists/layout";
import { parseListIds } from "../../src/core/lists/templates";
import type { Input } from "../../src/core/evaluate/inputs";
import { toNumber } from "../../src/core/evaluate/rational";
import type { RawCell } from "../../src/core/text/cell";
import { makeBusinesses, makeCooperatives, makeOfficials, makeResidents, type Resident } from "../../src/sample/people";
import { num } from "../builders";
import { loadRulesetFile } from "../rulesets/golden";

const ruleset = loadRulesetFile("phu-tho-xa-thong-minh-2024");
const AS_OF = "2024-09-30";
const asOf = parseIsoDay(AS_OF)!;
const yn = (b: boolean) => (b ? "Có" : "Không");

/** The sample commune's rosters as a clerk's sheets hold them (src/sample/people.ts, fictitious people). */
function sampleSheets(n: number, seed = 7): { sheets: Map<string, RawCell[][]>; residents: Resident[] } {
  const residents = makeResidents(n, seed, AS_OF);
  const sheets = new Map<string, RawCell[][]>([
    [
      "Dân cư",
      [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"],
        ...residents.map((r, i) => [i + 1, r.name, r.birthDate, r.sex, r.village, yn(r.hasSmartphone), yn(r.hasPaymentAccount)]),
      ],
    ],
    [
      "Cán bộ",
      [
        ["STT", "Họ và tên", "Chức vụ", "Thôn/Khu dân cư", "Có điện thoại thông minh"],
        ...makeOfficials(seed).map((o, i) => [i + 1, o.name, o.position, o.village, yn(o.hasSmartphone)]),
      ],
    ],
    [
      "Cơ sở kinh doanh",
      [
        ["STT", "Tên cơ sở", "Thôn", "Có ĐKKD", "Thanh toán trực tuyến"],
        ...makeBusinesses(seed).map((b, i) => [i + 1, b.name, b.village, yn(b.registered), yn(b.usesOnlinePayment)]),
      ],
    ],
    [
      "Hợp tác xã",
      [
        ["STT", "Tên HTX / cơ sở sản xuất", "Thôn", "Ứng dụng công nghệ số"],
        ...makeCooperatives(seed).map((c, i) => [i + 1, c.name, c.village, yn(c.appliesDigitalTech)]),
      ],
    ],
    [
      "Số liệu",
      [
        ["Nội dung", "Số liệu"],
        ["Dân số", n],
      ],
    ],
  ]);
  return { sheets, residents };
}

function build(sheets: Map<string, RawCell[][]>, extra: Partial<Parameters<typeof buildLists>[0]> = {}): ListsBuild {
  return buildLists({
    ruleset,
    asOf,
    lists: { rosters: {} },
    sheets,
    existing: [...sheets.keys()].map((name) => ({ name })),
    commune: "Xã Minh Tân",
    ...extra,
  });
}

const text = (c: CellSpec | null | undefined) => (c && typeof c.value === "string" ? c.value : c?.value);
const column = (layout: SheetLayout, col: number) => layout.rows.map((r) => text(r[col - 1]));

/** Retirement ages written out from Nghị định 135/2020/NĐ-CP, Phụ lục I, independently of the code under test. */
function retirementMonths(sex: "Nam" | "Nữ", y: number, m: number): number {
  const at = y * 12 + (m - 1);
  const steps: Array<[number, number]> =
    sex === "Nam"
      ? [
          [1961 * 12 + 0, 723],
          [1961 * 12 + 9, 726],
          [1962 * 12 + 6, 729],
          [1963 * 12 + 3, 732],
          [1964 * 12 + 0, 735],
          [1964 * 12 + 9, 738],
          [1965 * 12 + 6, 741],
          [1966 * 12 + 3, 744],
        ]
      : [
          [1966 * 12, 664],
          [1966 * 12 + 8, 668],
          [1967 * 12 + 4, 672],
          [1968 * 12, 676],
          [1968 * 12 + 8, 680],
          [1969 * 12 + 4, 684],
          [1970 * 12, 688],
          [1970 * 12 + 8, 692],
          [1971 * 12 + 4, 696],
          [1972 * 12, 700],
          [1972 * 12 + 8, 704],
          [1973 * 12 + 4, 708],
          [1974 * 12, 712],
          [1974 * 12 + 8, 716],
          [1975 * 12 + 4, 720],
        ];
  let months = sex === "Nam" ? 720 : 660;
  for (const [from, value] of steps) if (at >= from) months = value;
  return months;
}

/** Reached `months` of age on asOf (same day-of-month, or the month's last day). */
function reached(b: Date, months: number): boolean {
  const total = b.getUTCFullYear() * 12 + b.getUTCMonth() + months;
  const y = Math.floor(total / 12);
  const m = total % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const on = Date.UTC(y, m, Math.min(b.getUTCDate(), last));
  return on <= Date.UTC(asOf.year, asOf.month - 1, asOf.day);
}

describe("the counts of a generated roster", () => {
  const { sheets, residents } = sampleSheets(3000);
  const b = build(sheets);
  const byId = new Map(b.lists.map((l) => [l.list.id, l]));

  test("all five lists are made from the rosters found by their headers", () => {
    expect(b.lists.map((l) => l.list.id)).toEqual(["PL03", "PL04", "PL05", "PL06", "PL07"]);
    expect(b.mapping.rosters.residents).toMatchObject({ sheet: "Dân cư", headerRow: 1 });
    expect(b.mapping.rosters.cooperatives?.columns.digitalTech).toBe("Ứng dụng công nghệ số");
  });

  test("Phụ lục 03 lists the adults with a smartphone; its population is every adult", () => {
    const adults = residents.filter((r) => reached(r.birthDate, 15 * 12)); // the ruleset's adult age, 15
    expect(byId.get("PL03")!.list.population).toBe(adults.length);
    expect(byId.get("PL03")!.count).toBe(adults.filter((r) => r.hasSmartphone).length);
  });

  test("Phụ lục 05 lists working-age people with an account, by the statutory retirement age", () => {
    const working = residents.filter(
      (r) =>
        reached(r.birthDate, 15 * 12) &&
        !reached(r.birthDate, retirementMonths(r.sex, r.birthDate.getUTCFullYear(), r.birthDate.getUTCMonth() + 1)),
    );
    expect(byId.get("PL05")!.list.population).toBe(working.length);
    expect(byId.get("PL05")!.count).toBe(working.filter((r) => r.hasPaymentAccount).length);
  });

  test("Phụ lục 04, 06 and 07 count what the sample was built with", () => {
    expect(byId.get("PL04")!.count).toBe(25);
    expect(byId.get("PL06")!).toMatchObject({ count: 27, list: { population: 34 } }); // unregistered shops with online payment do not count
    expect(byId.get("PL07")!).toMatchObject({ count: 3, list: { population: 8 } });
  });

  test("the sample's namesakes in different villages are both listed; nothing is reported as a duplicate", () => {
    expect(b.problems.filter((p) => p.message.startsWith("Trùng"))).toEqual([]);
    const twin = residents[7]!;
    expect(byId.get("PL03")!.list.members.filter((m) => m.name === twin.name && m.village !== "").length).toBeGreaterThanOrEqual(1);
  });

  test("the figures: 1.1.1 from Phụ lục 03 and the adults of the roster, 1.3.3 yes when Phụ lục 07 has anyone", () => {
    expect(b.figures["1.1.1"]!["numerator"]).toMatchObject({ value: byId.get("PL03")!.count, source: byId.get("PL03")!.totalRef });
    expect(b.figures["1.1.1"]!["denominator"]!.value).toBe(byId.get("PL03")!.list.population);
    expect(b.figures["1.3.3"]!["value"]!.value).toBe(1);
  });

  test("--only narrows the lists and the rosters read", () => {
    const only = build(sheets, { only: parseListIds("pl05, PL03").ids });
    expect(only.lists.map((l) => l.list.id)).toEqual(["PL03", "PL05"]);
    expect(only.rosters.map((r) => r.kind)).toEqual(["residents"]);
  });
});

describe("the sheets follow the templates of seed 001", () => {
  const { sheets } = sampleSheets(400);
  const b = build(sheets);
  const sheet = (id: string) => b.lists.find((l) => l.list.id === id)!;

  test("title as written, STT | Họ và Tên | Ghi chú, Tổng cộng, both confirmation blocks (Phụ lục 03)", () => {
    const l = sheet("PL03");
    const a = column(l.layout, 1);
    expect(a[0]).toBe("Phụ lục 03");
    expect(a.slice(1, 3).join(" ")).toBe("Thống kê số lượng người ở độ tuổi trưởng thành có sử dụng điện thoại thông minh trong xã");
    expect(a[3]).toBe("Xã Minh Tân · Ngày báo cáo: 30/09/2024");
    const header = l.layout.rows.findIndex((r) => text(r[0]) === "STT");
    expect(l.layout.rows[header]!.map(text)).toEqual(["STT", "Họ và Tên", "Ghi chú"]);
    expect(l.layout.print).toEqual({ orientation: "portrait", fitToWidth: true, repeatRows: { first: header + 1, last: header + 1 } });
    expect(a[header + 1]).toBe(1);
    expect(a).toContain(`Tổng cộng: ${l.count.toLocaleString("vi-VN")} người`);
    expect(l.totalRef).toBe(`'Phụ lục 03'!A${a.indexOf(`Tổng cộng: ${l.count.toLocaleString("vi-VN")} người`) + 1}`);
    const confirm = l.layout.rows[l.layout.rows.length - 2]!.map(text);
    expect(confirm).toEqual(["Xác nhận của UBND xã", undefined, "Xác nhận của khu dân cư"]);
    expect(l.layout.key).toBe("PL03");
  });

  test.each([
    ["PL04", "Thống kê số lượng cán bộ xã có sử dụng điện thoại thông minh", "Họ và Tên", ["Xác nhận của UBND xã"]],
    [
      "PL05",
      "Thống kê danh sách người dân ở độ tuổi lao động có tài khoản thanh toán điện tử tại ngân hàng hoặc tổ chức được phép khác",
      "Họ và Tên",
      ["Xác nhận của UBND xã", "Xác nhận của khu dân cư"],
    ],
    [
      "PL06",
      "Cơ sở sản xuất kinh doanh các giải pháp thanh toán thông qua tài khoản thanh toán điện tử tại ngân hàng hoặc các tổ chức khác",
      "Tên cơ sở sản xuất",
      ["Xác nhận của UBND xã"],
    ],
    [
      "PL07",
      "HTX, cơ sở sản xuất ứng dụng công nghệ số trong quản lý sản xuất và truy xuất nguồn gốc sản phẩm nông nghiệp",
      "Tên cơ sở sản xuất",
      ["Xác nhận của UBND xã"],
    ],
  ])("%s: title, name header and confirmation blocks", (id, title, nameHeader, confirmations) => {
    const l = sheet(id);
    const a = column(l.layout, 1);
    const header = l.layout.rows.findIndex((r) => text(r[0]) === "STT");
    expect(
      a
        .slice(1, header)
        .filter((v) => typeof v === "string" && !v.startsWith("Xã") && l.layout.rows[a.indexOf(v)]![0]!.style === "title")
        .join(" "),
    ).toBe(title);
    expect(text(l.layout.rows[header]![1])).toBe(nameHeader);
    const confirm = l.layout.rows[l.layout.rows.length - 2]!.map(text).filter((v) => v !== null && v !== undefined);
    expect(confirm).toEqual(confirmations);
  });

  test("sorted by village, then given name, family name, middle name in Vietnamese order", () => {
    const items = ["Nguyễn Văn Đạt", "Lê Thị Ánh", "Trần Văn Dũng", "Bùi An", "Đỗ Thị An", "Nguyễn Thị An"].map((name, row) => ({
      name,
      village: "Thôn Đông",
      row,
    }));
    items.push(
      { name: "Hà Văn Ba", village: "Khu Đồng Cả", row: 9 },
      { name: "Vũ Văn Ba", village: "", row: 10 },
      { name: "Lý Văn Ba", village: "Khu Gò Chè", row: 11 },
    );
    expect(sortForList(items, true).map((i) => `${i.village}/${i.name}`)).toEqual([
      "Khu Đồng Cả/Hà Văn Ba",
      "Khu Gò Chè/Lý Văn Ba",
      "Thôn Đông/Bùi An",
      "Thôn Đông/Đỗ Thị An",
      "Thôn Đông/Nguyễn Thị An",
      "Thôn Đông/Lê Thị Ánh",
      "Thôn Đông/Trần Văn Dũng",
      "Thôn Đông/Nguyễn Văn Đạt",
      "/Vũ Văn Ba",
    ]);
  });

  test("grouped by village: a heading and a subtotal per village, STT running on, the total unchanged", () => {
    const grouped = build(sheets, { groupByVillage: true, only: ["PL03"] }).lists[0]!;
    const a = column(grouped.layout, 1);
    const subtotals = a.filter((v): v is string => typeof v === "string" && v.startsWith("Cộng "));
    const sum = subtotals.reduce((s, v) => s + Number(/: ([\d.]+) người$/.exec(v)![1]!.replace(/\./g, "")), 0);
    expect(sum).toBe(grouped.count);
    expect(subtotals.length).toBe(new Set(grouped.list.members.map((m) => m.village)).size);
    expect(a.filter((v) => typeof v === "number").at(-1)).toBe(grouped.count);
  });

  test("a clerk's sheet named Phụ lục 03 keeps its name; ours takes the next free one", () => {
    const taken = build(sheets, { existing: [{ name: "Phụ lục 03" }], only: ["PL03"] }).lists[0]!;
    expect(taken.sheetName).toBe("Phụ lục 03 (2)");
    expect(taken.totalRef).toMatch(/^'Phụ lục 03 \(2\)'!A\d+$/);
  });

  test("an empty list still has its header, Tổng cộng: 0 and the blocks", () => {
    const none = new Map(sheets);
    none.set("Hợp tác xã", [
      ["STT", "Tên HTX / cơ sở sản xuất", "Thôn", "Ứng dụng công nghệ số"],
      [1, "HTX A", "Thôn Đông", "Không"],
    ]);
    const l = build(none, { only: ["PL07"] }).lists[0]!;
    expect(column(l.layout, 1)).toContain("Tổng cộng: 0 cơ sở");
  });

  test("titles wrap at spaces into printed lines", () => {
    expect(wrapWords("một hai ba bốn", 7)).toEqual(["một hai", "ba bốn"]);
  });
});

function numberOf(i: Input | undefined): number {
  if (i?.kind !== "number") throw new Error(`not a number: ${JSON.stringify(i)}`);
  return toNumber(i.value);
}

describe("lists feed the figures", () => {
  const { sheets } = sampleSheets(300);
  const b = build(sheets, { only: ["PL03"] });
  const l = b.lists[0]!;

  test("an unmapped numerator and denominator take the list's figures", () => {
    const m = mergeListFigures({}, b.figures);
    expect(m.problems).toEqual([]);
    expect(numberOf(m.inputs["1.1.1"]!["numerator"])).toBe(l.count);
    expect(m.inputs["1.1.1"]!["numerator"]!.source).toBe(l.totalRef);
  });

  test("a mapped figure that disagrees is a problem naming both places", () => {
    const m = mergeListFigures(
      { "1.1.1": { numerator: num(l.count + 3, "co_dttm ('Số liệu'!B6)"), denominator: num(l.list.population, "dan_so ('Số liệu'!B5)") } },
      b.figures,
    );
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]!.message).toContain(l.totalRef);
    expect(m.problems[0]!.message).toContain("co_dttm ('Số liệu'!B6)");
    expect(m.problems[0]).toMatchObject({ severity: "loi", ref: "co_dttm ('Số liệu'!B6)" });
    expect(numberOf(m.inputs["1.1.1"]!["numerator"])).toBe(l.count + 3); // the clerk's figure is kept
  });
});

describe("bad rosters", () => {
  test("a birth date after the report date, a missing birth date and a birth year only are each said", () => {
    const sheets = new Map<string, RawCell[][]>([
      [
        "Dân cư",
        [
          ["Họ và tên", "Năm sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"],
          ["Nguyễn Văn Tương Lai", new Date(Date.UTC(2025, 0, 1)), "Nam", "Thôn Đông", "Có", "Có"],
          ["Lê Thị Không Ngày", null, "Nữ", "Thôn Đông", "Có", "Có"],
          ["Trần Văn Năm", 2009, "Nam", "Thôn Đông", "Có", "Có"], // born in 2009: 15 on 30/09/2024 only if born by then
          ["Phạm Thị Đủ", new Date(Date.UTC(1990, 4, 2)), "Nữ", "Thôn Đông", "Có", "Có"],
        ],
      ],
    ]);
    const b = build(sheets, { only: ["PL03", "PL05"] });
    const pl03 = b.lists.find((l) => l.list.id === "PL03")!;
    expect(pl03.list.members.map((m) => m.name).sort()).toEqual(["Phạm Thị Đủ", "Trần Văn Năm"]);
    const messages = b.problems.map((p) => p.message).join("\n");
    expect(messages).toContain("sau ngày báo cáo 30/09/2024");
    expect(messages).toContain("không có ngày sinh");
    expect(messages).toContain("coi như sinh ngày 01/01");
    expect(messages).toContain("phụ thuộc ngày sinh thật");
    expect(
      column(pl03.layout, 1)
        .join(" ")
        .replace(/\u00a0/g, " "),
    ).toContain("Nghị định 135/2020/NĐ-CP, Điều 3 khoản 3");
  });

  test("a roster without the list's yes/no column gives a population but no count to feed a figure", () => {
    const sheets = new Map<string, RawCell[][]>([
      [
        "Dân cư",
        [
          ["Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có tài khoản thanh toán điện tử"],
          ["Lê Văn Một", "01/02/1980", "Nam", "Thôn Đông", "Có"],
        ],
      ],
    ]);
    const b = build(sheets, { only: ["PL03"] });
    expect(b.figures["1.1.1"]).toEqual({ denominator: expect.objectContaining({ value: 1 }) });
    expect(b.problems.map((p) => p.message).join("\n")).toContain('không có cột "Có điện thoại thông minh"');
  });

  test("establishments without a registration column are all taken as registered, and that is said", () => {
    const sheets = new Map<string, RawCell[][]>([
      [
        "Cơ sở",
        [
          ["Tên cơ sở", "Thôn", "Thanh toán trực tuyến"],
          ["Quán phở Hùng Lan", "Thôn Đông", "Có"],
          ["Tiệm may Mai", "Thôn Đoài", "Không"],
        ],
      ],
    ]);
    const b = build(sheets, { only: ["PL06"] });
    expect(b.lists[0]).toMatchObject({ count: 1, list: { population: 2 } });
    expect(b.problems.map((p) => p.message).join("\n")).toContain("mọi cơ sở được coi là có ĐKKD");
  });

  test("no roster at all: the lists are not made and the message says which headers are looked for", () => {
    const b = build(new Map([["Số liệu", [["Nội dung", "Số liệu"]]]]));
    expect(b.lists).toEqual([]);
    expect(b.problems.map((p) => p.message).join("\n")).toContain('"Họ và tên", "Ngày sinh"');
  });
});
