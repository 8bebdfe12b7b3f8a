/*
 * chitieu report FILE.xlsx --out BAO-CAO.docx [--mapping M.json] [--as-of YYYY-MM-DD] [--ruleset ID]
 *                [--commune NAME] [--number N] [--date YYYY-MM-DD] [--place NAME] [--recipient TEXT]
 *                [--signer NAME] [--signer-title chu-tich|pho-chu-tich] [--store-in OUT.xlsx]
 *
 * Drafts the report that goes with the workbook as a Word document (the programme's wording from
 * rulesets/reports/<id>.json). FILE.xlsx is never modified; --store-in writes a copy of it with the
 * details remembered in its mapping (it may name FILE.xlsx itself). Exit codes as main.ts.
 */
import { parseArgs } from "util";
import type { RulesetCatalog } from "../app/catalog";
import { readWorkbookFile, writeFileAtomic } from "../node/files";
import { readCommonInputs } from "./inputs";
import type { Io } from "./io";
import { withCliHint } from "./hints";

export type ReportDeps = {
  rulesets: () => RulesetCatalog;
  usage: (message: string) => Error;
};

export const REPORT_HELP = `  chitieu report FILE.xlsx --out BAO-CAO.docx [--mapping MAP.json] [--as-of YYYY-MM-DD]
                 [--commune TÊN] [--number SỐ] [--date YYYY-MM-DD] [--place ĐỊA-DANH] [--recipient NƠI-GỬI]
                 [--signer HỌ-TÊN] [--signer-title chu-tich|pho-chu-tich] [--store-in OUT.xlsx]
                                                  dự thảo báo cáo kết quả (Word .docx) theo mẫu của bộ tiêu chí`;

const EXIT = { ok: 0, input: 2 } as const;

export async function reportCommand(args: string[], io: Io, deps: ReportDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        mapping: { type: "string" },
        "as-of": { type: "string" },
        out: { type: "string" },
        ruleset: { type: "string" },
        commune: { type: "string" },
        number: { type: "string" },
        date: { type: "string" },
        place: { type: "string" },
        recipient: { type: "string" },
        signer: { type: "string" },
        "signer-title": { type: "string" },
        "store-in": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw deps.usage(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw deps.usage(`thừa tham số: ${positionals.slice(1).join(" ")}`);
  const file = positionals[0];
  if (!file || !values.out) throw deps.usage("cần tên tệp .xlsx và --out BAO-CAO.docx");
  if (!/\.docx$/i.test(values.out)) throw deps.usage(`--out "${values.out}": báo cáo ghi ra tệp Word, tên phải có đuôi .docx`);
  const common = readCommonInputs(values);
  if (!common.ok) {
    io.err(common.error);
    return EXIT.input;
  }
  // Loaded here, not at the top: main.ts imports this file for its help on every start (issue 14).
  const [{ XlsxWorkbook }, { reportForWorkbook }, { loadReportWording }, { reportToDocx }] = await Promise.all([
    import("../workbook/xlsx/adapter"),
    import("../app/report-document"),
    import("../node/report-wordings"),
    import("../report/docx"),
  ]);
  const port = await XlsxWorkbook.open(readWorkbookFile(file));
  const outcome = await reportForWorkbook(port, {
    rulesets: deps.rulesets(),
    rulesetId: values.ruleset,
    ...common.inputs,
    wording: (ruleset) => loadReportWording(ruleset),
    details: {
      commune: values.commune,
      number: values.number,
      date: values.date,
      place: values.place,
      recipient: values.recipient,
      signer: values.signer,
      signerTitle: values["signer-title"],
    },
    remember: values["store-in"] !== undefined,
  });
  if (!outcome.ok) {
    for (const p of outcome.problems) io.err(`Lỗi: ${withCliHint(p.message)}`);
    return EXIT.input;
  }
  writeFileAtomic(values.out, await reportToDocx(outcome.document));
  const open = outcome.evaluation.indicators.filter((r) => r.verdict === "thieu-so-lieu" || r.verdict === "loi-so-lieu").length;
  io.out(`Đã ghi báo cáo ${values.out} — ${outcome.ruleset.title}: ${outcome.evaluation.overall.text}.`);
  if (open > 0)
    io.out(`Còn ${open} chỉ tiêu chưa đánh giá được (thiếu hoặc sai số liệu): được đánh dấu vàng trong báo cáo, cần bổ sung trước khi ký.`);
  io.out("Các phần do cán bộ viết (chỉ đạo, đánh giá chung…) được đánh dấu vàng để viết tiếp.");
  if (values["store-in"]) {
    writeFileAtomic(values["store-in"], await port.save());
    io.out(`Đã lưu thông tin báo cáo (số, ngày, người ký) trong sổ tính ${values["store-in"]}.`);
  }
  return EXIT.ok;
}
