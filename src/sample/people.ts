/*
 * Fictitious people and businesses of the sample commune "Xã Minh Tân" (the commune, its villages and
 * everyone in it are invented; any likeness to real people is chance). Pure and deterministic: the
 * same seed gives the same people, nothing reads the clock or Math.random.
 *
 * Hard cases placed on purpose (see HARD_CASES in makeResidents):
 *  - two residents with the same full name in different villages (lists must not merge them);
 *  - a resident whose 18th birthday is the report date (an adult that day) and one who turns 18 the
 *    day after (not yet an adult);
 *  - a woman who reaches 55 on the report date and a man who reaches 60 on it (both just out of the
 *    approximate working age), and a boy who reaches a full 15 on it (just in).
 * Deliberately NOT here: a name beginning with "=", "+", "-" or "@" (formula injection) — tests of
 * the list writer cover that; the sample stays a clean workbook a clerk could have typed. Every
 * resident has a full birth date (no birth-year-only rows) and no ID numbers of any kind.
 */

import { fold } from "../core/text/fold";

export type Sex = "Nam" | "Nữ";

export type Resident = {
  /** Họ và tên, NFC. */
  name: string;
  /** UTC midnight. */
  birthDate: Date;
  sex: Sex;
  village: string;
  hasSmartphone: boolean;
  hasPaymentAccount: boolean;
};

export type Official = { name: string; position: string; village: string; hasSmartphone: boolean };
export type Business = { name: string; village: string; registered: boolean; usesOnlinePayment: boolean };
export type Cooperative = { name: string; village: string; appliesDigitalTech: boolean };

/** The villages (thôn, khu dân cư) of the fictitious commune, with their share of the population. */
export const VILLAGES: ReadonlyArray<readonly [string, number]> = [
  ["Thôn Đông", 18],
  ["Thôn Đoài", 16],
  ["Thôn Trung", 15],
  ["Thôn Tân Lập", 13],
  ["Khu Gò Chè", 14],
  ["Khu Đồng Cả", 12],
  ["Khu Phố Mới", 12],
];

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

