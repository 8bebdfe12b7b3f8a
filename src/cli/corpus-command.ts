import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { parseArgs } from "util";
import type { RulesetCatalog } from "../app/catalog";
import { writeFileAtomic } from "../node/files";
import type { Io } from "./io";

export const CORPUS_HELP = `  chitieu sample --communes N --out-dir THƯ-MỤC [--seed S] [--min-residents 2000] [--max-residents 20000]
                 [--no-extras]
    tạo N sổ tính của các xã hư cấu (có trang trạng thái, một số có lỗi) và các tệp hỏng, có mật
    khẩu, chưa ánh xạ, bản cũ, bộ tiêu chí khác — để thử chitieu rollup`;

const int = (v: string | undefined, name: string, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} phải là số nguyên không âm: ${v}`);
  return n;
};

/** `chitieu sample --communes N --out-dir DIR`: the corpus written one file at a time. */
export async function corpusCommand(args: string[], io: Io, rulesets: () => RulesetCatalog, usage: (m: string) => Error): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        communes: { type: "string" },
        "out-dir": { type: "string" },
        seed: { type: "string" },
        "min-residents": { type: "string" },
        "max-residents": { type: "string" },
        "no-extras": { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e));
  }
  if (!values["out-dir"]) throw usage("cần --out-dir THƯ-MỤC cùng với --communes N");
  let opts;
  try {
    opts = {
      communes: int(values.communes, "communes", 0),
      seed: int(values.seed, "seed", 7),
      minResidents: int(values["min-residents"], "min-residents", 2000),
      maxResidents: int(values["max-residents"], "max-residents", 20000),
      extras: values["no-extras"] !== true,
    };
    if (opts.minResidents > opts.maxResidents) throw new Error("--min-residents phải không lớn hơn --max-residents");
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e));
  }
  const dir = resolve(values["out-dir"]);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const { makeCorpus } = await import("../sample/corpus");
  for await (const f of makeCorpus(rulesets(), opts)) {
    writeFileAtomic(join(dir, f.name), f.bytes);
    n++;
  }
  io.out(
    `Đã tạo ${n} tệp trong ${dir} (${opts.communes} xã hư cấu${opts.extras ? " và các tệp lỗi để thử" : ""}). Tổng hợp: chitieu rollup ${dir} --out tong-hop.xlsx`,
  );
  return 0;
}
