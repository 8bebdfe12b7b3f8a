import { parseArgs, type ParseArgsConfig } from "util";
import type { RulesetCatalog } from "../app/catalog";
import type { ConfigProblem } from "../core/ruleset/problems";
import { loadRulesetDir } from "../node/rulesets";
import { readWorkbookFile } from "../node/files";
import { checkOutputPaths, writeOutputs, type Output } from "../node/outputs";
import { WorkbookError } from "../workbook/port";
import { readCommonInputs } from "./inputs";
import { runSample } from "./sample";
import { listsCommand, LISTS_HELP } from "./lists-command";
import { checkCommand, CHECK_HELP } from "./check-command";
import { reportCommand, REPORT_HELP } from "./report-command";
import { defaultRollupDeps, rollupCommand, ROLLUP_HELP } from "./rollup-command";
import { corpusCommand, CORPUS_HELP } from "./corpus-command";
import { applyProposals } from "../core/mapping/propose";
import { mappingToText, parseMappingText, type Mapping } from "../core/mapping/schema";
import type { Io } from "./io";
import { documentNumberShown } from "../core/ruleset/document-number";
import { withCliHint } from "./hints";

// A command imports what only it needs when it runs (`await import`), so `chitieu rulesets` does not
// load ExcelJS, JSZip or the evaluator: the built command line starts in a fraction of the time.

/** Exit codes: 0 evaluated (whatever the verdicts), 1 wrong usage, 2 an input that must be fixed first. */
export const EXIT = { ok: 0, usage: 1, input: 2 } as const;

export type { Io };
const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

const RULESETS_HELP = `  chitieu rulesets [--json]                       các bộ tiêu chí có sẵn`;
const TEMPLATE_HELP = `  chitieu template --ruleset ID --out FILE.xlsx [--commune TÊN-XÃ] [--as-of YYYY-MM-DD]
                   [--villages "Thôn A,Thôn B" | --villages N]
                                                  sổ tính mẫu để nhập số liệu (--villages: các cột thôn
                                                  của nhóm đánh giá theo thôn, mặc định 6 cột trống)`;
const EVALUATE_HELP = `  chitieu evaluate FILE.xlsx [--ruleset ID] [--mapping MAP.json] [--as-of YYYY-MM-DD]
                   [--out OUT.xlsx] [--json REPORT.json]
                                                  đánh giá; --out ghi bản có trang trạng thái`;
const PROPOSE_HELP = `  chitieu propose FILE.xlsx --ruleset ID [--json MAP.json]
                                                  đề xuất ánh xạ từ các tên trong sổ tính`;
const SAMPLE_HELP = `  chitieu sample [--out-dir DIR] [--residents N]  tạo sổ tính của xã mẫu (N người, mặc định 1 200) và chạy đánh giá`;

/** Each command's own help: "chitieu CMD --help" prints it; "chitieu --help" prints them all. */
export const COMMAND_HELP: Record<string, string> = {
  rulesets: RULESETS_HELP,
  template: TEMPLATE_HELP,
  evaluate: EVALUATE_HELP,
  propose: PROPOSE_HELP,
  lists: LISTS_HELP,
  check: CHECK_HELP,
  report: REPORT_HELP,
  rollup: ROLLUP_HELP,
  sample: `${SAMPLE_HELP}\n${CORPUS_HELP}`,
};

const EXIT_HELP = `Mã thoát: 0 đã đánh giá; 1 sai cú pháp lệnh; 2 tệp, bộ tiêu chí hoặc ánh xạ cần sửa trước;
3 (chỉ với check) còn lỗi phải sửa trước khi gửi.`;

const HELP = `chitieu — kiểm tra chỉ tiêu của xã trên sổ tính Excel (.xlsx)

${Object.values(COMMAND_HELP).join("\n")}

${EXIT_HELP}`;

class UsageError extends Error {}

const unknownRuleset = (id: string) => `Lỗi: Không có bộ tiêu chí "${id}" — xem danh sách bằng \`chitieu rulesets\` (unknown ruleset)`;

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
    if (parsed.positionals.length > positionals) throw new UsageError(`thừa tham số: ${parsed.positionals.slice(positionals).join(" ")}`);
    return parsed;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function printProblems(io: Io, problems: ConfigProblem[]): void {
  for (const p of problems) io.err(`Lỗi: ${withCliHint(p.message)}`);
}

