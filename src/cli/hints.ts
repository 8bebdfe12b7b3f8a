/*
 * The app's messages speak to the pane ("hãy chọn bộ tiêu chí", "hãy nhập Ngày báo cáo"); on the
 * command line the same step is an option or a command, said here as a suffix.
 */
const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Chưa có ngày báo cáo/, "trên dòng lệnh: --as-of YYYY-MM-DD"],
  [/^Sổ tính chưa có ánh xạ/, "trên dòng lệnh: --mapping ANH-XA.json hoặc --ruleset MÃ; sổ mẫu: chitieu template"],
  [/^Không có bộ tiêu chí/, "xem danh sách bằng chitieu rulesets"],
  [
    /^Ánh xạ lưu trong sổ tính .* bị hỏng/,
    "trên dòng lệnh: chitieu propose TỆP --ruleset MÃ --json anh-xa.json, xem lại tệp anh-xa.json rồi chạy lại lệnh với --mapping anh-xa.json",
  ],
];

/** Steps named inside a message, by the pane's button. */
const INSIDE: ReadonlyArray<readonly [RegExp, string]> = [
  [/bấm “Ghi trang Trạng thái chỉ tiêu”/, "trên dòng lệnh: chitieu evaluate TỆP.xlsx --out TỆP.xlsx"],
];

export function withCliHint(message: string): string {
  const hint = [...HINTS, ...INSIDE].find(([when]) => when.test(message));
  return hint ? `${message} (${hint[1]})` : message;
}
