import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/core/evaluate/evaluate";
import { parseMappingText } from "../../src/core/mapping/schema";
import { buildReport, communeName, documentNumber } from "../../src/core/report/build";
import { mergeDetails } from "../../src/core/report/details";
import { documentLines, type Paragraph } from "../../src/core/report/model";
import { vietnameseDate } from "../../src/core/report/nd30";
import { parseReportWordingText, type ReportWording } from "../../src/core/report/wording";
import { loadRulesetDir } from "../../src/node/rulesets";
import { counts, makeRuleset, missing, num, ratio, yes, yesNo } from "../builders";

const WORDING: ReportWording = {
  ruleset: "thu-nghiem",
  source: "thử nghiệm",
  subject: "Kết quả thực hiện năm {nam}",
  basis: [],
  opening: "UBND {xa} báo cáo như sau:",
  sections: [
    { kind: "write", heading: "I. Công tác chỉ đạo", prompts: ["Văn bản chỉ đạo"] },
    { kind: "results", heading: "II. Kết quả", style: "abc" },
    { kind: "self-assessment", heading: "III. Tự đánh giá", passed: "{Xa} đạt.", failed: "{Xa} chưa đạt.", incomplete: "Chưa đủ số liệu." },
  ],
  recipients: ["UBND huyện"],
};

/** Five indicators, one of each outcome a report must say in words. */
const ruleset = makeRuleset({
  items: [
    ratio("1.1", 80, { unit: "người", numeratorLabel: "Số người có tài khoản", denominatorLabel: "Dân số từ 15 tuổi" }),
    ratio("1.2", 50),
    yesNo("1.3"),
    ratio("1.4", 70, { suspended: { reason: "Xã chưa có sản phẩm OCOP" } }),
    ratio("1.5", 70),
    ratio("1.6", 70),
  ],
  overall: { unitName: "chỉ tiêu", counts: "indicators" },
});
const inputs = {
  ...counts({ "1.1": [2335, 3986] }),
  "1.2": { numerator: missing, denominator: num(40) },
  "1.3": { value: yes(true) },
  "1.6": { numerator: num(50), denominator: num(40) },
};
const evaluation = evaluate(ruleset, inputs, { asOf: "2024-06-30", suspended: { "1.5": "Không áp dụng cho xã miền núi" } });
const doc = buildReport({
  ruleset,
  evaluation,
  wording: WORDING,
  commune: "Xã Hà Tân",
  details: { number: "15", signer: "Nguyễn Văn Trình", signerTitle: "pho-chu-tich" },
});
const lines = documentLines(doc);
const line = (start: string): string => {
  const found = lines.find((l) => l.startsWith(start));
  if (found === undefined) throw new Error(`no line starting "${start}" in:\n${lines.join("\n")}`);
  return found;
};
/** The lines under an indicator's heading, up to the next heading. */
const block = (code: string): string => {
  const i = lines.findIndex((l) => l.startsWith(`${code}. `));
  return lines.slice(i, i + 4).join("\n");
};