function catalog(io: Io): RulesetCatalog {
  const { rulesets, problems } = loadRulesetDir();
  // A broken ruleset file must not stop the others: say so and go on.
  for (const p of problems) io.err(`Cảnh báo: bộ tiêu chí không hợp lệ, bỏ qua — ${p.message}`);
  return rulesets;
}

async function cmdRulesets(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { json: { type: "boolean" } });
  const list = [...catalog(io).values()].map((r) => ({
    id: r.id,
    title: r.title,
    province: r.province,
    level: r.level,
    document: r.document,
  }));
  if (values.json) io.out(JSON.stringify(list, null, 2));
  else
    for (const r of list)
      io.out(
        `${r.id}\n    ${r.title}\n    ${r.province} · ${documentNumberShown(r.document.number)} (${r.document.issuer}, ${r.document.date})`,
      );
  return EXIT.ok;
}

async function cmdTemplate(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    ruleset: { type: "string" },
    out: { type: "string" },
    commune: { type: "string" },
    "as-of": { type: "string" },
    villages: { type: "string" },
  });
  if (!values.ruleset || !values.out) throw new UsageError("cần --ruleset ID và --out FILE.xlsx");
  const villages =
    values.villages === undefined
      ? undefined
      : /^\d+$/.test(values.villages.trim())
        ? Number(values.villages)
        : values.villages
            .split(",")
            .map((v) => v.trim())
            .filter((v) => v !== "");
  if (villages !== undefined && (typeof villages === "number" ? villages < 1 || villages > 50 : villages.length === 0))
    throw new UsageError(`--villages "${values.villages}": ghi tên các thôn cách nhau bằng dấu phẩy, hoặc số cột thôn từ 1 đến 50`);
  checkOutputPaths([{ flag: "--out", path: values.out }]);
  const ruleset = catalog(io).get(values.ruleset);
  if (!ruleset) {
    io.err(unknownRuleset(values.ruleset));
    return EXIT.input;
  }
  const { makeTemplate } = await import("../workbook/xlsx/template");
  const bytes = await makeTemplate(ruleset, { commune: values.commune, asOf: values["as-of"], villages });
  const { verifyWrittenXlsx } = await import("../workbook/xlsx/verify-output");
  await writeOutputs([{ flag: "--out", path: values.out, data: bytes, verify: verifyWrittenXlsx }]);
  io.out(
    `Đã tạo ${values.out}: nhập số liệu vào cột "Số liệu" của trang "Số liệu", rồi chạy: chitieu evaluate ${values.out} --out ket-qua.xlsx`,
  );
  return EXIT.ok;
}

async function cmdEvaluate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ruleset: { type: "string" },
      mapping: { type: "string" },
      "as-of": { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new UsageError("cần tên tệp .xlsx");
  // Where the results go is checked before any work, so a wrong path costs the clerk nothing.
  const targets = [
    values.out === undefined ? [] : [{ flag: "--out", path: values.out }],
    values.json === undefined ? [] : [{ flag: "--json", path: values.json }],
  ].flat();
  checkOutputPaths(targets);
  const common = readCommonInputs(values);
  if (!common.ok) {
    io.err(common.error);
    return EXIT.input;
  }
  const { asOf, mapping } = common.inputs;
  const [{ XlsxWorkbook }, { evaluateWorkbook }, { jsonReport, textReport }] = await Promise.all([
    import("../workbook/xlsx/adapter"),
    import("../app/evaluate-workbook"),
    import("../app/report"),
  ]);
  const port = await XlsxWorkbook.open(readWorkbookFile(file));
  const outcome = await evaluateWorkbook(port, {
    rulesets: catalog(io),
    rulesetId: values.ruleset,
    mapping,
    asOf,
    write: values.out !== undefined,
    lists: true,
  });
  if (!outcome.ok) {
    printProblems(io, outcome.problems);
    return EXIT.input;
  }
  io.out(textReport(outcome.ruleset, outcome.evaluation));
  // Both outputs or neither: exit 2 means nothing was written.
  const outputs: Output[] = [];
  if (values.out)
    outputs.push({
      flag: "--out",
      path: values.out,
      data: await port.save(),
      verify: (await import("../workbook/xlsx/verify-output")).verifyWrittenXlsx,
    });
  if (values.json)
    outputs.push({ flag: "--json", path: values.json, data: `${JSON.stringify(jsonReport(outcome.evaluation), null, 2)}\n` });
  await writeOutputs(outputs);
  if (values.out) io.out(`\nĐã ghi ${values.out} (trang "${outcome.statusSheet}")`);
  if (values.json) io.out(`Đã ghi báo cáo JSON ${values.json}`);
  return EXIT.ok;
}

