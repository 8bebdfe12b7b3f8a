import {
  addSpan,
  ageReached,
  assumedBirthDay,
  bornAfter,
  parseIsoDay,
  quickAgeReached,
  quickWorkingAge,
  retirementAge,
  retirementDay,
  workingAge,
  type Birth,
  type Sex,
  type Ymd,
} from "../../src/core/age/retirement";

const day = (iso: string): Ymd => {
  const d = parseIsoDay(iso);
  if (!d) throw new Error(`bad date in test: ${iso}`);
  return d;
};
const born = (iso: string): Birth => ({ precision: "day", ...day(iso) });
const year = (y: number): Birth => ({ precision: "year", year: y });

describe("retirement age by sex and month of birth (Nghị định 135/2020/NĐ-CP, Phụ lục I)", () => {
  test.each<[Sex, number, number, number, number]>([
    ["nam", 1960, 12, 60, 0],
    ["nam", 1961, 1, 60, 3],
    ["nam", 1961, 9, 60, 3],
    ["nam", 1961, 10, 60, 6],
    ["nam", 1962, 6, 60, 6],
    ["nam", 1962, 7, 60, 9],
    ["nam", 1963, 4, 61, 0],
    ["nam", 1964, 1, 61, 3],
    ["nam", 1964, 3, 61, 3],
    ["nam", 1964, 10, 61, 6],
    ["nam", 1966, 3, 61, 9],
    ["nam", 1966, 4, 62, 0],
    ["nam", 1990, 6, 62, 0],
    ["nu", 1965, 12, 55, 0],
    ["nu", 1966, 1, 55, 4],
    ["nu", 1966, 8, 55, 4],
    ["nu", 1966, 9, 55, 8],
    ["nu", 1967, 5, 56, 0],
    ["nu", 1968, 5, 56, 4],
    ["nu", 1968, 9, 56, 8],
    ["nu", 1975, 4, 59, 8],
    ["nu", 1975, 5, 60, 0],
    ["nu", 1995, 1, 60, 0],
  ])("%s born %i/%i retires at %i years %i months", (sex, y, m, years, months) => {
    expect(retirementAge(sex, y, m)).toEqual({ years, months });
  });
});

describe("the day an age is reached", () => {
  test("a day the target month lacks becomes its last day (Bộ luật Dân sự 2015, Điều 148)", () => {
    expect(addSpan(day("1961-08-31"), { years: 60, months: 3 })).toEqual(day("2021-11-30"));
    expect(addSpan(day("2008-02-29"), { years: 18, months: 0 })).toEqual(day("2026-02-28"));
    expect(addSpan(day("2008-02-29"), { years: 16, months: 0 })).toEqual(day("2024-02-29"));
  });

  test("a man born 15/03/1964 reaches 61 years 3 months on 15/06/2025", () => {
    expect(retirementDay(born("1964-03-15"), "nam")).toEqual({ on: day("2025-06-15"), age: { years: 61, months: 3 } });
  });

  test("a woman born 20/05/1968 reaches 56 years 4 months on 20/09/2024", () => {
    expect(retirementDay(born("1968-05-20"), "nu")).toEqual({ on: day("2024-09-20"), age: { years: 56, months: 4 } });
  });
});

describe("adult age on the report date", () => {
  test.each([
    ["2006-09-30", "2024-09-30", true], // 18th birthday on the report date: an adult that day
    ["2006-10-01", "2024-09-30", false], // 18 the day after
    ["2008-02-29", "2026-02-28", true], // born on 29/02: 18 on 28/02 of a common year
    ["2008-02-29", "2026-02-27", false],
  ])("born %s, report date %s: adult %s", (b, asOf, adult) => {
    expect(ageReached(born(b), 18, day(asOf)).counted).toBe(adult);
  });

  test("the reason names the day the age is reached", () => {
    expect(ageReached(born("2006-10-01"), 18, day("2024-09-30")).reason).toBe("đủ 18 tuổi vào 01/10/2024, sau ngày báo cáo");
  });
});

