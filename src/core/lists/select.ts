/*
 * Who is listed, and who is counted in the population a list is drawn from, on the report date.
 * Adults: the ruleset's adultAge. Working age: a full workingAgeFrom years (15) until the statutory
 * retirement age by sex and month of birth. Without a birth date nobody is guessed into a list.
 */
import {
  ASSUMPTION_SOURCE,
  bornAfter,
  formatBirth,
  formatYmd,
  quickAgeReached,
  quickWorkingAge,
  RETIREMENT_SOURCE,
  type Ymd,
} from "../age/retirement";
import type { Finding } from "../evaluate/result";
import { ROLE_TEXT, ROSTER_TEXT } from "./columns";
import { sortForList } from "./collate";
import { cellOf, type Roster, type RosterEntry } from "./roster";
import type { ListId } from "./ids";
import { LIST_TEMPLATES, type ListTemplate } from "./templates";

export type AgeRules = {
  asOf: Ymd;
  /** parameters.adultAge of the ruleset. */
  adultAge: number;
  /** Where the adult age comes from, as the ruleset cites it. */
  adultAgeSource?: string;
  /** parameters.workingAgeFrom of the ruleset (15). */
  workingAgeFrom: number;
};

/** Per entry of a residents roster: adult, in working age (undefined: cannot be told). */
export type ResidentAges = {
  adult: Array<boolean | undefined>;
  working: Array<boolean | undefined>;
  problems: Finding[];
  /** Entries whose birth is only a year, or only month and year. */
  assumed: number;
};

const EXAMPLES = 5;
const examples = (refs: readonly string[]) => (refs.length > EXAMPLES ? `${refs.slice(0, EXAMPLES).join(", ")}, …` : refs.join(", "));

/** Ages of every resident once, shared by Phụ lục 03 and 05, with the problems said once. */
export function residentAges(roster: Roster, rules: AgeRules): ResidentAges {
  const adult: Array<boolean | undefined> = [];
  const working: Array<boolean | undefined> = [];
  const problems: Finding[] = [];
  const birthCol = roster.columns.birthDate?.col ?? 1;
  const sexCol = roster.columns.sex?.col ?? birthCol;
  const uncertainAdult: string[] = [];
  const uncertainWorking: string[] = [];
  const noSex: string[] = [];
  let assumed = 0;
  for (const e of roster.entries) {
    if (!e.birth) {
      adult.push(undefined);
      working.push(undefined);
      continue;
    }
    if (bornAfter(e.birth, rules.asOf)) {
      const ref = cellOf(roster.sheet, e.row, birthCol);
      problems.push({
        message: `Ô ${ref}: ${e.name} sinh ${formatBirth(e.birth)}, sau ngày báo cáo ${formatYmd(rules.asOf)} — hãy sửa ngày sinh; người này không được xếp vào danh sách nào theo tuổi`,
        ref,
        severity: "loi",
      });
      adult.push(undefined);
      working.push(undefined);
      continue;
    }
    if (e.birth.precision !== "day") assumed++;
    const a = quickAgeReached(e.birth, rules.adultAge, rules.asOf);
    adult.push(a.counted);
    if (a.uncertain) uncertainAdult.push(cellOf(roster.sheet, e.row, birthCol));
    const w = quickWorkingAge(e.birth, e.sex, rules.asOf, rules.workingAgeFrom);
    working.push(w.counted);
    if (w.counted === undefined) noSex.push(cellOf(roster.sheet, e.row, sexCol));
    else if (w.uncertain) uncertainWorking.push(cellOf(roster.sheet, e.row, birthCol));
  }
  if (assumed > 0) {
    problems.push({
      message: `${assumed} người trên trang "${roster.sheet}" chỉ có năm sinh (hoặc tháng, năm sinh): coi như sinh ngày 01/01 của năm đó (ngày 01 của tháng đó) theo ${ASSUMPTION_SOURCE}`,
      severity: "canh-bao",
    });
  }
  if (uncertainAdult.length > 0) {
    problems.push({
      message: `${uncertainAdult.length} người chỉ có năm sinh mà việc đủ ${rules.adultAge} tuổi vào ngày báo cáo phụ thuộc ngày sinh thật (${examples(uncertainAdult)}) — đã tính theo giả định ngày 01/01; hãy ghi đủ ngày, tháng, năm sinh`,
      ref: uncertainAdult[0]!,
      severity: "canh-bao",
    });
  }
  if (uncertainWorking.length > 0) {
    problems.push({
      message: `${uncertainWorking.length} người chỉ có năm sinh mà việc ở độ tuổi lao động vào ngày báo cáo phụ thuộc ngày sinh thật (${examples(uncertainWorking)}) — đã tính theo giả định ngày 01/01; hãy ghi đủ ngày, tháng, năm sinh`,
      ref: uncertainWorking[0]!,
      severity: "canh-bao",
    });
  }
  if (noSex.length > 0) {
    problems.push({
      message: `${noSex.length} người gần tuổi nghỉ hưu không ghi giới tính (${examples(noSex)}) — tuổi nghỉ hưu của nam và nữ khác nhau nên không xác định được có ở độ tuổi lao động không; hãy ghi "Nam" hoặc "Nữ"`,
      ref: noSex[0]!,
      severity: "loi",
    });
  }
  return { adult, working, problems, assumed };
}

