/*
 * Ages on the report date: adult age, working age and the statutory retirement age, as calendar
 * arithmetic on plain dates (no clock, no time zone). Pure.
 *
 * - Reaching an age: one is N years (and M months) old from the day with the same number N years (and
 *   M months) after the birth date; where that month has no such day (born 29/02, or 31/08 + 3 months),
 *   the last day of the month (Bộ luật Dân sự 2015, Điều 148 khoản 3–4). A birthday on the report date
 *   counts: one is 18 on one's 18th birthday.
 * - Working age ("độ tuổi lao động") runs from a full 15 years (Bộ luật Lao động 2019, Điều 3 khoản 1)
 *   until the statutory retirement age is reached (Điều 169; Nghị định 135/2020/NĐ-CP, Điều 4 and
 *   Phụ lục I): on the day the retirement age is reached one is no longer counted.
 * - Birth year only: Nghị định 135/2020/NĐ-CP, Điều 3 khoản 3 says that when a record gives the year of
 *   birth but not the day and month, 1 January of that year is used. We apply the same rule to every age
 *   bound (not only retirement), so one person gets one assumed birth date throughout, it is the rule a
 *   clerk can cite, and the result names it. Month and year only: the first day of that month (the
 *   same reading; the retirement cohort, which depends on the month, is then exact). Whether the
 *   assumption could change the answer is reported too (`uncertain`): the answer at the earliest and
 *   the latest possible birth dates differ.
 */

export type Sex = "nam" | "nu";

/** A calendar day. month 1–12. */
export type Ymd = { year: number; month: number; day: number };

/** A birth date as known: the whole day, or only month and year, or only the year. */
export type Birth =
  | { precision: "day"; year: number; month: number; day: number }
  | { precision: "month"; year: number; month: number }
  | { precision: "year"; year: number };

/** An age in years and months: 61 years 3 months. */
export type AgeSpan = { years: number; months: number };

export const RETIREMENT_SOURCE = "Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP, Điều 4 và Phụ lục I";
export const ASSUMPTION_SOURCE = "Nghị định 135/2020/NĐ-CP, Điều 3 khoản 3";

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days of each month in a common year: one table, not an array per call (two calls per resident of a roster). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

