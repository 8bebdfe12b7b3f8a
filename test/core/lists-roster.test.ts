import { classifyHeader, proposeRoster } from "../../src/core/lists/columns";
import { findIdLikeColumns } from "../../src/core/lists/id-columns";
import { parseListsMapping, rosterMappingOf } from "../../src/core/lists/mapping";
import { readRoster, resolveRoster } from "../../src/core/lists/roster";
import { civilFromDays, readBirth } from "../../src/core/lists/values";
import type { RawCell } from "../../src/core/text/cell";

const RESIDENT_HEADERS = [
  "STT",
  "Họ và tên",
  "Ngày sinh",
  "Giới tính",
  "Thôn",
  "Có điện thoại thông minh",
  "Có tài khoản thanh toán điện tử",
];

/** A residents roster: header row then one row per person (STT filled in). */
function residents(people: Array<[string | null, RawCell, RawCell, RawCell, RawCell, RawCell]>, extraTop: RawCell[][] = []): RawCell[][] {
  return [...extraTop, RESIDENT_HEADERS, ...people.map((p, i) => [i + 1, ...p])];
}

function read(rows: RawCell[][], sheet = "Dân cư") {
  const p = proposeRoster(sheet, rows);
  if (!p) throw new Error("no roster proposed");
  return readRoster(p.kind, sheet, rows, p.headerRow, p.columns);
}

describe("headers folded as DESIGN.md says", () => {
  test.each([
    ["Họ và tên", "name"],
    ["HỌ  VÀ TÊN", "name"],
    ["Ho va ten", "name"],
    ["Tên cơ sở", "name"],
    ["Tên HTX / cơ sở sản xuất", "name"],
    ["Ngày sinh", "birthDate"],
    ["Năm sinh", "birthDate"],
    ["Ngày, tháng, năm sinh", "birthDate"],
    ["Giới tính", "sex"],
    ["Nam/Nữ", "sex"],
    ["Thôn", "village"],
    ["Khu dân cư", "village"],
    ["Thôn/Khu dân cư", "village"],
    ["Chức vụ", "position"],
    ["Có điện thoại thông minh", "smartphone"],
    ["Sử dụng ĐTTM", "smartphone"],
    ["Có tài khoản thanh toán điện tử", "paymentAccount"],
    ["Có ĐKKD", "registered"],
    ["Thanh toán trực tuyến", "onlinePayment"],
    ["Ứng dụng công nghệ số", "digitalTech"],
    ["Số CCCD", "id-number"],
    ["Số tài khoản", "id-number"],
    ["Số điện thoại", "id-number"],
    ["STT", "serial"],
    ["Ghi chú", undefined],
  ])("%s → %s", (header, role) => {
    expect(classifyHeader(header)).toBe(role);
  });
});