export type BuiltList = {
  id: ListId;
  template: ListTemplate;
  /** The roster sheet it was drawn from. */
  sheet: string;
  /** Who is listed, in print order (village, then name in Vietnamese order). */
  members: RosterEntry[];
  /** How many the list is drawn from: the denominator of its indicator (adults, working-age people, officials, registered establishments). */
  population: number;
  /** Who is who in the population, for the clerk: "người từ đủ 18 tuổi". */
  populationText: string;
  /** The line under the title saying who is listed. */
  criteria: string;
  /** Whether the roster has the yes/no column the list is drawn on; without it the count means nothing. */
  answered: boolean;
  problems: Finding[];
};

function populationText(t: ListTemplate, rules: AgeRules): string {
  switch (t.population) {
    case "adults":
      return `người từ đủ ${rules.adultAge} tuổi`;
    case "working-age":
      return `người ở độ tuổi lao động (từ đủ ${rules.workingAgeFrom} tuổi đến trước tuổi nghỉ hưu)`;
    case "registered":
      return "cơ sở có đăng ký kinh doanh";
    case "everyone":
      return t.roster === "officials" ? "cán bộ xã, khu dân cư" : "HTX, cơ sở sản xuất";
  }
}

function criteriaText(t: ListTemplate, rules: AgeRules, sheet: string): string {
  const day = formatYmd(rules.asOf);
  // The sheet's name is kept on one printed line (no-break spaces).
  const from = `Lập từ trang "${sheet.replace(/ /g, "\u00a0")}".`;
  switch (t.id) {
    case "PL03":
      return `Người từ đủ ${rules.adultAge} tuổi tính đến ngày ${day}${rules.adultAgeSource ? ` (${rules.adultAgeSource})` : ""} có sử dụng điện thoại thông minh. ${from}`;
    case "PL04":
      return `Cán bộ xã, khu dân cư có sử dụng điện thoại thông minh, đến ngày ${day}. ${from}`;
    case "PL05":
      return `Người từ đủ ${rules.workingAgeFrom} tuổi đến trước tuổi nghỉ hưu (${RETIREMENT_SOURCE}) tính đến ngày ${day} có tài khoản thanh toán điện tử. ${from}`;
    case "PL06":
      return `Cơ sở sản xuất kinh doanh có đăng ký kinh doanh ứng dụng giải pháp thanh toán điện tử, đến ngày ${day}. ${from}`;
    case "PL07":
      return `HTX, cơ sở sản xuất ứng dụng công nghệ số trong quản lý sản xuất, truy xuất nguồn gốc, đến ngày ${day}. ${from}`;
  }
}

/**
 * One list from its roster: the population on the report date, who of them answered yes, sorted for
 * print; blanks in the yes/no column are reported (blank is not "không", but nobody is listed on it).
 * `printOrder: false` leaves the members in roster order, for counts that no sheet will show.
 */
export function selectList(id: ListId, roster: Roster, rules: AgeRules, ages?: ResidentAges, printOrder = true): BuiltList {
  const t = LIST_TEMPLATES[id];
  const problems: Finding[] = [];
  const flagCol = roster.columns[t.flag];
  const registeredCol = roster.columns.registered;
  if (!flagCol) {
    problems.push({
      message: `Trang "${roster.sheet}" (${ROSTER_TEXT[roster.kind]}) không có cột "${ROLE_TEXT[t.flag]}" — ${t.appendix} để trống; hãy thêm hoặc gán cột đó`,
      severity: "loi",
    });
  }
  if (t.population === "registered" && !registeredCol) {
    problems.push({
      message: `Trang "${roster.sheet}" không có cột đăng ký kinh doanh (Có ĐKKD): mọi cơ sở được coi là có ĐKKD; nếu có cơ sở chưa đăng ký, hãy thêm cột "Có ĐKKD"`,
      severity: "canh-bao",
    });
  }
  const inPopulation = (e: RosterEntry, i: number): boolean => {
    switch (t.population) {
      case "adults":
        return ages?.adult[i] === true;
      case "working-age":
        return ages?.working[i] === true;
      case "registered":
        return registeredCol ? e.flags.registered === true : true;
      case "everyone":
        return true;
    }
  };
  let population = 0;
  const members: RosterEntry[] = [];
  const blanks: string[] = [];
  const registeredBlank: string[] = [];
  roster.entries.forEach((e, i) => {
    if (t.population === "registered" && registeredCol && e.flags.registered === undefined)
      registeredBlank.push(cellOf(roster.sheet, e.row, registeredCol.col));
    if (!inPopulation(e, i)) return;
    population++;
    const answer = e.flags[t.flag];
    if (answer === true) members.push(e);
    else if (answer === undefined && flagCol) blanks.push(cellOf(roster.sheet, e.row, flagCol.col));
  });
  const popText = populationText(t, rules);
  if (blanks.length > 0) {
    problems.push({
      message: `${blanks.length} ${popText} để trống hoặc ghi sai cột "${flagCol!.header}" trên trang "${roster.sheet}" (${examples(blanks)}) — không được đưa vào ${t.appendix}; ô trống là chưa có thông tin, không phải "Không"`,
      ref: blanks[0]!,
      severity: "canh-bao",
    });
  }
  if (registeredBlank.length > 0) {
    problems.push({
      message: `${registeredBlank.length} cơ sở để trống cột "${registeredCol!.header}" trên trang "${roster.sheet}" (${examples(registeredBlank)}) — không được tính là có ĐKKD`,
      ref: registeredBlank[0]!,
      severity: "canh-bao",
    });
  }
  return {
    id,
    template: t,
    sheet: roster.sheet,
    members: printOrder ? sortForList(members, t.roster === "residents" || t.roster === "officials") : members,
    population,
    populationText: popText,
    criteria: criteriaText(t, rules, roster.sheet),
    answered: flagCol !== undefined,
    problems,
  };
}
