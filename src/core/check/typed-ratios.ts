import { floor, fromDecimalString, mul, rat, roundHalfUpScaled } from "../evaluate/rational";
import { formatDecimal, formatInteger } from "../text/format";
import { gridRef, type SheetsContext } from "./context";
import { loose, textsOf, typedCount } from "./text";
import { problem, type CheckProblem } from "./types";

/*
 * Ratios the clerk wrote in text, as reports write them: "2865/3986 người …, đạt tỷ lệ 71.8%". The
 * percentage must be a/b rounded half-up to the decimals written (71,9%, not the truncated 71,8%),
 * and a share cannot pass 100% ("44956/5022 … 898.7%").
 */

const COUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
// Not part of a date (13/06/2024) or a decimal: no digit, slash or separator-digit around it.
const FRACTION = new RegExp(String.raw`(?<![\d/.,])(${COUNT})\s*/\s*(${COUNT})(?![\d/]|[.,]\d)`, "g");
const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/;
// Words just before a percentage that make it a target, not a result: "yêu cầu 80%", "trên 70%".
const TARGET_WORDS = /yeu cau|chi tieu giao|muc tieu|ke hoach|toi thieu|≥|>|\btren\s*:?\s*$/;

export function checkTypedRatios(
  sheets: SheetsContext,
  skip: (sheet: string, row: number, col: number) => boolean = () => false,
): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    const texts = textsOf(grid);
    // The texts only: a ratio is written in words, never in a number cell.
    texts.readable.forEach((row, ri) =>
      row.forEach((text, ci) => {
        if (text === undefined || !text.includes("/") || skip(grid.name, ri + 1, ci + 1)) return;
        const ref = gridRef(grid, ri + 1, ci + 1);
        const matches = [...text.matchAll(FRACTION)];
        matches.forEach((m, k) => {
          const a = typedCount(m[1]!);
          const b = typedCount(m[2]!);
          if (a === undefined || b === undefined || b === 0n) return;
          const end = m.index + m[0].length;
          const between = text.slice(end, matches[k + 1]?.index ?? text.length);
          const pm = PERCENT.exec(between);
          const typed = pm && !TARGET_WORDS.test(loose(between.slice(Math.max(0, pm.index - 20), pm.index))) ? pm[1]! : undefined;
          const exact = rat(a * 100n, b);
          const decimals = typed?.match(/[.,](\d+)$/)?.[1]?.length ?? 0;
          const shown = `${formatDecimal(exact, Math.max(decimals, 2))}%`;
          const rounded = `${formatDecimal(exact, decimals)}%`;
          const fraction = `${m[1]}/${m[2]}`;
          if (a > b && (typed !== undefined || /dat|ty le/.test(texts.loose[ri]?.[ci] ?? ""))) {
            out.push(
              problem(
                "typed-share-over-100",
                `Ô ${ref} ghi "${fraction}"${typed ? ` … ${typed}%` : ""}: tỷ lệ vượt 100% (${fraction} = ${shown}) — số đạt không thể nhiều hơn tổng số. Hãy kiểm tra lại tử số và mẫu số (thường là gõ thừa một chữ số).`,
                { ref },
              ),
            );
            return;
          }
          if (typed === undefined) return;
          const scaled = roundHalfUpScaled(exact, decimals);
          const typedValue = fromDecimalString(typed.replace(",", "."));
          const typedScaled = mul(typedValue, rat(10n ** BigInt(decimals)));
          if (typedScaled.d === 1n && typedScaled.n === scaled) return;
          const truncated = typedScaled.d === 1n && typedScaled.n === floor(mul(exact, rat(10n ** BigInt(decimals))));
          const why = truncated ? "số bị cắt bớt chứ không làm tròn" : "tỷ lệ ghi không khớp với phân số";
          out.push(
            problem(
              "typed-percent-rounding",
              `Ô ${ref} ghi ${fraction} là ${typed}% nhưng ${formatInteger(a)}/${formatInteger(b)} = ${shown}, làm tròn ${decimals === 0 ? "đến hàng đơn vị" : `${decimals} chữ số thập phân`} là ${rounded} (${why}) — hãy sửa thành ${rounded}.`,
              { ref, suggestion: rounded },
            ),
          );
        });
      }),
    );
  }
  return out;
}
