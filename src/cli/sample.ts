import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { writeFileAtomic } from "../node/files";
import type { Io } from "./main";

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
  mkdirSync(dir, { recursive: true });
  const residents = values.residents === undefined ? undefined : Number(values.residents);
  // Loaded here, not at the top: main.ts imports this file on every start, and the sample needs ExcelJS.
  const { makeSampleCommune } = await import("../sample/commune");
  const sample = await makeSampleCommune(residents === undefined ? {} : { residents });
  const input = join(dir, "xa-minh-tan.xlsx");
  writeFileAtomic(input, sample.bytes);
  io.out(`Sổ tính mẫu: ${input}\n`);
  return run(["evaluate", input, "--out", join(dir, "xa-minh-tan-ket-qua.xlsx"), "--json", join(dir, "xa-minh-tan-ket-qua.json")]);
}