/** Different streams from one seed, so adding a business does not change the residents. */
function stream(seed: number, salt: number): Rng {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35));
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Fisher–Yates. */
function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `count` trues among `total`, in a seeded order: the figures stay fixed, who holds them varies. */
function flags(rng: Rng, total: number, count: number): boolean[] {
  return shuffle(
    rng,
    Array.from({ length: total }, (_, i) => i < count),
  );
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;

/** "2024-09-30" → the UTC midnight of that day. */
export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ngày phải dạng YYYY-MM-DD: "${iso}"`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) throw new Error(`Ngày không có thật: "${iso}"`);
  return d;
}

/** Full years on `asOf`: a birthday on the report date counts (one is 18 on one's 18th birthday). */
export function ageOn(birth: Date, asOf: Date): number {
  const years = asOf.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    asOf.getUTCMonth() < birth.getUTCMonth() || (asOf.getUTCMonth() === birth.getUTCMonth() && asOf.getUTCDate() < birth.getUTCDate());
  return before ? years - 1 : years;
}

/** The date `years` before `asOf`, same month and day (29/02 falls back to 28/02). */
function yearsBefore(asOf: Date, years: number): Date {
  const y = asOf.getUTCFullYear() - years;
  const d = new Date(Date.UTC(y, asOf.getUTCMonth(), asOf.getUTCDate()));
  return d.getUTCMonth() === asOf.getUTCMonth() ? d : new Date(Date.UTC(y, asOf.getUTCMonth() + 1, 0));
}

/** A birth date on which one is exactly `age` full years old on `asOf`, uniform over that year. */
function birthDateForAge(rng: Rng, age: number, asOf: Date): Date {
  const latest = yearsBefore(asOf, age).getTime(); // birthday today: exactly `age`
  const earliest = yearsBefore(asOf, age + 1).getTime() + DAY; // one more day and they are age + 1
  const days = Math.round((latest - earliest) / DAY);
  let birth = new Date(earliest + int(rng, 0, days) * DAY);
  if (ageOn(birth, asOf) !== age) birth = new Date(latest); // 29/02 edge cases: fall back to the birthday itself
  return birth;
}

/**
 * Share of the population by 5-year age band, roughly a rural northern commune in 2024 (broad base,
 * bulge at 30–44, narrowing after 60). The last band is 90–95.
 */
const AGE_BANDS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[0, 4], 7.2],
  [[5, 9], 8.0],
  [[10, 14], 8.1],
  [[15, 19], 7.0],
  [[20, 24], 6.3],
  [[25, 29], 6.9],
  [[30, 34], 8.2],
  [[35, 39], 8.3],
  [[40, 44], 7.6],
  [[45, 49], 6.6],
  [[50, 54], 6.0],
  [[55, 59], 5.5],
  [[60, 64], 4.6],
  [[65, 69], 3.6],
  [[70, 74], 2.6],
  [[75, 79], 1.6],
  [[80, 84], 1.0],
  [[85, 89], 0.6],
  [[90, 95], 0.3],
];

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ["Nguyễn", 34],
  ["Trần", 10],
  ["Lê", 8],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Huỳnh", 1],
  ["Phan", 3],
  ["Vũ", 4],
  ["Võ", 1],
  ["Đặng", 2.5],
  ["Bùi", 2.5],
  ["Đỗ", 2.5],
  ["Hồ", 1],
  ["Ngô", 1.5],
  ["Dương", 1.5],
  ["Lý", 1],
  ["Đinh", 2],
  ["Hà", 3],
  ["Kiều", 1.5],
  ["Cao", 1],
  ["Đào", 1.5],
  ["Trịnh", 1],
  ["Tạ", 1],
  ["Lưu", 0.8],
  ["Mai", 0.8],
  ["Triệu", 0.7],
  ["Vương", 0.5],
];

/** Older generations mostly "Văn" / "Thị"; younger ones more often other middle names. */
const MIDDLE_MALE_TRADITIONAL = ["Văn"];
const MIDDLE_MALE = ["Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Thành", "Tiến", "Ngọc", "Bảo", "Gia", "Hoàng", "Trung", "Đình"];
const MIDDLE_FEMALE_TRADITIONAL = ["Thị"];
const MIDDLE_FEMALE = ["Thu", "Ngọc", "Thanh", "Minh", "Phương", "Khánh", "Bảo", "Hồng", "Thúy", "Mai", "Kim", "Diệu", "Hoài", "Quỳnh"];

const GIVEN_MALE = [
  "Hùng",
  "Dũng",
  "Tuấn",
  "Nam",
  "Long",
  "Hải",
  "Sơn",
  "Thắng",
  "Cường",
  "Quân",
  "Huy",
  "Hiếu",
  "Đạt",
  "Phúc",
  "Khang",
  "Bảo",
  "Minh",
  "Trung",
  "Kiên",
  "Toàn",
  "Lâm",
  "Thịnh",
  "Tùng",
  "Việt",
  "Anh",
  "Duy",
  "Khoa",
  "Thành",
  "Bình",
  "Hưng",
  "Lộc",
  "Quý",
  "Tài",
  "Vinh",
  "Đông",
  "Hòa",
  "Phong",
  "Thái",
  "Mạnh",
  "Nghĩa",
];
const GIVEN_FEMALE = [
  "Lan",
  "Hương",
  "Hằng",
  "Hoa",
  "Mai",
  "Linh",
  "Trang",
  "Thảo",
  "Ngọc",
  "Huyền",
  "Nga",
  "Hà",
  "Yến",
  "Phương",
  "Nhung",
  "Thủy",
  "Hạnh",
  "Loan",
  "Dung",
  "Liên",
  "Vân",
  "Oanh",
  "Chi",
  "My",
  "Anh",
  "Vy",
  "Ngân",
  "Giang",
  "Thơ",
  "Xuân",
  "Hiền",
  "Lý",
  "Tâm",
  "Nhàn",
  "Quyên",
  "Duyên",
  "Trâm",
  "Uyên",
  "Hồng",
  "Thắm",
];

function personName(rng: Rng, sex: Sex, age: number): string {
  const traditional = rng() < (age >= 45 ? 0.8 : age >= 25 ? 0.5 : 0.25);
  const middle =
    sex === "Nam"
      ? pick(rng, traditional ? MIDDLE_MALE_TRADITIONAL : MIDDLE_MALE)
      : pick(rng, traditional ? MIDDLE_FEMALE_TRADITIONAL : MIDDLE_FEMALE);
  const given = pick(rng, sex === "Nam" ? GIVEN_MALE : GIVEN_FEMALE);
  return `${weighted(rng, SURNAMES)} ${middle} ${given}`.normalize("NFC");
}

function villageOf(rng: Rng): string {
  return weighted(rng, VILLAGES);
}

// ---------------------------------------------------------------------------------------------
// Residents

/** Chance of a smartphone by age: likely from 15 to 70, rare for children and the very old. */
function smartphoneChance(age: number): number {
  if (age < 10) return 0.01;
  if (age < 15) return 0.2;
  if (age < 18) return 0.7;
  if (age <= 60) return 0.88;
  if (age <= 70) return 0.62;
  return 0.2;
}

/** Chance of an e-payment account (bank app, Viettel Money, MoMo...) by age. */
function paymentChance(age: number): number {
  if (age < 15) return 0;
  if (age < 18) return 0.3;
  if (age < 25) return 0.72;
  if (age < 46) return 0.8;
  if (age < 61) return 0.6;
  if (age <= 70) return 0.3;
  return 0.06;
}

type HardCase = { age: number; sex: Sex; exact?: "birthday" | "tomorrow"; sameNameAs?: number };

/**
 * Residents placed at fixed positions (when n is large enough), so every sample has them:
 * index → the case. See the file comment.
 */
const HARD_CASES: ReadonlyMap<number, HardCase> = new Map<number, HardCase>([
  [7, { age: 38, sex: "Nam" }], // has a namesake at 17
  [11, { age: 18, sex: "Nữ", exact: "birthday" }], // 18 today: an adult on the report date
  [12, { age: 17, sex: "Nam", exact: "tomorrow" }], // 18 tomorrow: not yet an adult
  [13, { age: 55, sex: "Nữ", exact: "birthday" }], // woman reaching 55 today: out of the approximate working age
  [14, { age: 60, sex: "Nam", exact: "birthday" }], // man reaching 60 today: out of it too
  [15, { age: 15, sex: "Nam", exact: "birthday" }], // a full 15 today: in the working age
  [17, { age: 41, sex: "Nam", sameNameAs: 7 }], // same full name as resident 7, another village
]);

/** The lists' duplicate key for a resident: folded name, birth date, village. */
function personKey(name: string, birth: Date, village: string): string {
  return `${fold(name)}|${birth.getTime()}|${village}`;
}

/** `n` fictitious residents of the sample commune on `asOf` (YYYY-MM-DD), deterministic for `seed`. */
export function makeResidents(n: number, seed: number, asOf: string): Resident[] {
  const day = parseIsoDate(asOf);
  const rng = stream(seed, 1);
  const out: Resident[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < n; i++) {
    const hard = HARD_CASES.get(i);
    const sex: Sex = hard?.sex ?? (rng() < 0.495 ? "Nam" : "Nữ");
    const age = hard?.age ?? ((band) => int(rng, band[0], band[1]))(weighted(rng, AGE_BANDS));
    let birthDate: Date;
    if (hard?.exact === "birthday") birthDate = yearsBefore(day, age);
    else if (hard?.exact === "tomorrow") birthDate = new Date(yearsBefore(day, age + 1).getTime() + DAY);
    else birthDate = birthDateForAge(rng, age, day);
    const twin = hard?.sameNameAs === undefined ? undefined : out[hard.sameNameAs];
    let name = twin ? twin.name : personName(rng, sex, age);
    let village = villageOf(rng);
    if (twin && village === twin.village) village = VILLAGES[(VILLAGES.findIndex(([v]) => v === twin.village) + 1) % VILLAGES.length]![0];
    // The lists count a name born the same day in the same village once (a row typed twice); with
    // tens of thousands of residents such a pair turns up by chance, so it gets another given name.
    while (taken.has(personKey(name, birthDate, village))) name = personName(rng, sex, age);
    taken.add(personKey(name, birthDate, village));
    const hasSmartphone = rng() < smartphoneChance(age);
    const hasPaymentAccount = rng() < paymentChance(age);
    out.push({ name, birthDate, sex, village, hasSmartphone, hasPaymentAccount });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Officials, businesses, cooperatives

const COMMUNE_POSITIONS = [
  "Bí thư Đảng ủy xã",
  "Phó Bí thư Thường trực Đảng ủy xã",
  "Chủ tịch HĐND xã",
  "Phó Chủ tịch HĐND xã",
  "Chủ tịch UBND xã",
  "Phó Chủ tịch UBND xã",
  "Phó Chủ tịch UBND xã",
  "Chủ tịch Ủy ban MTTQ Việt Nam xã",
  "Công chức Văn phòng – Thống kê",
  "Công chức Tư pháp – Hộ tịch",
  "Công chức Địa chính – Xây dựng",
  "Công chức Tài chính – Kế toán",
  "Công chức Văn hóa – Xã hội",
  "Trưởng Công an xã",
  "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
  "Chủ tịch Hội Nông dân xã",
  "Chủ tịch Hội Liên hiệp Phụ nữ xã",
  "Bí thư Đoàn Thanh niên xã",
];

/**
 * The commune's officials and one head (trưởng thôn / trưởng khu) per village: 25 people. All have a
 * smartphone, so indicator 1.1.2 (100%) is met in the sample.
 */
export function makeOfficials(seed: number): Official[] {
  const rng = stream(seed, 2);
  const commune = COMMUNE_POSITIONS.map((position) => {
    const sex: Sex = /Phụ nữ/.test(position) ? "Nữ" : rng() < 0.7 ? "Nam" : "Nữ";
    return { name: personName(rng, sex, int(rng, 28, 58)), position, village: villageOf(rng), hasSmartphone: true };
  });
  const heads = VILLAGES.map(([village]) => {
    const sex: Sex = rng() < 0.8 ? "Nam" : "Nữ";
    const head = village.startsWith("Khu") ? `Trưởng khu ${village.slice(4)}` : `Trưởng thôn ${village.slice(5)}`;
    return { name: personName(rng, sex, int(rng, 35, 65)), position: head.normalize("NFC"), village, hasSmartphone: true };
  });
  return [...commune, ...heads];
}

const SHOP_KINDS = [
  "Cửa hàng tạp hóa",
  "Quán cà phê",
  "Tiệm sửa xe máy",
  "Cửa hàng vật liệu xây dựng",
  "Nhà thuốc",
  "Cửa hàng điện thoại",
  "Quán phở",
  "Tiệm may",
  "Xưởng mộc",
  "Cửa hàng phân bón – thuốc BVTV",
  "Cơ sở xay xát",
  "Tiệm cắt tóc",
  "Cửa hàng điện máy",
  "Nhà nghỉ",
  "Quán cơm",
  "Tiệm bánh",
  "Cửa hàng thực phẩm",
  "Tiệm vàng bạc",
];

/** Counts fixed by design (only who holds them varies by seed): 40 establishments, 34 registered,
 * 27 of those take online payment (27/34 = 79,4% ≥ 70%); 2 of the 6 unregistered take it too and
 * must not count. */
export const BUSINESS_COUNTS = { total: 40, registered: 34, registeredOnline: 27, unregisteredOnline: 2 } as const;

/** ~40 fictitious business establishments ("Cửa hàng tạp hóa Minh Hằng"), names unique. */
export function makeBusinesses(seed: number): Business[] {
  const rng = stream(seed, 3);
  const c = BUSINESS_COUNTS;
  const registered = flags(rng, c.total, c.registered);
  const online = flags(rng, c.registered, c.registeredOnline);
  const onlineUnregistered = flags(rng, c.total - c.registered, c.unregisteredOnline);
  const names = new Set<string>();
  const out: Business[] = [];
  let r = 0;
  let u = 0;
  for (let i = 0; i < c.total; i++) {
    let name: string;
    do {
      // a couple's given names, as shop signs often read ("Minh Hằng")
      name = `${pick(rng, SHOP_KINDS)} ${pick(rng, GIVEN_MALE)} ${pick(rng, GIVEN_FEMALE)}`.normalize("NFC");
    } while (names.has(name));
    names.add(name);
    const isRegistered = registered[i]!;
    const usesOnlinePayment = isRegistered ? online[r++]! : onlineUnregistered[u++]!;
    out.push({ name, village: villageOf(rng), registered: isRegistered, usesOnlinePayment });
  }
  return out;
}

const COOPERATIVES = [
  "HTX Nông nghiệp Minh Tân",
  "HTX Chè Gò Chè",
  "HTX Dịch vụ nông nghiệp Thôn Đông",
  "HTX Rau an toàn Đồng Cả",
  "Tổ hợp tác nuôi ong Thôn Đoài",
  "Cơ sở sản xuất miến dong Tân Lập",
  "Trang trại gà đồi Thôn Trung",
  "Cơ sở chế biến chè Phố Mới",
];

/** 8 cooperatives and producers; 3 of them (chosen by seed) apply digital technology. */
export const COOPERATIVES_DIGITAL = 3;

export function makeCooperatives(seed: number): Cooperative[] {
  const rng = stream(seed, 4);
  const digital = flags(rng, COOPERATIVES.length, COOPERATIVES_DIGITAL);
  return COOPERATIVES.map((name, i) => {
    const named = VILLAGES.find(([v]) => name.includes(v.replace(/^(Thôn|Khu) /, "")));
    return { name: name.normalize("NFC"), village: named ? named[0] : villageOf(rng), appliesDigitalTech: digital[i]! };
  });
}