describe("working age on the report date: from a full 15 until the retirement age", () => {
  test.each<[string, Sex, string, boolean]>([
    ["2009-09-30", "nam", "2024-09-30", true], // a full 15 on the report date: in
    ["2009-10-01", "nam", "2024-09-30", false], // 15 tomorrow: not yet
    ["1964-03-15", "nam", "2025-06-14", true], // the day before reaching 61y3m
    ["1964-03-15", "nam", "2025-06-15", false], // the day he reaches it
    ["1964-03-15", "nam", "2024-09-30", true], // already 60, still in under the new schedule
    ["1968-05-20", "nu", "2024-09-19", true], // the day before reaching 56y4m
    ["1968-05-20", "nu", "2024-09-20", false], // the day she reaches it
    ["1968-05-20", "nu", "2023-09-30", true], // 55 and more, still in
    ["1960-01-10", "nam", "2019-12-31", true], // before 1961: 60 years
    ["1960-01-10", "nam", "2020-01-10", false],
  ])("born %s (%s), report date %s: in working age %s", (b, sex, asOf, inside) => {
    expect(workingAge(born(b), sex, day(asOf)).counted).toBe(inside);
  });

  test("without the sex, an age both sexes agree on is still counted", () => {
    expect(workingAge(born("1990-01-01"), undefined, day("2024-09-30")).counted).toBe(true);
    expect(workingAge(born("1940-01-01"), undefined, day("2024-09-30")).counted).toBe(false);
  });

  test("without the sex, an age between the two retirement ages is not guessed", () => {
    const w = workingAge(born("1966-06-01"), undefined, day("2024-09-30")); // 58: out for a woman, in for a man
    expect(w.counted).toBeUndefined();
    expect(w.reason).toContain("giới tính");
  });
});

describe("a birth date after the report date", () => {
  test("is recognised, for a whole date and for a year", () => {
    expect(bornAfter(born("2024-10-01"), day("2024-09-30"))).toBe(true);
    expect(bornAfter(born("2024-09-30"), day("2024-09-30"))).toBe(false);
    expect(bornAfter(year(2025), day("2024-09-30"))).toBe(true);
    expect(bornAfter(year(2024), day("2024-09-30"))).toBe(false);
  });
});

describe("birth year only: the stated assumption", () => {
  test("is 1 January of that year, citing Nghị định 135/2020/NĐ-CP, Điều 3 khoản 3", () => {
    const a = assumedBirthDay(year(1964));
    expect(a.date).toEqual(day("1964-01-01"));
    expect(a.assumption).toContain("01/01/1964");
    expect(a.assumption).toContain("Nghị định 135/2020/NĐ-CP, Điều 3 khoản 3");
    expect(assumedBirthDay(born("1964-03-15")).assumption).toBeUndefined();
  });

  test("month and year: the first of that month, so the retirement cohort is exact", () => {
    const b: Birth = { precision: "month", year: 1964, month: 3 };
    expect(retirementDay(b, "nam")).toMatchObject({ on: day("2025-06-01"), age: { years: 61, months: 3 } });
  });

  test("the result carries the assumption, and says when the real date could change the answer", () => {
    const boundary = ageReached(year(2006), 18, day("2024-09-30"));
    expect(boundary).toMatchObject({ counted: true, uncertain: true });
    expect(boundary.assumption).toContain("01/01/2006");
    const clear = ageReached(year(2000), 18, day("2024-09-30"));
    expect(clear).toMatchObject({ counted: true, uncertain: false });
    // Born 01/01/1964 he reaches 61y3m on 01/04/2025; born in December he would still work until 2026.
    const retiring = workingAge(year(1964), "nam", day("2025-06-01"));
    expect(retiring).toMatchObject({ counted: false, uncertain: true });
    expect(workingAge(year(1964), "nam", day("2025-03-01"))).toMatchObject({ counted: true, uncertain: false });
  });
});

describe("the quick checks used on whole rosters agree with the full ones", () => {
  const asOfs = ["2024-09-30", "2025-06-14", "2025-06-15", "2026-02-28"].map(day);
  const births: Birth[] = [];
  for (let y = 1958; y <= 2012; y += 1) {
    births.push(year(y), { precision: "month", year: y, month: (y % 12) + 1 });
    for (const md of ["01-01", "02-28", "03-15", "05-20", "06-15", "09-30", "10-01", "12-31"]) births.push(born(`${y}-${md}`));
  }
  test("adult at 15 and 18; working age for men, women and unknown sex", () => {
    for (const asOf of asOfs) {
      for (const b of births) {
        for (const years of [15, 18]) {
          const full = ageReached(b, years, asOf);
          expect(quickAgeReached(b, years, asOf)).toEqual({ counted: full.counted, uncertain: full.uncertain });
        }
        for (const sex of ["nam", "nu", undefined] as const) {
          const full = workingAge(b, sex, asOf);
          const quick = quickWorkingAge(b, sex, asOf);
          expect(quick.counted).toBe(full.counted);
          if (full.counted !== undefined) expect(quick.uncertain).toBe(full.uncertain);
        }
      }
    }
  });
});