describe("the report's content from the evaluation", () => {
  test("a met or failed ratio gives the engine's exact counts, its display and the shortfall", () => {
    expect(block("1.1")).toContain("b) Kết quả: 2.335/3.986 người (số người có tài khoản / dân số từ 15 tuổi), đạt tỷ lệ 58,6%.");
    // ceil(0,8 × 3986) − 2335 = 3189 − 2335 = 854
    expect(block("1.1")).toContain("c) Tự đánh giá: Không đạt (còn thiếu 854 người).");
    expect(block("1.3")).toContain("b) Kết quả: Có.");
    expect(block("1.3")).toContain("c) Tự đánh giá: Đạt.");
  });

  test("missing, impossible, suspended and not-applicable figures are said in words, never as a number", () => {
    expect(block("1.2")).toMatch(/b\) Kết quả: chưa có số liệu \(cần bổ sung: .+\)\./);
    expect(block("1.2")).toContain("c) Tự đánh giá: Chưa đánh giá được (chưa có số liệu).");
    expect(block("1.2")).not.toMatch(/\b0\/40\b|0,0%/);
    expect(block("1.6")).toContain("b) Kết quả: số liệu chưa hợp lệ, chưa đánh giá được");
    // The impossible share is not given as a result; the note to fix names it.
    expect(block("1.6")).toContain("(cần sửa: Tử số 50 lớn hơn mẫu số 40");
    expect(block("1.6").split("(cần sửa")[0]).not.toMatch(/125|50\/40/);
    expect(block("1.4")).toContain("b) Kết quả: tạm dừng: Xã chưa có sản phẩm OCOP.");
    expect(block("1.4")).toContain("c) Tự đánh giá: Tạm dừng (Xã chưa có sản phẩm OCOP).");
    expect(block("1.5")).toContain("b) Kết quả: tạm dừng: Không áp dụng cho xã miền núi.");
  });

  test("what the clerk must still supply is marked to fill, and what only a person can write is a marked place", () => {
    const runs = doc.blocks.filter((b): b is Paragraph => b.type === "paragraph").flatMap((p) => p.runs);
    expect(runs.filter((r) => r.toFill).map((r) => r.text)).toEqual([
      "[Phần cán bộ viết: Văn bản chỉ đạo]",
      expect.stringMatching(/^ \(cần bổ sung: /),
      expect.stringMatching(/^ \(cần sửa: /),
    ]);
  });

  test("the group summary and the self-assessment are the engine's counts", () => {
    expect(line("- Chỉ tiêu đạt:")).toBe(`- Chỉ tiêu đạt: ${evaluation.groups[0]!.text.replace(/^đạt /, "")}`);
    expect(line("- Số chỉ tiêu")).toBe("- Số chỉ tiêu không đạt: 1; chưa có số liệu: 1; số liệu chưa hợp lệ: 1; tạm dừng: 2");
    expect(evaluation.overall.verdict).toBe("khong-dat");
    expect(line("Xã Hà Tân đạt")).toBe(`Xã Hà Tân ${evaluation.overall.text}. Xã Hà Tân chưa đạt.`);
    const incomplete = evaluate(
      ruleset,
      { ...inputs, "1.1": counts({ "1.1": [3500, 3986] })["1.1"]!, "1.6": { numerator: num(30), denominator: num(40) } },
      { asOf: "2024-06-30" },
    );
    expect(incomplete.overall.verdict).toBe("thieu-so-lieu");
    expect(documentLines(buildReport({ ruleset, evaluation: incomplete, wording: WORDING, commune: "Hà Tân" }))).toContain(
      `Xã Hà Tân ${incomplete.overall.text}. Chưa đủ số liệu.`,
    );
  });

  test("header, number, date, title and signature follow Nghị định 30/2020", () => {
    expect(lines.slice(0, 8)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ HÀ TÂN",
      "Số: 15/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Tân, ngày 30 tháng 6 năm 2024",
      "BÁO CÁO",
      "Kết quả thực hiện năm 2024",
    ]);
    expect(lines.slice(-11)).toEqual([
      "Nơi nhận:",
      "- UBND huyện;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "(Ký tên, đóng dấu)",
      "",
      "",
      "",
      "Nguyễn Văn Trình",
    ]);
    expect(doc.page).toEqual({ widthMm: 210, heightMm: 297, margins: { top: 20, bottom: 20, left: 30, right: 15 } });
  });

  test("the template's own blanks (……) are marked to fill", () => {
    const withBasis = buildReport({
      ruleset,
      evaluation,
      wording: { ...WORDING, basis: ["Căn cứ Hướng dẫn số ……/HD-STTTT;"] },
      commune: "Hà Tân",
    });
    const basis = withBasis.blocks.find((b): b is Paragraph => b.type === "paragraph" && b.runs.some((r) => r.text.startsWith("Căn cứ")))!;
    expect(basis.runs).toEqual([{ text: "Căn cứ Hướng dẫn số " }, { text: "……", toFill: true }, { text: "/HD-STTTT;" }]);
  });

  test("appendix lists: the built list's total, else the indicator's own figure, else said missing", () => {
    const listed = makeRuleset({
      items: [
        ratio("1.1", 85, { list: "PL03", unit: "người" }),
        ratio("1.2", 85, { list: "PL05", unit: "người" }),
        ratio("1.3", 70, { list: "PL06", unit: "cơ sở" }),
        yesNo("1.4", { list: "PL07" }),
      ],
    });
    const ev = evaluate(
      listed,
      { ...counts({ "1.1": [710, 873], "1.2": [519, 737] }), "1.4": { value: yes(true) } },
      { asOf: "2024-09-30" },
    );
    const wording: ReportWording = {
      ...WORDING,
      sections: [...WORDING.sections, { kind: "appendices", heading: "Hồ sơ kèm theo", intro: "Kèm theo:" }],
    };
    const l = documentLines(buildReport({ ruleset: listed, evaluation: ev, wording, listCounts: { PL03: 711, PL07: 3 } }));
    expect(l.filter((x) => x.startsWith("- Phụ lục"))).toEqual([
      expect.stringMatching(/^- Phụ lục 03: .* \(chỉ tiêu 1\.1\): tổng cộng 711 người;$/),
      expect.stringMatching(/^- Phụ lục 05: .* \(chỉ tiêu 1\.2\): tổng cộng 519 người;$/),
      expect.stringMatching(/^- Phụ lục 06: .* \(chỉ tiêu 1\.3\): chưa lập được \(chưa có số liệu\);$/),
      expect.stringMatching(/^- Phụ lục 07: .* \(chỉ tiêu 1\.4\): tổng cộng 3 cơ sở\.$/),
    ]);
  });

  test("without details nothing is guessed: blanks are left to fill", () => {
    const { asOf: _dropped, ...undated } = evaluation;
    const bare = buildReport({ ruleset, evaluation: undated, wording: WORDING });
    const l = documentLines(bare);
    expect(l).toContain("XÃ ……");
    expect(l).toContain("……, ngày …… tháng …… năm 20……");
    expect(l).toContain("(Họ và tên người ký)");
    expect(l).toContain("Kết quả thực hiện năm ……");
  });
});

