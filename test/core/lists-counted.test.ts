import { parseIsoDay } from "../../src/core/age/retirement";
import { buildLists, type ListsBuild } from "../../src/core/lists/build";
import { listSheetLayout, listSheetPlaces } from "../../src/core/lists/layout";
import type { RosterEntry } from "../../src/core/lists/roster";
import type { BuiltList } from "../../src/core/lists/select";
import { LIST_TEMPLATES } from "../../src/core/lists/templates";
import type { RawCell } from "../../src/core/text/cell";
import { makeBusinesses, makeOfficials, makeResidents } from "../../src/sample/people";
import { loadRulesetFile } from "../rulesets/golden";

const ruleset = loadRulesetFile("phu-tho-xa-thong-minh-2024");
const AS_OF = "2024-09-30";
const asOf = parseIsoDay(AS_OF)!;
const yn = (b: boolean) => (b ? "Có" : "Không");

function sheets(n: number): Map<string, RawCell[][]> {
  const residents = makeResidents(n, 11, AS_OF);
  return new Map<string, RawCell[][]>([
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
        ...makeOfficials(11).map((o, i) => [i + 1, o.name, o.position, o.village, yn(o.hasSmartphone)]),
      ],
    ],
    [
      "Cơ sở kinh doanh",
      [
        ["STT", "Tên cơ sở", "Thôn", "Có ĐKKD", "Thanh toán trực tuyến"],
        ...makeBusinesses(11).map((b, i) => [i + 1, b.name, b.village, yn(b.registered), yn(b.usesOnlinePayment)]),
      ],
    ],
  ]);
}

function build(s: Map<string, RawCell[][]>, extra: Partial<Parameters<typeof buildLists>[0]>): ListsBuild {
  return buildLists({
    ruleset,
    asOf,
    lists: { rosters: {} },
    sheets: s,
    existing: [...s.keys()].map((name) => ({ name })),
    commune: "Xã Minh Tân",
    ...extra,
  });
}

const summary = (
  lists: ReadonlyArray<{
    list: { id: string; population: number; members: ReadonlyArray<{ row: number }> };
    totalRef: string;
    countFormula?: string;
    count: number;
  }>,
) =>
  lists.map((l) => ({
    id: l.list.id,
    count: l.count,
    population: l.list.population,
    totalRef: l.totalRef,
    countFormula: l.countFormula,
    rows: l.list.members.map((m) => m.row).sort((a, b) => a - b),
  }));

describe("lists counted without layouts (evaluate, check and the roll-up write no list sheet)", () => {
  it.each([false, true])(
    "gives the figures, counts, totals' cells and problems of the written lists (grouped by village: %s)",
    (groupByVillage) => {
      const s = sheets(600);
      const written = build(s, { groupByVillage });
      const counted = build(s, { groupByVillage, layouts: false });
      expect(written.lists.length).toBeGreaterThan(0);
      expect(counted.lists).toEqual([]);
      expect(summary(counted.counted!)).toEqual(summary(written.lists));
      expect(counted.figures).toEqual(written.figures);
      expect(counted.problems).toEqual(written.problems);
      expect(counted.mapping).toEqual(written.mapping);
    },
  );

  it("keeps the print order only where a sheet is laid out: members in roster order otherwise", () => {
    const s = sheets(600);
    const written = build(s, {});
    const counted = build(s, { layouts: false });
    const pl03 = (l: NonNullable<ListsBuild["counted"]> | ListsBuild["lists"]) =>
      l.find((x) => x.list.id === "PL03")!.list.members.map((m) => m.row);
    const rosterOrder = pl03(counted.counted!);
    expect(rosterOrder).toEqual([...rosterOrder].sort((a, b) => a - b));
    expect(pl03(written.lists)).not.toEqual(rosterOrder);
    expect(written.counted).toBeUndefined();
  });
});

describe("where a list's total is, without laying out its members", () => {
  const entry = (row: number, village: string): RosterEntry => ({ row, name: `Người ${row}`, village, flags: {} });
  const list = (members: RosterEntry[]): BuiltList => ({
    id: "PL03",
    template: LIST_TEMPLATES.PL03,
    sheet: "Dân cư",
    members,
    population: members.length + 3,
    populationText: "người từ đủ 18 tuổi",
    criteria: "Người từ đủ 18 tuổi có điện thoại thông minh, một dòng tiêu chí đủ dài để xuống dòng khi in trên khổ A4 dọc",
    answered: true,
    problems: [],
  });
  const villages = ["Thôn Đông", "Thôn Đông", "", "Thôn Đoài", "Thôn Đông", "", ""];

  it.each([
    ["no one listed", [], false],
    ["no one listed, by village", [], true],
    ["one run per village", villages.map((v, i) => entry(i + 2, v)), false],
    ["runs of villages, blank ones among them", villages.map((v, i) => entry(i + 2, v)), true],
  ])("%s: the same total cell, count and count formula as the laid-out sheet", (_label, members, groupByVillage) => {
    const input = {
      list: list(members),
      sheetName: "Phụ lục 03",
      commune: "Xã Minh Tân",
      asOf,
      groupByVillage,
      notes: ["Người chỉ ghi năm sinh được coi như sinh ngày 01/01 của năm đó."],
    };
    const { layout, ...places } = listSheetLayout(input);
    expect(listSheetPlaces(input)).toEqual(places);
    expect(layout.rows.length).toBeGreaterThan(members.length);
  });
});