async function cmdPropose(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ruleset: { type: "string" }, json: { type: "string" } }, 1);
  const file = positionals[0];
  if (!file || !values.ruleset) throw new UsageError("cần tên tệp .xlsx và --ruleset ID");
  if (values.json !== undefined) checkOutputPaths([{ flag: "--json", path: values.json }]);
  const ruleset = catalog(io).get(values.ruleset);
  if (!ruleset) {
    io.err(unknownRuleset(values.ruleset));
    return EXIT.input;
  }
  const [{ XlsxWorkbook }, { proposeForWorkbook }] = await Promise.all([import("../workbook/xlsx/adapter"), import("../app/propose")]);
  const port = await XlsxWorkbook.open(readWorkbookFile(file));
  const stored = (await port.snapshot()).mappingText;
  const existing = stored === undefined ? undefined : parseMappingText("ánh xạ lưu trong sổ tính", stored);
  const base: Mapping =
    existing?.ok && existing.mapping.ruleset === ruleset.id ? existing.mapping : { ruleset: ruleset.id, indicators: {} };
  const proposals = await proposeForWorkbook(port, ruleset, base);
  for (const p of proposals) io.out(`${p.code} ${p.slot} ← ${p.ref}: ${p.reason}`);
  io.out(`${proposals.length} đề xuất; các ô nhập chưa có đề xuất phải gán tay trong tệp ánh xạ.`);
  if (values.json) {
    await writeOutputs([{ flag: "--json", path: values.json, data: `${mappingToText(applyProposals(base, proposals))}\n` }]);
    io.out(`Đã ghi ánh xạ đề xuất ${values.json} — xem lại rồi dùng: chitieu evaluate ${file} --mapping ${values.json}`);
  }
  return EXIT.ok;
}

export const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  rulesets: cmdRulesets,
  template: cmdTemplate,
  evaluate: cmdEvaluate,
  propose: cmdPropose,
  check: (args, io) => checkCommand(args, io),
  report: (args, io) => reportCommand(args, io, { rulesets: () => catalog(io), usage: (m) => new UsageError(m) }),
  rollup: (args, io) => rollupCommand(args, io, { ...defaultRollupDeps(), loadRulesets: () => loadRulesetDir() }),
  lists: (args, io) => listsCommand(args, io, { rulesets: () => catalog(io), usage: (m) => new UsageError(m) }),
  sample: (args, io) =>
    args.includes("--communes")
      ? corpusCommand(
          args,
          io,
          () => catalog(io),
          (m) => new UsageError(m),
        )
      : runSample(
          args,
          io,
          (a) => parse(a, { "out-dir": { type: "string" }, residents: { type: "string" } }),
          (argv) => main(argv, io),
        ),
};

/** Runs one command; every failure a clerk can cause ends as a one-line Vietnamese message, never a stack trace. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lỗi: không có lệnh "${name}" (unknown command)\n\n${HELP}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${COMMAND_HELP[name] ?? HELP}\n\n${EXIT_HELP}`);
    return EXIT.ok;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Lỗi cú pháp: ${e.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (e instanceof WorkbookError) {
      io.err(`Lỗi: ${e.message}`);
      return EXIT.input;
    }
    // Reserved for our own bugs: the file and the command are what the maintainer needs to reproduce it.
    const file = rest.find((a) => /\.xlsx$/i.test(a));
    io.err(
      `Lỗi không mong đợi${file ? ` khi xử lý "${file}"` : ""}: ${e instanceof Error ? e.message : String(e)} — đây là lỗi của phần mềm; hãy gửi tệp và dòng lệnh "chitieu ${name} …" cho người bảo trì (unexpected error)`,
    );
    return EXIT.input;
  }
}
