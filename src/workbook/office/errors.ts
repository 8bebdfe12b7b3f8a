/*
 * Errors from Excel (OfficeExtension.Error: a string `code` from OfficeExtension.ErrorCodes or
 * Excel.ErrorCodes, a localized `message` not meant for users, `debugInfo`) turned into a
 * WorkbookError whose message tells the clerk what to do. Codes are compared as strings: the
 * Excel global is never read here.
 */
import { WorkbookError } from "../port";

/** What the caller knew when the error came, to make the message precise. */
export type ErrorHint = {
  /** Sheets the request named: an ItemNotFound is about one of them. */
  sheets?: readonly string[];
  /** The workbook reported readOnly (ExcelApi 1.8) in the last snapshot. */
  readOnly?: boolean;
  /** The workbook's structure was protected (ExcelApi 1.7) in the last snapshot. */
  structureProtected?: boolean;
};

/** The sentences, shared with the adapter's own checks so the clerk reads the same words either way. */
export const MESSAGES = {
  cellEditMode: "Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc rồi thử lại",
  protectedSheet: (sheet: string) => `Trang tính "${sheet}" đang được bảo vệ — hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại`,
  protectedWorkbook:
    "Cấu trúc sổ tính đang được bảo vệ nên không thêm được trang mới — hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi thử lại",
  protectedStructureHide: (sheet: string) =>
    `Cấu trúc sổ tính đang được bảo vệ nên Chỉ tiêu xã không ẩn được trang "${sheet}" (trang lưu ánh xạ, phải ẩn hẳn) — ` +
    "hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi chạy lại; chưa có gì bị ghi",
  hiddenSheet: (ref: string, sheet: string) =>
    `Ô ${ref} nằm trên trang tính "${sheet}" đang bị ẩn nên Excel không chọn được — hãy bỏ ẩn trang ` +
    "(chuột phải vào một thẻ trang › Bỏ ẩn) rồi bấm lại",
  readOnly: "Sổ tính đang mở ở chế độ chỉ đọc — hãy bấm Cho phép chỉnh sửa, hoặc lưu một bản sao (Tệp › Lưu như) rồi mở bản đó và thử lại",
  accessDenied:
    "Excel không cho ghi vào sổ tính: trang tính hoặc sổ tính đang được bảo vệ, hoặc tệp đang mở chỉ đọc — " +
    "hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) hoặc lưu một bản sao rồi thử lại",
  noSuchSheet: (sheets: readonly string[]) =>
    sheets.length === 1
      ? `Không có trang tính "${sheets[0]}" trong sổ tính`
      : `Không tìm thấy một trong các trang tính ${sheets.map((s) => `"${s}"`).join(", ")} — có thể trang vừa bị xóa hoặc đổi tên; hãy đọc lại sổ tính rồi thử lại`,
  notFound: "Không tìm thấy trang hoặc vùng ô cần dùng — có thể nó vừa bị xóa hoặc đổi tên; hãy đọc lại sổ tính rồi thử lại",
  alreadyExists:
    "Trong sổ tính vừa có một trang trùng tên với trang Chỉ tiêu xã định tạo (có thể vừa được tạo) — hãy đọc lại sổ tính rồi chạy lại; trang đó không bị ghi đè",
  unsupported:
    "Phiên bản Excel này chưa có chức năng Chỉ tiêu xã cần — hãy cập nhật Office (Excel 2019 trở lên hoặc Microsoft 365), hoặc dùng trang Chỉ tiêu xã trong trình duyệt với tệp .xlsx",
  inactive: "Đang mở nhiều sổ tính và sổ này không còn được chọn — hãy bấm vào cửa sổ của sổ tính này rồi thử lại",
  conflict: "Sổ tính vừa được sửa ở nơi khác (đang cùng soạn) — hãy đợi một lát rồi thử lại",
  aborted: "Excel đã dừng yêu cầu giữa chừng — hãy thử lại",
  busy: "Excel đang bận xử lý quá nhiều thao tác — hãy đợi một lát rồi thử lại",
  tooLarge: (code: string) =>
    `Dữ liệu gửi hoặc nhận trong một lần vượt giới hạn của Excel — hãy báo cho người hỗ trợ kèm mã lỗi ${code}; có thể thử làm việc với tệp .xlsx trong trình duyệt (${code})`,
  other: (code: string, _message: string) =>
    `Excel báo lỗi khi Chỉ tiêu xã làm việc với sổ tính — hãy lưu sổ tính, đóng mở lại Excel rồi thử lại; nếu vẫn lỗi, hãy báo mã ${code}`,
};

type Build = (hint: ErrorHint, message: string, code: string) => WorkbookError;

const fixed =
  (message: string, code: WorkbookError["code"]): Build =>
  () =>
    new WorkbookError(message, code);

const BY_CODE: Record<string, Build> = {
  InvalidOperationInCellEditMode: fixed(MESSAGES.cellEditMode, "busy"),
  AccessDenied: (hint) =>
    hint.readOnly
      ? new WorkbookError(MESSAGES.readOnly, "read-only")
      : hint.structureProtected
        ? new WorkbookError(MESSAGES.protectedWorkbook, "protected")
        : new WorkbookError(MESSAGES.accessDenied, "protected"),
  ItemNotFound: (hint) =>
    hint.sheets && hint.sheets.length > 0
      ? new WorkbookError(MESSAGES.noSuchSheet(hint.sheets), "not-found")
      : new WorkbookError(MESSAGES.notFound, "not-found"),
  ItemAlreadyExists: fixed(MESSAGES.alreadyExists, "not-owned"),
  ApiNotFound: fixed(MESSAGES.unsupported, "unsupported"),
  ApiNotAvailable: fixed(MESSAGES.unsupported, "unsupported"),
  NotImplemented: fixed(MESSAGES.unsupported, "unsupported"),
  InactiveWorkbook: fixed(MESSAGES.inactive, "busy"),
  Conflict: fixed(MESSAGES.conflict, "busy"),
  RequestAborted: fixed(MESSAGES.aborted, "busy"),
  ActivityLimitReached: fixed(MESSAGES.busy, "busy"),
  RequestPayloadSizeLimitExceeded: (_h, _m, code) => new WorkbookError(MESSAGES.tooLarge(code), "other"),
  ResponsePayloadSizeLimitExceeded: (_h, _m, code) => new WorkbookError(MESSAGES.tooLarge(code), "other"),
  RangeExceedsLimit: (_h, _m, code) => new WorkbookError(MESSAGES.tooLarge(code), "other"),
};

/** The code of an Office.js error (RichApi.Error); undefined for anything else. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/**
 * A WorkbookError for an Office.js error. A WorkbookError passes through unchanged; anything that is
 * not an Office error (a TypeError: a bug of ours) is returned as it was, for the caller to rethrow,
 * so tests see it rather than a reassuring sentence.
 */
export function toWorkbookError(error: unknown, hint: ErrorHint = {}): unknown {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  if (code === undefined) return error;
  const message = error instanceof Error ? error.message : String((error as { message?: unknown }).message ?? "");
  const build = BY_CODE[code];
  const out = build ? build(hint, message, code) : new WorkbookError(MESSAGES.other(code, message), "other");
  out.cause = error;
  return out;
}