describe("dates, names and details", () => {
  test("days below 10 and months 1–2 take a leading zero", () => {
    expect(vietnameseDate("2025-01-05")).toBe("ngày 05 tháng 01 năm 2025");
    expect(vietnameseDate("2024-06-30")).toBe("ngày 30 tháng 6 năm 2024");
    expect(vietnameseDate("2024-12-09")).toBe("ngày 09 tháng 12 năm 2024");
  });

  test("a report number below 10 takes a leading zero; others are kept as typed", () => {
    expect(documentNumber("8")).toBe("08");
    expect(documentNumber("08")).toBe("08");
    expect(documentNumber("15")).toBe("15");
    expect(documentNumber("0")).toBe("0");
  });

  test("the commune's name with or without 'Xã'", () => {
    expect(communeName("Xã Hà Tân")).toBe("Hà Tân");
    expect(communeName("xã  Minh Tân ")).toBe("Minh Tân");
    expect(communeName("Hà Tân")).toBe("Hà Tân");
    expect(communeName("  ")).toBeUndefined();
  });

  test("typed details override the stored ones; a blank clears one", () => {
    expect(mergeDetails({ number: "12", signer: "A" }, { number: "15", signer: " ", date: undefined })).toEqual({ number: "15" });
  });

  test("the mapping keeps the details, and refuses a date that does not exist, naming its path", () => {
    const ok = parseMappingText(
      "m.json",
      JSON.stringify({ ruleset: "x", indicators: {}, report: { number: "15", signerTitle: "chu-tich" } }),
    );
    expect(ok.ok && ok.mapping.report).toEqual({ number: "15", signerTitle: "chu-tich" });
    const bad = parseMappingText("m.json", JSON.stringify({ ruleset: "x", indicators: {}, report: { date: "2024-02-30" } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/^m\.json: report\.date: ngày ký phải là một ngày có thật/);
  });
});

describe("the wording files (rulesets/reports/*.json)", () => {
  const dir = join(__dirname, "..", "..", "rulesets", "reports");
  const { rulesets } = loadRulesetDir();

  test("every ruleset has one, and each validates against its ruleset", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...rulesets.keys()].sort());
    for (const f of files) {
      const parsed = parseReportWordingText(
        `rulesets/reports/${f}`,
        readFileSync(join(dir, f), "utf8"),
        rulesets.get(f.replace(/\.json$/, "")),
      );
      expect(parsed.ok ? "ok" : parsed.problems.map((p) => p.message).join("\n")).toBe("ok");
    }
  });

  test("a bad file is refused with the file and the path inside it", () => {
    const bad = {
      ...WORDING,
      ruleset: "thu-nghiem",
      subject: "Kết quả năm {nam_sau}",
      sections: [{ kind: "write", heading: "I.", prompts: [] }],
    };
    const parsed = parseReportWordingText("rulesets/reports/thu-nghiem.json", JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rulesets\/reports\/thu-nghiem\.json: subject: "\{nam_sau\}" không phải chỗ điền được/),
        expect.stringMatching(/^rulesets\/reports\/thu-nghiem\.json: sections\[0\]\.prompts: /),
        expect.stringMatching(/^rulesets\/reports\/thu-nghiem\.json: sections: cần một mục kết quả/),
      ]),
    );
    const misnamed = parseReportWordingText("rulesets/reports/khac.json", JSON.stringify(WORDING));
    expect(misnamed.ok ? "" : misnamed.problems[0]!.message).toBe(
      'rulesets/reports/khac.json: ruleset "thu-nghiem" phải trùng tên tệp "khac"',
    );
    expect(parseReportWordingText("x.json", "{").ok).toBe(false);
  });
});
