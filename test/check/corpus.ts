/*
 * The corpus of bad workbooks: each case builds a workbook (a real .xlsx where the file matters, the
 * in-memory one otherwise), says which problems the check must find — by id, and where useful by cell,
 * indicator or words of the message — and the check must find nothing else (every problem found must
 * be one of the expected ids). The clean samples must come out with no lỗi.
 */
import { makeSampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { mappingToText } from "../../src/core/mapping/schema";
import { cleanPhuTho, CORRECT_REPORT_LINES, HA_TAN_LINES, memoryBook, reportSheet, rosterSheet, withFigures } from "./builders";
import { CLERK_TEXT_CASES } from "./corpus-clerk-text";
import { book, HT, people, PT, TH, th, type Case } from "./corpus-kit";

export type { Case, Expectation } from "./corpus-kit";

const cell = (k: string) => (cells: Record<string, string>) => cells[k]!;

/** The cell of the Hà Tân report sheet holding the line that contains `text`. */
const haTan = (text: string) => `'Báo cáo'!A${HA_TAN_LINES.findIndex((l) => l.includes(text)) + 1}`;

export const CASES: Case[] = [
  /* ------------------------------------------------------------ clean samples */
  {
    name: "a clean Thanh Hóa commune (correct report, roster with phone numbers, fresh status sheet) has no problem at all",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th(),
      sheets: [reportSheet("Báo cáo", CORRECT_REPORT_LINES), rosterSheet("Dân cư", people(40))],
      withStatus: true,
    }),
    expect: [],
  },
  {
    name: "a clean Phú Thọ commune in memory has no problem at all",
    xlsx: false,
    build: book(false, { ruleset: PT, figures: cleanPhuTho(), withStatus: true }),
    expect: [],
  },
  {
    name: "the bundled sample commune (Xã Minh Tân) has one lỗi only: 1.4.2 left blank on purpose",
    xlsx: true,
    build: async () => {
      const sample = await makeSampleCommune({ residents: 300 });
      return { port: await XlsxWorkbook.open(sample.bytes), cells: {} };
    },
    expect: [{ id: "mapping-blank", code: "1.4.2", count: 1, says: /co_cns_y_te|'Số liệu'!B\d+/ }],
  },

  /* ------------------------------------------------------------ the Hà Tân report, seed 003 */
  {
    name: "the Hà Tân report's mistakes: 11/11 over ten items, 8/8 beside 01 đang triển khai, truncated ratios, 44956/5022",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th({ "2.3.numerator": 0 }), sheets: [reportSheet("Báo cáo", HA_TAN_LINES)] }),
    expect: [
      { id: "summary-total-mismatch", code: "1", ref: haTan("11/11"), count: 1, says: /có 10 chỉ tiêu/ },
      { id: "summary-contradiction", code: "4", ref: haTan("8/8 chỉ tiêu"), count: 1, says: /8 \+ 1 vượt 8/ },
      { id: "typed-share-over-100", ref: haTan("44956/5022"), count: 1, says: /44956\/5022/ },
      { id: "typed-percent-rounding", count: 4, says: /cắt bớt/ },
      { id: "typed-percent-rounding", ref: haTan("2865/3986"), says: /71,9%/ },
      { id: "typed-percent-rounding", ref: haTan("5/12"), says: /41,7%/ },
      { id: "typed-percent-rounding", ref: haTan("864/3986"), says: /21,7%/ },
      { id: "typed-percent-rounding", ref: haTan("836/1396"), says: /59,9%/ },
    ],
  },

  /* ------------------------------------------------------------ figures */
  {
    name: "a numerator above its denominator (3.4: 4.100 of 3.986)",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.4.numerator": 4100 }) }),
    expect: [{ id: "numerator-exceeds-denominator", code: "3.4", ref: cell("3.4.numerator"), says: /4\.100.*3\.986/ }],
  },
  {
    name: "a numerator above its denominator in a real file, typed as text with Vietnamese grouping",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th({ "3.5.numerator": "44.956" }) }),
    expect: [{ id: "numerator-exceeds-denominator", code: "3.5", ref: cell("3.5.numerator") }],
  },
  {
    name: "a denominator of zero",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.7.numerator": 0, "3.7.denominator": 0 }) }),
    expect: [{ id: "zero-denominator", code: "3.7", ref: cell("3.7.denominator"), says: /tạm dừng/ }],
  },
  {
    name: "a suspended indicator's figures are not checked (3.7 0/0, marked tạm dừng by the clerk)",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th({ "3.7.numerator": 0, "3.7.denominator": 0 }),
      mapping: { suspended: { "3.7": "Xã không có trường tiểu học, THCS" } },
    }),
    expect: [],
  },
  {
    name: "the same population given different values: adults 3986 for 3.2 but 3968 for 3.4 (real file)",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th({ "3.4.denominator": 3968 }) }),
    expect: [{ id: "population-mismatch", code: "3.4", count: 1, ref: cell("3.4.denominator"), says: /3\.968.*3\.986/ }],
  },
  {
    name: "households differ between 3.12 and 4.1",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "4.1.numerator": 1390, "4.1.denominator": 1390 }) }),
    expect: [{ id: "population-mismatch", count: 1 }],
  },
  {
    name: "a required input not mapped at all (3.12)",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.12.numerator": undefined, "3.12.denominator": undefined }) }),
    expect: [
      {
        id: "missing-input",
        code: "3.12",
        count: 1,
        ref: "indicators.3.12.numerator",
        says: /"Số hộ gia đình thanh toán.*", "Tổng số hộ gia đình"/,
      },
    ],
  },
  {
    name: "a mapping that points at a blank cell (real file)",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th({ "3.2.numerator": null }) }),
    expect: [{ id: "mapping-blank", code: "3.2", ref: cell("3.2.numerator"), says: /để trống/ }],
  },
  {
    name: "a blank mapped cell with the figure one cell to the right: the hint says the mapping is off by one",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.6.numerator": null }), beside: { "3.6.numerator": 864 } }),
    expect: [{ id: "mapping-blank", code: "3.6", says: /bên phải.*864.*lệch một ô/ }],
  },
  {
    name: "text where a count is due",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.9.numerator": "khoảng 2200" }) }),
    expect: [{ id: "invalid-input", code: "3.9", ref: cell("3.9.numerator"), says: /"khoảng 2200".*hãy nhập lại/ }],
  },
  {
    name: "a name that points to #REF! (real file, name written by hand)",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th({ "3.10.numerator": undefined }),
      rawNames: [{ code: "3.10", slot: "numerator", formula: "#REF!" }],
    }),
    expect: [{ id: "invalid-input", code: "3.10", says: /#REF!/ }],
  },
  {
    name: "a negative figure",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "2.5.numerator": -9 }) }),
    expect: [{ id: "invalid-input", code: "2.5", says: /số âm/ }],
  },
  {
    name: "a ratio typed as text: read, but the status sheet's formulas cannot (cảnh báo)",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.3.numerator": undefined, "3.3.denominator": undefined, "3.3.value": "61,9%" }) }),
    expect: [{ id: "figure-as-text", code: "3.3", says: /dưới dạng số/ }],
  },
  {
    name: "a mapping naming a cell the workbook does not have",
    xlsx: false,
    build: async () => {
      const built = await memoryBook({ ruleset: TH, figures: th() });
      const mapping = JSON.parse((await built.port.snapshot()).mappingText!);
      mapping.indicators["3.2"].denominator = "dan_so_15_tuoi";
      await built.port.writeSheets([], mappingToText(mapping));
      return built;
    },
    expect: [{ id: "mapping-invalid", code: "3.2", ref: "indicators.3.2.denominator", says: /dan_so_15_tuoi/ }],
  },
  {
    name: "a workbook without a mapping: the figures cannot be checked (real file with a roster)",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th(), mapping: false, sheets: [rosterSheet("Dân cư", people(10))] }),
    expect: [{ id: "no-mapping", count: 1 }],
  },
  {
    name: "a mapping for a ruleset we do not have",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th(), mapping: { ruleset: "nghe-an-xa-so-2030" } }),
    expect: [{ id: "unknown-ruleset", says: /nghe-an-xa-so-2030/ }],
  },
  {
    name: "a ratio whose display sits on the threshold: 3.388/3.986 shows 85,0% and fails ≥ 85% (cảnh báo)",
    xlsx: false,
    build: book(false, { ruleset: PT, figures: withFigures(cleanPhuTho(), { "1.1.1.numerator": 3388 }) }),
    expect: [{ id: "display-threshold", code: "1.1.1", says: /85,0%.*84,9975%.*thiếu 1 người/ }],
  },
  {
    name: "an appendix list whose count differs from the numerator (lists module input)",
    xlsx: false,
    build: book(false, { ruleset: PT, figures: cleanPhuTho() }),
    request: { listCounts: { "1.1.1": { count: 3498, ref: "'PL03'!C3505" }, "1.3.1": { count: 2800, ref: "'PL05'!C2806" } } },
    expect: [{ id: "list-count-mismatch", code: "1.1.1", count: 1, ref: "'PL03'!C3505", says: /3\.498.*3\.500/ }],
  },
  {
    name: "a yes/no indicator answered Có with an empty appendix list (1.3.3, Phụ lục 07)",
    xlsx: false,
    build: book(false, { ruleset: PT, figures: cleanPhuTho() }),
    request: { listCounts: { "1.3.3": { count: 0, ref: "'PL07'!A5" } } },
    expect: [{ id: "list-count-mismatch", code: "1.3.3", says: /Phụ lục 07/ }],
  },

  /* ------------------------------------------------------------ data rules */
  {
    name: "rule: working-age people more than the population from 15 (3.1 vs 3.2), lỗi",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "3.1.numerator": 3000, "3.1.denominator": 4100 }) }),
    expect: [
      { id: "rule:lao-dong-trong-dan-so-15-tuoi", ref: cell("3.1.denominator"), says: /mẫu số 3\.1 = 4\.100.*≤ mẫu số 3\.2 = 3\.986/ },
    ],
  },
  {
    name: "rule: more online dossiers than dossiers on the one-stop system (cảnh báo)",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th({ "1.6.numerator": 420, "1.6.denominator": 450, "1.5.denominator": 450 }) }),
    expect: [{ id: "rule:ho-so-truc-tuyen-qua-mot-cua" }],
  },
  {
    name: "rule with a sum: men plus women is not the commune's population (Hà Tĩnh 15.1, 15.4)",
    xlsx: false,
    build: book(false, {
      ruleset: HT,
      figures: {
        "15.1": { "nam.numerator": 2400, "nam.denominator": 2500, "nu.numerator": 2450, "nu.denominator": 2530 },
        "15.4": { numerator: 3000, denominator: 5022 },
      },
    }),
    expect: [{ id: "rule:dan-so-nam-cong-nu", says: /2\.500.*2\.530.*5\.022/ }],
    alsoAllowed: ["missing-input", "as-of-missing"],
  },
  {
    name: "a year-dependent threshold without a report date (Hà Tĩnh 10.1 income)",
    xlsx: false,
    build: book(false, { ruleset: HT, figures: { "10.1": { value: 48 } }, mapping: { asOf: undefined } }),
    expect: [{ id: "as-of-missing", code: "10.1" }],
    alsoAllowed: ["missing-input"],
  },

  /* ------------------------------------------------------------ the status sheet */
  {
    name: "a status sheet older than the figures: 3.2's numerator edited after it was written (real file, edited without recalculation)",
    xlsx: true,
    build: book(true, { ruleset: TH, figures: th(), withStatus: true, editAfterStatus: { "3.2.numerator": 2340 } }),
    expect: [{ id: "stale-status", code: "3.2", count: 1, ref: /^'Trạng thái chỉ tiêu'!D\d+$/, says: /2335.*2340/ }],
    // The fingerprint says it too, from the source cell (test/rollup/fingerprint.test.ts).
    alsoAllowed: ["status-changed"],
  },
  {
    name: "a status sheet older than the figures (in memory: a figure and a yes/no answer changed)",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th(), withStatus: true, editAfterStatus: { "3.4.numerator": 2700, "4.2.value": "Không" } }),
    expect: [
      { id: "stale-status", code: "3.4", ref: /^'Trạng thái chỉ tiêu'!D\d+$/ },
      { id: "stale-status", code: "4.2", ref: /^'Trạng thái chỉ tiêu'!D\d+$/ },
    ],
    alsoAllowed: ["status-changed"],
  },
  {
    name: "a status sheet written for another report date",
    xlsx: false,
    build: book(false, { ruleset: PT, figures: cleanPhuTho(), withStatus: true }),
    request: { asOf: "2024-09-30" },
    expect: [{ id: "stale-status", ref: /!A2$/, says: /30\/06\/2024.*30\/09\/2024/ }],
    alsoAllowed: ["status-changed"],
  },

  ...CLERK_TEXT_CASES,
];