export function isValidYmd(d: Ymd): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** "2024-09-30" → { 2024, 9, 30 }; undefined for anything else or a day that does not exist. */
export function parseIsoDay(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(d) ? d : undefined;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 15/06/2025 — as Vietnamese documents write dates. */
export function formatYmd(d: Ymd): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

export function formatBirth(b: Birth): string {
  if (b.precision === "day") return formatYmd(b);
  if (b.precision === "month") return `${pad(b.month)}/${b.year}`;
  return String(b.year);
}

/** The same day `span` later; a day the target month lacks becomes its last day (BLDS 2015, Điều 148). */
export function addSpan(d: Ymd, span: AgeSpan): Ymd {
  const total = d.year * 12 + (d.month - 1) + span.years * 12 + span.months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The birth date used for ages, and the assumption made to get it (none for a whole date). */
export function assumedBirthDay(b: Birth): { date: Ymd; assumption?: string } {
  if (b.precision === "day") return { date: { year: b.year, month: b.month, day: b.day } };
  if (b.precision === "month") {
    return {
      date: { year: b.year, month: b.month, day: 1 },
      assumption: `chỉ có tháng, năm sinh ${formatBirth(b)}: coi như sinh ngày 01/${formatBirth(b)} (như ${ASSUMPTION_SOURCE})`,
    };
  }
  return {
    date: { year: b.year, month: 1, day: 1 },
    assumption: `chỉ có năm sinh ${b.year}: coi như sinh ngày 01/01/${b.year} (${ASSUMPTION_SOURCE})`,
  };
}

/** The earliest and latest days the birth could be. */
function birthBounds(b: Birth): { earliest: Ymd; latest: Ymd } {
  if (b.precision === "day") return { earliest: b, latest: b };
  if (b.precision === "month")
    return {
      earliest: { year: b.year, month: b.month, day: 1 },
      latest: { year: b.year, month: b.month, day: daysInMonth(b.year, b.month) },
    };
  return { earliest: { year: b.year, month: 1, day: 1 }, latest: { year: b.year, month: 12, day: 31 } };
}

/** Whether the person is certainly born after the report date (listed nowhere: the date is wrong). */
export function bornAfter(b: Birth, asOf: Ymd): boolean {
  // The earliest day the birth could be, compared field by field: no bounds object per resident.
  const month = b.precision === "year" ? 1 : b.month;
  const day = b.precision === "day" ? b.day : 1;
  return (b.year - asOf.year || month - asOf.month || day - asOf.day) > 0;
}

/** The schedule's constants by sex (see retirementAge), made once: it is asked twice per resident of a roster. */
const MEN = { startYear: 1961, base: 60, cohort: 9, step: 3, cap: 24 };
const WOMEN = { startYear: 1966, base: 55, cohort: 8, step: 4, cap: 60 };

/**
 * The statutory retirement age under normal working conditions, by sex and month of birth
 * (Nghị định 135/2020/NĐ-CP, Phụ lục I). Men: 60 years for births before 01/1961; 60 years 3 months
 * for 01–09/1961, 3 months more for each following 9-month cohort, 62 years from births in 04/1966.
 * Women: 55 years before 01/1966; 55 years 4 months for 01–08/1966, 4 months more for each following
 * 8-month cohort, 60 years from births in 05/1975.
 */
export function retirementAge(sex: Sex, birthYear: number, birthMonth: number): AgeSpan {
  const { startYear, base, cohort, step, cap } = sex === "nam" ? MEN : WOMEN;
  const index = (birthYear - startYear) * 12 + (birthMonth - 1);
  if (index < 0) return { years: base, months: 0 };
  const extra = Math.min(step * (Math.floor(index / cohort) + 1), cap);
  return { years: base + Math.floor(extra / 12), months: extra % 12 };
}

export function formatSpan(s: AgeSpan): string {
  return s.months === 0 ? `${s.years} tuổi` : `${s.years} tuổi ${s.months} tháng`;
}

/** One bound checked on the report date, from the assumed birth date and from both ends of what is known. */
type BoundCheck = { reachedOn: Ymd; reached: boolean; uncertain: boolean };

function reachedCheck(b: Birth, span: (birth: Ymd) => AgeSpan, asOf: Ymd): BoundCheck {
  const { date } = assumedBirthDay(b);
  const reachedOn = addSpan(date, span(date));
  const reached = compareYmd(reachedOn, asOf) <= 0;
  const { earliest, latest } = birthBounds(b);
  const early = compareYmd(addSpan(earliest, span(earliest)), asOf) <= 0;
  const late = compareYmd(addSpan(latest, span(latest)), asOf) <= 0;
  return { reachedOn, reached, uncertain: early !== late };
}

export type AgeStatus = {
  /** Whether the person is counted (adult; in working age). */
  counted: boolean;
  /** The answer might differ with the real birth date (only a year or a month is known). */
  uncertain: boolean;
  /** The assumption made about the birth date, stated for the clerk. */
  assumption?: string;
  /** Why, in Vietnamese: "đủ 18 tuổi từ 12/03/2006". */
  reason: string;
};

function withAssumption(b: Birth, status: Omit<AgeStatus, "assumption">): AgeStatus {
  const { assumption } = assumedBirthDay(b);
  return assumption === undefined ? status : { ...status, assumption };
}

/** Whether one has reached `years` full years on the report date (an adult at 18, or 15 where a ruleset says so). */
export function ageReached(b: Birth, years: number, asOf: Ymd): AgeStatus {
  const c = reachedCheck(b, () => ({ years, months: 0 }), asOf);
  const reason = c.reached
    ? `đủ ${years} tuổi từ ${formatYmd(c.reachedOn)}`
    : `đủ ${years} tuổi vào ${formatYmd(c.reachedOn)}, sau ngày báo cáo`;
  return withAssumption(b, { counted: c.reached, uncertain: c.uncertain, reason });
}

/** The day the retirement age is reached, with the age itself. */
export function retirementDay(b: Birth, sex: Sex): { on: Ymd; age: AgeSpan; assumption?: string } {
  const { date, assumption } = assumedBirthDay(b);
  const age = retirementAge(sex, date.year, date.month);
  const on = addSpan(date, age);
  return assumption === undefined ? { on, age } : { on, age, assumption };
}

/**
 * Working age on the report date: a full `from` years (15) reached and the retirement age for one's sex
 * and month of birth not yet reached. Without the sex the answer is given only where both sexes agree;
 * otherwise `counted` is undefined and the reason says why.
 */
export function workingAge(
  b: Birth,
  sex: Sex | undefined,
  asOf: Ymd,
  from = 15,
): AgeStatus | { counted: undefined; uncertain: true; reason: string; assumption?: string } {
  const lower = reachedCheck(b, () => ({ years: from, months: 0 }), asOf);
  if (!lower.reached) {
    return withAssumption(b, {
      counted: false,
      uncertain: lower.uncertain,
      reason: `chưa đủ ${from} tuổi (đủ vào ${formatYmd(lower.reachedOn)})`,
    });
  }
  const check = (s: Sex) => reachedCheck(b, (d) => retirementAge(s, d.year, d.month), asOf);
  if (sex === undefined) {
    const men = check("nam");
    const women = check("nu");
    if (men.reached !== women.reached) {
      const { assumption } = assumedBirthDay(b);
      const out = {
        counted: undefined,
        uncertain: true as const,
        reason: "không ghi giới tính nên không xác định được đã đến tuổi nghỉ hưu hay chưa",
      };
      return assumption === undefined ? out : { ...out, assumption };
    }
    const counted = !men.reached;
    const uncertain = lower.uncertain || men.uncertain || women.uncertain;
    return withAssumption(b, {
      counted,
      uncertain,
      reason: counted ? "trong độ tuổi lao động dù là nam hay nữ" : "đã đến tuổi nghỉ hưu dù là nam hay nữ",
    });
  }
  const upper = check(sex);
  const age = retirementAge(sex, assumedBirthDay(b).date.year, assumedBirthDay(b).date.month);
  const reason = upper.reached
    ? `đã đủ tuổi nghỉ hưu ${formatSpan(age)} từ ${formatYmd(upper.reachedOn)}`
    : `trong độ tuổi lao động (đủ ${from} tuổi từ ${formatYmd(lower.reachedOn)}, đủ tuổi nghỉ hưu ${formatSpan(age)} vào ${formatYmd(upper.reachedOn)})`;
  return withAssumption(b, { counted: !upper.reached, uncertain: lower.uncertain || upper.uncertain, reason });
}

/*
 * The same answers without the sentences, for whole rosters: `counted` and `uncertain` only. A whole
 * birth date is never uncertain, so the bounds of what is known are computed only for partial dates.
 */

/** Whether `span` is reached on asOf from the birth `d`, with no allocation. */
function reachedFrom(d: Ymd, years: number, months: number, asOf: Ymd): boolean {
  const total = d.year * 12 + (d.month - 1) + years * 12 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (year !== asOf.year) return year < asOf.year;
  if (month !== asOf.month) return month < asOf.month;
  return Math.min(d.day, daysInMonth(year, month)) <= asOf.day;
}

function retiredFrom(d: Ymd, sex: Sex, asOf: Ymd): boolean {
  const age = retirementAge(sex, d.year, d.month);
  return reachedFrom(d, age.years, age.months, asOf);
}

export type QuickAge = { readonly counted: boolean | undefined; readonly uncertain: boolean };

/** The answers for an exact birth date, shared: a roster asks twice per resident. */
const SURE_YES: QuickAge = { counted: true, uncertain: false };
const SURE_NO: QuickAge = { counted: false, uncertain: false };
const SURE_UNKNOWN: QuickAge = { counted: undefined, uncertain: false };
const sure = (counted: boolean | undefined): QuickAge => (counted === true ? SURE_YES : counted === false ? SURE_NO : SURE_UNKNOWN);

/** ageReached(b, years, asOf) without the reason: for counting a roster. */
export function quickAgeReached(b: Birth, years: number, asOf: Ymd): QuickAge {
  if (b.precision === "day") return sure(reachedFrom(b, years, 0, asOf));
  const { earliest, latest } = birthBounds(b);
  const counted = reachedFrom(earliest, years, 0, asOf);
  return { counted, uncertain: counted !== reachedFrom(latest, years, 0, asOf) };
}

function insideWorkingAge(d: Ymd, sex: Sex | undefined, asOf: Ymd, from: number): boolean | undefined {
  if (!reachedFrom(d, from, 0, asOf)) return false;
  if (sex !== undefined) return !retiredFrom(d, sex, asOf);
  const men = retiredFrom(d, "nam", asOf);
  return men === retiredFrom(d, "nu", asOf) ? !men : undefined;
}

/** workingAge(b, sex, asOf, from) without the reason: for counting a roster. */
export function quickWorkingAge(b: Birth, sex: Sex | undefined, asOf: Ymd, from = 15): QuickAge {
  if (b.precision === "day") return sure(insideWorkingAge(b, sex, asOf, from));
  const { earliest, latest } = birthBounds(b);
  const counted = insideWorkingAge(earliest, sex, asOf, from);
  return { counted, uncertain: counted !== insideWorkingAge(latest, sex, asOf, from) };
}
