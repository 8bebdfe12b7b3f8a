import type { Rollup } from "../core/rollup/aggregate";
import { BAD_TEXT, STATUS_TEXT } from "../core/rollup/layout";
import { toExactString } from "../core/evaluate/rational";
import { formatPercent } from "../core/text/format";

/** The --json report: the same content as the workbook, exact fractions as "n/d" strings. */
export function rollupJson(rollup: Rollup) {
  return {
    programmes: rollup.programmes.map((p) => ({
      ruleset: p.ruleset,
      communes: p.communes.map((c) => ({
        commune: c.commune,
        file: c.file,
        reportDate: c.reportDate ?? null,
        overall: c.overall,
        status: c.status,
        check: c.check,
        indicators: c.indicators.map((i) => ({
          code: i.code,
          verdict: i.verdict,
          display: i.display ?? null,
          ...(i.numerator !== undefined && i.denominator !== undefined
            ? { numerator: toExactString(i.numerator), denominator: toExactString(i.denominator) }
            : {}),
        })),
      })),
      superseded: p.superseded.map((s) => ({
        commune: s.report.commune,
        file: s.report.file,
        reportDate: s.report.reportDate ?? null,
        reason: s.reason,
      })),
      indicators: p.tallies.map((t) => ({
        code: t.code,
        counts: t.counts,
        ...(t.numerator !== undefined && t.denominator !== undefined
          ? {
              numerator: toExactString(t.numerator),
              denominator: toExactString(t.denominator),
              ratio: t.ratio ? toExactString(t.ratio) : null,
              summed: t.summed,
            }
          : {}),
      })),
    })),
    badFiles: rollup.bad.map((b) => ({ file: b.file, why: b.why, message: b.message })),
    otherProgramme: rollup.otherProgramme.map((s) => ({
      commune: s.report.commune,
      file: s.report.file,
      ruleset: s.report.ruleset,
      reason: s.reason,
    })),
  };
}

/** What the officer reads in the terminal after the roll-up. */
export function rollupText(rollup: Rollup): string {
  const lines: string[] = [];
  for (const p of rollup.programmes) {
    const dat = p.communes.filter((c) => c.overall.verdict === "dat").length;
    const loi = p.communes.filter((c) => c.check.loi > 0).length;
    const stale = p.communes.filter((c) => c.status.state !== "current").length;
    lines.push(
      `Bộ tiêu chí ${p.ruleset}: ${p.communes.length} xã — ${dat} đạt chung; ${loi} xã còn lỗi cần gửi lại; ${stale} xã có trang trạng thái ${STATUS_TEXT.stale.toLocaleLowerCase("vi")} hoặc chưa có.`,
    );
    for (const t of p.tallies) {
      if (t.ratio !== undefined)
        lines.push(`  ${t.code}: tỷ lệ toàn tỉnh ${formatPercent(t.ratio)} (${toExactString(t.ratio)}, ${t.summed} xã)`);
    }
    for (const s of p.superseded) lines.push(`  Bản cũ, không tính: ${s.report.file}`);
  }
  for (const s of rollup.otherProgramme) lines.push(`Khác bộ tiêu chí, không tính: ${s.report.file} (${s.report.ruleset})`);
  for (const b of rollup.bad) lines.push(`${BAD_TEXT[b.why]}: ${b.file} — ${b.message}`);
  return lines.join("\n");
}
