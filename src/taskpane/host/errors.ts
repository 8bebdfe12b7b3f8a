import { WorkbookError } from "../../workbook/port";

/** Office.js error codes (OfficeExtension.ErrorCodes / Excel.ErrorCodes) and what the clerk should do. */
const OFFICE_CODES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc trong ô đó rồi thử lại.",
  AccessDenied: "Excel không cho phép thao tác này: trang tính hoặc sổ tính đang được bảo vệ, hoặc tệp chỉ đọc — bỏ bảo vệ (Xem lại › Bỏ bảo vệ) hoặc lưu thành bản khác rồi thử lại.",
  ItemNotFound: "Không tìm thấy tên hoặc trang tính này trong sổ tính — có thể nó đã bị xóa hoặc đổi tên. Bấm “Đọc lại sổ tính” rồi thử lại.",
  InvalidReference: "Tham chiếu không hợp lệ — tên có thể đang trỏ tới #REF!. Sửa tên trong Công thức › Trình quản lý tên.",
  InvalidArgument: "Excel không nhận tham chiếu này — kiểm tra lại tên trang và địa chỉ ô.",
  RequestPayloadSizeLimitExceeded: "Dữ liệu gửi sang Excel quá lớn cho một lần — hãy thử lại; nếu vẫn lỗi, chia nhỏ danh sách.",
  ResponsePayloadSizeLimitExceeded: "Dữ liệu Excel trả về quá lớn cho một lần — hãy thu gọn vùng được đặt tên.",
  ActivityLimitReached: "Excel đang bận xử lý quá nhiều thao tác — đợi một lát rồi thử lại.",
  NotImplemented: "Phiên bản Excel này chưa hỗ trợ thao tác này — hãy cập nhật Office hoặc dùng trang độc lập trên trình duyệt.",
  ApiNotFound: "Phiên bản Excel này chưa hỗ trợ thao tác này — hãy cập nhật Office hoặc dùng trang độc lập trên trình duyệt.",
  Conflict: "Sổ tính vừa bị thay đổi ở nơi khác — đợi một lát rồi thử lại.",
  GeneralException: "Excel báo lỗi chung khi thực hiện — hãy lưu sổ tính rồi thử lại.",
};

/** Any failure as one Vietnamese sentence that says what to do — never a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof WorkbookError) return e.message;
  if (typeof e === "object" && e !== null) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && OFFICE_CODES[code]) return OFFICE_CODES[code];
  }
  const message = e instanceof Error ? e.message : String(e);
  return `Không thực hiện được: ${message}`;
}
