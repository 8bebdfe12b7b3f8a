import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { writeFileAtomic } from "../node/files";
import { checkOutputPaths } from "../node/outputs";
import { WorkbookError } from "../workbook/port";
import type { Io } from "./io";

export const SAMPLE_DIR = "sample-output";

/**
 * The whole job on the bundled sample commune: generate its workbook (fictitious people, figures
 * computed from its rosters), then evaluate it and write the result beside it.
 */
export async function runSample(
  args: string[],
  io: Io,
  parse: (a: string[]) => { values: { "out-dir"?: string | undefined; residents?: string | undefined } },
  run: (argv: string[]) => Promise<number>,
): Promise<number> {
  const { values } = parse(args);
  const dir = resolve(values["out-dir"] ?? SAMPLE_DIR);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    const file = code === "EEXIST" || code === "ENOTDIR";
    const why = file ? "đường dẫn đó (hoặc một phần của nó) là một tệp, không phải thư mục" : "không có quyền tạo thư mục ở đó";
    throw new WorkbookError(
      `Không tạo được thư mục --out-dir "${dir}": ${why} — hãy chọn thư mục khác (${file ? "not a directory" : "cannot create the folder"})`,
      "other",
    );
  }
  checkOutputPaths([{ flag: "--out-dir", path: join(dir, "xa-minh-tan.xlsx") }]);
  const residents = values.residents === undefined ? undefined : Number(values.residents);
  // Loaded here, not at the top: main.ts imports this file on every start, and the sample needs ExcelJS.
  const { makeSampleCommune } = await import("../sample/commune");
  const sample = await makeSampleCommune(residents === undefined ? {} : { residents });
  const input = join(dir, "xa-minh-tan.xlsx");
  writeFileAtomic(input, sample.bytes);
  io.out(`Sổ tính mẫu: ${input}\n`);
  return run(["evaluate", input, "--out", join(dir, "xa-minh-tan-ket-qua.xlsx"), "--json", join(dir, "xa-minh-tan-ket-qua.json")]);
}