describe("rosters proposed from their header row", () => {
  test("a residents roster under two title rows, on any sheet", () => {
    const rows = residents(
      [["Nguyễn Văn An", new Date(Date.UTC(1980, 2, 12)), "Nam", "Thôn Đông", "Có", "Có"]],
      [["DANH SÁCH DÂN CƯ"], []],
    );
    const p = proposeRoster("Trang 1", rows);
    expect(p).toMatchObject({ kind: "residents", headerRow: 3 });
    expect(p?.columns.birthDate).toEqual({ col: 3, header: "Ngày sinh" });
  });

  test.each([
    [["STT", "Họ và tên", "Chức vụ", "Thôn/Khu dân cư", "Có điện thoại thông minh"], "officials"],
    [["STT", "Tên cơ sở", "Thôn", "Có ĐKKD", "Thanh toán trực tuyến"], "businesses"],
    [["STT", "Tên HTX / cơ sở sản xuất", "Thôn", "Ứng dụng công nghệ số"], "cooperatives"],
    [["Nội dung", "Số liệu", "Ghi chú"], undefined],
  ])("%j is a %s roster", (headers, kind) => {
    expect(proposeRoster("Trang", [headers])?.kind).toBe(kind);
  });

  test("the proposal is stored by header text and validated as the mapping's lists value", () => {
    const p = proposeRoster("Dân cư", residents([]))!;
    const stored = { rosters: { residents: rosterMappingOf(p) } };
    expect(stored.rosters.residents.columns).toMatchObject({
      name: "Họ và tên",
      birthDate: "Ngày sinh",
      smartphone: "Có điện thoại thông minh",
    });
    expect(parseListsMapping(JSON.parse(JSON.stringify(stored)), "m.json")).toMatchObject({ ok: true });
    const bad = parseListsMapping({ rosters: { people: {} } }, "m.json");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/^m\.json: lists\.rosters/);
  });

  test("a column the clerk moved is found again by its header", () => {
    const p = proposeRoster("Dân cư", residents([]))!;
    const moved = [["Thôn", "Họ và tên", "Ngày sinh", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử", "Giới tính"]];
    const r = resolveRoster("residents", rosterMappingOf(p), [["Danh sách"], ...moved]);
    expect(r).toMatchObject({ ok: true, headerRow: 2 });
    if (r.ok) expect(r.columns.sex?.col).toBe(6);
  });

  test("a stored header the sheet no longer has is a problem naming it", () => {
    const p = proposeRoster("Dân cư", residents([]))!;
    const r = resolveRoster("residents", rosterMappingOf(p), [["Họ và tên", "Thôn"]]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((x) => x.message).join("\n")).toContain('"Ngày sinh"');
  });
});

describe("birth dates as clerks type them", () => {
  test.each<[RawCell, unknown]>([
    [new Date(Date.UTC(1964, 2, 15)), { precision: "day", year: 1964, month: 3, day: 15 }],
    [new Date(Date.UTC(1964, 2, 14, 17)), { precision: "day", year: 1964, month: 3, day: 15 }], // local midnight at UTC+7
    ["15/03/1964", { precision: "day", year: 1964, month: 3, day: 15 }],
    ["5-3-1964", { precision: "day", year: 1964, month: 3, day: 5 }],
    ["1964-03-15", { precision: "day", year: 1964, month: 3, day: 15 }],
    ["03/1964", { precision: "month", year: 1964, month: 3 }],
    [1964, { precision: "year", year: 1964 }],
    ["1964", { precision: "year", year: 1964 }],
  ])("%p", (raw, birth) => {
    expect(readBirth(raw)).toEqual({ kind: "ok", value: birth });
  });

  test.each<RawCell>(["31/02/1964", "15/03/64", "khoảng 1964", 23450, true])("%p is not read, never guessed", (raw) => {
    expect(readBirth(raw).kind).toBe("invalid");
  });

  test("a date cell's day is the UTC Date's, from 1880 to 2100 and at the ends of the Date range", () => {
    const utc = (day: number) => ((u) => [u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate()])(new Date(day * 86_400_000));
    const days = [-100_000_000, -1, 0, 100_000_000];
    for (let day = -36_500; day <= 47_500; day++) days.push(day);
    expect(days.filter((day) => civilFromDays(day).join("-") !== utc(day).join("-"))).toEqual([]);
    expect(readBirth(new Date(8.64e15)).kind).toBe("invalid");
  });

  test("blank is missing", () => {
    expect(readBirth(null).kind).toBe("blank");
    expect(readBirth("  ").kind).toBe("blank");
  });
});

describe("reading a roster", () => {
  const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

  test("the same person twice (folded name, birth date, village) is kept once and reported with both rows", () => {
    const r = read(
      residents([
        ["Nguyễn Văn Hòa", d(1980, 3, 12), "Nam", "Thôn Đông", "Có", "Có"],
        ["nguyễn  văn hoà", d(1980, 3, 12), "Nam", "thôn đông", "Có", "Có"], // same person typed again
        ["Nguyễn Văn Hòa", d(1980, 3, 12), "Nam", "Thôn Đoài", "Có", "Có"], // a namesake in another village
        ["Nguyễn Văn Hòa", d(1981, 3, 12), "Nam", "Thôn Đông", "Có", "Có"], // another birth date
      ]),
    );
    expect(r.entries).toHaveLength(3);
    const dup = r.problems.filter((p) => p.message.startsWith("Trùng"));
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: "loi", ref: "'Dân cư'!B3" });
    expect(dup[0]!.message).toContain("dòng 2 và dòng 3");
  });

  test("a duplicate needs the same precision of birth too: a year, a month and a day of one year are three people", () => {
    const r = read(
      residents([
        ["Trần Văn An", 1980, "Nam", "Thôn Đông", "Có", "Có"],
        ["Trần Văn An", "03/1980", "Nam", "Thôn Đông", "Có", "Có"],
        ["Trần Văn An", d(1980, 3, 1), "Nam", "Thôn Đông", "Có", "Có"],
        ["Trần Văn An", null, "Nam", "Thôn Đông", "Có", "Có"],
        ["TRẦN VĂN AN", "3/1980", "Nam", "Thôn Đông", "Có", "Có"], // the month-and-year one again
        ["Trần Văn An", null, "Nam", "thôn Đông", "Có", "Có"], // the one without a birth date again
        ["Trần Văn An", null, "Nam", "Thôn Đoài", "Có", "Có"], // without a birth date, another village
      ]),
    );
    expect(r.entries.map((e) => e.row)).toEqual([2, 3, 4, 5, 8]);
    const dup = r.problems.filter((p) => p.message.startsWith("Trùng"));
    expect(dup.map((p) => p.ref)).toEqual(["'Dân cư'!B6", "'Dân cư'!B7"]);
    expect(dup[0]!.message).toContain("dòng 3 và dòng 6");
    expect(dup[1]!.message).toContain("dòng 5 và dòng 7");
  });

  test("a blank name is skipped and reported; a blank row is skipped silently", () => {
    const r = read(
      residents([
        [null, d(1980, 3, 12), "Nam", "Thôn Đông", "Có", "Có"],
        [null, null, null, null, null, null],
        ["Lê Thị Bình", d(1990, 1, 1), "Nữ", "Thôn Đông", "Có", "Không"],
      ]),
    );
    expect(r.entries.map((e) => e.name)).toEqual(["Lê Thị Bình"]);
    expect(r.problems.filter((p) => /không có tên/.test(p.message))).toEqual([
      expect.objectContaining({ ref: "'Dân cư'!B2", severity: "loi" }),
    ]);
  });

  test("a name starting with =, +, - or @ is kept as its text and pointed out", () => {
    const names = ['=HYPERLINK("x")', "+84 Nguyễn", "-Trần Văn", "@Lê"];
    const r = read(
      residents(
        names.map((n) => [n, d(1980, 1, 1), "Nam", "Thôn Đông", "Có", "Có"] as [string, RawCell, RawCell, RawCell, RawCell, RawCell]),
      ),
    );
    expect(r.entries.map((e) => e.name)).toEqual(names);
    expect(r.problems.filter((p) => p.message.includes("dạng chữ"))).toHaveLength(4);
  });

  test("people without a birth date are reported, never given one", () => {
    const r = read(
      residents([
        ["Phạm Văn Cường", null, "Nam", "Thôn Đông", "Có", "Có"],
        ["Đỗ Thị Dung", "không rõ", "Nữ", "Thôn Đông", "Có", "Có"],
      ]),
    );
    expect(r.entries.every((e) => e.birth === undefined)).toBe(true);
    const messages = r.problems.map((p) => p.message).join("\n");
    expect(messages).toContain("1 người trên trang \"Dân cư\" không có ngày sinh ('Dân cư'!C2)");
    expect(messages).toContain('không đọc được ngày sinh "không rõ"');
  });

  test("an invalid date (another port's absurd date cell) is an unreadable birth named by its cell, not a crash", () => {
    const r = read(
      residents([
        ["Phạm Văn Cường", new Date(Number.NaN), "Nam", "Thôn Đông", "Có", "Có"],
        ["Đỗ Thị Dung", d(1980, 1, 1), "Nữ", "Thôn Đông", "Có", "Có"],
      ]),
    );
    expect(r.entries.map((e) => e.birth?.year)).toEqual([undefined, 1980]);
    expect(r.problems.map((p) => p.message)).toContain(
      "Ô 'Dân cư'!C2: không đọc được ngày sinh \"ngày không hợp lệ\" của Phạm Văn Cường — ghi dạng ngày/tháng/năm (15/03/1964) hoặc năm sinh (1964); người này không được xếp vào danh sách theo tuổi",
    );
  });

  test("entries that answered alike share their flags, each as read", () => {
    const r = read(
      residents([
        ["A Văn Một", d(1980, 1, 1), "Nam", "Thôn Đông", "Có", "Không"],
        ["B Văn Hai", d(1980, 1, 1), "Nam", "Thôn Đông", "Có", "Không"],
        ["C Văn Ba", d(1980, 1, 1), "Nam", "Thôn Đông", null, "Có"],
      ]),
    );
    expect(r.entries.map((e) => e.flags)).toEqual([
      { smartphone: true, paymentAccount: false },
      { smartphone: true, paymentAccount: false },
      { paymentAccount: true },
    ]);
    expect(Object.keys(r.entries[2]!.flags)).toEqual(["paymentAccount"]);
  });

  test("unreadable yes/no answers are reported once per column with examples", () => {
    const r = read(
      residents([
        ["A Văn Một", d(1980, 1, 1), "Nam", "Thôn Đông", "chưa rõ", "Có"],
        ["B Văn Hai", d(1980, 1, 1), "Nam", "Thôn Đông", "?", "Có"],
      ]),
    );
    const p = r.problems.filter((x) => x.message.includes("có/không"));
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('2 ô của cột "Có điện thoại thông minh"');
    expect(r.entries[0]!.flags.smartphone).toBeUndefined();
  });

  test("a total line at the bottom is not a person", () => {
    const r = read(
      residents([
        ["Lê Văn Tám", d(1980, 1, 1), "Nam", "Thôn Đông", "Có", "Có"],
        ["Tổng cộng", null, null, null, 1, 1],
      ]),
    );
    expect(r.entries.map((e) => e.name)).toEqual(["Lê Văn Tám"]);
  });
});

