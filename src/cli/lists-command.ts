/*
 * chitieu lists FILE.xlsx [--mapping M.json] [--as-of YYYY-MM-DD] --out OUT.xlsx [--only PL03,PL05]
 *                         [--ruleset ID] [--group-by-village]
 *
 * Builds the appendix lists (Phụ lục 03–07) from the workbook's rosters and writes them, with the
 * mapping (its `lists` key filled in), into OUT.xlsx. Exit codes as main.ts: 0 lists written (problems
 * in the rosters are printed, they do not stop the lists), 1 wrong usage, 2 an input that must be
 * fixed first (no report date, no roster at all, a bad mapping, a file that cannot be read). The report
 * date is --as-of, else the template's "Ngày báo cáo" cell (mapping.asOfRef), else the mapping's asOf.
 */
import { parseArgs } from "util";
import type { ListSummary } from "../app/lists";
import type { RulesetCatalog } from "../app/catalog";
import type { Finding as Finding } from "../core/evaluate/result";
import type { ListId } from "../core/lists/ids";
import { parseListIds } from "../core/lists/templates";
import { formatInteger } from "../core/text/format";
import { readWorkbookFile } from "../node/files";
import { checkOutputPaths, writeOutputs } from "../node/outputs";
import { readCommonInputs } from "./inputs";
import type { Io } from "./io";
import { withCliHint } from "./hints";

export type ListsDeps = {
  /** The ruleset catalog (main.ts's catalog(io), which warns about broken ruleset files). */
  rulesets: () => RulesetCatalog;
  /** main.ts's UsageError, so a wrong command line prints the help and exits 1. */
  usage: (message: string) => Error;
};

export const LISTS_HELP = `  chitieu lists FILE.xlsx --out OUT.xlsx [--mapping MAP.json] [--as-of YYYY-MM-DD]
                [--only PL03,PL05] [--ruleset ID] [--group-by-village]
                                                  lập Phụ lục 03–07 từ các danh sách trong sổ tính`;

const EXIT = { ok: 0, input: 2 } as const;

function listLine(l: ListSummary): string {
  return `${l.appendix} (trang "${l.sheetName}"): ${formatInteger(l.count)} ${l.unit} — trong số ${formatInteger(l.population)} ${l.populationText} của trang "${l.rosterSheet}"`;
}

function problemLine(p: Finding): string {
  return `${p.severity === "loi" ? "Lỗi" : "Cảnh báo"}: ${withFlags(p.message)}`;
}

const withFlags = withCliHint;

export async function listsCommand(args: string[], io: Io, deps: ListsDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        mapping: { type: "string" },
        "as-of": { type: "string" },
        out: { type: "string" },
        only: { type: "string" },
        ruleset: { type: "string" },
        "group-by-village": { type: "boolean" },
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
  if (!file || !values.out) throw deps.usage("cần tên tệp .xlsx và --out OUT.xlsx");
  checkOutputPaths([{ flag: "--out", path: values.out }]);
  let only: ListId[] | undefined;
  if (values.only !== undefined) {
    const ids = parseListIds(values.only);
    if (ids.unknown.length > 0 || ids.ids.length === 0)
      throw deps.usage(`--only "${values.only}": chỉ nhận PL03, PL04, PL05, PL06, PL07, cách nhau bằng dấu phẩy`);
    only = ids.ids;
  }
  const common = readCommonInputs(values);
  if (!common.ok) {
    io.err(common.error);
    return EXIT.input;
  }
  const { asOf, mapping } = common.inputs;
  // Loaded here, not at the top: main.ts imports this file for LISTS_HELP on every start.
  const [{ XlsxWorkbook }, { makeLists }, { verifyWrittenXlsx }] = await Promise.all([
    import("../workbook/xlsx/adapter"),
    import("../app/lists"),
    import("../workbook/xlsx/verify-output"),
  ]);
  const port = await XlsxWorkbook.open(readWorkbookFile(file));
  const outcome = await makeLists(port, {
    rulesets: deps.rulesets(),
    rulesetId: values.ruleset,
    mapping,
    asOf,
    only,
    groupByVillage: values["group-by-village"],
    write: true,
  });
  if (!outcome.ok) {
    for (const p of outcome.problems) io.err(`Lỗi: ${withFlags(p.message)}`);
    return EXIT.input;
  }
  if (outcome.lists.length === 0) {
    for (const p of outcome.problems) io.err(problemLine(p));
    io.err("Lỗi: không lập được phụ lục nào — chưa ghi tệp (no list could be made)");
    return EXIT.input;
  }
  for (const l of outcome.lists) io.out(listLine(l));
  const errors = outcome.problems.filter((p) => p.severity === "loi").length;
  if (outcome.problems.length > 0) {
    io.out(`\n${outcome.problems.length} vấn đề cần xem (${errors} lỗi, ${outcome.problems.length - errors} cảnh báo):`);
    for (const p of outcome.problems) io.err(problemLine(p));
  }
  await writeOutputs([{ flag: "--out", path: values.out, data: await port.save(), verify: verifyWrittenXlsx }]);
  io.out(`\nĐã ghi ${values.out} (${outcome.lists.map((l) => `"${l.sheetName}"`).join(", ")}); ánh xạ danh sách lưu trong sổ tính.`);
  return EXIT.ok;
}
