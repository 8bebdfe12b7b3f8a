import { parseRangeRef, type RangeAddress } from "../ref/a1";
import type { CheckProblem } from "./types";

/*
 * What the task pane's "Kiểm tra trước khi gửi" view shows, as plain data: the verdict line, then
 * lỗi and cảnh báo as lists whose items know what a click selects. The component only renders this
 * and calls `select(target)`; it knows nothing of Excel.
 */

/** What a click selects: a cell or range on a sheet, or a defined name; nothing for a JSON path. */
export type SelectTarget = { kind: "range"; range: RangeAddress; address: string } | { kind: "name"; name: string };

export function selectTarget(ref: string | undefined): SelectTarget | undefined {
  if (ref === undefined) return undefined;
  const range = parseRangeRef(ref);
  if (range) return { kind: "range", range, address: ref };
  if (/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\]*$/u.test(ref) && !/^indicators\./.test(ref) && ref !== "asOf") return { kind: "name", name: ref };
  return undefined;
}

export type CheckViewItem = {
  key: string;
  severity: CheckProblem["severity"];
  title: string;
  message: string;
  where?: string;
  target?: SelectTarget;
  suggestion?: string;
};

export type CheckView = {
  heading: "Kiểm tra trước khi gửi";
  /** "Có 3 lỗi cần sửa trước khi gửi, 2 cảnh báo." / "Không có lỗi — có thể gửi (2 cảnh báo nên xem)." */
  summary: string;
  canSend: boolean;
  sections: Array<{ severity: CheckProblem["severity"]; title: string; items: CheckViewItem[] }>;
};

/** The message without the title it would repeat: "Chỉ tiêu 1.1.1" over "Chỉ tiêu 1.1.1 chưa có…" reads "Chưa có…". */
export function withoutTitle(title: string, message: string): string {
  if (!message.toLocaleLowerCase("vi").startsWith(title.toLocaleLowerCase("vi"))) return message;
  const rest = message.slice(title.length);
  // "Chỉ tiêu 1.1.10…" is another indicator, not the title repeated.
  if (!/^[\s:,]/.test(rest)) return message;
  const t = rest.replace(/^[\s:,]+/, "");
  return t === "" ? message : t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
}

export function checkView(problems: readonly CheckProblem[]): CheckView {
  const items = problems.map((p, i): CheckViewItem => {
    const target = selectTarget(p.ref);
    const title = p.code ? `Chỉ tiêu ${p.code}` : p.severity === "loi" ? "Lỗi" : "Cảnh báo";
    const item: CheckViewItem = { key: `${i}:${p.checkId}`, severity: p.severity, title, message: withoutTitle(title, p.message) };
    if (p.ref !== undefined) item.where = p.ref;
    if (target) item.target = target;
    if (p.suggestion !== undefined) item.suggestion = p.suggestion;
    return item;
  });
  const loi = items.filter((i) => i.severity === "loi");
  const canhBao = items.filter((i) => i.severity !== "loi");
  const warn = canhBao.length > 0 ? `${canhBao.length} cảnh báo nên xem` : "";
  const summary =
    loi.length > 0
      ? `Có ${loi.length} lỗi cần sửa trước khi gửi${warn ? `, ${warn}` : ""}.`
      : `Không có lỗi — có thể gửi${warn ? ` (${warn})` : ""}.`;
  const sections: CheckView["sections"] = [];
  if (loi.length > 0) sections.push({ severity: "loi", title: `Lỗi (${loi.length})`, items: loi });
  if (canhBao.length > 0) sections.push({ severity: "canh-bao", title: `Cảnh báo (${canhBao.length})`, items: canhBao });
  return { heading: "Kiểm tra trước khi gửi", summary, canSend: loi.length === 0, sections };
}