describe("columns of personal numbers", () => {
  const rows: RawCell[][] = [
    ["Họ và tên", "Số định danh", "Ghi chú A", "TK", "Thôn", "Có tài khoản thanh toán điện tử", "Ngày sinh"],
    ["Nguyễn Văn An", "001085012345", "x", 1903456789012, "Thôn Đông", "Có", 1980],
    ["Lê Thị Bình", "034190001234", "y", 1903456789013, "Thôn Đông", "Có", 1981],
    ["Trần Văn Cả", "035 095 001 234", "z", "0071000123456", "Thôn Đông", "Có", 1982],
  ];

  test("12-digit citizen IDs and 9–19 digit account-like numbers are found by their values", () => {
    const found = findIdLikeColumns(rows, 1);
    expect(found.map((c) => [c.col, c.kind])).toEqual([
      [2, "citizen-id"],
      [4, "account-like"],
    ]);
  });

  test("are pointed out, and never read as a list column even when mapped to the name", () => {
    const r = readRoster("residents", "Dân cư", rows, 1, {
      name: { col: 2, header: "Số định danh" },
      birthDate: { col: 7, header: "Ngày sinh" },
      paymentAccount: { col: 6, header: "Có tài khoản thanh toán điện tử" },
    });
    expect(r.entries).toEqual([]);
    expect(r.columns.name).toBeUndefined();
    const messages = r.problems.map((p) => p.message).join("\n");
    expect(messages).toContain("số căn cước công dân — không chép vào danh sách");
    expect(messages).toContain("Luật Bảo vệ dữ liệu cá nhân");
  });
});
